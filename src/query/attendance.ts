import type { Club, Loaded } from '../model/club.js';
import { isMemberOn } from '../model/membership.js';
import type { CountryCode, Meeting } from '../model/types.js';
import { heldIn, type Period } from './period.js';

export interface MemberAttendance {
  member: Loaded<'member'>;
  /** Held meetings of the period on whose date the person was a member. */
  possible: number;
  attended: number;
}

export interface CountryAttendance {
  country: CountryCode;
  /** People of the country who were members at some held meeting of the period. */
  people: number;
  possible: number;
  attended: number;
  /** Held meetings at which at least one person of the country was present. */
  meetingsRepresented: number;
}

const present = (m: Meeting): Set<string> => new Set(m.attendees ?? []);

/**
 * Attendance of each person over the held meetings of a period: meetings
 * attended of the meetings held while they were a member. People who were
 * members at none of those meetings are left out.
 */
export function attendanceByMember(club: Club, p: Period): MemberAttendance[] {
  const held = heldIn(club, p);
  return club.members
    .map((member) => {
      const possibleMeetings = held.filter((m) => isMemberOn(member.data, m.data.date));
      return {
        member,
        possible: possibleMeetings.length,
        attended: possibleMeetings.filter((m) => present(m.data).has(member.id)).length,
      };
    })
    .filter((a) => a.possible > 0);
}

/** The same attendance summed by the country each person represents (participants by theirs). */
export function attendanceByCountry(club: Club, p: Period): CountryAttendance[] {
  const held = heldIn(club, p);
  const rows = new Map<CountryCode, CountryAttendance>();
  for (const a of attendanceByMember(club, p)) {
    const c = a.member.data.country;
    const row = rows.get(c) ?? { country: c, people: 0, possible: 0, attended: 0, meetingsRepresented: 0 };
    row.people += 1;
    row.possible += a.possible;
    row.attended += a.attended;
    rows.set(c, row);
  }
  for (const row of rows.values()) {
    row.meetingsRepresented = held.filter((m) => (m.data.attendees ?? []).some((id) => club.byId.members.get(id)?.data.country === row.country)).length;
  }
  return [...rows.values()];
}
