import { isFullDate, isRealDate } from '../model/dates.js';
import { isMemberOn } from '../model/membership.js';
import { meetingId, nextFreeId, publicationId } from '../model/record-id.js';
import type { Meeting, Publication } from '../model/types.js';
import { collator } from '../query/sort.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { loadData, type LoadedData } from './load-data.js';
import { canPrompt, makePrompter, type Prompter } from './prompter.js';
import { writeChange, type WriteOptions } from './write-change.js';

interface Interactive extends WriteOptions {
  input?: boolean;
  id?: string;
}

/** `key=value; key=value` (as --guest and --item take it) → an object; numbers stay numbers for `minutes`. */
export function parsePairs(flag: string, text: string, allowed: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const part of text.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    if (!allowed.includes(key)) {
      throw new UsageError(`${flag} \`${text}\`: \`${part}\` is not KEY=VALUE with a known key`, `keys: ${allowed.join(', ')}; separate them with ;`);
    }
    const value = part.slice(eq + 1).trim();
    out[key] = key === 'minutes' && /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

function requireFlags(o: Record<string, unknown>, required: readonly [string, string][], io: Io, command: string): boolean {
  const missing = required.filter(([key]) => o[key] === undefined).map(([, flag]) => flag);
  if (missing.length === 0) return false;
  if (!canPrompt(io, o.input as boolean | undefined)) {
    throw new UsageError(`missing ${missing.join(', ')}`, `pass ${missing.length === 1 ? 'it' : 'them'} as flags, or run club ${command} at a terminal (without --no-input) to be asked`);
  }
  return true;
}

const dateCheck = (v: string) => (isFullDate(v) && isRealDate(v) ? true : 'a date as YYYY-MM-DD');
const timeCheck = (v: string) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? true : 'a time as HH:MM');

export interface AddMeetingOptions extends Interactive {
  date?: string;
  start?: string;
  end?: string;
  kind?: string;
  division?: string;
  status?: string;
  title?: string;
  venue?: string;
  address?: string;
  city?: string;
  region?: string;
  venueCountry?: string;
  chair?: string;
  guest: string[];
  item: string[];
  attendee: string[];
  apology: string[];
  decision: string[];
  notes?: string;
}

async function askMeeting(p: Prompter, o: AddMeetingOptions, data: LoadedData): Promise<void> {
  const info = data.club.info?.data;
  o.date ??= await p.text('Date (YYYY-MM-DD)', { required: true, validate: dateCheck });
  o.kind ??= await p.select('Kind', [
    { name: 'regular', value: 'regular' }, { name: 'off-site (in a region of Russia)', value: 'off-site' },
    { name: 'extraordinary', value: 'extraordinary' }, { name: 'joint (with a sister club)', value: 'joint' },
  ]);
  if (o.division === undefined) {
    const divisions = info?.divisions ?? [];
    o.division = divisions.length === 1 ? divisions[0]!.id : await p.select('Division', divisions.map((d) => ({ name: d.city, value: d.id })));
  }
  o.status ??= await p.select('Status', [{ name: 'planned', value: 'planned' }, { name: 'held', value: 'held' }, { name: 'cancelled', value: 'cancelled' }],
    o.date < data.today ? 'held' : 'planned');
  o.title ??= await p.text('Title (optional)');
  o.start ??= await p.text('Start (HH:MM, optional)', { validate: timeCheck });
  o.end ??= await p.text('End (HH:MM, optional)', { validate: timeCheck });
  o.venue ??= await p.text('Venue (building or hall, optional)');
  const defaultCity = info?.divisions.find((d) => d.id === o.division)?.city;
  o.city ??= await p.text('City', { required: true, ...(defaultCity ? { default: defaultCity } : {}) });
  if (o.kind === 'off-site') o.region ??= await p.text('Region (optional)');

  // Presenters and attendees are picked from the members of that day.
  const members = data.club.members.filter((m) => isMemberOn(m.data, o.date!))
    .sort((a, b) => collator.compare(a.data.name, b.data.name))
    .map((m) => ({ name: `${m.data.name} (${m.data.country})`, value: m.id }));
  if (o.item.length === 0) {
    while (await p.confirm(o.item.length === 0 ? 'Add an agenda item?' : 'Add another agenda item?', o.item.length === 0)) {
      const title = await p.text('  Item title', { required: true });
      const kind = await p.select('  Kind', [{ name: 'report', value: 'report' }, { name: 'discussion', value: 'discussion' }, { name: 'decision', value: 'decision' }, { name: 'break', value: 'break' }]);
      const presenter = kind === 'break' ? '' : await p.search('  Presenter (type to search)', [{ name: '(nobody)', value: '' }, ...members]);
      const minutes = await p.text('  Minutes', { validate: (v) => (/^[1-9]\d*$/.test(v) ? true : 'a whole number of minutes') });
      o.item.push([`title=${title.replace(/;/g, ',')}`, `kind=${kind}`, presenter && `presenter=${presenter}`, minutes && `minutes=${minutes}`].filter(Boolean).join('; '));
    }
  }
  if (o.status === 'held' && o.attendee.length === 0 && members.length > 0) {
    o.attendee = await p.checkbox('Attendees (space to pick, enter to finish)', members);
  }
}

