import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { isMemberOn } from '../model/membership.js';
import { blocks, bullets, emphasis, heading, inl, paragraph, strong, table, type Doc } from './doc-tree.js';
import { venueText } from './meeting-facts.js';
import { byCountryName, byName, KIND_WORDS, longDate, longDateWithDay } from './words.js';

/** The members a sheet lists: everyone whose membership is in force on the meeting's day, by country, then by name. */
export function expectedMembers(club: Club, meeting: Loaded<'meeting'>): Loaded<'member'>[] {
  return byCountryName(byName(club.members.filter((m) => isMemberOn(m.data, meeting.data.date)), (m) => m.data.name), (m) => m.data.country);
}

/**
 * The attendance sheet of a meeting, to print and sign at the door: the members
 * expected that day by country with a column to sign, those who sent apologies
 * marked, then the invited guests.
 */
export function sheetDocument(club: Club, meeting: Loaded<'meeting'>): Doc {
  const m = meeting.data;
  const clubName = club.info?.data.name ?? 'Club';
  const members = expectedMembers(club, meeting);
  const apologies = new Set(m.apologies ?? []);
  const guests = m.guests ?? [];
  return {
    title: `${clubName}: attendance sheet`,
    header: clubName,
    language: 'en',
    blocks: blocks(
      heading(2, `The ${KIND_WORDS[m.kind]} of ${longDate(m.date)}`),
      bullets([
        ...(m.title ? [[strong('Meeting:'), ` ${m.title}`]] : []),
        [strong('Date:'), ` ${longDateWithDay(m.date)}${m.start ? `, ${m.start}${m.end ? `–${m.end}` : ''}` : ''}`],
        [strong('Place:'), ` ${venueText(m.venue)}`],
      ]),
      heading(3, `Members (${members.length})`),
      members.length > 0
        ? table(['No.', 'Country', 'Name', 'Organization', 'Signature'], members.map((x, i) => [
          String(i + 1),
          countryName(x.data.country),
          apologies.has(x.id) ? inl(x.data.name, ' ', emphasis('(apologies sent)')) : x.data.name,
          x.data.organization ?? '',
          '',
        ]), [1, 2, 3, 4, 4])
        : paragraph('No member is on record for this day.'),
      heading(3, `Invited guests (${guests.length})`),
      guests.length > 0
        ? table(['No.', 'Name', 'Title and organization', 'Signature'], guests.map((g, i) => [
          String(i + 1),
          `${g.name}${g.country ? ` (${countryName(g.country)})` : ''}`,
          [g.title, g.organization].filter(Boolean).join(', '),
          '',
        ]), [1, 3, 5, 4])
        : paragraph('No guests are invited.'),
    ),
  };
}
