import { didYouMean } from '../diagnostics/suggest.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Loaded } from '../model/club.js';
import type { LoadedData } from './load-data.js';

/**
 * An id given on the command line that must be one of club.yaml's (a division,
 * an outlet, a position): returned when it is; a usage error that says which
 * one was meant when one is near (`--outlet Customs`: did you mean `customs`?);
 * otherwise returned as given, for the folder check to report as an unknown
 * reference (exit 1), as for any record that names a missing id.
 */
export function requireId(flag: string, value: string | undefined, ids: readonly string[], what: string): string | undefined {
  if (value === undefined || value === '' || ids.includes(value)) return value;
  const near = ids.find((i) => i.toLowerCase() === value.trim().toLowerCase().replace(/\s+/g, '-'));
  const suggestion = near !== undefined ? `did you mean \`${near}\`?` : didYouMean(value.toLowerCase(), ids);
  if (suggestion === undefined) return value;
  throw new UsageError(`${flag} \`${value}\`: there is no ${what} with that id${suggestion ? `; ${suggestion}` : ''}`,
    ids.length > 0 ? `the ${what}s in club.yaml: ${ids.join(', ')}` : `club.yaml has no ${what}s`);
}

const onlyOne = (list: readonly { id: string }[] | undefined): string | undefined => (list?.length === 1 ? list[0]!.id : undefined);

/**
 * A club's only division, when it has exactly one: the answer to a missing
 * --division, with or without --no-input, as the prompts take it without asking.
 */
export const onlyDivision = (data: LoadedData): string | undefined => onlyOne(data.club.info?.data.divisions);

/** A club's only outlet, when it has exactly one: the answer to a missing --outlet, as for --division. */
export const onlyOutlet = (data: LoadedData): string | undefined => onlyOne(data.club.info?.data.outlets);

/** A country code as typed: any case, surrounding spaces; stored upper case like the schema's list. */
export const countryCode = (value: string | undefined): string | undefined => value?.trim().toUpperCase();

/**
 * The meeting a command names, for every command that takes one (record,
 * cancel, reschedule, the documents, the calendar): a usage error with the
 * nearest ids when there is none; refused when its file has errors.
 */
export function findMeeting(data: LoadedData, id: string): Loaded<'meeting'> {
  const meeting = data.club.byId.meetings.get(id);
  if (meeting) return meeting;
  if (data.club.unchecked.meetings.has(id)) {
    throw new RefusedError(`the meeting \`${id}\` has errors; nothing was done`, `see them with \`club validate data/meetings/${id}.yaml\`, correct them, and run this again`);
  }
  throw new UsageError(`there is no meeting \`${id}\``, didYouMean(id, data.club.byId.meetings.keys()) ?? 'list them with `club list meetings`');
}
