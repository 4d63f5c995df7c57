import type { Time } from '../model/types.js';
import { en } from './catalogue/en.js';
import { byCountryName as byCountryNameIn, byName as byNameIn, localeFor, type Locale } from './locale.js';

export function minutesOf(time: Time): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Minutes since midnight → `HH:MM` (past midnight shows as +1 day). */
export function clock(total: number, l: Locale = english()): string {
  const day = Math.floor(total / 1440);
  const t = total - day * 1440;
  const hhmm = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  return day > 0 ? `${hhmm} ${l.t.common.nextDay(day)}` : hhmm;
}

// The English helpers as they were before the catalogues, for code that has not moved to a Locale yet
// (the calendar, whose words are for the secretary's own calendar, and builders being written now).
// A document in more than one language takes its words from localeFor(lang, info) instead.
export { longDate, longDateWithDay, monthName } from './dates.js';
export const KIND_WORDS: Record<string, string> = en.common.kind;
export const joinAnd = en.common.list;
// Made on first use: its collator costs start-up time to every command that imports this file.
let englishLocale: Locale | undefined;
const english = (): Locale => (englishLocale ??= localeFor('en', undefined));
export const byCountryName = <T>(items: readonly T[], code: (item: T) => string): T[] => byCountryNameIn(english(), items, code);
export const byName = <T>(items: readonly T[], name: (item: T) => string): T[] => byNameIn(english(), items, name);

