import type { ClubInfo, Meeting, Member, OfficerTerm, Publication, RecordKind } from './types.js';

// The top-level fields of each record kind, checked by the compiler against the
// interfaces (`satisfies` refuses a missing or extra key) and by a test against
// the schemas, so the types and the schemas cannot drift apart.
const club = {
  name: true, name_ru: true, founded: true, aegis: true, aegis_ru: true, founding_countries: true, timezone: true, language: true, divisions: true,
  member_countries: true, positions: true, outlets: true, sister_clubs: true, sources: true,
} satisfies Record<keyof ClubInfo, true>;
const member = {
  name: true, name_native: true, country: true, category: true, organization: true, title: true,
  division: true, joined: true, left: true, email: true, phone: true, languages: true, notes: true,
} satisfies Record<keyof Member, true>;
const officer = {
  position: true, member: true, from: true, to: true, notes: true,
} satisfies Record<keyof OfficerTerm, true>;
const meeting = {
  title: true, date: true, start: true, end: true, started: true, ended: true, kind: true, division: true, status: true,
  cancel_reason: true, moved_from: true, venue: true,
  chair: true, guests: true, agenda: true, attendees: true, apologies: true, decisions: true, notes: true,
} satisfies Record<keyof Meeting, true>;
const publication = {
  title: true, outlet: true, date: true, issue: true, url: true, language: true, meetings: true, summary: true,
} satisfies Record<keyof Publication, true>;

export const RECORD_FIELDS: Record<RecordKind, readonly string[]> = {
  club: Object.keys(club),
  member: Object.keys(member),
  officer: Object.keys(officer),
  meeting: Object.keys(meeting),
  publication: Object.keys(publication),
};
