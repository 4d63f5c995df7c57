import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING } from '../helpers/club-tree.js';

const FILE = 'meetings/2019-06-20-moscow.yaml';

/** A held meeting with everything `club record` writes. */
const RECORDED = MEETING
  .replace('end: "12:00"\n', 'end: "12:00"\nstarted: "10:05"\nended: "12:10"\n')
  .replace('    title: Ambassador\n', '    title: Ambassador\n    attended: true\n  - id: minister-de\n    name: Absent A.\n    attended: false\n')
  .replace('    minutes: 20\n', '    minutes: 20\n    outcome: The ambassador spoke on transit at the border.\n')
  + `decisions:
  - Approve the plan for 2020.
  - text: Prepare the joint meeting with the Beijing club.
    responsible: petrov-p-p
    due: 2019-12-01
  - text: Send the ambassador the minutes.
    responsible: ambassador-fi
    due: 2019-07-01
    done: 2019-06-28
`;

describe('what `club record`, `cancel` and `reschedule` write', () => {
  it('accepts actual times, guests who came or did not, item outcomes and decisions as text or to follow up', async () => {
    expectClean(await check({ [FILE]: RECORDED }));
  });
  it('accepts old files whose decisions are plain sentences', async () => {
    expectClean(await check({ [FILE]: `${MEETING}decisions:\n  - Approve the plan for 2020.\n` }));
  });
  it('accepts a cancelled meeting with its reason, and a moved one with where it was', async () => {
    expectClean(await check({
      'meetings/2019-09-10-moscow.yaml': MEETING.replace('date: 2019-06-20', 'date: 2019-09-10').replace('status: held', 'status: cancelled')
        .replace(/attendees:.*\n|apologies:.*\n/g, '') + 'cancel_reason: The hall is closed for repairs.\n',
      'meetings/2019-06-27-moscow.yaml': MEETING.replace('date: 2019-06-20', 'date: 2019-06-27')
        + 'moved_from:\n  - date: 2019-06-18\n    id: 2019-06-18-moscow\n  - date: 2019-06-20\n    id: 2019-06-20-moscow\n',
    }));
  });

  it('reports a responsible person who is neither a member nor a guest of the meeting, at `responsible`', async () => {
    const text = RECORDED.replace('responsible: petrov-p-p', 'responsible: petrov-pp');
    const d = expectOne(await check({ [FILE]: text }), 'unknown-reference', FILE, at(text, 'petrov-pp'));
    expect(d.message).toBe('decision 2 names `petrov-pp` as responsible, who is neither a member nor a guest of this meeting');
    expect(d.hint).toBe('did you mean `petrov-p-p`?');
    expect(d.path).toBe('decisions[1].responsible');
  });
  it('reports a meeting recorded as ending before it started, at `ended`', async () => {
    const text = RECORDED.replace('ended: "12:10"', 'ended: "09:50"');
    const d = expectOne(await check({ [FILE]: text }), 'time-order', FILE, at(text, '"09:50"'));
    expect(d.message).toBe('the meeting is recorded as ending (09:50) before it started (10:05)');
  });
  it('reports an actual time that is not HH:MM', async () => {
    const text = RECORDED.replace('started: "10:05"', 'started: "10.05"');
    expectOne(await check({ [FILE]: text }), 'invalid-format', FILE, at(text, '"10.05"'));
  });
  it('reports a due date and a done date that do not exist', async () => {
    const text = RECORDED.replace('due: 2019-12-01', 'due: 2019-11-31');
    const d = expectOne(await check({ [FILE]: text }), 'impossible-date', FILE, at(text, '2019-11-31'));
    expect(d.path).toBe('decisions[1].due');
    const done = RECORDED.replace('done: 2019-06-28', 'done: 2019-02-29');
    expectOne(await check({ [FILE]: done }), 'impossible-date', FILE, at(done, '2019-02-29'));
  });
  it('reports a decision that is neither a sentence nor a mapping, and one without text', async () => {
    const number = `${MEETING}decisions:\n  - 42\n`;
    const d = expectOne(await check({ [FILE]: number }), 'wrong-type', FILE, at(number, '42'));
    expect(d.message).toBe('`decisions[0]` must be text or a mapping of fields, not the number 42');
    const noText = `${MEETING}decisions:\n  - responsible: petrov-p-p\n`;
    expectOne(await check({ [FILE]: noText }), 'missing-field', FILE, at(noText, 'responsible', 'decisions'));
    const unknown = `${MEETING}decisions:\n  - text: Agreed.\n    owner: petrov-p-p\n`;
    expectOne(await check({ [FILE]: unknown }), 'unknown-field', FILE, at(unknown, 'owner'));
  });
  it('reports a guest `attended` that is not true or false', async () => {
    const text = RECORDED.replace('attended: false', 'attended: no-show');
    expectOne(await check({ [FILE]: text }), 'wrong-type', FILE, at(text, 'no-show'));
  });
  it('reports a move without its id', async () => {
    const text = `${MEETING}moved_from:\n  - date: 2019-06-18\n`;
    expectOne(await check({ [FILE]: text }), 'missing-field', FILE, at(text, 'date: 2019-06-18'));
  });

  it('warns about a reason for cancelling on a meeting that is not cancelled, at the key', async () => {
    const text = `${MEETING}cancel_reason: Repairs.\n`;
    const d = expectOne(await check({ [FILE]: text }), 'reason-without-cancel', FILE, at(text, 'cancel_reason'));
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('the meeting of 2019-06-20 gives a reason for cancelling, but its status is `held`');
  });

  it('warns about a meeting whose date no longer matches its id, with `club reschedule` as the hint', async () => {
    const text = MEETING.replace('date: 2019-06-20', 'date: 2019-06-27');
    const d = expectOne(await check({ [FILE]: text }), 'meeting-id-date', FILE, at(text, '2019-06-27'));
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('the meeting `2019-06-20-moscow` is dated 2019-06-27, but its id says 2019-06-20');
    expect(d.hint).toMatch(/^move it with `club reschedule 2019-06-20-moscow --date 2019-06-27`/);
  });
  it('accepts a meeting moved with --keep-id: its id\'s date is in `moved_from`', async () => {
    const text = MEETING.replace('date: 2019-06-20', 'date: 2019-06-27') + 'moved_from:\n  - date: 2019-06-20\n    id: 2019-06-20-moscow\n';
    expectClean(await check({ [FILE]: text }));
  });
  it('leaves alone a meeting whose id carries no date', async () => {
    expectClean(await check({ 'meetings/summer-meeting.yaml': MEETING }));
  });
});
