import type { Club, Loaded } from '../model/club.js';
import type { Meeting, Venue } from '../model/types.js';
import { localeFor, type Locale } from './locale.js';

// English unless a builder passes its Locale (the documents not on the catalogues yet).
const english = (): Locale => localeFor('en', undefined);

/** `Wang Li (China, Test Customs of China)`, or a guest as `Name, Title, Organization`. */
export function person(club: Club, meeting: Meeting, id: string, l: Locale = english()): string {
  const member = club.byId.members.get(id)?.data;
  if (member) {
    const about = [l.country(member.country), member.organization].filter((x): x is string => Boolean(x));
    return `${l.person(member)} (${about.join(', ')})`;
  }
  const guest = meeting.guests?.find((g) => g.id === id);
  if (guest) return [l.person(guest), guest.title, guest.organization].filter((x): x is string => Boolean(x)).join(', ');
  return id;
}

/**
 * A venue's words in the document's language. In Russian each `*_ru` field the venue gives wins; absent, the
 * city and region are looked up (club.yaml's city_ru, the table of regions) and the rest printed as written.
 * English documents never print a `*_ru` field.
 */
function venueWords(venue: Venue, l: Locale): { name?: string; address?: string; city: string; region?: string } {
  const ru = l.lang === 'ru';
  const name = ru && venue.name_ru !== undefined ? venue.name_ru : venue.name === undefined ? undefined : l.city(venue.name);
  const address = ru && venue.address_ru !== undefined ? venue.address_ru : venue.address;
  const city = ru && venue.city_ru !== undefined ? venue.city_ru : l.city(venue.city);
  const region = ru && venue.region_ru !== undefined ? venue.region_ru : venue.region === undefined ? undefined : l.region(venue.region);
  return { ...(name === undefined ? {} : { name }), ...(address === undefined ? {} : { address }), city, ...(region === undefined ? {} : { region }) };
}

export function venueText(venue: Venue | undefined, l: Locale = english()): string {
  if (!venue) return l.t.common.toBeAnnounced;
  const w = venueWords(venue, l);
  const parts = [w.name, w.address, w.city, w.region, venue.country ? l.country(venue.country) : undefined];
  // A venue given only by its city has that city as its name too: say it once.
  return [...new Set(parts.filter((x): x is string => Boolean(x)))].join(', ');
}

const sameDivisionByDate = (club: Club, meeting: Loaded<'meeting'>) =>
  club.meetings
    .filter((m) => m.data.division === meeting.data.division && m.id !== meeting.id)
    .sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1));

/** The last meeting of the same division held before this one: its decisions are approved first. */
export function previousMeeting(club: Club, meeting: Loaded<'meeting'>): Loaded<'meeting'> | undefined {
  return sameDivisionByDate(club, meeting).filter((m) => m.data.status === 'held' && m.data.date < meeting.data.date).pop();
}

/** The next meeting of the same division that is not cancelled. */
export function nextMeeting(club: Club, meeting: Loaded<'meeting'>): Loaded<'meeting'> | undefined {
  return sameDivisionByDate(club, meeting).find((m) => m.data.status !== 'cancelled' && m.data.date > meeting.data.date);
}

/** A venue's city and region (in the document's language where the venue, club.yaml or the table of regions gives it): `Pskov, Pskov Oblast`; '' when neither is set. */
export function cityAndRegion(venue: Venue | undefined, l: Locale): string {
  if (!venue) return '';
  const w = venueWords(venue, l);
  return [w.city, w.region].filter(Boolean).join(', ');
}

/** `20 June 2019, Pskov` (the date never broken: the agenda has it in a table cell), or "to be decided". */
export function whenWhere(meeting: Loaded<'meeting'> | undefined, l: Locale = english()): string {
  if (!meeting) return l.t.common.toBeDecided;
  return [l.wholeDate(meeting.data.date), meeting.data.venue === undefined ? undefined : venueWords(meeting.data.venue, l).city].filter((x): x is string => Boolean(x)).join(', ');
}

/** A position's title as club.yaml gives it, in English. */
export const positionTitle = (club: Club, id: string): string => club.info?.data.positions.find((p) => p.id === id)?.title ?? id;
