import type { PartialDate } from '../../model/types.js';
import { longDate, wholeDate } from '../dates.js';
import { plural, pluralWord } from '../plural.js';
import type { Catalogue } from './en.js';

const NBSP = '\u00a0';
/** A narrow no-break space, as typograf puts it after «№». */
const NNBSP = '\u202f';
/** The kinds of common.kind after «Протокол … » (of the … meeting): in the genitive. */
const KIND_GENITIVE: Record<string, string> = {
  regular: 'очередного заседания',
  'off-site': 'выездного заседания',
  extraordinary: 'внеочередного заседания',
  joint: 'совместного заседания с клубом-побратимом',
};
/** A guest's role as the schema's examples and README give it, in Russian. */
const GUEST_ROLES: Record<string, string> = {
  speaker: 'докладчик',
  'honoured guest': 'почётный гость',
  'honored guest': 'почётный гость',
  'guest of honour': 'почётный гость',
  'guest of honor': 'почётный гость',
  observer: 'наблюдатель',
  interpreter: 'переводчик',
};
// Russian typography: a short word (в, с, на, по, без, для, при…) does not end a line; the same
// words typograf's Russian rules hold together with the next one.
const SHORT = /(^|[\s(«„\u00a0])([а-яё]{1,2}|без|если|для|или|как|обо|про|при|под) /giu;
// A year and «год» after it stay on one line as «2019 г.» does: «за 2019 / год» left «год» alone on a title's last line.
const nb = (s: string) => s.replace(SHORT, `$1$2${NBSP}`).replace(SHORT, `$1$2${NBSP}`).replace(/(\d{4}) (год[а-я]*)(?![а-яё])/gu, `$1${NBSP}$2`);

/** Every text of a catalogue, and every text its functions return, set by the rule above. */
function typeset<T>(value: T): T {
  // A sentence that ends with «г.» gets no second full stop: «по 30 июня 2020 г.», not «г..».
  if (typeof value === 'string') return nb(value).replace(/(\u00a0г)\.\.(?=\s|$)/g, '$1.') as T;
  if (typeof value === 'function') {
    const f = value as unknown as (...args: unknown[]) => unknown;
    // Keep the arity: the catalogue test compares it with en's.
    const wrapped = { [f.name]: (...args: unknown[]) => typeset(f(...args)) }[f.name]!;
    Object.defineProperty(wrapped, 'length', { value: f.length });
    return wrapped as T;
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeset(v)])) as T;
  return value;
}
const n = (count: number, one: string, few: string, many: string) => plural('ru', count, { one, few, many, other: few });
const date = (d: PartialDate) => longDate(d, 'ru');
/** «в декабре 2002 г.», «в 2008 г.», but «16 июня 2019 г.» with no preposition. */
const when = (d: PartialDate) => (d.length === 10 ? date(d) : `в ${longDate(d, 'ru', 'prepositional')}`);

/** A date at the end of a heading: «года» in full, as a heading ends with no full stop. */
const headingDate = (d: PartialDate) => date(d).replace(/\u00a0г\.$/, `${NBSP}года`);
/** «на 2019 год», or «с 1 сентября 2019 г. по 30 июня 2020 г.» (at the end of a heading, «года»). */
const period = (from: PartialDate, to: PartialDate, year: number | undefined, atEnd = false) =>
  (year !== undefined ? `на ${year} год` : atEnd ? `с ${headingDate(from)} по ${headingDate(to)}` : `с ${date(from)} по ${date(to)}`);

