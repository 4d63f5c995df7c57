import { dateProblem, typedDateProblem, typedTimeProblem } from '../model/dates.js';
import { UsageError } from '../errors/errors.js';

/** A prompt's check of a date: true, or what is wrong ("there is no 30 February in 2019"). */
export const dateCheck = (v: string): string | true => dateProblem(v) ?? true;
/** The same for a date that may be partial (YYYY-MM, YYYY). */
export const partialDateCheck = (v: string): string | true => dateProblem(v, true) ?? true;

/** A date flag: its value, or a usage error saying what is wrong with it. */
export function dateFlag(flag: string, value: string | undefined, partial = false): string | undefined {
  if (value === undefined) return undefined;
  const problem = typedDateProblem(flag, value, partial);
  if (problem !== undefined) throw new UsageError(problem);
  return value;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `9:00` means 09:00: a one-digit hour is padded; anything else is left as it is. */
export function normalizeTime(value: string): string {
  return /^\d:\d\d$/.test(value) ? `0${value}` : value;
}

export const timeCheck = (v: string): string | true => (TIME.test(v) ? true : 'a time as HH:MM (24-hour clock)');

/** A time flag: HH:MM (or H:MM), or a usage error. */
export function timeFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = typedTimeProblem(flag, value);
  if (problem !== undefined) throw new UsageError(problem);
  return normalizeTime(value);
}
