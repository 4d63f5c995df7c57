import { markDecisionDone } from '../authoring/decision-done.js';
import { dateFlag } from './typed-values.js';
import { decisionsOfMeeting } from '../query/decisions.js';
import { EXIT, RefusedError, UsageError } from '../errors/errors.js';
import { findMeeting } from './choose-id.js';
import type { Io } from './io.js';
import { resolveToday } from './today.js';
import { writeChange, type WriteOptions } from './write-change.js';

/** `club done <meeting> <decision-no> [--on D]`: the decision was carried out on D (default today). */
export async function doneCommand(meetingId: string, numberArg: string, options: WriteOptions & { on?: string }, io: Io): Promise<number> {
  const no = Number(numberArg);
  if (!/^\d+$/.test(numberArg) || no < 1) throw new UsageError(`the decision number must be a whole number from 1, not \`${numberArg}\``, 'e.g. club done 2019-09-10-pskov 1');
  // Today as the rest of club sees it ($CLUB_TODAY, else the clock), worked out once: build() stays pure.
  const today = resolveToday(undefined, io.env, io.now());
  const on = dateFlag('--on', options.on) ?? today;
  if (on > today) {
    throw new RefusedError(`--on ${on} is after today (${today}): a decision is marked done once it is done; nothing was written`,
      `mark it on the day, or give the day it was done: --on YYYY-MM-DD`);
  }
  await writeChange(options, io, (data) => {
    const meeting = findMeeting(data, meetingId);
    const decisions = decisionsOfMeeting(meeting);
    const decision = decisions[no - 1];
    if (!decision) {
      throw new UsageError(`the meeting ${meetingId} has ${decisions.length === 0 ? 'no decisions' : `decisions 1 to ${decisions.length}`}, not ${no}`,
        `list them with: club list decisions --where meeting=${meetingId}`);
    }
    if (decision.done !== undefined) throw new RefusedError(`decision ${no} of ${meetingId} was already marked done on ${decision.done}; nothing was written`);
    if (on < meeting.data.date) {
      throw new RefusedError(`--on ${on} is before the meeting of ${meeting.data.date} that took the decision; nothing was written`);
    }
    return {
      creates: [],
      edits: [{ collection: 'meetings', id: meetingId, apply: (doc) => { markDecisionDone(doc, no - 1, on); } }],
      message: `Mark decision ${no} of ${meetingId} done on ${on}`,
    };
  });
  return EXIT.ok;
}
