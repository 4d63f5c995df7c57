import { readDateText } from './date-input.js';
import { dateProblem, isFullDate, typedDateProblem } from './dates.js';

/**
 * A typed day-first date put in ISO order without checking that it exists (`30.02.2019` → `2019-02-30`),
 * so that dateProblem can say what is wrong with it in words; anything else is left as it is.
 */
function isoOrder(text: string): string {
  const t = text.trim().replace(/\s*(г\.?|года?)$/u, '');
  const pad = (s: string) => s.padStart(2, '0');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t))) return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return `${m[2]}-${pad(m[1]!)}`;
  if ((m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t))) return [m[1], pad(m[2]!), m[3] && pad(m[3])].filter(Boolean).join('-');
  return t;
}

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
