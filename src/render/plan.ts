import type { Club } from '../model/club.js';
import type { Language, Meeting } from '../model/types.js';
import { meetingsIn, type Period } from '../query/period.js';
import { paragraph, table, type Doc } from './doc-tree.js';
import { cityAndRegion } from './meeting-facts.js';
import { localeFor, type Locale } from './locale.js';

/** A plan's period: a calendar year (`year` set), or any stretch of days such as a season from September to June. */
export type PlanPeriod = Period & { year?: number | undefined };

/** A presenter by name, in the document's language: a member's, or a guest's of that meeting. */
function presenterName(club: Club, m: Meeting, id: string, l: Locale): string {
  const member = club.byId.members.get(id)?.data;
  if (member) return l.person(member);
  const guest = m.guests?.find((g) => g.id === id);
  return guest ? l.person(guest) : id;
}

/**
 * The work plan of a period: its meetings by month, with kind, division, place,
 * the topics on each agenda and who presents them, and the status; a meeting
 * that was moved shows the date it first had. Every fixed word comes from the
 * catalogue of `lang`.
 */
export function planDocument(club: Club, period: PlanPeriod, lang: Language = 'en'): Doc {
  const l = localeFor(lang, club.info?.data);
  const { t } = l;
  const clubName = l.clubName();
  const rows = meetingsIn(club, period).map((meeting) => {
    const m = meeting.data;
    const original = m.moved_from?.[0]?.date;
    const topics = (m.agenda ?? []).filter((a) => a.kind !== 'break')
      .map((a) => `${a.title}${a.presenter !== undefined ? ` (${presenterName(club, m, a.presenter, l)})` : ''}`);
    return [
      l.month(Number(m.date.slice(5, 7))),
      `${l.wholeDate(m.date)}${original !== undefined && original !== m.date ? t.plan.movedFrom(original) : ''}`,
      t.common.kind[m.kind]!,
      l.division(m.division),
      cityAndRegion(m.venue, l) || t.common.toBeAnnounced,
      m.title ?? '',
      topics.join('; '),
      m.status === 'cancelled' && m.cancel_reason ? t.plan.cancelledBecause(m.cancel_reason) : t.common.status[m.status]!,
    ];
  });
  const c = t.common.column;
  return {
    title: t.plan.title(clubName, period.from, period.to, period.year),
    header: clubName,
    language: l.lang,
    // Eight columns: on an upright A4 page they were too narrow for «Сентябрь», «Санкт-Петербург», «запланировано».
    landscape: true,
    blocks: [
      rows.length > 0
        ? table([c.month, c.date, c.kind, c.division, c.place, t.plan.column.title, t.plan.column.topics, c.status], rows, [2, 3, 3, 2, 3, 3, 5, 2])
        : paragraph(t.plan.noMeetings(period.from, period.to, period.year)),
    ],
  };
}
