import { parseDate, parseTime } from '../authoring/record-meeting.js';
import { planReschedule } from '../authoring/reschedule-meeting.js';
import { nearestOf } from '../diagnostics/suggest.js';
import { UsageError } from '../errors/errors.js';
import { schemaCountryCodes } from '../model/countries.js';
import { countryReader } from '../model/country-input.js';
import type { Io } from './io.js';
import { findMeeting } from './choose-id.js';
import { loadData, type LoadedData } from './load-data.js';
import { canPrompt, makePrompter } from './prompter.js';
import { askDate } from './typed-values.js';
import { writeChange, type RecordEdit, type WriteOptions } from './write-change.js';

export interface RescheduleOptions extends WriteOptions {
  date?: string;
  start?: string;
  end?: string;
  city?: string;
  venue?: string;
  address?: string;
  region?: string;
  venueCountry?: string;
  keepId?: boolean;
}

/**
 * --venue-country as add-member reads --country: the code (`ee`), or the name in English or Russian (`Estonia`,
 * `Эстония`), written as the code. Anything else is a usage error with the nearest names, before anything is written.
 */
function venueCountry(value: string | undefined, data: LoadedData): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const countries = countryReader(schemaCountryCodes(data.schemaDocs.defs));
  const code = countries.read(value);
  if (code !== undefined) return code;
  const near = countries.near(value, nearestOf);
  throw new UsageError(`--venue-country \`${value.trim()}\` is not a country this knows (a name in English or Russian, or a code like FI)`,
    near.length > 0 ? `did you mean ${near.join(' or ')}?` : undefined);
}

/**
 * `club reschedule <meeting> --date D`: the meeting moves, its file is renamed
 * to the new `<date>-<city>` and every publication naming it follows, in one
 * change that a crash leaves wholly done or not at all.
 */
export async function rescheduleCommand(id: string, o: RescheduleOptions, io: Io): Promise<number> {
  let date = o.date === undefined ? undefined : parseDate('--date', o.date);
  if (date === undefined) {
    if (!canPrompt(io, o.input)) throw new UsageError('missing --date', `the new day: club reschedule ${id} --date YYYY-MM-DD`);
    // At a terminal the new day is asked, as every command asks what its flags left out; the meeting is looked
    // up first, so a mistyped id is said before the question, not after it.
    const meeting = findMeeting(await loadData(o, io), id);
    date = await askDate(await makePrompter(io), `The new day of ${id}`, { required: true, note: `it is on ${meeting.data.date} now` });
  }
  const request = {
    date,
    start: o.start === undefined ? undefined : parseTime('--start', o.start),
    end: o.end === undefined ? undefined : parseTime('--end', o.end),
    city: o.city?.trim() || undefined,
    venue: o.venue?.trim() || undefined,
    address: o.address?.trim() || undefined,
    region: o.region?.trim() || undefined,
    country: undefined as string | undefined,
    keepId: o.keepId,
  };
  let dropped: string[] = [];
  let movedTo = id;
  const written = await writeChange(o, io, (data) => {
    request.country = venueCountry(o.venueCountry, data);
    const meeting = findMeeting(data, id);
    const plan = planReschedule(data.club, meeting, request);
    dropped = plan.dropped;
    movedTo = plan.to;
    const edits: RecordEdit[] = [
      { collection: 'meetings', id, apply: plan.applyMeeting, ...(plan.to !== id ? { renameTo: plan.to } : {}) },
      ...plan.referrers,
    ];
    const message = plan.move ? `Move the meeting ${id} to ${request.date}${plan.to !== id ? ` (now ${plan.to})` : ''}` : `Change the place or times of the meeting ${id} (same day)`;
    return { creates: [], edits, message };
  });
  if ((written.length > 0 || o.dryRun) && dropped.length > 0) {
    // Said, not only done (and by --dry-run before it is done): the secretary who knows the new hall's address or region learns where to give it.
    // After the write the move is done: the place is given on the day it is now, which records no second move.
    const setIt = `\`club set ${movedTo} venue.address=…\``;
    const give = o.dryRun ? `with --venue, --address, --region, --venue-country (or ${setIt})`
      : `with \`club reschedule ${movedTo} --date ${request.date} --address …\` (or --venue, --region, --venue-country), or ${setIt}`;
    io.stderr.write(`note: ${o.dryRun ? 'would remove' : 'removed'} ${dropped.join(', ')}: they were the place the meeting leaves; `
      + `the new place's are given ${give}\n`);
  }
  return 0;
}
