import type { Club, Loaded } from '../model/club.js';
import { byMeetingDate } from './period.js';

/**
 * The number of a meeting's minutes: No. N of its year in its division, counting
 * held meetings by date (planned and cancelled meetings have no minutes).
 * Undefined for a meeting that was not held.
 */
export function minutesNumber(club: Club, meeting: Loaded<'meeting'>): number | undefined {
  if (meeting.data.status !== 'held') return undefined;
  const year = meeting.data.date.slice(0, 4);
  const sameSeries = club.meetings
    .filter((m) => m.data.status === 'held' && m.data.division === meeting.data.division && m.data.date.slice(0, 4) === year)
    .sort(byMeetingDate);
  return sameSeries.findIndex((m) => m.id === meeting.id) + 1;
}
