import type { Club, Loaded } from '../model/club.js';
import { asDecisionRecord } from '../model/decisions.js';
import type { IsoDate } from '../model/types.js';

/** One decision of one meeting, numbered from 1 as the minutes number them. */
export interface DecisionRow {
  meeting: string;
  /** The meeting's date: when the decision was taken. */
  date: IsoDate;
  division: string;
  no: number;
  text: string;
  responsible?: string;
  due?: IsoDate;
  done?: IsoDate;
}

/** The decisions a meeting records, whichever form each takes. */
export function decisionsOfMeeting(meeting: Loaded<'meeting'>): DecisionRow[] {
  return (meeting.data.decisions ?? []).map((entry, i) => {
    const d = asDecisionRecord(entry);
    return {
      meeting: meeting.id,
      date: meeting.data.date,
      division: meeting.data.division,
      no: i + 1,
      text: d.text,
      ...(d.responsible !== undefined ? { responsible: d.responsible } : {}),
      ...(d.due !== undefined ? { due: d.due } : {}),
      ...(d.done !== undefined ? { done: d.done } : {}),
    };
  });
}

const byDateThenNo = (a: DecisionRow, b: DecisionRow) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.meeting < b.meeting ? -1 : a.meeting > b.meeting ? 1 : a.no - b.no;

/** Every decision of every held meeting, oldest first. Decisions of planned or cancelled meetings were not taken. */
export function allDecisions(club: Club): DecisionRow[] {
  return club.meetings.filter((m) => m.data.status === 'held').flatMap(decisionsOfMeeting).sort(byDateThenNo);
}

/** Not done on `date` (a decision done later was still open then). */
export const isOpenOn = (d: DecisionRow, date: IsoDate): boolean => d.done === undefined || d.done > date;

/** Open on `date` and due before it. */
export const isOverdueOn = (d: DecisionRow, date: IsoDate): boolean => isOpenOn(d, date) && d.due !== undefined && d.due < date;

/** The status a list shows: `done`, `overdue` (open and past due on `today`) or `open`. */
export function statusOf(d: DecisionRow, today: IsoDate): 'done' | 'overdue' | 'open' {
  if (!isOpenOn(d, today)) return 'done';
  return isOverdueOn(d, today) ? 'overdue' : 'open';
}

/**
 * What the minutes of `meeting` follow up: decisions of earlier meetings of its
 * division that were not done on its date although they were due before it.
 */
export function followUp(club: Club, meeting: Loaded<'meeting'>): DecisionRow[] {
  const date = meeting.data.date;
  return allDecisions(club).filter((d) => d.division === meeting.data.division && d.date < date && isOverdueOn(d, date));
}

/** Decisions taken in [from, to]. */
export const decisionsTaken = (club: Club, from: IsoDate, to: IsoDate): DecisionRow[] =>
  allDecisions(club).filter((d) => d.date >= from && d.date <= to);

/** Decisions taken up to `to` that were still open on `to`. */
export const decisionsOpenOn = (club: Club, to: IsoDate): DecisionRow[] =>
  allDecisions(club).filter((d) => d.date <= to && isOpenOn(d, to));
