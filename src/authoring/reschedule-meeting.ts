import { isMap, isSeq, type Document } from 'yaml';
import { RefusedError } from '../errors/errors.js';
import type { Club, Loaded } from '../model/club.js';
import { meetingId, nextFreeId } from '../model/record-id.js';
import type { MeetingMove, Venue } from '../model/types.js';
import { setMeetingField } from './meeting-field.js';

export interface RescheduleRequest {
  date: string;
  start?: string | undefined;
  end?: string | undefined;
  city?: string | undefined;
  venue?: string | undefined;
  address?: string | undefined;
  region?: string | undefined;
  /** The venue's country (an ISO code), when not Russia. */
  country?: string | undefined;
  /** Keep the file name (and so every reference) as it is. */
  keepId?: boolean | undefined;
}

export interface ReschedulePlan {
  from: string;
  to: string;
  /** The date and id appended to `moved_from`; none when neither the date nor the id changes (only the place or times do). */
  move: MeetingMove | undefined;
  /** Applied to the meeting's file (then renamed to `to` when it differs from `from`). */
  applyMeeting(doc: Document): void;
  /** Publications (and any record) naming the meeting, each with the edit that renames the reference. */
  referrers: { collection: 'publications'; id: string; apply(doc: Document): void }[];
  /** The fields of the place it leaves that the move removes and no flag replaced, as `venue.address` (for a note). */
  dropped: string[];
}

/** A venue's fields in the schema's order, where a field the move adds is put. */
const VENUE_FIELDS = Object.keys({
  name: true, name_ru: true, address: true, address_ru: true, city: true, city_ru: true, region: true, region_ru: true, country: true,
} satisfies Record<keyof Venue, true>) as (keyof Venue)[];

/**
 * The venue after a move. A new city is a new place: its hall, address, region and country are the flags' or none
 * (the old hall is not in it). A new hall in the same city has its own address (the flag's or none); the region and
 * country stay. A Russian form stays only beside the English it translates, unchanged and not left behind: else a
 * Russian document would name the place the meeting left.
 */
export function movedVenue(old: Venue | undefined, city: string, r: RescheduleRequest): Venue {
  const newCity = r.city !== undefined && r.city !== old?.city;
  const newHall = newCity || (r.venue !== undefined && r.venue !== old?.name);
  const next: Partial<Record<keyof Venue, string | undefined>> = {};
  const pair = (en: 'name' | 'address' | 'city' | 'region', given: string | undefined, left: boolean) => {
    next[en] = given ?? (left ? undefined : old?.[en]);
    const ru = `${en}_ru` as const;
    next[ru] = !left && next[en] === old?.[en] ? old?.[ru] : undefined;
  };
  pair('name', r.venue, newHall);
  pair('address', r.address, newHall);
  pair('city', city, false);
  pair('region', r.region, newCity);
  next.country = r.country ?? (newCity ? undefined : old?.country);
  return Object.fromEntries(VENUE_FIELDS.filter((k) => next[k] !== undefined).map((k) => [k, next[k]])) as unknown as Venue;
}

/** Writes the venue mapping to `venue` field by field: what stays keeps its comments, a new field goes where the schema puts it. */
function writeVenue(doc: Document, venue: Venue): void {
  const map = doc.get('venue');
  if (!isMap(map)) {
    setMeetingField(doc, 'venue', venue);
    return;
  }
  for (const key of VENUE_FIELDS) {
    const value = venue[key];
    if (value === undefined) {
      map.delete(key);
    } else if (map.has(key)) {
      if (map.get(key) !== value) map.set(key, value);
    } else {
      const rank = VENUE_FIELDS.indexOf(key);
      const at = map.items.findIndex((item) => VENUE_FIELDS.indexOf(String((item.key as { value?: unknown } | null)?.value) as keyof Venue) > rank);
      map.items.splice(at < 0 ? map.items.length : at, 0, doc.createPair(key, value));
    }
  }
}

const DATED_ID = /^(\d{4}-\d{2}-\d{2})-/;

/** A name as a place is told apart: case and spacing do not make another city or hall (`pskov` is `Pskov`). */
const placeKey = (name: string): string => name.normalize('NFKC').toLocaleLowerCase('ru').replace(/\s+/g, ' ').trim();
const samePlace = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && placeKey(a) === placeKey(b);

/**
 * The request with a city, and a hall in the same city, that name the stored ones but for case and spacing
 * spelled as stored: the same place keeps its spelling and everything with it (its Russian forms, address, region).
 */
