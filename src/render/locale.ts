import { lazyCollator } from '../model/collation.js';
import { countryName } from '../model/countries.js';
import type { ClubInfo, IsoDate, Language, Member, PartialDate } from '../model/types.js';
import { en, type Catalogue } from './catalogue/en.js';
import { ru } from './catalogue/ru.js';
import { regionInRussian } from './regions.js';
import { longDate, longDateWithDay, monthName, wholeDate, type DateCase } from './dates.js';

export const LANGUAGES: readonly Language[] = ['en', 'ru'];
export const CATALOGUES: Record<Language, Catalogue> = { en, ru };

const NBSP = '\u00a0';
const CYRILLIC_ONLY = /^[\p{Script=Cyrillic}\P{L}]*$/u;
/**
 * English country names (as the table has them, from CLDR) that take "the" inside a sentence (…, Russia and the
 * United States): those that name a state by what it is (the United …, the Central African and the Dominican
 * Republic), and the plural ones and territories (the Netherlands, the Philippines, the Cayman Islands, the
 * Palestinian Territories, the British Indian Ocean Territory).
 */
const TAKES_THE = /^(?:United |Central African Republic$|Dominican Republic$|Netherlands$|Caribbean Netherlands$|Philippines$|Bahamas$|Gambia$|Maldives$|Comoros$|Seychelles$|.* Islands$|.* Territor(?:y|ies)$)/;

/** What a document needs to speak one language: its fixed words, dates, country names, order, and the club's names in it. */
export interface Locale {
  lang: Language;
  t: Catalogue;
  date(date: PartialDate, grammaticalCase?: DateCase): string;
  /** The date with no-break spaces throughout, for a table cell: never "14 марта / 2019 г." in a narrow column (unless the table has no room for it: docx.ts columnWidths). */
  wholeDate(date: PartialDate): string;
  dateWithDay(date: IsoDate): string;
  month(month: number): string;
  country(code: string): string;
  /** A country's name inside a sentence: in English with "the" where the name takes it (the United States, the Netherlands). */
  countryInText(code: string): string;
  /** Names in the order of the language (Russian: by the Russian alphabet). */
  compare(a: string, b: string): number;
  /** The club's own name, and those of its divisions, positions, outlets and sister clubs, in the language when club.yaml gives it. */
  clubName(): string;
  aegis(): string | undefined;
  division(id: string): string;
  position(id: string): string;
  outlet(id: string): string;
  /**
   * A person as the document names them: the native name when it is written in the
   * document's script (Cyrillic for Russian), else the Latin one; in Russian the
   * surname and the initials are held together by a non-breaking space.
   */
  person(member: Pick<Member, 'name' | 'name_native'>): string;
  /** A person under a signature line: in Russian the initials first («А. С. Петрова»), as Russian documents sign. */
  signatory(member: Pick<Member, 'name' | 'name_native'>): string;
  /**
   * A city as a meeting's venue gives it (in English): in Russian, the city_ru club.yaml gives the same city (a
   * division's, an outlet's or a sister club's), else as written.
   */
  city(name: string): string;
  /** A region of Russia as a venue gives it (in English): in Russian, from the table of regions (regions.ts), else as written. */
  region(name: string): string;
}

/** Per language: Intl.Collator's compare, the collator made only for two texts not both printable ASCII (model/collation.ts). */
const collators = new Map<Language, { compare(a: string, b: string): number }>();

export function localeFor(lang: Language, info: ClubInfo | undefined): Locale {
  const t = CATALOGUES[lang];
  let collator = collators.get(lang);
  if (collator === undefined) {
    collator = lazyCollator(lang);
    collators.set(lang, collator);
  }
  const compare = collator.compare;
  const ruOr = (english: string, russian: string | undefined) => (lang === 'ru' && russian ? russian : english);
  const person = (m: Pick<Member, 'name' | 'name_native'>): string => {
    if (lang === 'en') return m.name;
    const name = m.name_native !== undefined && CYRILLIC_ONLY.test(m.name_native) ? m.name_native : m.name;
    return name.replace(/^(\S+) ((?:\p{Lu}\.)+)$/u, `$1${NBSP}$2`);
  };
  let cities: Map<string, string> | undefined;
  return {
    lang,
    t,
    date: (date, grammaticalCase) => longDate(date, lang, grammaticalCase),
    wholeDate: (date) => wholeDate(date, lang),
    dateWithDay: (date) => longDateWithDay(date, lang),
    month: (month) => monthName(month, lang),
    country: (code) => countryName(code, lang),
    countryInText: (code) => {
      const name = countryName(code, lang);
      return lang === 'en' && TAKES_THE.test(name) ? `the ${name}` : name;
    },
    compare,
    clubName: () => (info ? ruOr(info.name, info.name_ru) : t.common.club),
    aegis: () => (info?.aegis ? ruOr(info.aegis, info.aegis_ru) : undefined),
    division: (id) => {
      const d = info?.divisions.find((x) => x.id === id);
      return d ? ruOr(d.city, d.city_ru) : id;
    },
    position: (id) => {
      const p = info?.positions.find((x) => x.id === id);
      return p ? ruOr(p.title, p.title_ru) : id;
    },
    outlet: (id) => {
      const o = info?.outlets?.find((x) => x.id === id);
      return o ? ruOr(o.name, o.name_ru) : id;
    },
    person,
    // «А.\u00a0С.\u00a0Петрова»: each initial held to the next, as typograf sets them before a surname.
    signatory: (m) => (lang === 'ru'
      ? person(m).replace(/^(\S+)\u00a0((?:\p{Lu}\.)+)$/u, (_, surname: string, initials: string) => `${initials.replace(/\.(?=\p{Lu})/gu, `.${NBSP}`)}${NBSP}${surname}`)
      : person(m)),
    city: (name) => {
      if (lang === 'en' || info === undefined) return name;
      if (cities === undefined) {
        cities = new Map();
        for (const c of [...info.divisions, ...info.outlets ?? [], ...info.sister_clubs ?? []]) {
          if (c.city !== undefined && c.city_ru && !cities.has(c.city)) cities.set(c.city, c.city_ru);
        }
      }
      return cities.get(name) ?? name;
    },
    region: (name) => (lang === 'ru' ? regionInRussian(name) ?? name : name),
  };
}

/** Items ordered by the name of their country in the document's language. */
export function byCountryName<T>(l: Locale, items: readonly T[], code: (item: T) => string): T[] {
  return [...items].sort((a, b) => l.compare(l.country(code(a)), l.country(code(b))));
}

/** Items ordered by a name, in the document's language. */
export const byName = <T>(l: Locale, items: readonly T[], name: (item: T) => string): T[] =>
  [...items].sort((a, b) => l.compare(name(a), name(b)));