/** `club add-meeting`: a new meeting file, id `<date>-<city>`. */
export async function addMeetingCommand(options: AddMeetingOptions, io: Io): Promise<number> {
  const o: AddMeetingOptions = { ...options, status: options.status ?? (canPrompt(io, options.input) ? undefined : 'planned') };
  if (o.date !== undefined && dateCheck(o.date) !== true) throw new UsageError(`--date must be a date as YYYY-MM-DD, not \`${o.date}\``);
  for (const [flag, v] of [['--start', o.start], ['--end', o.end]] as const) {
    if (v !== undefined && timeCheck(v) !== true) throw new UsageError(`${flag} must be a time as HH:MM, not \`${v}\``);
  }
  const interactive = requireFlags(o as never, [['date', '--date'], ['kind', '--kind'], ['division', '--division'], ['status', '--status']], io, 'add-meeting');
  const idFor = (data: LoadedData) => o.id ?? meetingId(o.date!, o.city ?? data.club.info?.data.divisions.find((d) => d.id === o.division)?.city ?? o.division!);
  let prompter: Prompter | undefined;
  let asked: LoadedData | undefined;
  if (interactive) {
    prompter = await makePrompter(io);
    asked = await loadData(o, io);
    await askMeeting(prompter, o, asked);
  }
  const guests = o.guest.map((g) => parsePairs('--guest', g, ['id', 'name', 'title', 'organization', 'country', 'role']));
  const agenda = o.item.map((i) => parsePairs('--item', i, ['title', 'presenter', 'minutes', 'kind', 'notes']));
  const venue = o.venue !== undefined || o.city !== undefined
    ? Object.fromEntries(Object.entries({ name: o.venue ?? o.city, address: o.address, city: o.city, region: o.region, country: o.venueCountry }).filter(([, v]) => v !== undefined && v !== ''))
    : undefined;
  const record: Record<keyof Meeting, unknown> = {
    title: o.title, date: o.date, start: o.start, end: o.end, started: undefined, ended: undefined, kind: o.kind, division: o.division, status: o.status,
    cancel_reason: undefined, moved_from: undefined,
    venue, chair: o.chair, guests, agenda, attendees: o.attendee, apologies: o.apology, decisions: o.decision, notes: o.notes,
  };

  await writeChange(o, io, (data) => {
    const id = idFor(data);
    if (o.id === undefined && (data.club.byId.meetings.has(id) || data.club.unchecked.meetings.has(id))) {
      throw new RefusedError(`a meeting with the id \`${id}\` already exists; nothing was written`,
        `if this is another meeting, give it another id: --id ${nextFreeId(id, (c) => data.club.byId.meetings.has(c) || data.club.unchecked.meetings.has(c))}`);
    }
    return { creates: [{ collection: 'meetings', id, record }], edits: [], message: `Add meeting ${id}` };
  });
  return 0;
}

export interface AddPublicationOptions extends Interactive {
  title?: string;
  outlet?: string;
  date?: string;
  issue?: string;
  url?: string;
  language?: string;
  meeting: string[];
  summary?: string;
}

async function askPublication(p: Prompter, o: AddPublicationOptions, data: LoadedData): Promise<void> {
  const outlets = data.club.info?.data.outlets ?? [];
  o.outlet ??= await p.select('Outlet', outlets.map((x) => ({ name: `${x.name}${x.city ? ` (${x.city})` : ''}`, value: x.id })));
  o.date ??= await p.text('Date (YYYY-MM-DD, or YYYY-MM for a magazine issue)', { required: true, validate: (v) => (isRealDate(v) ? true : 'a date as YYYY-MM-DD or YYYY-MM') });
  o.title ??= await p.text('Title', { required: true });
  o.issue ??= await p.text('Issue (optional)');
  o.url ??= await p.text('Address on the web (optional)');
  if (o.meeting.length === 0) {
    const meetings = data.club.meetings.filter((m) => m.data.status === 'held' && m.data.date <= (o.date!.length === 10 ? o.date! : `${o.date}-31`))
      .sort((a, b) => (a.data.date > b.data.date ? -1 : 1)).slice(0, 20)
      .map((m) => ({ name: `${m.data.date} ${m.data.title ?? m.data.kind}${m.data.venue?.city ? `, ${m.data.venue.city}` : ''}`, value: m.id }));
    if (meetings.length > 0) o.meeting = await p.checkbox('Meetings it reports on (space to pick, enter to finish)', meetings);
  }
}

/** `club add-publication`: a new publication file, id `<outlet>-<date>`. */
export async function addPublicationCommand(options: AddPublicationOptions, io: Io): Promise<number> {
  const o: AddPublicationOptions = { ...options };
  if (o.date !== undefined && !isRealDate(o.date)) throw new UsageError(`--date must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), not \`${o.date}\``);
  const interactive = requireFlags(o as never, [['title', '--title'], ['outlet', '--outlet'], ['date', '--date']], io, 'add-publication');
  if (interactive) {
    const prompter = await makePrompter(io);
    await askPublication(prompter, o, await loadData(o, io));
  }
  const record: Record<keyof Publication, unknown> = {
    title: o.title, outlet: o.outlet, date: o.date, issue: o.issue !== undefined && /^\d+$/.test(o.issue) ? Number(o.issue) : o.issue,
    url: o.url, language: o.language, meetings: o.meeting, summary: o.summary,
  };
  const id = o.id ?? publicationId(o.outlet!, o.date!);
  await writeChange(o, io, (data) => {
    const taken = (c: string) => data.club.byId.publications.has(c) || data.club.unchecked.publications.has(c);
    if (o.id === undefined && taken(id)) {
      throw new RefusedError(`a publication with the id \`${id}\` already exists; nothing was written`,
        `if this is another publication, give it another id: --id ${nextFreeId(id, taken)}`);
    }
    return { creates: [{ collection: 'publications', id, record }], edits: [], message: `Add publication ${id}` };
  });
  return 0;
}
