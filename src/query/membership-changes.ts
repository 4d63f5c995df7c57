import type { Club, Loaded } from '../model/club.js';
import { addDays, earliest } from '../model/dates.js';
import { isMemberOn } from '../model/membership.js';
import type { CountryCode } from '../model/types.js';
import type { Period } from './period.js';

/** One person's membership over a period, by the one rule every total uses (`isMemberOn`). */
export interface MembershipChange {
  member: Loaded<'member'>;
  /** A member the day before the period began. */
  before: boolean;
  /** A member on the period's last day. */
  after: boolean;
  /** Joined during the period (the first day `joined` can mean falls in it). */
  joined: boolean;
  /** Was a member at the start or joined during the period, and is not one on its last day. */
  left: boolean;
}

/**
 * Every person whose membership touches the period. For each, and so for every
 * sum of them: before + joined − left = after.
 */
export function membershipChanges(club: Club, p: Period): MembershipChange[] {
  const dayBefore = addDays(p.from, -1);
  return club.members.map((member) => {
    const before = isMemberOn(member.data, dayBefore);
    const after = isMemberOn(member.data, p.to);
    const start = earliest(member.data.joined);
    const joined = !before && start >= p.from && start <= p.to;
    return { member, before, after, joined, left: (before || joined) && !after };
  }).filter((c) => c.before || c.after || c.joined);
}

export interface CountryChange {
  country: CountryCode;
  before: number;
  joined: number;
  left: number;
  after: number;
}

/** The changes summed by country, for people of the given categories. */
export function changesByCountry(changes: readonly MembershipChange[]): CountryChange[] {
  const rows = new Map<CountryCode, CountryChange>();
  for (const c of changes) {
    const code = c.member.data.country;
    const row = rows.get(code) ?? { country: code, before: 0, joined: 0, left: 0, after: 0 };
    row.before += Number(c.before);
    row.joined += Number(c.joined);
    row.left += Number(c.left);
    row.after += Number(c.after);
    rows.set(code, row);
  }
  return [...rows.values()];
}