/** Every fixed word of every document, in Russian: the keys of en.ts, in the same order. */
export const ru: Catalogue = typeset<Catalogue>({
  common: {
    club: 'Клуб',
    kind: {
      regular: 'очередное заседание',
      'off-site': 'выездное заседание',
      extraordinary: 'внеочередное заседание',
      joint: nb('совместное заседание с клубом-побратимом'),
    },
    status: { planned: 'запланировано', held: 'проведено', cancelled: 'отменено' },
    none: 'Нет.',
    nobody: 'Нет.',
    vacant: 'вакантно',
    toBeAnnounced: 'будет объявлено',
    toBeDecided: 'будет определено',
    notRecorded: 'не записано',
    nextDay: (days: number) => `(+${days}${NBSP}дн.)`,
    quote: (s: string) => `«${s}»`,
    // A dash does not begin a line.
    dash: `${NBSP}— `,
    list: (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} и${NBSP}${items[items.length - 1]}`),
    // «года» in full: a heading ends with no full stop.
    meetingHeading: (kind: string, d: PartialDate) => `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${date(d).replace(/\u00a0г\.$/, `${NBSP}года`)}`,
    label: {
      meeting: 'Заседание:',
      kind: 'Вид:',
      date: 'Дата:',
      venue: 'Место:',
      chair: 'Председательствующий:',
      secretary: 'Секретарь:',
      time: 'Время:',
      place: 'Место:',
    },
    column: {
      position: 'Должность в клубе',
      name: `Ф.${NBSP}И.${NBSP}О.`,
      country: 'Страна',
      organization: 'Организация',
      title: 'Должность',
      division: 'Отделение',
      date: 'Дата',
      kind: 'Вид',
      place: 'Место',
      month: 'Месяц',
      status: 'Статус',
      present: 'Присутствовали',
      email: 'Эл. почта',
      phone: 'Телефон',
    },
  },
  roster: {
    title: (club: string) => `${club}: список членов`,
    asOf: (d: PartialDate) => nb(`По состоянию на ${date(d)}`),
    division: (division: string) => ` Отделение: ${division}.`,
    officers: 'Должностные лица',
    noPositions: nb('В club.yaml не определены должности.'),
    membersByCountry: nb('Члены клуба по странам'),
    noMembers: nb('На эту дату ни одна страна-член не представлена.'),
    participants: nb('Участники из стран, не входящих в клуб'),
    unrepresented: 'Страны-члены без представителей',
    allRepresented: 'Нет: представлены все страны-члены.',
    totals: 'Итоги',
    members: (all: number, representatives: number, participants: number) =>
      nb(`Всего ${n(all, 'член', 'члена', 'членов')} клуба: ${n(representatives, 'представитель', 'представителя', 'представителей')} стран-членов и ${n(participants, 'участник', 'участника', 'участников')}`),
    countriesRepresented: (count: number, of: number) => nb(`Представлено стран-членов: ${count} из ${of}`),
    officersInOffice: (count: number, of: number) => nb(`Занято должностей: ${count} из ${of}`),
  },
  agenda: {
    title: (club: string) => `${club}: повестка дня`,
    opening: 'Открытие заседания',
    openedBy: (chair: string) => `${chair}, председательствующий`,
    approval: (d: PartialDate) => `Утверждение протокола заседания от ${wholeDate(d, 'ru')}`,
    otherBusiness: 'Разное',
    nextMeeting: (whenWhere: string) => `Дата и место следующего заседания: ${whenWhere}`,
    closing: 'Закрытие заседания',
    break: (title: string) => `Перерыв: ${title}`,
    chairAs: (name: string, position: string) => `${name} (${position.charAt(0).toLowerCase()}${position.slice(1)})`,
    invitedGuests: 'Приглашённые гости',
    // The roles the schema gives as examples, in Russian; any other as written.
    guestRole: (role: string) => GUEST_ROLES[role.trim().toLowerCase()] ?? role,
    items: 'Вопросы',
    column: { number: '№', time: 'Время', item: 'Вопрос', presenter: 'Докладчик' },
    noStart: nb('Время начала не указано, поэтому у вопросов нет времени.'),
    cannotProject: (titles: string) => nb(`Время окончания рассчитать нельзя: не указана продолжительность вопросов ${titles}.`),
    projectedEnd: (end: string, planned?: string) => `Расчётное окончание: ${end}${planned ? ` (плановое окончание ${planned})` : ''}.`,
    warning: 'Внимание:',
    overrun: (minutes: number) => nb(`рассмотрение вопросов превысит плановое время на ${n(minutes, 'минуту', 'минуты', 'минут')}.`),
  },
  minutes: {
    title: (club: string, no: number | undefined, year: string) => `${club}: протокол${no !== undefined ? ` №${NNBSP}${no} за ${year} год` : ''}`,
    // «Протокол № 2 выездного заседания 20 июня 2019 года», as an official record is headed.
    heading: (kind: string, d: PartialDate, no: number | undefined) =>
      `Протокол${no !== undefined ? ` №${NNBSP}${no}` : ''} ${KIND_GENITIVE[kind] ?? kind} ${date(d).replace(/\u00a0г\.$/, `${NBSP}года`)}`,
    label: { minutes: 'Протокол:', chair: 'Председатель:', secretary: 'Секретарь:' },
    number: (no: number, year: string, division: string) => `№${NNBSP}${no} за ${year}${NBSP}г., отделение${NBSP}— ${division}`,
    timePlanned: (actual: string, planned: string) => `${actual} (по плану ${planned})`,
    timeAsPlanned: (planned: string) => `${planned} (по плану; фактическое время не записано)`,
    present: 'Присутствовали',
    // The verb agrees with the number: «Присутствовал 21 член», «Присутствовали 5 членов».
    presentCount: (members: number, countries: number, guests: number) =>
      `${pluralWord('ru', members, { one: 'Присутствовал', other: 'Присутствовали' })} ${n(members, 'член', 'члена', 'членов')} клуба из ${n(countries, 'страны', 'стран', 'стран')}${guests > 0 ? ` и ${n(guests, 'гость', 'гостя', 'гостей')}` : ''}.`,
    participantsMarked: (count: number) =>
      ` Среди членов клуба${NBSP}— ${n(count, 'участник', 'участника', 'участников')} из ${pluralWord('ru', count, { one: 'страны, не входящей', other: 'стран, не входящих' })} в клуб.`,
    participant: '(участник)',
    noAttendance: 'Присутствие не отмечено.',
    apologies: 'Отсутствовали по уважительной причине',
    guests: 'Гости',
    invitedAbsent: (guests: string) => `Приглашены, но не присутствовали: ${guests}.`,
    items: 'Рассмотренные вопросы',
    noAgenda: 'Повестка дня не записана.',
    decisions: 'Решения',
    column: { number: '№', decision: 'Решение', responsible: 'Ответственный', due: 'Срок', meeting: 'Заседание' },
    noDecisions: 'Решения не записаны.',
    followUp: 'Контроль исполнения',
    followUpIntro: 'Не выполнены в срок решения прошлых заседаний отделения:',
    noFollowUp: 'Просроченных решений прошлых заседаний нет.',
    nextMeeting: 'Следующее заседание',
    // «Будет определено.»; a date that ends in «г.» takes no second full stop.
    nextMeetingText: (whenWhere: string) => `${whenWhere.charAt(0).toUpperCase()}${whenWhere.slice(1)}${whenWhere.endsWith('.') ? '' : '.'}`,
    signChair: 'Председатель',
    signSecretary: 'Секретарь',
  },
  sheet: {
    title: (club: string) => `${club}: лист регистрации`,
    members: (count: number) => `Члены клуба (${count})`,
    column: { number: '№', titleAndOrganization: 'Должность и организация', signature: 'Подпись' },
    apologiesSent: '(отсутствует по уважительной причине)',
    noMembers: 'На этот день членов клуба нет.',
    invitedGuests: (count: number) => `Приглашённые гости (${count})`,
    noGuests: 'Гости не приглашены.',
  },
  calendar: {
    summary: (kind: string, club: string) => `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${club ? ` — ${club}` : ''}`,
    cancelled: (reason: string | undefined) => `Отменено${reason ? `: ${reason}` : '.'}`,
    // A Russian date ends in «г.»: no second full stop.
    movedFrom: (d: PartialDate) => `Перенесено с ${longDate(d, 'ru', 'genitive')}`,
    agenda: 'Повестка дня:',
  },
  plan: {
    title: (club: string, from: PartialDate, to: PartialDate, year?: number) => `${club}: план работы ${period(from, to, year, true)}`,
    column: { title: 'Тема', topics: 'Вопросы и докладчики' },
    noMeetings: (from: PartialDate, to: PartialDate, year?: number) => `Заседания ${period(from, to, year)} не запланированы.`,
    movedFrom: (d: PartialDate) => ` (перенесено с ${wholeDate(d, 'ru')})`,
    cancelledBecause: (reason: string) => `отменено: ${reason}`,
  },
  report: {
    title: (club: string, from: PartialDate, to: PartialDate, year?: number) =>
      `${club}: ${year !== undefined ? `годовой отчёт за ${year} год` : `отчёт за период ${period(from, to, undefined, true)}`}`,
    theClub: 'О клубе',
    noClub: 'Файл club.yaml прочитать не удалось.',
    founded: (club: string, d: PartialDate, aegis?: string) => `${club} основан ${when(d)}${aegis ? ` под эгидой ${aegis}` : ''}.`,
    foundingCountries: (countries: string) => `Страны-основатели: ${countries}.`,
    divisions: (count: number, list: string) => `У клуба ${n(count, 'отделение', 'отделения', 'отделений')}: ${list}.`,
    divisionSince: (city: string, since: PartialDate) => `${city} (с ${longDate(since, 'ru', 'genitive')})`,
    memberCountries: (count: number, list: string) => `В клуб ${pluralWord('ru', count, { one: 'входит', other: 'входят' })} ${n(count, 'страна', 'страны', 'стран')}: ${list}.`,
    sisterClub: (name: string, city: string, founded?: PartialDate) => `По примеру клуба основан ${name} (${city}${founded ? `, ${date(founded)}` : ''}).`,
    covers: (from: PartialDate, to: PartialDate) => `Отчёт охватывает период с ${date(from)} по ${date(to)}.`,
    officers: 'Должностные лица',
    noTerms: 'Сроки полномочий за период не записаны.',
    column: {
      from: 'С',
      to: 'По',
      title: 'Тема',
      on: (d: PartialDate) => `На ${wholeDate(d, 'ru')}`,
      joined: 'Вступили',
      left: 'Выбыли',
      meetingsOfPeriod: 'Заседания периода',
      count: 'Число',
      people: 'Членов клуба',
      attended: 'Посетили',
      heldWhileMembers: 'Проведено за время членства',
      rate: 'Доля',
      countryPresent: 'Заседания, где страна была представлена',
      heldWhileMember: 'Проведено за время членства',
      topic: 'Тема',
      presentedBy: 'Докладчик',
      guest: 'Гость',
      meeting: 'Заседание',
      number: '№',
      decision: 'Решение',
      responsible: 'Ответственный',
      due: 'Срок',
      done: 'Выполнено',
      overdue: 'Просрочено',
    },
    inOffice: 'в должности',
    term: (name: string, from: PartialDate, to?: PartialDate) => `${name} с ${longDate(from, 'ru', 'genitive')}${to !== undefined ? ` по ${date(to)}` : ''}`,
    officersAlt: (until: PartialDate, terms: string) => `Сроки полномочий должностных лиц по ${date(until)}: ${terms}.`,
    membership: 'Членство',
    membershipRule: (dayBefore: PartialDate, last: PartialDate) =>
      `Члены клуба${NBSP}— те, чьё членство действовало: представители таможенных служб и посольств стран-членов, а также участники${NBSP}— дипломаты стран, не входящих в клуб. `
      + 'Число членов клуба равно сумме представителей и участников. '
      + `Численность указана на ${date(dayBefore)} (накануне периода) и на ${date(last)} (в его последний день).`,
    representatives: 'Представители',
    participants: 'Участники из стран, не входящих в клуб',
    members: 'Члены клуба',
    countriesRepresented: (before: number, beforeOf: number, dayBefore: PartialDate, after: number, afterOf: number, last: PartialDate) =>
      `Представлено стран-членов: ${before} из ${beforeOf} на ${date(dayBefore)}, ${after} из ${afterOf} на ${date(last)}.`,
    joined: 'Вступили',
    left: 'Выбыли',
    membershipAlt: (firstYear: string, until: PartialDate, totals: string) =>
      `Представители по странам-членам на конец каждого года с ${firstYear}${NBSP}г. по ${date(until)}: ${totals}.`,
    membershipCaption: (until: PartialDate, countries: string) =>
      `Представители на конец каждого года (за последний год${NBSP}— на ${date(until)}) по странам, снизу вверх в каждом столбце: ${countries}. Участники не учитываются.`,
    meetings: 'Заседания',
    inPlan: 'В плане',
    held: 'Проведено',
    cancelled: 'Отменено',
    stillPlanned: 'Ещё запланировано',
    cancelledList: (list: string) => `Отменённые заседания: ${list}.`,
    meetingsHeld: 'Проведённые заседания',
    noneHeld: 'За период заседаний не было.',
    meetingsAlt: (until: PartialDate, counts: string) => `Заседания, проведённые за каждый календарный год по ${date(until)}: ${counts}.`,
    offSite: 'Выездные заседания',
    attendanceByCountry: 'Посещаемость по странам',
    attendanceRule: `Для каждого члена клуба учтены заседания периода, проведённые за время его членства; по странам${NBSP}— суммы по их представителям.`,
    // As typograf writes it, and most Russian editors: no space before the per cent sign.
    percent: (value: number) => `${value}%`,
    of: (count: number, whole: number) => `${count} из ${whole}`,
    attendanceByMember: 'Посещаемость по членам клуба',
    topics: 'Темы докладов',
    noTopics: 'Темы не записаны.',
    guestsByOrganization: 'Гости по организациям',
    organizationNotRecorded: 'Организация не указана',
    noGuests: 'За период гостей не было.',
    decisions: 'Решения',
    taken: 'Принятые за период',
    noDecisions: 'За период решений не принималось.',
    stillOpen: (d: PartialDate) => `Не выполнены на ${headingDate(d)}`,
    yes: 'да',
    allDone: 'Невыполненных решений нет.',
    publications: 'Публикации',
    noPublications: 'Публикации за период не записаны.',
    issue: (issue: string) => `, №\u202f${issue}`,
    about: (meetingDates: readonly PartialDate[]) => ` (о ${meetingDates.length === 1 ? 'заседании' : 'заседаниях'} ${ru.common.list(meetingDates.map(date))})`,
    planFor: (year: number) => `План на ${year} год`,
    plannedAfter: (d: PartialDate) => `План на год после ${headingDate(d)}`,
    noneNext: 'Заседания пока не запланированы.',
  },
  chart: {
    officersTitle: 'Сроки полномочий должностных лиц',
    membershipTitle: 'Представители по странам-членам',
    membershipUnit: 'представители',
    meetingsTitle: 'Проведённые заседания по календарным годам',
    meetingsUnit: 'заседания',
    meetingsSeries: 'проведено',
  },
  docx: {
    pageOf: (page: string, pages: string) => `Страница ${page} из ${pages}`,
  },
});
