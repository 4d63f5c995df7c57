import { isMap, isSeq, type Document } from 'yaml';
import { RefusedError } from '../errors/errors.js';
import type { Club, Loaded } from '../model/club.js';
import { meetingId, nextFreeId } from '../model/record-id.js';
import type { MeetingMove } from '../model/types.js';
import { setMeetingField } from './meeting-field.js';

export interface RescheduleRequest {
  date: string;
  start?: string | undefined;
  end?: string | undefined;
  city?: string | undefined;
  venue?: string | undefined;
  /** Keep the file name (and so every reference) as it is. */
  keepId?: boolean | undefined;
}

export interface ReschedulePlan {
  from: string;
  to: string;
  /** The date and id appended to `moved_from`. */
  move: MeetingMove;
  /** Applied to the meeting's file (then renamed to `to` when it differs from `from`). */
  applyMeeting(doc: Document): void;
  /** Publications (and any record) naming the meeting, each with the edit that renames the reference. */
  referrers: { collection: 'publications'; id: string; apply(doc: Document): void }[];
}

const DATED_ID = /^(\d{4}-\d{2}-\d{2})-/;

/**
 * What moving a meeting changes: its date (and times, city, venue), its id
 * `<date>-<city>` unless kept, `moved_from` with where it was, and every
 * publication that names it. A meeting whose date was changed by hand (its id
 * says another day) is moved from the id's date, so `moved_from` still says
 * where it was.
 */
export function planReschedule(club: Club, meeting: Loaded<'meeting'>, r: RescheduleRequest): ReschedulePlan {
  const m = meeting.data;
  const idDate = DATED_ID.exec(meeting.id)?.[1];
  const fromDate = m.date === r.date && idDate !== undefined && idDate !== r.date ? idDate : m.date;
  const city = r.city ?? m.venue?.city ?? club.info?.data.divisions.find((d) => d.id === m.division)?.city ?? m.division;
  const sameVenue = (r.city === undefined || r.city === m.venue?.city) && (r.venue === undefined || r.venue === m.venue?.name);
  const sameTimes = (r.start === undefined || r.start === m.start) && (r.end === undefined || r.end === m.end);
  if (fromDate === r.date && sameVenue && sameTimes) {
    throw new RefusedError(`the meeting \`${meeting.id}\` is already on ${r.date}${r.city ? ` in ${r.city}` : ''}; nothing was written`);
  }
  if (m.status === 'held') {
    throw new RefusedError(`the meeting \`${meeting.id}\` is recorded as held; a meeting that took place is not moved; nothing was written`,
      'to correct its date, use `club set ' + meeting.id + ' date=YYYY-MM-DD`');
  }
  if (m.status === 'cancelled') {
    // Moving it would quietly undo the cancellation and drop its reason: that must be said, not done.
    throw new RefusedError(`the meeting \`${meeting.id}\` was cancelled${m.cancel_reason ? ` (${m.cancel_reason})` : ''}; a cancelled meeting is not moved; nothing was written`,
      `if it is to take place after all, plan it again first: \`club unset ${meeting.id} cancel_reason && club set ${meeting.id} status=planned\`, then move it; or add the new meeting with \`club add-meeting\``);
  }
  const to = r.keepId ? meeting.id : meetingId(r.date, city);
  const taken = (id: string) => id !== meeting.id && (club.byId.meetings.has(id) || club.unchecked.meetings.has(id));
  if (taken(to)) {
    throw new RefusedError(`another meeting already has the id \`${to}\`; nothing was written`,
      `keep this one's id with --keep-id, or give the other meeting another day; the next free id would be ${nextFreeId(to, taken)}`);
  }
  const move: MeetingMove = { date: fromDate, id: meeting.id };
  const moves = [...(m.moved_from ?? []), move];

  const applyMeeting = (doc: Document) => {
    setMeetingField(doc, 'date', r.date);
    if (r.start !== undefined) setMeetingField(doc, 'start', r.start);
    if (r.end !== undefined) setMeetingField(doc, 'end', r.end);
    if (r.city !== undefined || r.venue !== undefined) {
      if (isMap(doc.get('venue'))) {
        // A Russian form of the old hall or city would have Russian documents name the place the meeting left.
        if (r.venue !== undefined && r.venue !== m.venue?.name) doc.deleteIn(['venue', 'name_ru']);
        if (r.city !== undefined && r.city !== m.venue?.city) doc.deleteIn(['venue', 'city_ru']);
        if (r.venue !== undefined) doc.setIn(['venue', 'name'], r.venue);
        if (r.city !== undefined) doc.setIn(['venue', 'city'], r.city);
      } else {
        setMeetingField(doc, 'venue', { ...(r.venue !== undefined ? { name: r.venue } : {}), city });
      }
    }
    const seq = doc.get('moved_from');
    if (isSeq(seq)) doc.addIn(['moved_from'], doc.createNode(move));
    else setMeetingField(doc, 'moved_from', moves);
  };

  const referrers = to === meeting.id ? [] : club.publications
    .filter((p) => (p.data.meetings ?? []).includes(meeting.id))
    .map((p) => ({
      collection: 'publications' as const,
      id: p.id,
      apply: (doc: Document) => {
        (p.data.meetings ?? []).forEach((id, i) => {
          if (id === meeting.id) doc.setIn(['meetings', i], to);
        });
      },
    }));
  return { from: meeting.id, to, move, applyMeeting, referrers };
}
