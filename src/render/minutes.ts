import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { decisionText } from '../model/decisions.js';
import { chairOf, holderOn } from '../model/membership.js';
import { blocks, bullets, heading, numbered, paragraph, signatures, strong, table, type Doc } from './doc-tree.js';
import { nextMeeting, person, venueText, whenWhere } from './meeting-facts.js';
import { byCountryName, byName, KIND_WORDS, longDate, longDateWithDay } from './words.js';

/** The minutes of a held meeting: who was there, what was presented, what was decided; signed by the chair and the secretary. */
export function minutesDocument(club: Club, meeting: Loaded<'meeting'>): Doc {
  const m = meeting.data;
  const clubName = club.info?.data.name ?? 'Club';
  const chair = chairOf(club, meeting);
  const secretary = holderOn(club, 'secretary', m.date);
  const members = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => club.byId.members.get(id)).filter((x): x is Loaded<'member'> => x !== undefined);

  const present = byCountryName(byName(members(m.attendees), (x) => x.data.name), (x) => x.data.country);
  const apologies = byName(members(m.apologies), (x) => x.data.name);
  const items = (m.agenda ?? []).filter((a) => a.kind !== 'break')
    .map((a) => `${a.title}${a.presenter !== undefined ? ` — ${person(club, m, a.presenter)}` : ''}`);
  const guests = (m.guests ?? []).map((g) => [g.name, g.title, g.organization, g.country ? countryName(g.country) : undefined]
    .filter((x): x is string => Boolean(x)).join(', '));
  const decisions = (m.decisions ?? []).map(decisionText);

  return {
    title: `${clubName}: minutes`,
    header: clubName,
    language: 'en',
    blocks: blocks(
      heading(2, `The ${KIND_WORDS[m.kind]} of ${longDate(m.date)}`),
      bullets([
        ...(m.title ? [[strong('Meeting:'), ` ${m.title}`]] : []),
        [strong('Kind:'), ` ${KIND_WORDS[m.kind]}`],
        [strong('Date:'), ` ${longDateWithDay(m.date)}`],
        [strong('Time:'), ` ${m.start ?? 'not recorded'}${m.end ? `–${m.end}` : ''}`],
        [strong('Place:'), ` ${venueText(m.venue)}`],
        [strong('Chair:'), ` ${chair ? chair.data.name : 'not recorded'}`],
        [strong('Secretary:'), ` ${secretary ? secretary.data.name : 'not recorded'}`],
      ]),
      heading(3, `Present (${present.length})`),
      present.length > 0
        ? table(['Country', 'Name', 'Organization'], present.map((x) => [countryName(x.data.country), x.data.name, x.data.organization ?? '']), [2, 3, 4])
        : paragraph('No attendance was recorded.'),
      heading(3, 'Apologies'),
      apologies.length > 0 ? bullets(apologies.map((x) => `${x.data.name} (${countryName(x.data.country)})`)) : paragraph('None.'),
      heading(3, 'Guests'),
      guests.length > 0 ? bullets(guests) : paragraph('None.'),
      heading(3, 'Items'),
      items.length > 0 ? numbered(items) : paragraph('No agenda was recorded.'),
      heading(3, 'Decisions'),
      decisions.length > 0 ? numbered(decisions) : paragraph('No decisions were recorded.'),
      heading(3, 'Next meeting'),
      paragraph(`${whenWhere(nextMeeting(club, meeting))}.`),
      signatures([
        { role: 'Chair', name: chair?.data.name },
        { role: 'Secretary', name: secretary?.data.name },
      ]),
    ),
  };
}
