import type { Club, Loaded } from '../model/club.js';
import { isMemberCountryOn, isMemberOn } from '../model/membership.js';
import type { CountryCode, IsoDate } from '../model/types.js';

/**
 * Who counts as what, said once and used by every document:
 * - a **member** is any person with a membership in force on the date (joined, not yet left);
 * - **representatives** are the members of category `customs` or `embassy` (they represent a country);
 * - **participants** are the members of category `participant` (diplomats of countries that are not members);
 * - so members = representatives + participants;
 * - **countries represented** are the member countries of that date with at least one representative.
 */
export interface MembershipTotals {
  date: IsoDate;
  members: Loaded<'member'>[];
  representatives: Loaded<'member'>[];
  participants: Loaded<'member'>[];
  /** Representatives by country code. */
  byCountry: Map<CountryCode, Loaded<'member'>[]>;
  memberCountries: CountryCode[];
  countriesRepresented: CountryCode[];
}

export function membershipOn(club: Club, date: IsoDate, division?: string): MembershipTotals {
  const members = club.members.filter((m) => isMemberOn(m.data, date) && (division === undefined || m.data.division === division));
  const representatives = members.filter((m) => m.data.category !== 'participant');
  const participants = members.filter((m) => m.data.category === 'participant');
  const byCountry = new Map<CountryCode, Loaded<'member'>[]>();
  for (const r of representatives) byCountry.set(r.data.country, [...(byCountry.get(r.data.country) ?? []), r]);
  const memberCountries = (club.info?.data.member_countries ?? []).filter((c) => isMemberCountryOn(c, date)).map((c) => c.country);
  const countriesRepresented = memberCountries.filter((c) => byCountry.has(c));
  return { date, members, representatives, participants, byCountry, memberCountries, countriesRepresented };
}
