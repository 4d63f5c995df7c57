import type { Club } from '../model/club.js';
import type { Meeting } from '../model/types.js';
import { meetingsIn, type Period } from '../query/period.js';
import { paragraph, table, type Doc } from './doc-tree.js';
import { longDate, KIND_WORDS, monthName } from './words.js';

/** A plan's period: a calendar year (`year` set), or any stretch of days such as a season from September to June. */
export type PlanPeriod = Period & { year?: number | undefined };

/** A presenter by name: a member's, or a guest's of that meeting. */
function presenterName(club: Club, m: Meeting, id: string): string {
  return club.byId.members.get(id)?.data.name ?? m.guests?.find((g) => g.id === id)?.name ?? id;
}

/**
 * The work plan of a period: its meetings by month, with kind, division, place,
 * the topics on each agenda and who presents them, and the status; a meeting
 * that was moved shows the date it first had.
 */
export function planDocument(club: Club, period: PlanPeriod): Doc {
  const info = club.info?.data;
  const clubName = info?.name ?? 'Club';
  const divisionName = (id: string) => info?.divisions.find((d) => d.id === id)?.city ?? id;
  const name = period.year !== undefined ? String(period.year) : `${longDate(period.from)} – ${longDate(period.to)}`;
  const rows = meetingsIn(club, period).map((meeting) => {
    const m = meeting.data;
    const original = m.moved_from?.[0]?.date;
    const topics = (m.agenda ?? []).filter((a) => a.kind !== 'break')
      .map((a) => `${a.title}${a.presenter !== undefined ? ` (${presenterName(club, m, a.presenter)})` : ''}`);
    return [
      monthName(Number(m.date.slice(5, 7))),
      `${longDate(m.date)}${original !== undefined && original !== m.date ? ` (moved from ${longDate(original)})` : ''}`,
      KIND_WORDS[m.kind]!,
      divisionName(m.division),
      [m.venue?.city, m.venue?.region].filter(Boolean).join(', ') || 'to be announced',
      m.title ?? '',
      topics.join('; '),
      m.status === 'cancelled' && m.cancel_reason ? `cancelled: ${m.cancel_reason}` : m.status,
    ];
  });
  return {
    title: `${clubName}: work plan for ${name}`,
    header: clubName,
    language: 'en',
    blocks: [
      rows.length > 0
        ? table(['Month', 'Date', 'Kind', 'Division', 'Place', 'Title', 'Topics and presenters', 'Status'], rows, [2, 3, 3, 2, 3, 3, 5, 2])
        : paragraph(`No meetings are recorded for ${name}.`),
    ],
  };
}
