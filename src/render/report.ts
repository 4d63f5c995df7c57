import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { addDays, earliest, latest } from '../model/dates.js';
import { attendanceByCountry, attendanceByMember } from '../query/attendance.js';
import { decisionsOpenOn, decisionsTaken, isOverdueOn, type DecisionRow } from '../query/decisions.js';
import { changesByCountry, membershipChanges } from '../query/membership-changes.js';
import { membershipOn } from '../query/membership-totals.js';
import { byMeetingDate, heldIn, inPeriod, meetingsIn, type Period } from '../query/period.js';
import { guestsByOrganization, topicsPresented } from '../query/topics.js';
import { meetingsChart, membershipChart, officersChart } from './charts/chart-data.js';
import { chartImage } from './charts/chart-image.js';
import { blocks, bullets, heading, link, paragraph, strong, table, type Doc } from './doc-tree.js';
import { person, positionTitle } from './meeting-facts.js';
import { responsibleName } from './minutes.js';
import { byCountryName, byName, joinAnd, KIND_WORDS, longDate, plural } from './words.js';

/** A report's period: a calendar year (`year` set: "annual report 2019"), or any stretch of days. */
export type ReportPeriod = Period & { year?: number | undefined };

/** `2019`, or `1 September 2019 – 30 June 2020`. */
export const periodName = (p: ReportPeriod): string => (p.year !== undefined ? String(p.year) : `${longDate(p.from)} – ${longDate(p.to)}`);

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)} %`);

/**
 * The report of a period (a year, or a season): the club, its officers, its
 * membership with totals that agree everywhere (members = representatives of
 * member countries + participants, each counted by one rule on the day before
 * the period and on its last day), the meetings and who attended them, topics,
 * guests, decisions taken and still open, publications, and charts.
 */
export function reportDocument(club: Club, period: ReportPeriod): Doc {
  const info = club.info?.data;
  const clubName = info?.name ?? 'Club';
  const { from, to } = period;
  const name = periodName(period);
  const dayBefore = addDays(from, -1);
  const divisionName = (id: string) => info?.divisions.find((d) => d.id === id)?.city ?? id;
  const memberName = (id: string) => club.byId.members.get(id)?.data.name ?? id;
  const place = (m: Loaded<'meeting'>) => [m.data.venue?.city, m.data.venue?.region].filter(Boolean).join(', ') || '—';

  // The club in one paragraph, from club.yaml.
  const about: string[] = [];
  if (info) {
    about.push(`The ${info.name} was founded in ${longDate(info.founded)}${info.aegis ? ` under the aegis of the ${info.aegis}` : ''}.`);
    if (info.founding_countries?.length) {
      about.push(`It was founded on the initiative of representatives of ${joinAnd(info.founding_countries.map((c) => countryName(c)))}.`);
    }
    about.push(`It has ${plural(info.divisions.length, 'division')}: ${joinAnd(info.divisions.map((d) => `${d.city} (since ${longDate(d.since)})`))}.`);
    const countries = byCountryName(info.member_countries.filter((c) => earliest(c.since ?? '0000') <= to && (!c.until || latest(c.until) >= to)), (c) => c.country);
    about.push(`Representatives of ${plural(countries.length, 'country', 'countries')} belong to it: ${joinAnd(countries.map((c) => countryName(c.country)))}.`);
    for (const s of info.sister_clubs ?? []) {
      about.push(`Following its example, the ${s.name} was founded in ${s.city}${s.founded ? ` in ${longDate(s.founded)}` : ''}.`);
    }
  }

  const terms = club.officers
    .filter((t) => earliest(t.data.from) <= to && (t.data.to === undefined || latest(t.data.to) >= from))
    .sort((a, b) => (a.data.position < b.data.position ? -1 : a.data.position > b.data.position ? 1 : earliest(a.data.from) < earliest(b.data.from) ? -1 : 1));

  // Membership: one rule (isMemberOn) on two days; every total below is a count of these people.
  const changes = membershipChanges(club, period);
  const repChanges = changes.filter((c) => c.member.data.category !== 'participant');
  const partChanges = changes.filter((c) => c.member.data.category === 'participant');
  const countryRows = byCountryName(changesByCountry(repChanges), (r) => r.country);
  const partRow = changesByCountry(partChanges).reduce((a, r) => ({ before: a.before + r.before, joined: a.joined + r.joined, left: a.left + r.left, after: a.after + r.after }), { before: 0, joined: 0, left: 0, after: 0 });
  const repTotal = countryRows.reduce((a, r) => ({ before: a.before + r.before, joined: a.joined + r.joined, left: a.left + r.left, after: a.after + r.after }), { before: 0, joined: 0, left: 0, after: 0 });
  const cells = (r: { before: number; joined: number; left: number; after: number }) => [String(r.before), String(r.joined), String(r.left), String(r.after)];
  const start = membershipOn(club, dayBefore);
  const end = membershipOn(club, to);
  const joinedList = byName(changes.filter((c) => c.joined), (c) => c.member.data.name)
    .map((c) => `${c.member.data.name} (${countryName(c.member.data.country)}), ${longDate(c.member.data.joined)}`);
  const leftList = byName(changes.filter((c) => c.left), (c) => c.member.data.name)
    .map((c) => `${c.member.data.name} (${countryName(c.member.data.country)})${c.member.data.left ? `, ${longDate(c.member.data.left)}` : ''}`);

  const meetings = meetingsIn(club, period);
  const held = heldIn(club, period);
  const cancelled = meetings.filter((m) => m.data.status === 'cancelled');
  const stillPlanned = meetings.filter((m) => m.data.status === 'planned');
  const offSite = held.filter((m) => m.data.kind === 'off-site');
  const byCountry = byCountryName(attendanceByCountry(club, period), (r) => r.country);
  const byMember = byCountryName(byName(attendanceByMember(club, period), (a) => a.member.data.name), (a) => a.member.data.country);
  const topics = topicsPresented(club, period);
  const guestGroups = guestsByOrganization(club, period);

  const taken = decisionsTaken(club, from, to);
  const open = decisionsOpenOn(club, to);
  const decisionCells = (d: DecisionRow) => [longDate(d.date), String(d.no), d.text, responsibleName(club, club.byId.meetings.get(d.meeting)!.data, d.responsible), d.due ? longDate(d.due) : ''];

  const publications = club.publications.filter((p) => inPeriod(earliest(p.data.date), period));
  const byOutlet = (info?.outlets ?? [])
    .map((o) => ({ o, items: publications.filter((p) => p.data.outlet === o.id).sort((a, b) => (earliest(a.data.date) < earliest(b.data.date) ? -1 : 1)) }))
    .filter((x) => x.items.length > 0)
    .flatMap(({ o, items }) => [heading(3, o.name), bullets(items.map((p) => {
      const title = p.data.url ? link(p.data.url, p.data.title) : p.data.title;
      const issue = p.data.issue !== undefined ? `, issue ${p.data.issue}` : '';
      const on = (p.data.meetings ?? []).map((id) => club.byId.meetings.get(id)).filter((x): x is Loaded<'meeting'> => x !== undefined)
        .map((mt) => `the meeting of ${longDate(mt.data.date)}`);
      return [`${longDate(p.data.date)}${issue}: `, title, on.length ? ` (on ${joinAnd(on)})` : ''];
    }))]);

  // What comes next: the following year for an annual report, else the year after the period.
  const nextPeriod: Period = period.year !== undefined ? { from: `${period.year + 1}-01-01`, to: `${period.year + 1}-12-31` } : { from: addDays(to, 1), to: addDays(to, 365) };
  const next = club.meetings.filter((m) => inPeriod(m.data.date, nextPeriod) && m.data.status !== 'cancelled').sort(byMeetingDate);
  const nextName = period.year !== undefined ? `Plan for ${period.year + 1}` : `Planned in the year after ${longDate(to)}`;

  const membership = membershipChart(club, to, { title: 'Representatives by member country', unit: 'representatives', countryName }, (codes) => byCountryName(codes, (c) => c));
  const perYear = meetingsChart(club, to, { title: 'Meetings held per year', unit: 'meetings', series: 'held' });
  const officers = officersChart(club, to, { title: 'Officers\' terms', memberName });

  return {
    title: `${clubName}: ${period.year !== undefined ? `annual report ${period.year}` : `report for ${name}`}`,
    header: clubName,
    language: 'en',
    blocks: blocks(
      heading(2, 'The club'),
      paragraph(about.join(' ') || 'club.yaml could not be read.'),
      paragraph(`This report covers ${longDate(from)} to ${longDate(to)}.`),
      heading(2, 'Officers'),
      terms.length > 0
        ? table(['Position', 'Name', 'From', 'To'], terms.map((x) => [positionTitle(club, x.data.position), memberName(x.data.member), longDate(x.data.from), x.data.to ? longDate(x.data.to) : 'in office']), [3, 3, 2, 2])
        : paragraph('No officer terms are recorded for the period.'),
      officers.rows.length > 0 && chartImage(officers, `Officers' terms up to ${longDate(to)}: ${officers.rows.map((r) => `${r.label}: ${r.spans.map((s) => `${s.label} from ${longDate(s.from)}${s.open ? '' : ` to ${longDate(s.to)}`}`).join('; ')}`).join('. ')}.`),
      heading(2, 'Membership'),
      paragraph(`Members are the people whose membership was in force: representatives of the customs services and embassies of member countries, and participants, diplomats of countries that are not members. Members = representatives + participants. Each is counted on ${longDate(dayBefore)}, the day before the period, and on ${longDate(to)}, its last day.`),
      table(['Country', `On ${longDate(dayBefore)}`, 'Joined', 'Left', `On ${longDate(to)}`], [
        ...countryRows.map((r) => [countryName(r.country), ...cells(r)]),
        [strong('Representatives'), ...cells(repTotal).map((c) => strong(c))],
        ['Participants from countries that are not members', ...cells(partRow)],
        [strong('Members'), ...cells({ before: repTotal.before + partRow.before, joined: repTotal.joined + partRow.joined, left: repTotal.left + partRow.left, after: repTotal.after + partRow.after }).map((c) => strong(c))],
      ], [4, 2, 1, 1, 2]),
      paragraph(`Member countries represented: ${start.countriesRepresented.length} of ${start.memberCountries.length} on ${longDate(dayBefore)}, ${end.countriesRepresented.length} of ${end.memberCountries.length} on ${longDate(to)}.`),
      heading(3, 'Joined'),
      joinedList.length > 0 ? bullets(joinedList) : paragraph('Nobody.'),
      heading(3, 'Left'),
      leftList.length > 0 ? bullets(leftList) : paragraph('Nobody.'),
      membership.series.length > 0 && [
        chartImage(membership, `Representatives by member country at the end of each year from ${membership.categories[0]} to ${longDate(to)}: ${membership.categories.map((y, i) => `${y}: ${membership.series.reduce((n, s) => n + s.values[i]!, 0)}`).join(', ')}.`),
        paragraph(`Representatives at the end of each year (the last on ${longDate(to)}), by country, from the bottom of each bar: ${joinAnd(membership.series.map((s) => s.label))}. Participants are not counted.`),
      ],
      heading(2, 'Meetings'),
      table(['Meetings of the period', 'Count'], [
        ['In the plan', String(meetings.length)],
        ['Held', String(held.length)],
        ['Cancelled', String(cancelled.length)],
        ['Still planned', String(stillPlanned.length)],
      ], [3, 1]),
      cancelled.length > 0 && paragraph(`Cancelled: ${joinAnd(cancelled.map((m) => `${longDate(m.data.date)} (${place(m)}${m.data.cancel_reason ? `: ${m.data.cancel_reason.replace(/\.$/, '')}` : ''})`))}.`),
      heading(3, 'Meetings held'),
      held.length > 0
        ? table(['Date', 'Kind', 'Division', 'Place', 'Title', 'Present'], held.map((m) => [longDate(m.data.date), KIND_WORDS[m.data.kind]!, divisionName(m.data.division), place(m), m.data.title ?? '', String(m.data.attendees?.length ?? 0)]), [2, 3, 2, 3, 4, 1])
        : paragraph('No meetings were held in the period.'),
      perYear.categories.length > 0 && chartImage(perYear, `Meetings held per year up to ${longDate(to)}: ${perYear.categories.map((y, i) => `${y}: ${perYear.series[0]!.values[i]}`).join(', ')}.`),
      heading(3, 'Off-site meetings'),
      offSite.length > 0 ? bullets(offSite.map((m) => `${longDate(m.data.date)}: ${place(m)}${m.data.title ? ` (${m.data.title})` : ''}`)) : paragraph('None.'),
      heading(3, 'Attendance by country'),
      byCountry.length > 0
        ? [
          paragraph('For each person, the meetings held in the period while they were a member; summed by the country they represent.'),
          table(['Country', 'People', 'Attended', 'Held while members', 'Rate', 'Meetings with the country present'],
            byCountry.map((r) => [countryName(r.country), String(r.people), String(r.attended), String(r.possible), percent(r.attended, r.possible), `${r.meetingsRepresented} of ${held.length}`]), [3, 1, 1, 2, 1, 2]),
        ]
        : paragraph('No meetings were held in the period.'),
      heading(3, 'Attendance by member'),
      byMember.length > 0
        ? table(['Name', 'Country', 'Attended', 'Held while a member'], byMember.map((a) => [a.member.data.name, countryName(a.member.data.country), String(a.attended), String(a.possible)]), [3, 2, 1, 2])
        : paragraph('No meetings were held in the period.'),
      heading(3, 'Topics'),
      topics.length > 0
        ? table(['Date', 'Topic', 'Presented by'], topics.map((t) => [longDate(t.date), t.title, t.presenter !== undefined ? person(club, t.meeting.data, t.presenter) : '']), [2, 4, 4])
        : paragraph('No topics were recorded.'),
      heading(3, 'Guests by organization'),
      guestGroups.length > 0
        ? table(['Organization', 'Guest', 'Meeting'], guestGroups.flatMap((g) => g.visits.map((v) => [
          g.organization ?? 'Organization not recorded',
          [v.guest.name, v.guest.title].filter(Boolean).join(', ') + (v.guest.country ? ` (${countryName(v.guest.country)})` : ''),
          longDate(v.meeting.data.date),
        ])), [3, 4, 2])
        : paragraph('No guests came in the period.'),
      heading(2, 'Decisions'),
      heading(3, 'Taken in the period'),
      taken.length > 0
        ? table(['Meeting', 'No.', 'Decision', 'Responsible', 'Due', 'Done'], taken.map((d) => [...decisionCells(d), d.done !== undefined && d.done <= to ? longDate(d.done) : '']), [2, 1, 5, 3, 2, 2])
        : paragraph('No decisions were taken in the period.'),
      heading(3, `Still open on ${longDate(to)}`),
      open.length > 0
        ? table(['Meeting', 'No.', 'Decision', 'Responsible', 'Due', 'Overdue'], open.map((d) => [...decisionCells(d), isOverdueOn(d, to) ? 'yes' : '']), [2, 1, 5, 3, 2, 1])
        : paragraph('None: every decision taken by then was done.'),
      heading(2, 'Publications'),
      byOutlet.length > 0 ? byOutlet : paragraph('No publications are recorded for the period.'),
      heading(2, nextName),
      next.length > 0
        ? table(['Date', 'Kind', 'Division', 'Place', 'Title'], next.map((m) => [longDate(m.data.date), KIND_WORDS[m.data.kind]!, divisionName(m.data.division), place(m), m.data.title ?? '']), [2, 3, 2, 3, 4])
        : paragraph('No meetings are planned yet.'),
    ),
  };
}
