/**
 * The forms a typed date is taken in (what readTypedDate, typed-date.ts, reads), said in one place for every date
 * question, every date flag's help and every message about a date typed wrong. Nothing imported, so that a command's
 * registration may name them without loading the date code (`club --help` stays light).
 */
const DAY = 'YYYY-MM-DD or DD.MM.YYYY';
const PART = 'YYYY-MM, MM.YYYY or YYYY when that is all that is known';

/** `YYYY-MM-DD or DD.MM.YYYY`; with `partial` (a month or a year is enough), the forms of those after a semicolon. */
export function dateForms(partial = false): string {
  return partial ? `${DAY}; ${PART}` : DAY;
}

/** The same in a sentence: `a date as YYYY-MM-DD or DD.MM.YYYY (or YYYY-MM, MM.YYYY or YYYY when that is all that is known)`. */
export function aDateAs(partial = false): string {
  return `a date as ${DAY}${partial ? ` (or ${PART})` : ''}`;
}

/**
 * A date question or a date flag's help with the forms it takes after it, then any notes:
 * `First day of the term (YYYY-MM-DD or DD.MM.YYYY)`, `the day it was done (YYYY-MM-DD or DD.MM.YYYY; default: today)`.
 */
export function withDateForms(text: string, o: { partial?: boolean; notes?: readonly (string | false | undefined)[] } = {}): string {
  return `${text} (${[dateForms(o.partial), ...(o.notes ?? []).filter((n): n is string => typeof n === 'string' && n !== '')].join('; ')})`;
}
