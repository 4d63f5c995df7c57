import type { Club, Loaded } from '../model/club.js';
import { addDays, earliest, latest } from '../model/dates.js';
import type { Language, Meeting } from '../model/types.js';
import { attendanceByCountry, attendanceByMember } from '../query/attendance.js';
import { decisionsOpenOn, decisionsTaken, isOverdueOn, type DecisionRow } from '../query/decisions.js';
import { changesByCountry, membershipChanges } from '../query/membership-changes.js';
import { membershipOn } from '../query/membership-totals.js';
import { byMeetingDate, heldIn, inPeriod, meetingsIn, type Period } from '../query/period.js';
import { guestsByOrganization, topicsPresented } from '../query/topics.js';
import { meetingsChart, membershipChart, officersChart } from './charts/chart-data.js';
import { chartImage } from './charts/chart-image.js';
import { blocks, bullets, heading, link, paragraph, strong, table, type Doc } from './doc-tree.js';
import { byCountryName, byName, localeFor, type Locale } from './locale.js';
import { cityAndRegion, person } from './meeting-facts.js';

/** A report's period: a calendar year (`year` set: "annual report 2019"), or any stretch of days. */
export type ReportPeriod = Period & { year?: number | undefined };

/** A person named in a decision: a member in the document's language, or a guest of that meeting. */
function responsibleName(club: Club, meeting: Meeting, id: string | undefined, l: Locale): string {
  if (id === undefined) return '';
  const member = club.byId.members.get(id)?.data;
  if (member) return l.person(member);
  const guest = meeting.guests?.find((g) => g.id === id);
  return guest ? l.person(guest) : id;
}

/** The first letter as a capital: a list item that begins with a month (`декабрь 2019 г.`). */
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The report of a period (a year, or a season): the club, its officers, its
 * membership with totals that agree everywhere (members = representatives of
 * member countries + participants, each counted by one rule on the day before
 * the period and on its last day), the meetings and who attended them, topics,
 * guests, decisions taken and still open, publications, and charts. Every fixed
 * word, chart titles and axes included, comes from the catalogue of `lang`.
 */
