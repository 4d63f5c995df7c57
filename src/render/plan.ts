import type { Club } from '../model/club.js';
import { paragraph, table, type Doc } from './doc-tree.js';
import { KIND_WORDS, longDate, monthName } from './words.js';

/** The year's meetings by month, kind and place, with their status. */
export function planDocument(club: Club, year: number): Doc {
  const info = club.info?.data;
  const clubName = info?.name ?? 'Club';
  const divisionName = (id: string) => info?.divisions.find((d) => d.id === id)?.city ?? id;
  const meetings = club.meetings
    .filter((m) => m.data.date.startsWith(`${year}-`))
    .sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1));
  const rows = meetings.map((m) => [
    monthName(Number(m.data.date.slice(5, 7))),
    longDate(m.data.date),
    KIND_WORDS[m.data.kind]!,
    divisionName(m.data.division),
    [m.data.venue?.city, m.data.venue?.region].filter(Boolean).join(', ') || 'to be announced',
    m.data.title ?? '',
    m.data.status,
  ]);
  return {
    title: `${clubName}: work plan for ${year}`,
    header: clubName,
    language: 'en',
    blocks: [
      rows.length > 0
        ? table(['Month', 'Date', 'Kind', 'Division', 'Place', 'Title', 'Status'], rows, [2, 3, 3, 3, 3, 4, 2])
        : paragraph(`No meetings are recorded for ${year}.`),
    ],
  };
}
