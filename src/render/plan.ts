import type { Club } from '../model/club.js';
import { document, esc, table } from './markdown-escape.js';
import { KIND_WORDS, longDate, monthName } from './words.js';

/** The year's meetings by month, kind and place, with their status. */
export function renderPlan(club: Club, year: number): string {
  const info = club.info?.data;
  const divisionName = (id: string) => info?.divisions.find((d) => d.id === id)?.city ?? id;
  const meetings = club.meetings
    .filter((m) => m.data.date.startsWith(`${year}-`))
    .sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1));
  const rows = meetings.map((m) => [
    monthName(Number(m.data.date.slice(5, 7))),
    longDate(m.data.date),
    esc(KIND_WORDS[m.data.kind]!),
    esc(divisionName(m.data.division)),
    esc([m.data.venue?.city, m.data.venue?.region].filter(Boolean).join(', ') || 'to be announced'),
    esc(m.data.title ?? ''),
    m.data.status,
  ]);
  return document([
    `# ${esc(info?.name ?? 'Club')}: work plan for ${year}`,
    rows.length > 0 ? table(['Month', 'Date', 'Kind', 'Division', 'Place', 'Title', 'Status'], rows) : `No meetings are recorded for ${year}.`,
  ]);
}
