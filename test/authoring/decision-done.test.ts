import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { markDecisionDone } from '../../src/authoring/decision-done.js';

const MEETING = `date: 2019-03-14 # the spring one
decisions:
  - Hold the off-site meeting in Pskov.
  # asked by the chair
  - "Ask members for topics: by 1 May." # by e-mail
  - text: Write to the board.
    responsible: wang-li
    due: 2019-04-01
notes: kept
`;

const done = (text: string, index: number, on: string) => {
  const doc = parseDocument(text);
  const ok = markDecisionDone(doc, index, on);
  return { ok, text: doc.toString({ lineWidth: 0 }) };
};

describe('markDecisionDone', () => {
  it('turns a plain sentence into {text, done}, keeping its quotes and comments and the rest of the file', () => {
    const { ok, text } = done(MEETING, 1, '2019-04-30');
    expect(ok).toBe(true);
    expect(text).toBe(`date: 2019-03-14 # the spring one
decisions:
  - Hold the off-site meeting in Pskov.
  # asked by the chair
  - text: "Ask members for topics: by 1 May." # by e-mail
    done: 2019-04-30
  - text: Write to the board.
    responsible: wang-li
    due: 2019-04-01
notes: kept
`);
    expect(parse(text).decisions[1]).toEqual({ text: 'Ask members for topics: by 1 May.', done: '2019-04-30' });
  });
  it('adds done to a decision that is already a mapping', () => {
    const { text } = done(MEETING, 2, '2019-05-02');
    expect(parse(text).decisions[2]).toEqual({ text: 'Write to the board.', responsible: 'wang-li', due: '2019-04-01', done: '2019-05-02' });
    expect(parse(text).decisions[0]).toBe('Hold the off-site meeting in Pskov.');
  });
  it('says so when there is no such decision, and changes nothing', () => {
    expect(done(MEETING, 3, '2019-05-02')).toEqual({ ok: false, text: MEETING });
    expect(done('date: 2019-03-14\n', 0, '2019-05-02')).toEqual({ ok: false, text: 'date: 2019-03-14\n' });
  });
});
