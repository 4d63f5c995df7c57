import type { Club, Loaded } from '../model/club.js';
import { isMemberOn } from '../model/membership.js';
import type { Language } from '../model/types.js';
import { blocks, bullets, emphasis, heading, inl, paragraph, strong, table, type Doc } from './doc-tree.js';
import { byCountryName, byName, localeFor, type Locale } from './locale.js';
import { venueText } from './meeting-facts.js';

/** A row's least height, in points (1.06 cm): room for a signature by hand, where one line of table text left 0.45 cm. */
export const SIGNING_ROW = 30;

/** The members a sheet lists: everyone whose membership is in force on the meeting's day, by country, then by name (in the document's language). */
export function expectedMembers(club: Club, meeting: Loaded<'meeting'>, l: Locale = localeFor('en', undefined)): Loaded<'member'>[] {
  return byCountryName(l, byName(l, club.members.filter((m) => isMemberOn(m.data, meeting.data.date)), (m) => l.person(m.data)), (m) => m.data.country);
}

/**
 * The attendance sheet of a meeting, to print and sign at the door: the members
 * expected that day by country with a column to sign, those who sent apologies
 * marked, then the invited guests. Every fixed word comes from the catalogue of `lang`.
 */
export function sheetDocument(club: Club, meeting: Loaded<'meeting'>, lang: Language = 'en'): Doc {
  const l = localeFor(lang, club.info?.data);
  const { t } = l;
  const w = t.sheet;
  const label = t.common.label;
  const column = t.common.column;
  const m = meeting.data;
  const clubName = l.clubName();
  const members = expectedMembers(club, meeting, l);
  const apologies = new Set(m.apologies ?? []);
  const guests = m.guests ?? [];
  return {
    title: w.title(clubName),
    header: clubName,
    language: l.lang,
    blocks: blocks(
      heading(2, t.common.meetingHeading(t.common.kind[m.kind] ?? m.kind, m.date)),
      bullets([
        ...(m.title ? [[strong(label.meeting), ` ${m.title}`]] : []),
        [strong(label.date), ` ${l.dateWithDay(m.date)}${m.start ? `, ${m.start}${m.end ? `–${m.end}` : ''}` : ''}`],
        [strong(label.place), ` ${venueText(m.venue, l)}`],
      ]),
      heading(3, w.members(members.length)),
      members.length > 0
        ? table([w.column.number, column.country, column.name, column.organization, w.column.signature], members.map((x, i) => [
          String(i + 1),
          l.country(x.data.country),
          apologies.has(x.id) ? inl(l.person(x.data), ' ', emphasis(w.apologiesSent)) : l.person(x.data),
          x.data.organization ?? '',
          '',
        ]), [1, 2, 3, 4, 4], SIGNING_ROW)
        : paragraph(w.noMembers),
      heading(3, w.invitedGuests(guests.length)),
      guests.length > 0
        ? table([w.column.number, column.name, w.column.titleAndOrganization, w.column.signature], guests.map((g, i) => [
          String(i + 1),
          `${l.person(g)}${g.country ? ` (${l.country(g.country)})` : ''}`,
          [g.title, g.organization].filter(Boolean).join(', '),
          '',
        ]), [1, 3, 5, 4], SIGNING_ROW)
        : paragraph(w.noGuests),
    ),
  };
}
