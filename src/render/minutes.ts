import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { chairOf, holderOn, isMemberCountryOn } from '../model/membership.js';
import type { Guest, Meeting } from '../model/types.js';
import { decisionsOfMeeting, followUp } from '../query/decisions.js';
import { minutesNumber } from '../query/minutes-number.js';
import { guestCame } from '../query/topics.js';
import { blocks, bullets, emphasis, heading, inl, lineBreak, numbered, paragraph, signatures, strong, table, type Doc, type InlineLike } from './doc-tree.js';
import { nextMeeting, person, venueText, whenWhere } from './meeting-facts.js';
import { byCountryName, byName, KIND_WORDS, longDate, longDateWithDay, plural } from './words.js';

/** A member's or a guest's name, for a decision's responsible person. */
export function responsibleName(club: Club, meeting: Meeting, id: string | undefined): string {
  if (id === undefined) return '';
  return club.byId.members.get(id)?.data.name ?? meeting.guests?.find((g) => g.id === id)?.name ?? id;
}

const guestLine = (g: Guest): string =>
  [g.name, g.title, g.organization, g.country ? countryName(g.country) : undefined].filter((x): x is string => Boolean(x)).join(', ');

/**
 * The minutes of a held meeting, as official minutes carry them: their number
 * (No. N of the year in the division), the actual times, who was present
 * (members by country, participants from countries that are not members
 * marked), apologies and guests, each item with its presenter and what was
 * said, the decisions with who is responsible and by when, the decisions of
 * earlier meetings still open past their due date, and signature lines.
 */
export function minutesDocument(club: Club, meeting: Loaded<'meeting'>): Doc {
  const m = meeting.data;
  const info = club.info?.data;
  const clubName = info?.name ?? 'Club';
  const divisionName = info?.divisions.find((d) => d.id === m.division)?.city ?? m.division;
  const chair = chairOf(club, meeting);
  const secretary = holderOn(club, 'secretary', m.date);
  const members = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => club.byId.members.get(id)).filter((x): x is Loaded<'member'> => x !== undefined);
  const memberCountry = (code: string) => (info?.member_countries ?? []).some((c) => c.country === code && isMemberCountryOn(c, m.date));

  const present = byCountryName(byName(members(m.attendees), (x) => x.data.name), (x) => x.data.country);
  const countries = new Set(present.map((x) => x.data.country));
  const participants = present.filter((x) => x.data.category === 'participant' || !memberCountry(x.data.country));
  const apologies = byName(members(m.apologies), (x) => x.data.name);
  const came = (m.guests ?? []).filter(guestCame);
  const absent = (m.guests ?? []).filter((g) => !guestCame(g));
  const items = (m.agenda ?? []).filter((a) => a.kind !== 'break').map((a): InlineLike[] => [
    a.title,
    a.presenter !== undefined ? ` — ${person(club, m, a.presenter)}` : '',
    a.outcome !== undefined && a.outcome.trim() !== '' ? [lineBreak, a.outcome] : [],
  ]);
  const decisions = decisionsOfMeeting(meeting);
  const follow = followUp(club, meeting);
  const no = minutesNumber(club, meeting);

  const planned = m.start !== undefined ? `${m.start}${m.end ? `–${m.end}` : ''}` : undefined;
  const actual = m.started !== undefined ? `${m.started}${m.ended ? `–${m.ended}` : ''}` : undefined;
  const time = actual !== undefined
    ? `${actual}${planned !== undefined && planned !== actual ? ` (planned ${planned})` : ''}`
    : planned !== undefined ? `${planned} (as planned; the actual times were not recorded)` : 'not recorded';

  return {
    title: `${clubName}: minutes${no !== undefined ? ` No. ${no} of ${m.date.slice(0, 4)}` : ''}`,
    header: clubName,
    language: 'en',
    blocks: blocks(
      heading(2, `The ${KIND_WORDS[m.kind]} of ${longDate(m.date)}`),
      bullets([
        ...(no !== undefined ? [[strong('Minutes:'), ` No. ${no} of ${m.date.slice(0, 4)}, ${divisionName} division`]] : []),
        ...(m.title ? [[strong('Meeting:'), ` ${m.title}`]] : []),
        [strong('Kind:'), ` ${KIND_WORDS[m.kind]}`],
        [strong('Date:'), ` ${longDateWithDay(m.date)}`],
        [strong('Time:'), ` ${time}`],
        [strong('Place:'), ` ${venueText(m.venue)}`],
        [strong('Chair:'), ` ${chair ? chair.data.name : 'not recorded'}`],
        [strong('Secretary:'), ` ${secretary ? secretary.data.name : 'not recorded'}`],
      ]),
      heading(3, 'Present'),
      present.length > 0
        ? [
          paragraph(`${plural(present.length, 'member')} from ${plural(countries.size, 'country', 'countries')}${came.length > 0 ? `, and ${plural(came.length, 'guest')}` : ''}.`
            + `${participants.length > 0 ? ` Marked “participant”: ${plural(participants.length, 'member')} from a country that is not a member of the club.` : ''}`),
          table(['Country', 'Name', 'Organization'], present.map((x) => [
            participants.includes(x) ? inl(countryName(x.data.country), ' ', emphasis('(participant)')) : countryName(x.data.country),
            x.data.name,
            x.data.organization ?? '',
          ]), [2, 3, 4]),
        ]
        : paragraph('No attendance was recorded.'),
      heading(3, 'Apologies'),
      apologies.length > 0 ? bullets(apologies.map((x) => `${x.data.name} (${countryName(x.data.country)})`)) : paragraph('None.'),
      heading(3, 'Guests'),
      came.length > 0 ? bullets(came.map(guestLine)) : paragraph('None.'),
      absent.length > 0 && paragraph(`Invited but did not come: ${absent.map(guestLine).join('; ')}.`),
      heading(3, 'Items'),
      items.length > 0 ? numbered(items) : paragraph('No agenda was recorded.'),
      heading(3, 'Decisions'),
      decisions.length > 0
        ? table(['No.', 'Decision', 'Responsible', 'Due'], decisions.map((d) => [String(d.no), d.text, responsibleName(club, m, d.responsible), d.due ? longDate(d.due) : '']), [1, 6, 3, 2])
        : paragraph('No decisions were recorded.'),
      heading(3, 'Follow-up'),
      follow.length > 0
        ? [
          paragraph('Decisions of earlier meetings of the division that were due before this meeting and are not done:'),
          table(['Meeting', 'No.', 'Decision', 'Responsible', 'Due'], follow.map((d) => {
            const of = club.byId.meetings.get(d.meeting)!.data;
            return [longDate(d.date), String(d.no), d.text, responsibleName(club, of, d.responsible), d.due ? longDate(d.due) : ''];
          }), [2, 1, 5, 3, 2]),
        ]
        : paragraph('No decision of an earlier meeting is past its due date.'),
      heading(3, 'Next meeting'),
      paragraph(`${whenWhere(nextMeeting(club, meeting))}.`),
      signatures([
        { role: 'Chair', name: chair?.data.name },
        { role: 'Secretary', name: secretary?.data.name },
      ]),
    ),
  };
}
