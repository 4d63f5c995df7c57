import type { IsoDate, Language, PartialDate } from '../model/types.js';

const NBSP = '\u00a0';
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Russian months by case: a full date takes the genitive (16 июня), a month alone the nominative
// (июнь 2019 г.), "since" the genitive (с июня), "in" the prepositional (в июне). CLDR gives only
// the first two, so the table is written out; a test holds it to Intl.DateTimeFormat('ru').
const RU_MONTHS = {
  nominative: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  genitive: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  prepositional: ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'],
};
const RU_WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

/** The case a Russian month takes where the date stands: alone, after «с» (since), after «в» (in). */
export type DateCase = 'nominative' | 'genitive' | 'prepositional';

/**
 * A date as words. English: `14 March 2019`, `December 2002`, `2008`. Russian:
 * `14 марта 2019 г.`, `декабрь 2002 г.` (`декабря`, `декабре` in other cases),
 * `2008 г.`, with non-breaking spaces after the day and before «г.».
 */
export function longDate(date: PartialDate, lang: Language = 'en', grammaticalCase: DateCase = 'nominative'): string {
  const [y, m, d] = date.split('-');
  if (lang === 'ru') {
    if (m === undefined) return `${y}${NBSP}г.`;
    const month = d === undefined ? RU_MONTHS[grammaticalCase][Number(m) - 1]! : RU_MONTHS.genitive[Number(m) - 1]!;
    return d === undefined ? `${month} ${y}${NBSP}г.` : `${Number(d)}${NBSP}${month} ${y}${NBSP}г.`;
  }
  if (m === undefined) return y!;
  const month = EN_MONTHS[Number(m) - 1]!;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/**
 * A date that never breaks across lines (`14 March 2019`, `14 марта 2019 г.` with no-break spaces
 * throughout): for a table cell or an item's line, where a narrow column broke it as "14 марта / 2019 г.".
 */
export function wholeDate(date: PartialDate, lang: Language = 'en'): string {
  return longDate(date, lang).replace(/ /g, NBSP);
}

/** `Thursday, 14 March 2019`; `четверг, 14 марта 2019 г.`. */
export function longDateWithDay(date: IsoDate, lang: Language = 'en'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${(lang === 'ru' ? RU_WEEKDAYS : EN_WEEKDAYS)[day]}, ${longDate(date, lang)}`;
}

/** A month alone, capitalized, as a table shows it: `March`, `Март`. */
export function monthName(month: number, lang: Language = 'en'): string {
  if (lang === 'en') return EN_MONTHS[month - 1]!;
  const name = RU_MONTHS.nominative[month - 1]!;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
