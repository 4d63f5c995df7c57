import type { Loaded } from '../model/club.js';
import { agendaDocument } from '../render/agenda.js';
import { minutesDocument } from '../render/minutes.js';
import { sheetDocument } from '../render/sheet.js';
import { planDocument } from '../render/plan.js';
import { reportDocument } from '../render/report.js';
import { rosterDocument } from '../render/roster.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { readDateFlag } from '../model/typed-date.js';
import { yearPeriod, type Period } from '../query/period.js';
import { findMeeting } from './choose-id.js';
import { checkCurrentDocument, deliverDocument, type DocumentOutput } from './document-output.js';
import { CATALOGUES } from '../render/locale.js';
import { resolveToday } from './today.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { IsoDate, Language } from '../model/types.js';
import type { Io } from './io.js';
import { printable } from '../report/printable.js';
import { loadData, warnIfInvalid, type LoadedData } from './load-data.js';

interface Common extends DocumentOutput {
  data?: string;
  asOf?: string;
  lang?: string;
}

const LANGUAGES: readonly Language[] = ['en', 'ru'];

/** --lang, checked before anything is read. */
export function checkLang(value: string | undefined): void {
  if (value !== undefined && !LANGUAGES.includes(value as Language)) {
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not \`${value}\``, didYouMean(value.toLowerCase(), LANGUAGES) ?? 'e.g. --lang ru');
  }
}

/** The document's language: --lang, else `language:` in club.yaml, else English. */
export const langOf = (options: { lang?: string }, data: LoadedData): Language => (options.lang as Language | undefined) ?? data.club.info?.data.language ?? 'en';

/**
 * The data, checked as of today (CLUB_TODAY, else the clock), and the date the document is as of
 * (--as-of, else today): a roster of 2019 does not make a meeting held in 2020 "held in the future".
 */
async function load(options: Common, io: Io): Promise<LoadedData & { asOf: IsoDate }> {
  checkLang(options.lang);
  const asOf = resolveToday(options.asOf, io.env, io.now());
  const data = await loadData({ ...options, asOf: undefined }, io);
  warnIfInvalid(data, io, options.check);
  return { ...data, asOf };
}

export async function rosterCommand(options: Common & { division?: string; contacts?: boolean }, io: Io): Promise<number> {
  const data = await load(options, io);
  const divisions = data.club.info?.data.divisions.map((d) => d.id) ?? [];
  if (options.division !== undefined && !divisions.includes(options.division)) {
    throw new UsageError(`there is no division \`${options.division}\``, didYouMean(options.division, divisions) ?? `divisions: ${divisions.join(', ')}`);
  }
  const lang = langOf(options, data);
  const roster = (asOf: IsoDate, dated?: IsoDate) => rosterDocument(data.club, { asOf, dated, division: options.division, contacts: options.contacts, lang });
  if (options.check !== undefined && options.asOf === undefined) {
    // No date given: the committed roster is the current one. It is checked as of the date it says, and as of today.
    return checkCurrentDocument(options, io, data.today, (date) => CATALOGUES[lang].roster.asOf(date), roster);
  }
  return deliverDocument(roster(data.asOf), options, io, data.asOf);
}

