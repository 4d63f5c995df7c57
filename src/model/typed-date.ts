import { isoOrder as isoOrderOf, readDateText } from './date-input.js';
import { dateProblem, isFullDate, typedDateProblem } from './dates.js';

/** What was typed in ISO order (date-input.ts isoOrder), for dateProblem to say what is wrong with it; else as typed. */
const isoOrder = (text: string): string => isoOrderOf(text) ?? text.trim();

/**
 * A date a person typed, at a prompt or as a flag, read as `club import` reads a cell (readDateText):
 * `15.01.2026`, `15/01/2026` and `2026-01-15` are one day, stored as `2026-01-15`; with `partial`,
 * `01.2026`, `2026-01` and `2026` too. Its ISO form, or what is wrong with it in words
 * ("there is no 30 February in 2019", or the form expected).
 */
export function readTypedDate(value: string, partial = false): { iso: string; problem?: undefined } | { iso?: undefined; problem: string } {
  const iso = readDateText(value);
  if (iso !== undefined && (partial || isFullDate(iso))) return { iso };
  return { problem: dateProblem(isoOrder(value), partial) ?? dateProblem('', partial)! };
}

/**
 * The same for a flag or a field given on the command line: the ISO form, or the one message for a date
 * typed there (typedDateProblem), naming the flag and what was typed
 * ("--on `30.02.2019` is not a day: there is no 30 February in 2019").
 */
export function readDateFlag(name: string, value: string, partial = false): { iso: string; problem?: undefined } | { iso?: undefined; problem: string } {
  const read = readTypedDate(value, partial);
  if (read.iso !== undefined) return read;
  const problem = typedDateProblem(name, isoOrder(value), partial) ?? typedDateProblem(name, '', partial)!;
  // What was typed, not its ISO order.
  return { problem: problem.replace(/`[^`]*`/, `\`${value}\``) };
}
