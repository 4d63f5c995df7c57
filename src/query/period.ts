import type { Club, Loaded } from '../model/club.js';
import type { IsoDate } from '../model/types.js';

/** A stretch of days, both ends included: a year, or a season from September to June. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export const inPeriod = (date: IsoDate, p: Period): boolean => date >= p.from && date <= p.to;

export const byMeetingDate = (a: Loaded<'meeting'>, b: Loaded<'meeting'>): number =>
  a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The meetings dated in the period, of any status, by date. */
export const meetingsIn = (club: Club, p: Period): Loaded<'meeting'>[] =>
  club.meetings.filter((m) => inPeriod(m.data.date, p)).sort(byMeetingDate);

/** The meetings held in the period, by date. */
export const heldIn = (club: Club, p: Period): Loaded<'meeting'>[] => meetingsIn(club, p).filter((m) => m.data.status === 'held');