/** The meeting an id names, or a usage error with the nearest ids; a meeting with errors is refused. */
export async function agendaCommand(id: string | undefined, options: Common & { next?: boolean }, io: Io): Promise<number> {
  if ((id === undefined) === (options.next !== true)) {
    throw new UsageError('name a meeting, or pass --next for the next planned one', 'e.g. club agenda 2019-09-10-pskov, or club agenda --next');
  }
  const data = await load(options, io);
  let meeting: Loaded<'meeting'> | undefined;
  if (id !== undefined) {
    meeting = findMeeting(data, id);
  } else {
    meeting = data.club.meetings
      .filter((m) => m.data.status === 'planned' && m.data.date >= data.asOf)
      .sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1))[0];
    if (!meeting) throw new RefusedError(`no meeting is planned on or after ${data.asOf}`, 'add one with `club add-meeting`, or name a meeting');
  }
  if (meeting.data.status === 'cancelled') {
    // An agenda goes out to invite people: one for a cancelled meeting would invite them to nothing.
    throw new UsageError(`the meeting ${meeting.id} was cancelled${meeting.data.cancel_reason ? ` (${meeting.data.cancel_reason.replace(/\.$/, '')})` : ''}; it has no agenda to send`,
      `see it with: club show ${meeting.id}`);
  }
  const { doc, warnings } = agendaDocument(data.club, meeting, langOf(options, data));
  for (const w of warnings) io.stderr.write(`club: warning: ${printable(w)}\n`);
  return deliverDocument(doc, options, io, data.asOf);
}

export async function minutesCommand(id: string, options: Common, io: Io): Promise<number> {
  const data = await load(options, io);
  const meeting = findMeeting(data, id);
  if (meeting.data.status !== 'held') {
    throw new UsageError(`the meeting ${id} is ${meeting.data.status}; minutes are for held meetings`,
      meeting.data.status === 'planned' ? `render its agenda instead: club agenda ${id}` : undefined);
  }
  return deliverDocument(minutesDocument(data.club, meeting, langOf(options, data)), options, io, data.asOf);
}

/** --year, checked before anything is read; this year (of "today") when it is left out. */
function yearOf(value: string | undefined): (today: string) => number {
  if (value !== undefined && !/^\d{4}$/.test(value)) throw new UsageError(`--year must be a year such as 2019, not \`${value}\``);
  return (today) => (value === undefined ? Number(today.slice(0, 4)) : Number(value));
}

export interface PeriodOptions {
  year?: string;
  from?: string;
  to?: string;
}

/**
 * The period a plan or report covers: --from and --to (a season, say September
 * to June), or --year, or this year. Checked before anything is read.
 */
export function periodOf(options: PeriodOptions): (today: string) => Period & { year?: number } {
  const given = (v: string | undefined, flag: string) => {
    if (v === undefined) return undefined;
    const read = readDateFlag(flag, v);
    if (read.problem !== undefined) throw new UsageError(read.problem, 'e.g. --from 2019-09-01 --to 2020-06-30');
    return read.iso;
  };
  const from = given(options.from, '--from');
  const to = given(options.to, '--to');
  if (from === undefined && to === undefined) {
    const year = yearOf(options.year);
    return (today) => ({ ...yearPeriod(year(today)), year: year(today) });
  }
  if (options.year !== undefined) throw new UsageError('--year and --from/--to do not go together', 'give a year, or a period with --from and --to');
  if (from === undefined || to === undefined) throw new UsageError(`${from === undefined ? '--from' : '--to'} is missing: a period needs both ends`, 'e.g. --from 2019-09-01 --to 2020-06-30');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return () => ({ from, to });
}

export async function planCommand(options: Common & PeriodOptions, io: Io): Promise<number> {
  const period = periodOf(options);
  const data = await load(options, io);
  return deliverDocument(planDocument(data.club, period(data.asOf), langOf(options, data)), options, io, data.asOf);
}

export async function reportCommand(options: Common & PeriodOptions, io: Io): Promise<number> {
  const period = periodOf(options);
  const data = await load(options, io);
  return deliverDocument(reportDocument(data.club, period(data.asOf), langOf(options, data)), options, io, data.asOf);
}

export async function sheetCommand(id: string, options: Common, io: Io): Promise<number> {
  const data = await load(options, io);
  const meeting = findMeeting(data, id);
  if (meeting.data.status === 'cancelled') throw new UsageError(`the meeting ${id} was cancelled; there is nobody to sign in`);
  return deliverDocument(sheetDocument(data.club, meeting, langOf(options, data)), options, io, data.asOf);
}
