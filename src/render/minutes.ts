import type { Club, Loaded } from '../model/club.js';
import { chairOf, holderOn, isMemberCountryOn } from '../model/membership.js';
import type { Guest, Language, Meeting } from '../model/types.js';
import { decisionsOfMeeting, followUp } from '../query/decisions.js';
import { minutesNumber } from '../query/minutes-number.js';
import { guestCame } from '../query/topics.js';
import { blocks, bullets, emphasis, heading, inl, lineBreak, numbered, paragraph, signatures, strong, table, type Doc, type InlineLike } from './doc-tree.js';
import { nextMeeting, person, venueText, whenWhere } from './meeting-facts.js';
import { byCountryName, byName, localeFor, type Locale } from './locale.js';

/** A member's or a guest's name, for a decision's responsible person (a member as the document's language names them). */
export function responsibleName(club: Club, meeting: Meeting, id: string | undefined, l: Locale = localeFor('en', undefined)): string {
  if (id === undefined) return '';
  const member = club.byId.members.get(id)?.data;
  if (member) return l.person(member);
  const guest = meeting.guests?.find((g) => g.id === id);
  return guest ? l.person(guest) : id;
}

const guestLine = (g: Guest, l: Locale): string =>
  [l.person(g), g.title, g.organization, g.country ? l.country(g.country) : undefined].filter((x): x is string => Boolean(x)).join(', ');

/**
 * The minutes of a held meeting, as official minutes carry them: their number
 * (No. N of the year in the division), the actual times, who was present
 * (members by country, participants from countries that are not members
 * marked), apologies and guests, each item with its presenter and what was
 * said, the decisions with who is responsible and by when, the decisions of
 * earlier meetings still open past their due date, and signature lines.
 * Every fixed word comes from the catalogue of `lang`.
 */
