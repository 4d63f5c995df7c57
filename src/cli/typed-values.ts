import { typedTimeProblem } from '../model/dates.js';
import { readDateFlag, readTypedDate } from '../model/typed-date.js';
import { UsageError } from '../errors/errors.js';
import type { Prompter } from './prompter.js';
import { withDateForms } from '../model/date-forms.js';

/**
 * A prompt's check of a date: true, or what is wrong ("there is no 30 February in 2019"). A date is read
 * as `club import` reads one: 15.01.2026 as well as 2026-01-15 (readTypedDate); askDate gives its ISO form.
 */
export const dateCheck = (v: string): string | true => readTypedDate(v).problem ?? true;
/** The same for a date that may be partial (YYYY-MM, YYYY, 01.2026). */
export const partialDateCheck = (v: string): string | true => readTypedDate(v, true).problem ?? true;

/**
 * Asks for a date and gives it in ISO form, whichever way it was typed (15.01.2026 → 2026-01-15). An optional
 * one left blank is ''. The question is followed by the forms it takes, the same for every date question
 * (date-forms.ts), then `note` and "optional": `Left (YYYY-MM-DD or DD.MM.YYYY; YYYY-MM, MM.YYYY or YYYY when
 * that is all that is known; optional)`.
 */
export async function askDate(p: Prompter, question: string, o: { default?: string; required?: boolean; partial?: boolean; note?: string } = {}): Promise<string> {
  const message = withDateForms(question, { partial: o.partial, notes: [o.note, !(o.required ?? false) && 'optional'] });
  const answer = await p.text(message, {
    ...(o.default !== undefined ? { default: o.default } : {}), required: o.required ?? false, validate: o.partial ? partialDateCheck : dateCheck,
  });
  return answer.trim() === '' ? '' : readTypedDate(answer, o.partial).iso ?? answer;
}

/** A date flag: its ISO form (15.01.2026 is 2026-01-15), or a usage error saying what is wrong with it. */
export function dateFlag(flag: string, value: string | undefined, partial = false): string | undefined {
  if (value === undefined) return undefined;
  const read = readDateFlag(flag, value, partial);
  if (read.problem !== undefined) throw new UsageError(read.problem);
  return read.iso;
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
