import { askDate, dateFlag, normalizeTime, timeCheck, timeFlag } from './typed-values.js';
import { memberChoice } from './choices.js';
import { memberArgument } from './find-member.js';
import { isMemberOn } from '../model/membership.js';
import { meetingId, nextFreeId, publicationId } from '../model/record-id.js';
import type { Meeting, Publication } from '../model/types.js';
import { collator } from '../query/sort.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { loadData, type LoadedData } from './load-data.js';
import { canPrompt, makePrompter, type Prompter } from './prompter.js';
import { parsePairs as splitPairs } from '../authoring/pairs.js';
import { countryCode, onlyDivision, onlyOutlet, requireId } from './choose-id.js';
import { reaskAnswers } from './reask.js';
import { writeChange, type WriteOptions } from './write-change.js';

interface Interactive extends WriteOptions {
  input?: boolean;
  id?: string;
}

/** `key=value; key=value` (as --guest and --item take it) → an object; numbers stay numbers for `minutes`. */
export function parsePairs(flag: string, text: string, allowed: readonly string[]): Record<string, string | number> {
  return Object.fromEntries(splitPairs(flag, text, allowed).map(([key, value]) => [key, key === 'minutes' && /^\d+$/.test(value) ? Number(value) : value]));
}

function requireFlags(o: Record<string, unknown>, required: readonly [string, string][], io: Io, command: string): boolean {
  const missing = required.filter(([key]) => o[key] === undefined).map(([, flag]) => flag);
  if (missing.length === 0) return false;
  if (!canPrompt(io, o.input as boolean | undefined)) {
    throw new UsageError(`missing ${missing.join(', ')}`, `pass ${missing.length === 1 ? 'it' : 'them'} as flags, or run club ${command} at a terminal (without --no-input) to be asked`);
  }
  return true;
}


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

/** Which answer gave which field of a meeting, to ask it again when the record is refused. */
const MEETING_FIELDS: Record<string, keyof AddMeetingOptions> = {
  title: 'title', date: 'date', start: 'start', end: 'end', kind: 'kind', division: 'division', status: 'status',
  'venue.name': 'venue', 'venue.address': 'address', 'venue.city': 'city', 'venue.region': 'region', 'venue.country': 'venueCountry',
  chair: 'chair', attendees: 'attendee', apologies: 'apology', notes: 'notes',
};

const again = (v: string | undefined) => (v ? { default: v } : {});

async function askMeeting(p: Prompter, o: AddMeetingOptions, data: LoadedData, prev: Partial<AddMeetingOptions> = {}): Promise<void> {
  const info = data.club.info?.data;
  o.date ??= await askDate(p, 'Date', { required: true, ...again(prev.date) });
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
  o.title ??= await p.text('Title (optional)', again(prev.title));
  o.start ??= normalizeTime(await p.text('Start (HH:MM, optional)', { validate: timeCheck, ...again(prev.start) }));
  o.end ??= normalizeTime(await p.text('End (HH:MM, optional)', { validate: timeCheck, ...again(prev.end) }));
  o.venue ??= await p.text('Venue (building or hall, optional)', again(prev.venue));
  const defaultCity = prev.city ?? info?.divisions.find((d) => d.id === o.division)?.city;
  o.city ??= await p.text('City', { required: true, ...again(defaultCity) });
  if (o.kind === 'off-site' || prev.region !== undefined) o.region ??= await p.text('Region (optional)', again(prev.region));
  if (prev.address !== undefined) o.address ??= await p.text('Street address (optional)', again(prev.address));
  if (prev.venueCountry !== undefined) o.venueCountry ??= await p.text('Venue country (ISO code, optional)', again(prev.venueCountry));
  if (prev.chair !== undefined) o.chair ??= await p.text('Chair (member id, optional)', again(prev.chair));
  if (prev.notes !== undefined) o.notes ??= await p.text('Notes (optional)', again(prev.notes));

  // Presenters and attendees are picked from the members of that day.
  const members = data.club.members.filter((m) => isMemberOn(m.data, o.date!))
    .sort((a, b) => collator.compare(a.data.name, b.data.name))
    .map((m) => memberChoice(m.id, m.data));
  // Asked again after a refusal, only the answers at fault are asked: not the agenda, not the attendees unless they are at fault.
  const firstPass = Object.keys(prev).length === 0;
  if (o.item.length === 0 && firstPass) {
    while (await p.confirm(o.item.length === 0 ? 'Add an agenda item?' : 'Add another agenda item?', o.item.length === 0)) {
      const title = await p.text('  Item title', { required: true });
      const kind = await p.select('  Kind', [{ name: 'report', value: 'report' }, { name: 'discussion', value: 'discussion' }, { name: 'decision', value: 'decision' }, { name: 'break', value: 'break' }]);
      const presenter = kind === 'break' ? '' : await p.search('  Presenter (type to search)', [{ name: '(nobody)', value: '' }, ...members]);
      const minutes = await p.text('  Minutes', { validate: (v) => (/^[1-9]\d*$/.test(v) ? true : 'a whole number of minutes') });
      o.item.push([`title=${title.replace(/;/g, ',')}`, `kind=${kind}`, presenter && `presenter=${presenter}`, minutes && `minutes=${minutes}`].filter(Boolean).join('; '));
    }
  }
  o.apology ??= [];
  const attendeesAtFault = o.attendee === undefined;
  o.attendee ??= [];
  if (o.status === 'held' && o.attendee.length === 0 && members.length > 0 && (firstPass || attendeesAtFault)) {
    o.attendee = await p.checkbox('Attendees (space to pick, enter to finish)', members);
  }
}

