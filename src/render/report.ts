import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { earliest, latest } from '../model/dates.js';
import { isMemberOn } from '../model/membership.js';
import { blocks, bullets, heading, link, paragraph, strong, table, type Doc } from './doc-tree.js';
import { person, positionTitle } from './meeting-facts.js';
import { byCountryName, byName, joinAnd, KIND_WORDS, longDate, plural } from './words.js';

const byDate = (a: Loaded<'meeting'>, b: Loaded<'meeting'>) =>
  a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1;

/** The annual report: the club, its officers, membership, meetings, guests, plan against outcome, publications, next year. */
export function reportDocument(club: Club, year: number): Doc {
  const info = club.info?.data;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const previousEnd = `${year - 1}-12-31`;
  const inYear = (date: string) => date.startsWith(String(year));
  const divisionName = (id: string) => info?.divisions.find((d) => d.id === id)?.city ?? id;

  // The club in one paragraph, from club.yaml.
  const about: string[] = [];
  if (info) {
    about.push(`The ${info.name} was founded in ${longDate(info.founded)}${info.aegis ? ` under the aegis of the ${info.aegis}` : ''}.`);
    if (info.founding_countries?.length) {
      about.push(`It was founded on the initiative of representatives of ${joinAnd(info.founding_countries.map((c) => countryName(c)))}.`);
    }
    about.push(`It has ${plural(info.divisions.length, 'division')}: ${joinAnd(info.divisions.map((d) => `${d.city} (since ${longDate(d.since)})`))}.`);
    const countries = byCountryName(info.member_countries.filter((c) => !c.until || latest(c.until) >= end), (c) => c.country);
    about.push(`Representatives of ${plural(countries.length, 'country', 'countries')} belong to it: ${joinAnd(countries.map((c) => countryName(c.country)))}.`);
    for (const s of info.sister_clubs ?? []) {
      about.push(`Following its example, the ${s.name} was founded in ${s.city}${s.founded ? ` in ${longDate(s.founded)}` : ''}.`);
    }
  }

  const terms = club.officers
    .filter((t) => earliest(t.data.from) <= end && (t.data.to === undefined || latest(t.data.to) >= start))
    .sort((a, b) => (a.data.position < b.data.position ? -1 : a.data.position > b.data.position ? 1 : earliest(a.data.from) < earliest(b.data.from) ? -1 : 1));
  const memberName = (id: string) => club.byId.members.get(id)?.data.name ?? id;

  const reps = club.members.filter((m) => m.data.category !== 'participant');
  const countries = [...new Set(reps.map((m) => m.data.country))];
  const countryRows = byCountryName(countries, (c) => c).map((c) => {
    const of = reps.filter((m) => m.data.country === c);
    const before = of.filter((m) => isMemberOn(m.data, previousEnd)).length;
    const after = of.filter((m) => isMemberOn(m.data, end)).length;
    const joined = of.filter((m) => m.data.joined.startsWith(String(year))).length;
    const left = of.filter((m) => m.data.left?.startsWith(String(year))).length;
    return { c, cells: [countryName(c), String(before), String(joined), String(left), String(after)], before, after, joined, left };
  }).filter((r) => r.before + r.after + r.joined + r.left > 0);
  const sum = (k: 'before' | 'after' | 'joined' | 'left') => countryRows.reduce((n, r) => n + r[k], 0);
  const joinedList = byName(club.members.filter((m) => m.data.joined.startsWith(String(year))), (m) => m.data.name)
    .map((m) => `${m.data.name} (${countryName(m.data.country)}), ${longDate(m.data.joined)}`);
  const leftList = byName(club.members.filter((m) => m.data.left?.startsWith(String(year))), (m) => m.data.name)
    .map((m) => `${m.data.name} (${countryName(m.data.country)}), ${longDate(m.data.left!)}`);
  const activeAt = (date: string) => club.members.filter((m) => isMemberOn(m.data, date));

  const meetings = club.meetings.filter((m) => m.data.date.startsWith(`${year}-`)).sort(byDate);
  const held = meetings.filter((m) => m.data.status === 'held');
  const cancelled = meetings.filter((m) => m.data.status === 'cancelled');
  const stillPlanned = meetings.filter((m) => m.data.status === 'planned');
  const offSite = held.filter((m) => m.data.kind === 'off-site');
  const guests = held.flatMap((m) => (m.data.guests ?? []).map((g) => `${person(club, m.data, g.id)}${g.country ? ` (${countryName(g.country)})` : ''}: ${longDate(m.data.date)}`));
  const place = (m: Loaded<'meeting'>) => [m.data.venue?.city, m.data.venue?.region].filter(Boolean).join(', ') || '—';

  const publications = club.publications.filter((p) => inYear(p.data.date));
  const outlets = info?.outlets ?? [];
  const byOutlet = outlets
    .map((o) => ({ o, items: publications.filter((p) => p.data.outlet === o.id).sort((a, b) => (earliest(a.data.date) < earliest(b.data.date) ? -1 : 1)) }))
    .filter((x) => x.items.length > 0)
    .flatMap(({ o, items }) => [heading(3, o.name), bullets(items.map((p) => {
      const title = p.data.url ? link(p.data.url, p.data.title) : p.data.title;
      const issue = p.data.issue !== undefined ? `, issue ${p.data.issue}` : '';
      const about = (p.data.meetings ?? []).map((id) => club.byId.meetings.get(id)).filter((x): x is Loaded<'meeting'> => x !== undefined)
        .map((mt) => `the meeting of ${longDate(mt.data.date)}`);
      return [`${longDate(p.data.date)}${issue}: `, title, about.length ? ` (on ${joinAnd(about)})` : ''];
    }))]);

  const nextYear = club.meetings.filter((m) => m.data.date.startsWith(`${year + 1}-`) && m.data.status !== 'cancelled').sort(byDate);

  const clubName = info?.name ?? 'Club';
  return {
    title: `${clubName}: annual report ${year}`,
    header: clubName,
    language: 'en',
    blocks: blocks(
      heading(2, 'The club'),
      paragraph(about.join(' ') || 'club.yaml could not be read.'),
      heading(2, `Officers in ${year}`),
      terms.length > 0
        ? table(['Position', 'Name', 'From', 'To'], terms.map((x) => [positionTitle(club, x.data.position), memberName(x.data.member), longDate(x.data.from), x.data.to ? longDate(x.data.to) : 'in office']), [3, 3, 2, 2])
        : paragraph('No officer terms are recorded for the year.'),
      heading(2, 'Membership'),
      countryRows.length > 0
        ? table(['Country', `Representatives at the end of ${year - 1}`, `Joined in ${year}`, `Left in ${year}`, `Representatives at the end of ${year}`],
          [...countryRows.map((r) => r.cells), [strong('Total'), strong(String(sum('before'))), strong(String(sum('joined'))), strong(String(sum('left'))), strong(String(sum('after')))]],
          [3, 2, 2, 2, 2])
        : paragraph('No representatives are recorded.'),
      heading(3, `Joined in ${year}`),
      joinedList.length > 0 ? bullets(joinedList) : paragraph('Nobody.'),
      heading(3, `Left in ${year}`),
      leftList.length > 0 ? bullets(leftList) : paragraph('Nobody.'),
      heading(3, 'Totals'),
      table(['', `End of ${year - 1}`, `End of ${year}`], [
        ['Members', String(activeAt(previousEnd).length), String(activeAt(end).length)],
        ['Participants from countries that are not members', String(activeAt(previousEnd).filter((m) => m.data.category === 'participant').length), String(activeAt(end).filter((m) => m.data.category === 'participant').length)],
        ['Countries represented', String(new Set(activeAt(previousEnd).filter((m) => m.data.category !== 'participant').map((m) => m.data.country)).size), String(new Set(activeAt(end).filter((m) => m.data.category !== 'participant').map((m) => m.data.country)).size)],
      ], [4, 2, 2]),
      heading(2, 'Meetings held'),
      held.length > 0
        ? table(['Date', 'Kind', 'Division', 'Place', 'Title', 'Present'], held.map((m) => [longDate(m.data.date), KIND_WORDS[m.data.kind]!, divisionName(m.data.division), place(m), m.data.title ?? '', String(m.data.attendees?.length ?? 0)]), [2, 3, 2, 3, 4, 1])
        : paragraph(`No meetings were held in ${year}.`),
      heading(3, 'Off-site meetings'),
      offSite.length > 0 ? bullets(offSite.map((m) => `${longDate(m.data.date)}: ${place(m)}${m.data.title ? ` (${m.data.title})` : ''}`)) : paragraph('None.'),
      heading(3, 'Notable guests'),
      guests.length > 0 ? bullets(guests) : paragraph('None recorded.'),
      heading(2, 'The plan and what came of it'),
      table(['Meetings of the year', 'Count'], [
        ['In the plan', String(meetings.length)],
        ['Held', String(held.length)],
        ['Cancelled', String(cancelled.length)],
        ['Still planned', String(stillPlanned.length)],
      ], [3, 1]),
      cancelled.length > 0 && paragraph(`Cancelled: ${joinAnd(cancelled.map((m) => `${longDate(m.data.date)} (${place(m)})`))}.`),
      heading(2, 'Publications'),
      byOutlet.length > 0 ? byOutlet : paragraph(`No publications are recorded for ${year}.`),
      heading(2, `Plan for ${year + 1}`),
      nextYear.length > 0
        ? table(['Date', 'Kind', 'Division', 'Place', 'Title'], nextYear.map((m) => [longDate(m.data.date), KIND_WORDS[m.data.kind]!, divisionName(m.data.division), place(m), m.data.title ?? '']), [2, 3, 2, 3, 4])
        : paragraph(`No meetings are planned for ${year + 1} yet.`),
    ),
  };
}
