import { countryName } from '../model/countries.js';
import type { PartialDate, Time } from '../model/types.js';
import { collator } from '../query/sort.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `2019-03-14` → `14 March 2019`; `2002-12` → `December 2002`; `2008` → `2008`. */
export function longDate(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** `2019-03-14` → `Thursday, 14 March 2019`. */
export function longDateWithDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${longDate(date)}`;
}

export const monthName = (month: number): string => MONTHS[month - 1]!;

export function minutesOf(time: Time): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Minutes since midnight → `HH:MM` (past midnight shows as +1 day). */
export function clock(total: number): string {
  const day = Math.floor(total / 1440);
  const t = total - day * 1440;
  const hhmm = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  return day > 0 ? `${hhmm} (+${day} day)` : hhmm;
}

/** English country names, in the order people expect. */
export function byCountryName<T>(items: readonly T[], code: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(countryName(code(a)), countryName(code(b))));
}

export const byName = <T>(items: readonly T[], name: (item: T) => string): T[] =>
  [...items].sort((a, b) => collator.compare(name(a), name(b)));

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const KIND_WORDS: Record<string, string> = {
  regular: 'regular meeting',
  'off-site': 'off-site meeting',
  extraordinary: 'extraordinary meeting',
  joint: 'joint meeting with a sister club',
};
