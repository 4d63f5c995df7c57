import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import {
  applyRecord, currentRecord, parseDecision, parseNewGuest, parseTime, withFlags, type RecordFlags,
} from '../../src/authoring/record-meeting.js';
import { UsageError } from '../../src/errors/errors.js';
import type { Meeting } from '../../src/model/types.js';

const TEXT = `# the June meeting
date: 2019-06-20
start: "10:00"
end: "12:00"
kind: regular
division: moscow
status: planned # until it has taken place
guests:
  - id: head-ee
    name: Tamm K.
  - id: ambassador-fi
    name: Guest G.
agenda:
  - title: Opening
    minutes: 10
  - title: Coffee
    kind: break
  - title: Transit
    presenter: head-ee
attendees: [ivanov-i-i]
decisions:
  - Approve the plan.
`;
const meeting = parse(TEXT) as Meeting;
const none: RecordFlags = { attendee: [], apology: [], guest: [], guestAbsent: [], itemNote: [], decision: [] };

const edited = (flags: Partial<RecordFlags>) => {
  const doc = parseDocument(TEXT);
  applyRecord(doc, meeting, withFlags(meeting, currentRecord(meeting), { ...none, ...flags }));
  return doc.toString({ lineWidth: 0 });
};

describe('club record, the pure part', () => {
  it('marks the meeting held and keeps everything it had, comments included, when no flag is given', () => {
    const text = edited({});
    expect(text).toContain('status: held # until it has taken place');
    expect(text.startsWith('# the June meeting\n')).toBe(true);
    expect(text).toMatch(/^attendees: \[ ?ivanov-i-i ?\]$/m); // untouched, so its flow style stays
    expect(parse(text)).toEqual({ ...meeting, status: 'held' });
  });
  it('adds attendees, apologies, guests, times, notes and decisions where the schema has them', () => {
    const text = edited({
      attendee: ['petrov-p-p'], apology: ['virtanen-a'], guest: ['head-ee', 'name=Novak P.; country=cz'], guestAbsent: ['ambassador-fi'],
      started: '9:05', ended: '12:10', itemNote: ['2=Transit is faster.'],
      decision: ['text=Send the minutes; responsible=head-ee; due=2019-07-01', 'Approve the plan.'],
    });
    const r = parse(text) as Meeting;
    expect(Object.keys(r)).toEqual(['date', 'start', 'end', 'started', 'ended', 'kind', 'division', 'status', 'guests', 'agenda', 'attendees', 'apologies', 'decisions']);
    expect(r.started).toBe('09:05');
    expect(r.attendees).toEqual(['ivanov-i-i', 'petrov-p-p']);
    expect(r.apologies).toEqual(['virtanen-a']);
    expect(r.guests).toEqual([
      { id: 'head-ee', name: 'Tamm K.' },
      { id: 'ambassador-fi', name: 'Guest G.', attended: false },
      { id: 'novak-p', name: 'Novak P.', country: 'CZ' },
    ]);
    expect(r.agenda![2]!.outcome).toBe('Transit is faster.'); // item 2 as numbered: the break has no number
    expect(r.agenda![0]!.outcome).toBeUndefined();
    expect(r.decisions).toEqual(['Approve the plan.', { text: 'Send the minutes', responsible: 'head-ee', due: '2019-07-01' }]);
  });
  it('moves a member from attendees to apologies, and a guest back to having come', () => {
    const absent = parse(TEXT.replace('    name: Guest G.\n', '    name: Guest G.\n    attended: false\n')) as Meeting;
    const r = withFlags(absent, currentRecord(absent), { ...none, apology: ['ivanov-i-i'], guest: ['ambassador-fi'] });
    expect(r.attendees).toEqual([]);
    expect(r.apologies).toEqual(['ivanov-i-i']);
    expect(r.guestsWhoCame).toEqual(['head-ee', 'ambassador-fi']);
  });
  it('completes a decision given again with the same text instead of repeating it', () => {
    const r = withFlags(meeting, currentRecord(meeting), { ...none, decision: ['text=Approve the plan.; responsible=ivanov-i-i'] });
    expect(r.decisions).toEqual([{ text: 'Approve the plan.', responsible: 'ivanov-i-i' }]);
  });
  it('reads decisions: a sentence, keys, a sentence with a semicolon', () => {
    expect(parseDecision('Hold the next meeting in Pskov.')).toBe('Hold the next meeting in Pskov.');
    expect(parseDecision('text=Report; due=2019-12-01')).toEqual({ text: 'Report', due: '2019-12-01' });
    expect(parseDecision('Ask the FCS; then the embassies')).toBe('Ask the FCS; then the embassies');
    expect(parseDecision('text=Only text')).toBe('Only text');
  });
  it('refuses flags it cannot read, saying which and how', () => {
    const usage = (f: () => unknown) => { try { f(); } catch (e) { expect(e).toBeInstanceOf(UsageError); return (e as UsageError).message; } throw new Error('no error'); };
    expect(usage(() => parseDecision('text=A; owner=x'))).toBe('--decision `text=A; owner=x`: `owner=x` is not KEY=VALUE with a known key');
    expect(usage(() => parseDecision('text=A; due=2019-02-30'))).toBe('--decision due `2019-02-30` is not a day: there is no 30 February in 2019');
    expect(usage(() => parseDecision('due=2019-02-01'))).toBe('--decision `due=2019-02-01` has no text');
    expect(usage(() => parseTime('--started', '25:00'))).toBe('--started must be a time as HH:MM (24-hour clock), not `25:00`');
    expect(usage(() => parseNewGuest('title=Ambassador'))).toBe('--guest `title=Ambassador` has no name');
    expect(usage(() => parseNewGuest('Tamm K.'))).toBe('--guest `Tamm K.` is neither an invited guest\'s id nor KEY=VALUE pairs');
    expect(usage(() => withFlags(meeting, currentRecord(meeting), { ...none, itemNote: ['3=x'] }))).toBe('--item-note 3: the agenda has items 1 to 2');
    expect(usage(() => withFlags(meeting, currentRecord(meeting), { ...none, guestAbsent: ['nobody'] }))).toBe('--guest-absent `nobody` is not an invited guest of this meeting');
    expect(usage(() => withFlags(meeting, currentRecord(meeting), { ...none, attendee: ['a'], apology: ['a'] }))).toBe('`a` is given both as --attendee and as --apology');
  });
  it('refuses pairs joined by commas, naming the flag and showing them mended', () => {
    const refused = (f: () => unknown) => { try { f(); } catch (e) { expect(e).toBeInstanceOf(UsageError); return e as UsageError; } throw new Error('no error'); };
    const decision = refused(() => parseDecision('text=X, responsible=y'));
    expect(decision.message).toBe('--decision `text=X, responsible=y`: the value of text contains `responsible=`; is a ; missing before it?');
    expect(decision.hint).toBe('put a ; between the pairs: --decision "text=X; responsible=y"');
    const guest = refused(() => parseNewGuest('name=A, country=EE'));
    expect(guest.message).toBe('--guest `name=A, country=EE`: the value of name contains `country=`; is a ; missing before it?');
    expect(guest.hint).toBe('put a ; between the pairs: --guest "name=A; country=EE"');
    // Pairs without the text= key are not a sentence to be written as it is.
    const untitled = refused(() => parseDecision('Send the minutes, responsible=li-wei'));
    expect(untitled.message).toBe('--decision `Send the minutes, responsible=li-wei` has `responsible=` but does not start with text=');
    expect(untitled.hint).toContain('--decision "text=Send the minutes; responsible=vasiltsov-d-v; due=2019-10-01"');
    // An unknown key in a guest is named, with the keys there are.
    expect(refused(() => parseNewGuest('name=A; land=EE')).message).toBe('--guest `name=A; land=EE`: `land=EE` is not KEY=VALUE with a known key');
  });
  it('takes a cancel reason away when a cancelled meeting is recorded as held', () => {
    const text = `${TEXT.replace('status: planned # until it has taken place', 'status: cancelled')}cancel_reason: Repairs.\n`;
    const doc = parseDocument(text);
    const m = parse(text) as Meeting;
    applyRecord(doc, m, currentRecord(m));
    expect(parse(doc.toString())).not.toHaveProperty('cancel_reason');
  });
});
