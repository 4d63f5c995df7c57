import { describe, expect, it } from 'vitest';
import { CATALOGUES, localeFor } from '../../src/render/locale.js';
import { longDate, longDateWithDay, monthName } from '../../src/render/dates.js';
import { plural } from '../../src/render/plural.js';

const NBSP = '\u00a0';

/** Every key path of a catalogue with the kind of its value (`common.label.date: string`, `roster.title: function/1`). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shape(v, path === '' ? k : `${path}.${k}`));
  return [`${path}: ${typeof value}`];
}

/** What one catalogue has that the other lacks, both ways. */
function differences(a: unknown, b: unknown): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const sa = new Set(shape(a));
  const sb = new Set(shape(b));
  return { onlyInFirst: [...sa].filter((x) => !sb.has(x)), onlyInSecond: [...sb].filter((x) => !sa.has(x)) };
}

describe('catalogues', () => {
  it('en and ru have the same keys, each a text or a function of the same arguments', () => {
    expect(differences(CATALOGUES.en, CATALOGUES.ru)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
    expect(shape(CATALOGUES.en).length).toBeGreaterThan(100);
  });
  it('the comparison finds a key one catalogue lacks (so the test above can fail)', () => {
    const lacking = { ...CATALOGUES.ru, roster: { ...CATALOGUES.ru.roster, officers: undefined } };
    delete (lacking.roster as { officers?: string }).officers;
    expect(differences(CATALOGUES.en, lacking)).toEqual({ onlyInFirst: ['roster.officers: string'], onlyInSecond: [] });
    expect(differences(CATALOGUES.en, { ...CATALOGUES.en, extra: 'x' }).onlyInSecond).toEqual(['extra: string']);
  });
  it('no Russian entry is left empty or in English', () => {
    const texts = (value: unknown): string[] => (typeof value === 'string' ? [value] : value !== null && typeof value === 'object' ? Object.values(value).flatMap(texts) : []);
    for (const s of texts(CATALOGUES.ru)) {
      expect(s.trim(), s).not.toBe('');
      // club.yaml is a file name; everything else is Cyrillic.
      expect(s.replace('club.yaml', '').match(/[A-Za-z]{2,}/g), s).toBeNull();
    }
  });
});

describe('Russian formatting', () => {
  it('full dates with the month in the genitive, as CLDR writes them, with no-break spaces', () => {
    for (let m = 1; m <= 12; m++) {
      const iso = `2019-${String(m).padStart(2, '0')}-16`;
      const cldr = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
      expect(longDate(iso, 'ru').replace(/\u00a0/g, ' ')).toBe(cldr.replace(/\u00a0/g, ' '));
    }
    expect(longDate('2019-06-16', 'ru')).toBe(`16${NBSP}июня 2019${NBSP}г.`);
  });
  it('a month alone in the nominative (as CLDR), after «с» in the genitive, after «в» in the prepositional; a year with «г.»', () => {
    for (let m = 1; m <= 12; m++) {
      const cldr = new Intl.DateTimeFormat('ru', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2002, m - 1, 1)));
      expect(longDate(`2002-${String(m).padStart(2, '0')}`, 'ru').replace(/\u00a0/g, ' ')).toBe(cldr.replace(/\u00a0/g, ' '));
    }
    expect(longDate('2002-12', 'ru', 'genitive')).toBe(`декабря 2002${NBSP}г.`);
    expect(longDate('2002-12', 'ru', 'prepositional')).toBe(`декабре 2002${NBSP}г.`);
    expect(longDate('2008', 'ru')).toBe(`2008${NBSP}г.`);
    expect(monthName(3, 'ru')).toBe('Март');
  });
  it('weekdays as CLDR names them', () => {
    for (let d = 10; d <= 16; d++) {
      const iso = `2019-06-${d}`;
      const cldr = new Intl.DateTimeFormat('ru', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
      expect(longDateWithDay(iso, 'ru').split(',')[0]).toBe(cldr);
    }
    expect(longDateWithDay('2019-06-16', 'ru')).toBe(`воскресенье, 16${NBSP}июня 2019${NBSP}г.`);
  });
  it('plurals by the Russian rules (Intl.PluralRules)', () => {
    const member = (n: number) => plural('ru', n, { one: 'член', few: 'члена', many: 'членов', other: 'члена' });
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map(member)).toEqual(
      ['1 член', '2 члена', '5 членов', '11 членов', '21 член', '22 члена', '25 членов', '101 член', '111 членов'].map((s) => s.replace(' ', NBSP)));
    expect(plural('en', 1, { one: 'member', other: 'members' })).toBe('1 member');
    expect(plural('en', 2, { one: 'member', other: 'members' })).toBe('2 members');
  });
  it('country names from CLDR, «ёлочки», no-break spaces between surname and initials', () => {
    const l = localeFor('ru', undefined);
    expect(['RU', 'CN', 'FI', 'CZ', 'US', 'DE'].map(l.country)).toEqual(['Россия', 'Китай', 'Финляндия', 'Чехия', 'Соединённые Штаты', 'Германия']);
    expect(l.t.common.quote('Таможня')).toBe('«Таможня»');
    expect(l.t.common.list(['Россия', 'Китай', 'Финляндия'])).toBe(`Россия, Китай и${NBSP}Финляндия`);
    expect(l.person({ name: 'Ivanov I.I.', name_native: 'Иванов И.И.' })).toBe(`Иванов${NBSP}И.И.`);
  });
  it('a member is named in the document\'s script when the native name is in it, else by the Latin name', () => {
    const ru = localeFor('ru', undefined);
    const en = localeFor('en', undefined);
    expect(ru.person({ name: 'Wang Li', name_native: '王力' })).toBe('Wang Li');
    expect(ru.person({ name: 'Korhonen J.' })).toBe(`Korhonen${NBSP}J.`);
    expect(en.person({ name: 'Ivanov I.I.', name_native: 'Иванов И.И.' })).toBe('Ivanov I.I.');
  });
  it('the club\'s names in Russian when club.yaml gives them, else in English', () => {
    const info = {
      name: 'Test Club', name_ru: 'Тестовый клуб', founded: '2002', timezone: 'Europe/Moscow', member_countries: [],
      divisions: [{ id: 'moscow', city: 'Moscow', city_ru: 'Москва', since: '2002' }, { id: 'spb', city: 'Saint Petersburg', since: '2008' }],
      positions: [{ id: 'chairman', title: 'Chairman', title_ru: 'Председатель' }],
      outlets: [{ id: 'customs', name: 'Customs', name_ru: 'Таможня', kind: 'magazine' as const }],
    };
    const ru = localeFor('ru', info);
    expect([ru.clubName(), ru.division('moscow'), ru.division('spb'), ru.position('chairman'), ru.outlet('customs')])
      .toEqual(['Тестовый клуб', 'Москва', 'Saint Petersburg', 'Председатель', 'Таможня']);
    const en = localeFor('en', info);
    expect([en.clubName(), en.division('moscow'), en.position('chairman'), en.outlet('customs')]).toEqual(['Test Club', 'Moscow', 'Chairman', 'Customs']);
    // A venue's city (written in English in the meeting) in Russian when club.yaml gives that city's Russian name.
    expect([ru.city('Moscow'), ru.city('Saint Petersburg'), ru.city('Pskov')]).toEqual(['Москва', 'Saint Petersburg', 'Pskov']);
    expect(en.city('Moscow')).toBe('Moscow');
    expect(localeFor('ru', undefined).city('Moscow')).toBe('Moscow');
  });
  it('a Russian signature names the initials first, each held to the next («А. С. Петрова»); a name with no initials, and English, as they are', () => {
    const ru = localeFor('ru', undefined);
    expect(ru.signatory({ name: 'Petrova A.S.', name_native: 'Петрова А.С.' })).toBe(`А.${NBSP}С.${NBSP}Петрова`);
    expect(ru.signatory({ name: 'Korhonen J.' })).toBe(`J.${NBSP}Korhonen`);
    expect(ru.signatory({ name: 'Wang Li', name_native: '王力' })).toBe('Wang Li');
    expect(localeFor('en', undefined).signatory({ name: 'Petrova A.S.', name_native: 'Петрова А.С.' })).toBe('Petrova A.S.');
  });
  it('an English country name takes "the" inside a sentence where English wants it; a Russian one never changes', () => {
    const en = localeFor('en', undefined);
    expect(['US', 'GB', 'AE', 'NL', 'PH', 'KY', 'CF', 'RU', 'CN', 'CZ', 'DE'].map(en.countryInText)).toEqual([
      'the United States', 'the United Kingdom', 'the United Arab Emirates', 'the Netherlands', 'the Philippines', 'the Cayman Islands',
      'the Central African Republic', 'Russia', 'China', 'Czechia', 'Germany',
    ]);
    expect(['PS', 'IO', 'TF', 'VA', 'IM'].map(en.countryInText)).toEqual(['the Palestinian Territories', 'the British Indian Ocean Territory', 'the French Southern Territories', 'Vatican City', 'Isle of Man']);
    expect(en.country('US')).toBe('United States'); // a table cell or a heading: no article
    expect(localeFor('ru', undefined).countryInText('US')).toBe('Соединённые Штаты');
    expect(en.t.report.memberCountries(2, en.t.common.list(['RU', 'US'].map(en.countryInText)))).toBe('It has 2 member countries: Russia and the United States.');
  });
  it('the report says how many countries the club has, not how many are represented: «В клуб входит 1 страна», «входят 13 стран»', () => {
    const t = CATALOGUES.ru.report;
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(t.memberCountries(1, 'Россия'))).toBe('В клуб входит 1 страна: Россия.');
    expect(plain(t.memberCountries(3, 'А, Б и В'))).toBe('В клуб входят 3 страны: А, Б и В.');
    expect(plain(t.memberCountries(13, '…'))).toBe('В клуб входят 13 стран: ….');
    expect(CATALOGUES.en.report.memberCountries(1, 'Russia')).toBe('It has 1 member country: Russia.');
  });
  it('a guest\'s role from the schema\'s examples in Russian; any other role as written', () => {
    const ru = CATALOGUES.ru.agenda;
    expect([ru.guestRole('speaker'), ru.guestRole('Honoured guest'), ru.guestRole('moderator of the panel')]).toEqual(['докладчик', `почётный гость`, 'moderator of the panel']);
    expect(CATALOGUES.en.agenda.guestRole('speaker')).toBe('speaker');
  });
});

