import { applyCancel } from '../authoring/cancel-meeting.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { canPrompt, makePrompter } from './prompter.js';
import { findMeeting } from './choose-id.js';
import { writeChange, type WriteOptions } from './write-change.js';

export interface CancelOptions extends WriteOptions {
  reason?: string;
  input?: boolean;
}

/** `club cancel <meeting> --reason TEXT`: the meeting will not take place, and why. */
export async function cancelCommand(id: string, o: CancelOptions, io: Io): Promise<number> {
  let reason = o.reason?.trim();
  if (o.reason !== undefined && reason === '') throw new UsageError('--reason is empty', 'say in a few words why the meeting will not take place');
  if (reason === undefined) {
    if (!canPrompt(io, o.input)) throw new UsageError('missing --reason', 'say why: club cancel ID --reason "The hall is closed for repairs."');
    reason = (await (await makePrompter(io)).text('Why will the meeting not take place?', { required: true })).trim();
  }
  await writeChange(o, io, (data) => {
    const meeting = findMeeting(data, id);
    if (meeting.data.status === 'held') {
      throw new RefusedError(`the meeting \`${id}\` is recorded as held; a meeting that took place cannot be cancelled; nothing was written`,
        'if it did not take place, set its status first: `club set ' + id + ' status=planned`');
    }
    const old = meeting.data.cancel_reason;
    if (meeting.data.status === 'cancelled' && old !== reason) {
      // Cancelling twice would quietly replace the reason the club recorded: that is an edit, and says so.
      throw new RefusedError(`the meeting \`${id}\` is already cancelled${old ? ` (${old})` : ''}; nothing was written`,
        `to change the reason: club set ${id} 'cancel_reason=${reason.replace(/'/g, "'\\''")}'`);
    }
    return {
      creates: [],
      edits: [{ collection: 'meetings', id, apply: (doc) => applyCancel(doc, reason) }],
      message: `Cancel the meeting ${id}: ${reason}`,
    };
  });
  return 0;
}