function samePlaceAsStored(old: Venue | undefined, r: RescheduleRequest): RescheduleRequest {
  const city = samePlace(r.city, old?.city) ? old!.city : r.city;
  const sameCity = city === undefined || city === old?.city;
  const venue = sameCity && samePlace(r.venue, old?.name) ? old!.name : r.venue;
  return { ...r, city, venue };
}

/**
 * What moving a meeting changes: its date (and times, place: movedVenue), its id
 * `<date>-<city>` unless kept, `moved_from` with where it was, and every
 * publication that names it. A meeting whose date was changed by hand (its id
 * says another day) is moved from the id's date, so `moved_from` still says
 * where it was.
 */
export function planReschedule(club: Club, meeting: Loaded<'meeting'>, given: RescheduleRequest): ReschedulePlan {
  const m = meeting.data;
  const r = samePlaceAsStored(m.venue, given);
  const idDate = DATED_ID.exec(meeting.id)?.[1];
  const fromDate = m.date === r.date && idDate !== undefined && idDate !== r.date ? idDate : m.date;
  const city = r.city ?? m.venue?.city ?? club.info?.data.divisions.find((d) => d.id === m.division)?.city ?? m.division;
  const placeGiven = [r.city, r.venue, r.address, r.region, r.country].some((v) => v !== undefined);
  const venue = placeGiven ? movedVenue(m.venue, city, r) : m.venue;
  const sameVenue = JSON.stringify(venue) === JSON.stringify(m.venue);
  const sameTimes = (r.start === undefined || r.start === m.start) && (r.end === undefined || r.end === m.end);
  if (fromDate === r.date && sameVenue && sameTimes) {
    throw new RefusedError(`the meeting \`${meeting.id}\` is already on ${r.date}${r.city ? ` in ${r.city}` : ''}; nothing was written`);
  }
  if (m.status === 'held') {
    throw new RefusedError(`the meeting \`${meeting.id}\` is recorded as held; a meeting that took place is not moved; nothing was written`,
      'to correct its date, use `club set ' + meeting.id + ' date=YYYY-MM-DD`');
  }
  if (m.status === 'cancelled') {
    // Moving it would quietly undo the cancellation and drop its reason: that must be said, not done.
    throw new RefusedError(`the meeting \`${meeting.id}\` was cancelled${m.cancel_reason ? ` (${m.cancel_reason})` : ''}; a cancelled meeting is not moved; nothing was written`,
      `if it is to take place after all, plan it again first: \`club unset ${meeting.id} cancel_reason && club set ${meeting.id} status=planned\`, then move it; or add the new meeting with \`club add-meeting\``);
  }
  const to = r.keepId ? meeting.id : meetingId(r.date, city);
  const taken = (id: string) => id !== meeting.id && (club.byId.meetings.has(id) || club.unchecked.meetings.has(id));
  if (taken(to)) {
    throw new RefusedError(`another meeting already has the id \`${to}\`; nothing was written`,
      `keep this one's id with --keep-id, or give the other meeting another day; the next free id would be ${nextFreeId(to, taken)}`);
  }
  // A change of place or times on the same day under the same id moved nothing in time: `moved_from` would say it left a day for itself.
  const move: MeetingMove | undefined = fromDate === r.date && to === meeting.id ? undefined : { date: fromDate, id: meeting.id };

  const applyMeeting = (doc: Document) => {
    setMeetingField(doc, 'date', r.date);
    if (r.start !== undefined) setMeetingField(doc, 'start', r.start);
    if (r.end !== undefined) setMeetingField(doc, 'end', r.end);
    if (placeGiven && venue) writeVenue(doc, venue);
    if (move === undefined) return;
    const seq = doc.get('moved_from');
    if (isSeq(seq)) doc.addIn(['moved_from'], doc.createNode(move));
    else setMeetingField(doc, 'moved_from', [...(m.moved_from ?? []), move]);
  };

  const referrers = to === meeting.id ? [] : club.publications
    .filter((p) => (p.data.meetings ?? []).includes(meeting.id))
    .map((p) => ({
      collection: 'publications' as const,
      id: p.id,
      apply: (doc: Document) => {
        (p.data.meetings ?? []).forEach((id, i) => {
          if (id === meeting.id) doc.setIn(['meetings', i], to);
        });
      },
    }));
  const dropped = m.venue && venue ? VENUE_FIELDS.filter((k) => m.venue![k] !== undefined && venue[k] === undefined).map((k) => `venue.${k}`) : [];
  return { from: meeting.id, to, move, applyMeeting, referrers, dropped };
}