describe('the Russian minutes agree with their numbers', () => {
  const t = CATALOGUES.ru.minutes;
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('the verb, the members, the countries and the guests each take the form their number wants', () => {
    expect(plain(t.presentCount(1, 1, 0))).toBe('Присутствовал 1 член клуба из 1 страны.');
    expect(plain(t.presentCount(5, 4, 0))).toBe('Присутствовали 5 членов клуба из 4 стран.');
    expect(plain(t.presentCount(21, 21, 2))).toBe('Присутствовал 21 член клуба из 21 страны и 2 гостя.');
    expect(plain(t.presentCount(3, 2, 5))).toBe('Присутствовали 3 члена клуба из 2 стран и 5 гостей.');
    // Of the members, not of the guests the sentence before also counts.
    expect(plain(t.participantsMarked(1))).toBe(' Среди членов клуба — 1 участник из страны, не входящей в клуб.');
    expect(plain(t.participantsMarked(2))).toBe(' Среди членов клуба — 2 участника из стран, не входящих в клуб.');
    expect(plain(t.participantsMarked(5))).toBe(' Среди членов клуба — 5 участников из стран, не входящих в клуб.');
    expect(CATALOGUES.en.minutes.participantsMarked(1)).toBe(' Of the members, 1 is a participant, from a country that is not a member of the club.');
    expect(CATALOGUES.en.minutes.participantsMarked(2)).toBe(' Of the members, 2 are participants, from countries that are not members of the club.');
  });
  it('«Протокол № N» with a narrow no-break space after «№», the kind in the genitive, «года» in a heading', () => {
    expect(t.heading('off-site', '2019-06-20', 2)).toBe('Протокол №\u202f2 выездного заседания 20\u00a0июня 2019\u00a0года');
    expect(t.heading('regular', '2019-03-14', undefined)).toBe('Протокол очередного заседания 14\u00a0марта 2019\u00a0года');
    expect(t.title('Клуб', 3, '2020')).toBe('Клуб: протокол №\u202f3 за\u00a02020\u00a0год'); // «год» never alone on a title's last line
    expect(CATALOGUES.en.minutes.title('Club', 3, '2020')).toBe('Club: minutes No. 3 of 2020');
  });
  it('the next meeting is a sentence: a capital letter, one full stop after «г.»', () => {
    expect(t.nextMeetingText('будет определено')).toBe('Будет определено.');
    expect(t.nextMeetingText('20\u00a0июня 2019\u00a0г.')).toBe('20\u00a0июня 2019\u00a0г.');
    expect(t.nextMeetingText('20\u00a0июня 2019\u00a0г., Pskov')).toBe('20\u00a0июня 2019\u00a0г., Pskov.');
  });
});
