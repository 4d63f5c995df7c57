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

export function venueText(venue: Venue | undefined, l: Locale = english()): string {
  if (!venue) return l.t.common.toBeAnnounced;
  const parts = [venue.name === undefined ? undefined : l.city(venue.name), venue.address, l.city(venue.city), venue.region, venue.country ? l.country(venue.country) : undefined];
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

/** A venue's city (in the document's language where club.yaml gives it) and region: `Pskov, Pskov Oblast`; '' when neither is set. */
export function cityAndRegion(venue: Venue | undefined, l: Locale): string {
  return [venue?.city === undefined ? undefined : l.city(venue.city), venue?.region].filter(Boolean).join(', ');
}

/** `20 June 2019, Pskov` (the date never broken: the agenda has it in a table cell), or "to be decided". */
export function whenWhere(meeting: Loaded<'meeting'> | undefined, l: Locale = english()): string {
  if (!meeting) return l.t.common.toBeDecided;
  return [l.wholeDate(meeting.data.date), meeting.data.venue?.city === undefined ? undefined : l.city(meeting.data.venue.city)].filter((x): x is string => Boolean(x)).join(', ');
}

/** A position's title as club.yaml gives it, in English. */
export const positionTitle = (club: Club, id: string): string => club.info?.data.positions.find((p) => p.id === id)?.title ?? id;