export function reportDocument(club: Club, period: ReportPeriod, lang: Language = 'en'): Doc {
  const l = localeFor(lang, club.info?.data);
  const { t } = l;
  const r = t.report;
  const col = { ...t.common.column, ...r.column };
  const info = club.info?.data;
  const clubName = l.clubName();
  const { from, to } = period;
  const dayBefore = addDays(from, -1);
  const memberName = (id: string) => {
    const member = club.byId.members.get(id)?.data;
    return member ? l.person(member) : id;
  };
  const place = (m: Loaded<'meeting'>) => cityAndRegion(m.data.venue, l) || '—';
  const percent = (part: number, whole: number): string => (whole === 0 ? '—' : r.percent(Math.round((100 * part) / whole)));
  const list = t.common.list;

  // The club in one paragraph, from club.yaml.
  const about: string[] = [];
  if (info) {
    about.push(r.founded(clubName, info.founded, l.aegis()));
    if (info.founding_countries?.length) about.push(r.foundingCountries(list(info.founding_countries.map((c) => l.countryInText(c)))));
    about.push(r.divisions(info.divisions.length, list(info.divisions.map((d) => r.divisionSince(l.division(d.id), d.since)))));
    const countries = byCountryName(l, info.member_countries.filter((c) => earliest(c.since ?? '0000') <= to && (!c.until || latest(c.until) >= to)), (c) => c.country);
    about.push(r.memberCountries(countries.length, list(countries.map((c) => l.countryInText(c.country)))));
    for (const s of info.sister_clubs ?? []) {
      about.push(r.sisterClub(lang === 'ru' && s.name_ru ? s.name_ru : s.name, lang === 'ru' && s.city_ru ? s.city_ru : s.city, s.founded));
    }
  }

  const terms = club.officers
    .filter((x) => earliest(x.data.from) <= to && (x.data.to === undefined || latest(x.data.to) >= from))
    .sort((a, b) => (a.data.position < b.data.position ? -1 : a.data.position > b.data.position ? 1 : earliest(a.data.from) < earliest(b.data.from) ? -1 : 1));

  // Membership: one rule (isMemberOn) on two days; every total below is a count of these people.
  const changes = membershipChanges(club, period);
  const repChanges = changes.filter((c) => c.member.data.category !== 'participant');
  const partChanges = changes.filter((c) => c.member.data.category === 'participant');
  const countryRows = byCountryName(l, changesByCountry(repChanges), (x) => x.country);
  const partRow = changesByCountry(partChanges).reduce((a, x) => ({ before: a.before + x.before, joined: a.joined + x.joined, left: a.left + x.left, after: a.after + x.after }), { before: 0, joined: 0, left: 0, after: 0 });
  const repTotal = countryRows.reduce((a, x) => ({ before: a.before + x.before, joined: a.joined + x.joined, left: a.left + x.left, after: a.after + x.after }), { before: 0, joined: 0, left: 0, after: 0 });
  const cells = (x: { before: number; joined: number; left: number; after: number }) => [String(x.before), String(x.joined), String(x.left), String(x.after)];
  const start = membershipOn(club, dayBefore);
  const end = membershipOn(club, to);
  const joinedList = byName(l, changes.filter((c) => c.joined), (c) => l.person(c.member.data))
    .map((c) => `${l.person(c.member.data)} (${l.country(c.member.data.country)}), ${l.date(c.member.data.joined)}`);
  const leftList = byName(l, changes.filter((c) => c.left), (c) => l.person(c.member.data))
    .map((c) => `${l.person(c.member.data)} (${l.country(c.member.data.country)})${c.member.data.left ? `, ${l.date(c.member.data.left)}` : ''}`);

  const meetings = meetingsIn(club, period);
  const held = heldIn(club, period);
  const cancelled = meetings.filter((m) => m.data.status === 'cancelled');
  const stillPlanned = meetings.filter((m) => m.data.status === 'planned');
  const offSite = held.filter((m) => m.data.kind === 'off-site');
  const byCountry = byCountryName(l, attendanceByCountry(club, period), (x) => x.country);
  const byMember = byCountryName(l, byName(l, attendanceByMember(club, period), (a) => l.person(a.member.data)), (a) => a.member.data.country);
  const topics = topicsPresented(club, period);
  const guestGroups = guestsByOrganization(club, period);

  const taken = decisionsTaken(club, from, to);
  const open = decisionsOpenOn(club, to);
  const decisionCells = (d: DecisionRow) => [l.wholeDate(d.date), String(d.no), d.text, responsibleName(club, club.byId.meetings.get(d.meeting)!.data, d.responsible, l), d.due ? l.wholeDate(d.due) : ''];

  const publications = club.publications.filter((p) => inPeriod(earliest(p.data.date), period));
  const byOutlet = (info?.outlets ?? [])
    .map((o) => ({ o, items: publications.filter((p) => p.data.outlet === o.id).sort((a, b) => (earliest(a.data.date) < earliest(b.data.date) ? -1 : 1)) }))
    .filter((x) => x.items.length > 0)
    .flatMap(({ o, items }) => [heading(3, l.outlet(o.id)), bullets(items.map((p) => {
      const title = p.data.url ? link(p.data.url, p.data.title) : p.data.title;
      const issue = p.data.issue !== undefined ? r.issue(String(p.data.issue)) : '';
      const on = (p.data.meetings ?? []).map((id) => club.byId.meetings.get(id)).filter((x): x is Loaded<'meeting'> => x !== undefined).map((mt) => mt.data.date);
      return [`${capital(l.date(p.data.date))}${issue}: `, title, on.length ? r.about(on) : ''];
    }))]);

  // What comes next: the following year for an annual report, else the year after the period.
  const nextPeriod: Period = period.year !== undefined ? { from: `${period.year + 1}-01-01`, to: `${period.year + 1}-12-31` } : { from: addDays(to, 1), to: addDays(to, 365) };
  const next = club.meetings.filter((m) => inPeriod(m.data.date, nextPeriod) && m.data.status !== 'cancelled').sort(byMeetingDate);
  const nextName = period.year !== undefined ? r.planFor(period.year + 1) : r.plannedAfter(to);

  const ch = t.chart;
  const membership = membershipChart(club, to, { title: ch.membershipTitle, unit: ch.membershipUnit, countryName: (code) => l.country(code) }, (codes) => byCountryName(l, codes, (c) => c));
  const perYear = meetingsChart(club, to, { title: ch.meetingsTitle, unit: ch.meetingsUnit, series: ch.meetingsSeries });
  const officers = officersChart(club, to, { title: ch.officersTitle, memberName, positionTitle: (id) => l.position(id) });

  return {
    title: r.title(clubName, from, to, period.year),
    header: clubName,
    language: l.lang,
    blocks: blocks(
      heading(2, r.theClub),
      paragraph(about.join(' ') || r.noClub),
      paragraph(r.covers(from, to)),
      heading(2, r.officers),
      terms.length > 0
        ? table([col.position, col.name, col.from, col.to], terms.map((x) => [l.position(x.data.position), memberName(x.data.member), l.wholeDate(x.data.from), x.data.to ? l.wholeDate(x.data.to) : r.inOffice]), [3, 3, 2, 2])
        : paragraph(r.noTerms),
      officers.rows.length > 0 && chartImage(officers, r.officersAlt(to, officers.rows.map((row) => `${row.label}: ${row.spans.map((s) => r.term(s.label, s.from, s.open ? undefined : s.to)).join('; ')}`).join('. '))),
      heading(2, r.membership),
      paragraph(r.membershipRule(dayBefore, to)),
      table([col.country, col.on(dayBefore), col.joined, col.left, col.on(to)], [
        ...countryRows.map((x) => [l.country(x.country), ...cells(x)]),
        [strong(r.representatives), ...cells(repTotal).map((c) => strong(c))],
        [r.participants, ...cells(partRow)],
        [strong(r.members), ...cells({ before: repTotal.before + partRow.before, joined: repTotal.joined + partRow.joined, left: repTotal.left + partRow.left, after: repTotal.after + partRow.after }).map((c) => strong(c))],
      ], [4, 2, 1, 1, 2]),
      paragraph(r.countriesRepresented(start.countriesRepresented.length, start.memberCountries.length, dayBefore, end.countriesRepresented.length, end.memberCountries.length, to)),
      heading(3, r.joined),
      joinedList.length > 0 ? bullets(joinedList) : paragraph(t.common.nobody),
      heading(3, r.left),
      leftList.length > 0 ? bullets(leftList) : paragraph(t.common.nobody),
      membership.series.length > 0 && [
        chartImage(membership, r.membershipAlt(membership.categories[0]!, to, membership.categories.map((y, i) => `${y}: ${membership.series.reduce((n, s) => n + s.values[i]!, 0)}`).join(', '))),
        paragraph(r.membershipCaption(to, list(membership.series.map((s) => l.countryInText(s.key))))),
      ],
      heading(2, r.meetings),
      table([col.meetingsOfPeriod, col.count], [
        [r.inPlan, String(meetings.length)],
        [r.held, String(held.length)],
        [r.cancelled, String(cancelled.length)],
        [r.stillPlanned, String(stillPlanned.length)],
      ], [3, 1]),
      cancelled.length > 0 && paragraph(r.cancelledList(list(cancelled.map((m) => {
        // The place and the reason, each when known: no "—" standing for a place nobody set.
        const known = [place(m), m.data.cancel_reason?.replace(/\.$/, '')].filter((x) => x !== undefined && x !== '' && x !== '—');
        return known.length > 0 ? `${l.date(m.data.date)} (${known.join(': ')})` : l.date(m.data.date);
      })))),
      heading(3, r.meetingsHeld),
      held.length > 0
        ? table([col.date, col.kind, col.division, col.place, col.title, col.present], held.map((m) => [l.wholeDate(m.data.date), t.common.kind[m.data.kind]!, l.division(m.data.division), place(m), m.data.title ?? '', String(m.data.attendees?.length ?? 0)]), [2, 3, 2, 3, 4, 1])
        : paragraph(r.noneHeld),
      // No chart of zero bars when the club has held no meeting yet: the sentence above says it.
      perYear.series[0]!.values.some((v) => v > 0) && chartImage(perYear, r.meetingsAlt(to, perYear.categories.map((y, i) => `${y}: ${perYear.series[0]!.values[i]}`).join(', '))),
      heading(3, r.offSite),
      offSite.length > 0 ? bullets(offSite.map((m) => `${l.date(m.data.date)}: ${place(m)}${m.data.title ? ` (${m.data.title})` : ''}`)) : paragraph(t.common.none),
      heading(3, r.attendanceByCountry),
      byCountry.length > 0
        ? [
          paragraph(r.attendanceRule),
          table([col.country, col.people, col.attended, col.heldWhileMembers, col.rate, col.countryPresent],
            byCountry.map((x) => [l.country(x.country), String(x.people), String(x.attended), String(x.possible), percent(x.attended, x.possible), r.of(x.meetingsRepresented, held.length)]), [3, 1, 1, 2, 1, 2]),
        ]
        : paragraph(r.noneHeld),
      heading(3, r.attendanceByMember),
      byMember.length > 0
        ? table([col.name, col.country, col.attended, col.heldWhileMember], byMember.map((a) => [l.person(a.member.data), l.country(a.member.data.country), String(a.attended), String(a.possible)]), [3, 2, 1, 2])
        : paragraph(r.noneHeld),
      heading(3, r.topics),
      topics.length > 0
        ? table([col.date, col.topic, col.presentedBy], topics.map((x) => [l.wholeDate(x.date), x.title, x.presenter !== undefined ? person(club, x.meeting.data, x.presenter, l) : '']), [2, 4, 4])
        : paragraph(r.noTopics),
      heading(3, r.guestsByOrganization),
      guestGroups.length > 0
        ? table([col.organization, col.guest, col.meeting], guestGroups.flatMap((g) => g.visits.map((v) => [
          g.organization ?? r.organizationNotRecorded,
          [l.person(v.guest), v.guest.title].filter(Boolean).join(', ') + (v.guest.country ? ` (${l.country(v.guest.country)})` : ''),
          l.wholeDate(v.meeting.data.date),
        ])), [3, 4, 2])
        : paragraph(r.noGuests),
      heading(2, r.decisions),
      heading(3, r.taken),
      taken.length > 0
        ? table([col.meeting, col.number, col.decision, col.responsible, col.due, col.done], taken.map((d) => [...decisionCells(d), d.done !== undefined && d.done <= to ? l.wholeDate(d.done) : '']), [2, 1, 5, 3, 2, 2])
        : paragraph(r.noDecisions),
      heading(3, r.stillOpen(to)),
      open.length > 0
        ? table([col.meeting, col.number, col.decision, col.responsible, col.due, col.overdue], open.map((d) => [...decisionCells(d), isOverdueOn(d, to) ? r.yes : '']), [2, 1, 5, 3, 2, 1])
        : paragraph(r.allDone),
      heading(2, r.publications),
      byOutlet.length > 0 ? byOutlet : paragraph(r.noPublications),
      heading(2, nextName),
      next.length > 0
        ? table([col.date, col.kind, col.division, col.place, col.title], next.map((m) => [l.wholeDate(m.data.date), t.common.kind[m.data.kind]!, l.division(m.data.division), place(m), m.data.title ?? '']), [2, 3, 2, 3, 4])
        : paragraph(r.noneNext),
    ),
  };
}
