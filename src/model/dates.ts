import type { IsoDate, PartialDate } from './types.js';
import { aDateAs } from './date-forms.js';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The digit at `i` of `value` as a number, or -1 when it is not an ASCII digit. */
function digitAt(value: string, i: number): number {
  const c = value.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * YYYY-MM-DD in shape (what /^\d{4}-\d{2}-\d{2}$/ matches), read character by character: the rules ask this
 * of every date of every record (a regular expression per date took ~3% of validating 100,000 members).
 */
function fullShape(value: string): boolean {
  return value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45
    && digitAt(value, 0) >= 0 && digitAt(value, 1) >= 0 && digitAt(value, 2) >= 0 && digitAt(value, 3) >= 0
    && digitAt(value, 5) >= 0 && digitAt(value, 6) >= 0 && digitAt(value, 8) >= 0 && digitAt(value, 9) >= 0;
}

export function isFullDate(value: string): boolean {
  return fullShape(value);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // Arithmetic, not a Date per call: the rules ask this for every date of every record.
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}

/** True when a YYYY, YYYY-MM or YYYY-MM-DD string names a day, month or year that exists. */
export function isRealDate(value: PartialDate): boolean {
  if (fullShape(value)) {
    const month = digitAt(value, 5) * 10 + digitAt(value, 6);
    if (month < 1 || month > 12) return false;
    const day = digitAt(value, 8) * 10 + digitAt(value, 9);
    const year = ((digitAt(value, 0) * 10 + digitAt(value, 1)) * 10 + digitAt(value, 2)) * 10 + digitAt(value, 3);
    return day >= 1 && day <= daysInMonth(year, month);
  }
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a date as typed, in words ("there is no 30 February"), or
 * undefined when it is a real date of an allowed shape (`partial`: YYYY and
 * YYYY-MM too).
 */
export function dateProblem(value: string, partial = false): string | undefined {
  const m = PARTIAL.exec(value);
  const shape = aDateAs(partial);
  if (!m || (!partial && m[3] === undefined)) return shape;
  if (m[2] === undefined) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `there is no month ${m[2]}: ${shape}`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(Number(m[1]), month)) {
    return day >= 1 && day <= 31 ? `there is no ${day} ${MONTHS[month - 1]} in ${m[1]}` : `there is no day ${m[3]} in a month`;
  }
  return undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The first day a partial date can mean: `2008` → `2008-01-01`. */
export function earliest(value: PartialDate): IsoDate {
  if (fullShape(value)) return value; // a whole date is its own first day
  const m = PARTIAL.exec(value);
  if (!m) return value;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** The last day a partial date can mean: `2002-12` → `2002-12-31`. */
export function latest(value: PartialDate): IsoDate {
  if (fullShape(value)) return value;
  const m = PARTIAL.exec(value);
  if (!m) return value;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 12 : Number(m[2]);
  const day = m[3] === undefined ? daysInMonth(year, month) : Number(m[3]);
  return `${m[1]}-${pad(month)}-${pad(day)}`;
}

/** The ISO date `days` days after `date` (negative for before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A membership (joined … left) covers `date` when the person had joined by then
 * and had not yet left. Partial dates are read generously: a person who joined
 * "in 2008" may be counted from 2008-01-01, one who left "in 2010" until 2010-12-31.
 * A full `left` date is the day the person was no longer a member.
 */
export function isActiveOn(date: IsoDate, since: PartialDate, until?: PartialDate): boolean {
  if (earliest(since) > date) return false;
  if (until === undefined) return true;
  return isFullDate(until) ? date < until : date <= latest(until);
}

/** An officer term (from … to, both days included) covers `date`. */
export function termCovers(date: IsoDate, from: PartialDate, to?: PartialDate): boolean {
  return earliest(from) <= date && (to === undefined || date <= latest(to));
}

/**
 * The one message for a date typed on the command line (a flag, `set FIELD=`, `--as-of`): it names
 * what was typed, the form accepted and, for a day that does not exist, why. Undefined when it is fine.
 * `2026-02-30` → "--date `2026-02-30` is not a day: there is no 30 February in 2026"; `tomorrow` → "--date must be a
 * date as YYYY-MM-DD or DD.MM.YYYY, not `tomorrow`".
 */
export function typedDateProblem(name: string, value: string, partial = false): string | undefined {
  const problem = dateProblem(value, partial);
  if (problem === undefined) return undefined;
  const shape = aDateAs(partial);
  // A date in the right form for a day that does not exist: said as that, not as a wrong form ("--on must be a
  // date as YYYY-MM-DD, not `30.02.2019`" read as if 30.02.2019 were the wrong way to write a date).
  if (problem !== shape) return `${name} \`${value}\` is not a day: ${problem.replace(/: a date as .*$/, '')}`;
  return `${name} must be ${shape}, not \`${value}\``;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The same for a time of day: HH:MM (a one-digit hour too), 24-hour clock. */
export function typedTimeProblem(name: string, value: string): string | undefined {
  return TIME.test(value) ? undefined : `${name} must be a time as HH:MM (24-hour clock), not \`${value}\``;
}