export function minutesDocument(club: Club, meeting: Loaded<'meeting'>, lang: Language = 'en'): Doc {
  const l = localeFor(lang, club.info?.data);
  const { t } = l;
  const w = t.minutes;
  const label = t.common.label;
  const m = meeting.data;
  const info = club.info?.data;
  const clubName = l.clubName();
  // An officer recorded as absent did not chair or keep the minutes: no name, and a blank line to sign,
  // unless the meeting names its chair (`chair:`).
  const wasThere = (x: Loaded<'member'> | undefined) => (x !== undefined && !m.apologies?.includes(x.id)
    && (m.attendees === undefined || m.attendees.length === 0 || m.attendees.includes(x.id)) ? x : undefined);
  const chair = m.chair !== undefined ? chairOf(club, meeting) : wasThere(chairOf(club, meeting));
  const secretary = wasThere(holderOn(club, 'secretary', m.date));
  const members = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => club.byId.members.get(id)).filter((x): x is Loaded<'member'> => x !== undefined);
  const memberCountry = (code: string) => (info?.member_countries ?? []).some((c) => c.country === code && isMemberCountryOn(c, m.date));

  const present = byCountryName(l, byName(l, members(m.attendees), (x) => l.person(x.data)), (x) => x.data.country);
  const countries = new Set(present.map((x) => x.data.country));
  const participants = present.filter((x) => x.data.category === 'participant' || !memberCountry(x.data.country));
  const apologies = byName(l, members(m.apologies), (x) => l.person(x.data));
  const came = (m.guests ?? []).filter(guestCame);
  const absent = (m.guests ?? []).filter((g) => !guestCame(g));
  const items = (m.agenda ?? []).filter((a) => a.kind !== 'break').map((a): InlineLike[] => [
    a.title,
    a.presenter !== undefined ? `${t.common.dash}${person(club, m, a.presenter, l)}` : '',
    a.outcome !== undefined && a.outcome.trim() !== '' ? [lineBreak, a.outcome] : [],
  ]);
  const decisions = decisionsOfMeeting(meeting);
  const follow = followUp(club, meeting);
  const no = minutesNumber(club, meeting);
  const year = m.date.slice(0, 4);

  const planned = m.start !== undefined ? `${m.start}${m.end ? `–${m.end}` : ''}` : undefined;
  const actual = m.started !== undefined ? `${m.started}${m.ended ? `–${m.ended}` : ''}` : undefined;
  const time = actual !== undefined
    ? (planned !== undefined && planned !== actual ? w.timePlanned(actual, planned) : actual)
    : planned !== undefined ? w.timeAsPlanned(planned) : t.common.notRecorded;
  const name = (x: Loaded<'member'> | undefined) => (x ? l.person(x.data) : t.common.notRecorded);

  return {
    title: w.title(clubName, no, year),
    header: clubName,
    language: l.lang,
    blocks: blocks(
      heading(2, w.heading(m.kind, m.date, no)),
      bullets([
        ...(no !== undefined ? [[strong(w.label.minutes), ` ${w.number(no, year, l.division(m.division))}`]] : []),
        ...(m.title ? [[strong(label.meeting), ` ${m.title}`]] : []),
        [strong(label.kind), ` ${t.common.kind[m.kind]}`],
        [strong(label.date), ` ${l.dateWithDay(m.date)}`],
        [strong(label.time), ` ${time}`],
        [strong(label.place), ` ${venueText(m.venue, l)}`],
        [strong(w.label.chair), ` ${name(chair)}`],
        [strong(w.label.secretary), ` ${name(secretary)}`],
      ]),
      heading(3, w.present),
      present.length > 0
        ? [
          paragraph(w.presentCount(present.length, countries.size, came.length) + (participants.length > 0 ? w.participantsMarked(participants.length) : '')),
          table([t.common.column.country, t.common.column.name, t.common.column.organization], present.map((x) => [
            participants.includes(x) ? inl(l.country(x.data.country), ' ', emphasis(w.participant)) : l.country(x.data.country),
            l.person(x.data),
            x.data.organization ?? '',
          ]), [2, 3, 4]),
        ]
        : paragraph(w.noAttendance),
      heading(3, w.apologies),
      apologies.length > 0 ? bullets(apologies.map((x) => `${l.person(x.data)} (${l.country(x.data.country)})`)) : paragraph(t.common.none),
      heading(3, w.guests),
      came.length > 0 ? bullets(came.map((g) => guestLine(g, l))) : paragraph(t.common.none),
      absent.length > 0 && paragraph(w.invitedAbsent(absent.map((g) => guestLine(g, l)).join('; '))),
      heading(3, w.items),
      items.length > 0 ? numbered(items) : paragraph(w.noAgenda),
      heading(3, w.decisions),
      decisions.length > 0
        ? table([w.column.number, w.column.decision, w.column.responsible, w.column.due],
          decisions.map((d) => [String(d.no), d.text, responsibleName(club, m, d.responsible, l), d.due ? l.wholeDate(d.due) : '']), [1, 6, 3, 2])
        : paragraph(w.noDecisions),
      heading(3, w.followUp),
      follow.length > 0
        ? [
          paragraph(w.followUpIntro),
          table([w.column.meeting, w.column.number, w.column.decision, w.column.responsible, w.column.due], follow.map((d) => {
            const of = club.byId.meetings.get(d.meeting)!.data;
            return [l.wholeDate(d.date), String(d.no), d.text, responsibleName(club, of, d.responsible, l), d.due ? l.wholeDate(d.due) : ''];
          }), [2, 1, 5, 3, 2]),
        ]
        : paragraph(w.noFollowUp),
      heading(3, w.nextMeeting),
      paragraph(w.nextMeetingText(whenWhere(nextMeeting(club, meeting), l))),
      signatures([
        { role: w.signChair, name: chair ? l.signatory(chair.data) : undefined },
        { role: w.signSecretary, name: secretary ? l.signatory(secretary.data) : undefined },
      ]),
    ),
  };
}