/**
 * The meeting's members (chair, attendees, apologies, a presenter who is no guest) by id or by the whole
 * name as it is written (Latin or native), as `club record` takes them (find-member.ts): `--attendee "Иванов И.П."` → ivanov-i-p.
 */
function membersByName(meeting: Record<keyof Meeting, unknown>, data: LoadedData): Record<keyof Meeting, unknown> {
  const member = (flag: string) => (v: unknown) =>
    (typeof v === 'string' ? memberArgument(v, data.club.byId.members, { label: flag, known: (id) => data.club.unchecked.members.has(id) }) : v);
  const each = <T>(list: unknown, f: (x: T) => unknown) => (Array.isArray(list) ? (list as T[]).map(f) : list);
  const guests = (each<Record<string, unknown>>(meeting.guests, (g) => g.id) ?? []) as unknown[];
  return {
    ...meeting,
    chair: member('--chair')(meeting.chair),
    attendees: each(meeting.attendees, member('--attendee')),
    apologies: each(meeting.apologies, member('--apology')),
    agenda: each<Record<string, unknown>>(meeting.agenda, (i) => (i.presenter === undefined || guests.includes(i.presenter) ? i
      : { ...i, presenter: member('--item presenter')(i.presenter) })),
  };
}

/** `club add-meeting`: a new meeting file, id `<date>-<city>`. */
export async function addMeetingCommand(options: AddMeetingOptions, io: Io): Promise<number> {
  const o: AddMeetingOptions = { ...options, status: options.status ?? (canPrompt(io, options.input) ? undefined : 'planned') };
  o.date = dateFlag('--date', o.date);
  o.start = timeFlag('--start', o.start);
  o.end = timeFlag('--end', o.end);
  let asked: LoadedData | undefined;
  if (o.division === undefined) {
    // A club with one division: that is the meeting's, with or without --no-input (as add-member and the prompt do).
    asked = await loadData(o, io);
    o.division = onlyDivision(asked);
  }
  const interactive = requireFlags(o as never, [['date', '--date'], ['kind', '--kind'], ['division', '--division'], ['status', '--status']], io, 'add-meeting');
  const idFor = (data: LoadedData) => o.id ?? meetingId(o.date!, o.city || data.club.info?.data.divisions.find((d) => d.id === o.division)?.city || o.division!);
  let prompter: Prompter | undefined;
  const previous: Partial<AddMeetingOptions> = {};
  if (interactive) {
    prompter = await makePrompter(io);
    asked ??= await loadData(o, io);
    await askMeeting(prompter, o, asked, previous);
  }
  // Built from the answers each time, so an answer asked again after a refusal is used.
  const current = (): Record<keyof Meeting, unknown> => {
    const guests = o.guest.map((g) => parsePairs('--guest', g, ['id', 'name', 'title', 'organization', 'country', 'role']))
      .map((g) => (typeof g.country === 'string' ? { ...g, country: countryCode(g.country) } : g));
    const agenda = o.item.map((i) => parsePairs('--item', i, ['title', 'presenter', 'minutes', 'kind', 'notes']));
    // A venue may be only a city: the building is not invented from it.
    const venueFields = { name: o.venue, address: o.address, city: o.city, region: o.region, country: countryCode(o.venueCountry) };
    const venue = Object.values(venueFields).some((v) => v !== undefined && v !== '')
      ? Object.fromEntries(Object.entries(venueFields).filter(([, v]) => v !== undefined && v !== ''))
      : undefined;
    return {
      title: o.title, date: o.date, start: o.start, end: o.end, started: undefined, ended: undefined, kind: o.kind, division: o.division, status: o.status,
      cancel_reason: undefined, moved_from: undefined,
      venue, chair: o.chair, guests, agenda, attendees: o.attendee, apologies: o.apology, decisions: o.decision, notes: o.notes,
    };
  };
  current(); // a malformed --guest or --item is a usage error before anything is asked or read

  const reask = canPrompt(io, o.input)
    ? reaskAnswers(io, o, previous, MEETING_FIELDS, () => (asked ? `meetings/${idFor(asked)}.yaml` : undefined), async () => {
      prompter ??= await makePrompter(io);
      asked ??= await loadData(o, io);
      await askMeeting(prompter, o, asked, previous);
    })
    : undefined;
  await writeChange(o, io, (data) => {
    asked ??= data;
    o.division = requireId('--division', o.division, data.club.info?.data.divisions.map((d) => d.id) ?? [], 'division');
    const id = idFor(data);
    if (o.id === undefined && (data.club.byId.meetings.has(id) || data.club.unchecked.meetings.has(id))) {
      throw new RefusedError(`a meeting with the id \`${id}\` already exists; nothing was written`,
        `if this is another meeting, give it another id: --id ${nextFreeId(id, (c) => data.club.byId.meetings.has(c) || data.club.unchecked.meetings.has(c))}`);
    }
    return { creates: [{ collection: 'meetings', id, record: membersByName(current(), data) }], edits: [], message: `Add meeting ${id}` };
  }, { reask });
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

const PUBLICATION_FIELDS: Record<string, keyof AddPublicationOptions> = {
  title: 'title', outlet: 'outlet', date: 'date', issue: 'issue', url: 'url', language: 'language', meetings: 'meeting', summary: 'summary',
};

async function askPublication(p: Prompter, o: AddPublicationOptions, data: LoadedData, prev: Partial<AddPublicationOptions> = {}): Promise<void> {
  const outlets = data.club.info?.data.outlets ?? [];
  o.outlet ??= await p.select('Outlet', outlets.map((x) => ({ name: `${x.name}${x.city ? ` (${x.city})` : ''}`, value: x.id })), prev.outlet);
  o.date ??= await askDate(p, 'Date', { required: true, partial: true, ...again(prev.date) });
  o.title ??= await p.text('Title', { required: true, ...again(prev.title) });
  o.issue ??= await p.text('Issue (optional)', again(prev.issue));
  o.url ??= await p.text('Address on the web (optional)', again(prev.url));
  if (prev.language !== undefined) o.language ??= await p.text('Language (ISO 639-1 code, optional)', again(prev.language));
  if (prev.summary !== undefined) o.summary ??= await p.text('Summary (optional)', again(prev.summary));
  o.meeting ??= [];
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
  o.date = dateFlag('--date', o.date, true);
  let asked: LoadedData | undefined;
  if (o.outlet === undefined) {
    // A club with one outlet: that is the publication's, with or without --no-input (as for a meeting's only division).
    asked = await loadData(o, io);
    o.outlet = onlyOutlet(asked);
  }
  const interactive = requireFlags(o as never, [['title', '--title'], ['outlet', '--outlet'], ['date', '--date']], io, 'add-publication');
  const previous: Partial<AddPublicationOptions> = {};
  let prompter: Prompter | undefined;
  if (interactive) {
    prompter = await makePrompter(io);
    asked ??= await loadData(o, io);
    await askPublication(prompter, o, asked, previous);
  }
  const current = () => {
    const record: Record<keyof Publication, unknown> = {
      title: o.title, outlet: o.outlet, date: o.date, issue: o.issue !== undefined && /^\d+$/.test(o.issue) ? Number(o.issue) : o.issue,
      url: o.url, language: o.language, meetings: o.meeting, summary: o.summary,
    };
    return { id: o.id ?? publicationId(o.outlet!, o.date!), record };
  };
  const reask = canPrompt(io, o.input)
    ? reaskAnswers(io, o, previous, PUBLICATION_FIELDS, () => `publications/${current().id}.yaml`, async () => {
      prompter ??= await makePrompter(io);
      asked ??= await loadData(o, io);
      await askPublication(prompter, o, asked, previous);
    })
    : undefined;
  await writeChange(o, io, (data) => {
    o.outlet = requireId('--outlet', o.outlet, data.club.info?.data.outlets?.map((x) => x.id) ?? [], 'outlet');
    o.language = o.language?.trim().toLowerCase();
    const { id, record } = current();
    const taken = (c: string) => data.club.byId.publications.has(c) || data.club.unchecked.publications.has(c);
    if (o.id === undefined && taken(id)) {
      throw new RefusedError(`a publication with the id \`${id}\` already exists; nothing was written`,
        `if this is another publication, give it another id: --id ${nextFreeId(id, taken)}`);
    }
    return { creates: [{ collection: 'publications', id, record }], edits: [], message: `Add publication ${id}` };
  }, { reask });
  return 0;
}
