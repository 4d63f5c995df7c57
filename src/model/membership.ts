import type { Club, Loaded } from './club.js';
import { isActiveOn, termCovers } from './dates.js';
import type { IsoDate, Member, MemberCountry, OfficerTerm } from './types.js';

/** Was the person a member on `date`? */
export function isMemberOn(member: Member, date: IsoDate): boolean {
  return isActiveOn(date, member.joined, member.left);
}

/** Is the country a member country on `date`? A country with no `since` counts from the start. */
export function isMemberCountryOn(entry: MemberCountry, date: IsoDate): boolean {
  return isActiveOn(date, entry.since ?? '0000', entry.until);
}

export function termCoversDate(term: OfficerTerm, date: IsoDate): boolean {
  return termCovers(date, term.from, term.to);
}

/** The terms of a position in force on `date`. */
export function holdersOn(club: Club, position: string, date: IsoDate): Loaded<'officer'>[] {
  return club.officers.filter((t) => t.data.position === position && termCoversDate(t.data, date));
}

/** The member holding a position on a date, if any. */
export function holderOn(club: Club, position: string, date: string): Loaded<'member'> | undefined {
  const term = holdersOn(club, position, date)[0];
  return term ? club.byId.members.get(term.data.member) : undefined;
}

/** The meeting's chair: `chair` when given, else the chairman in office that day. */
export function chairOf(club: Club, meeting: Loaded<'meeting'>): Loaded<'member'> | undefined {
  const id = meeting.data.chair;
  return id !== undefined ? club.byId.members.get(id) : holderOn(club, 'chairman', meeting.data.date);
}
