import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MEETING } from '../helpers/club-tree.js';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const TODAY = { CLUB_TODAY: '2020-01-15' };
const FILE = 'data/meetings/2019-06-20-moscow.yaml';
/** The base fixture's meeting as it stood before it took place: planned, nobody recorded. */
const PLANNED = MEETING.replace('status: held', 'status: planned # until the day').replace(/attendees:.*\n|apologies:.*\n/g, '');
const read = (repo: string, file = FILE) => parse(readFileSync(path.join(repo, file), 'utf8')) as Record<string, unknown>;

describe('club record (flags)', () => {
  it('writes who came, apologies, guests, actual times, item notes and decisions, marks it held, and validates clean', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': PLANNED });
    const r = await runCli(['record', '2019-06-20-moscow', '--attendee', 'ivanov-i-i', '--attendee', 'petrov-p-p', '--apology', 'virtanen-a',
      '--guest', 'ambassador-fi', '--guest', 'name=Novak P.; title=Attaché; country=cz', '--started', '10:05', '--ended', '12:10',
      '--item-note', '2=The ambassador spoke on transit.', '--decision', 'text=Send the minutes; responsible=petrov-p-p; due=2020-01-31',
      '--decision', 'Meet again in September.', '--commit'], { cwd: repo, env: TODAY });
    expect(r.stderr).toContain('updated data/meetings/2019-06-20-moscow.yaml');
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(repo, FILE), 'utf8');
    expect(text).toContain('status: held # until the day'); // the comment stays with its line
    // Quoted, as the files write times: a YAML 1.1 reader takes a bare 10:05 for the number 605.
    expect(text).toContain('started: "10:05"');
    expect(text).toContain('ended: "12:10"');
    expect(read(repo)).toMatchObject({
      status: 'held', started: '10:05', ended: '12:10',
      attendees: ['ivanov-i-i', 'petrov-p-p'], apologies: ['virtanen-a'],
      guests: [{ id: 'ambassador-fi', name: 'Guest G.', title: 'Ambassador' }, { id: 'novak-p', name: 'Novak P.', title: 'Attaché', country: 'CZ' }],
      agenda: [{ title: 'Opening' }, { title: 'Address', outcome: 'The ambassador spoke on transit.' }],
      decisions: [{ text: 'Send the minutes', responsible: 'petrov-p-p', due: '2020-01-31' }, 'Meet again in September.'],
    });
    expect(git(repo, 'log', '--format=%s', '-1').trim()).toBe('Record the meeting 2019-06-20-moscow');
    const v = await runCli(['validate', '--strict'], { cwd: repo, env: TODAY });
    expect(v.stderr).toContain('no problems');
    expect(v.code).toBe(0);
    const minutes = await runCli(['minutes', '2019-06-20-moscow'], { cwd: repo, env: TODAY });
    expect(minutes.stdout).toContain('Send the minutes');
  });

  it('numbers the items as the agenda shows them, in the agenda, --item-note, the minutes and show; the frame and breaks get no number', async () => {
    const withBreak = PLANNED.replace('  - title: Address\n', '  - title: Coffee\n    kind: break\n    minutes: 15\n  - title: Address\n');
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': withBreak });
    const agenda = (await runCli(['agenda', '2019-06-20-moscow'], { cwd: repo, env: TODAY })).stdout;
    // The frame (opening, any other business, the next meeting, closing) is not numbered, so item 1 is the meeting's first item.
    expect(agenda).toMatch(/^\| \| 10:00 \| Opening \| Ivanov I\.I\., chair \|$/m);
    expect(agenda).toMatch(/^\| 1 \| 10:00–10:10 \| Opening \| Ivanov I\.I\./m);
    expect(agenda).toMatch(/^\| \| 10:10–10:25 \| \*Break: Coffee\* \|/m);
    expect(agenda).toMatch(/^\| 2 \| 10:25–10:45 \| Address \|/m);
    expect(agenda).toMatch(/^\| \| 10:45 \| Closing \| \|$/m);
    const r = await runCli(['record', '2019-06-20-moscow', '--attendee', 'ivanov-i-i', '--item-note', '1=Opened on time.', '--item-note', '2=Transit is faster.'], { cwd: repo, env: TODAY });
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo).agenda).toEqual([
      expect.objectContaining({ title: 'Opening', outcome: 'Opened on time.' }), expect.objectContaining({ title: 'Coffee' }),
      expect.objectContaining({ title: 'Address', outcome: 'Transit is faster.' }),
    ]);
    expect((read(repo).agenda as object[])[1]).not.toHaveProperty('outcome');
    const minutes = (await runCli(['minutes', '2019-06-20-moscow'], { cwd: repo, env: TODAY })).stdout;
    expect(minutes).toMatch(/^1\. Opening — Ivanov I\.I\..*\n {3}Opened on time\.$/m);
    expect(minutes).toMatch(/^2\. Address — .*\n {3}Transit is faster\.$/m);
    // With no next meeting on record, the section is a sentence.
    expect(minutes).toContain('### Next meeting\n\nTo be decided.\n');
    const show = (await runCli(['show', '2019-06-20-moscow'], { cwd: repo, env: TODAY })).stdout;
    expect(show).toMatch(/^ {2}agenda:\n {4}1:\n {6}title: Opening\n[\s\S]*?^ {4}break:\n {6}title: Coffee\n[\s\S]*?^ {4}2:\n {6}title: Address$/m);
    // Out of range: the message counts the numbered items and lists them by those numbers; nothing is written.
    const before = snapshot(repo);
    const bad = await runCli(['record', '2019-06-20-moscow', '--item-note', '3=Nothing.'], { cwd: repo, env: TODAY });
    expect(bad.stderr).toContain('--item-note 3: the agenda has items 1 to 2');
    expect(bad.stderr).toContain('the items: 1. Opening; 2. Address');
    expect(bad.code).toBe(2);
    expect(snapshot(repo)).toEqual(before);
  });

  it('run again, edits: what the meeting has stays, flags add to it, an apology takes a member off the attendees', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': `${MEETING}decisions:\n  - Approve the plan.\n` });
    const r = await runCli(['record', '2019-06-20-moscow', '--apology', 'petrov-p-p', '--guest-absent', 'ambassador-fi',
      '--decision', 'text=Approve the plan.; responsible=ivanov-i-i'], { cwd: repo, env: TODAY });
    expect(r.code).toBe(0);
    expect(read(repo)).toMatchObject({
      attendees: ['ivanov-i-i'], apologies: ['virtanen-a', 'petrov-p-p'],
      guests: [{ id: 'ambassador-fi', attended: false }],
      decisions: [{ text: 'Approve the plan.', responsible: 'ivanov-i-i' }],
    });
  });

  it('says so when --apology takes a member off the attendees, or --attendee off the apologies', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': MEETING });
    const r = await runCli(['record', '2019-06-20-moscow', '--apology', 'petrov-p-p', '--attendee', 'virtanen-a'], { cwd: repo, env: TODAY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('club: warning: petrov-p-p was recorded as an attendee; --apology moves them to the apologies\n');
    expect(r.stderr).toContain('club: warning: virtanen-a was recorded as sending apologies; --attendee moves them to the attendees\n');
    expect(read(repo)).toMatchObject({ attendees: ['ivanov-i-i', 'virtanen-a'], apologies: ['petrov-p-p'] });
    // Nothing moved, nothing said.
    const again = await runCli(['record', '2019-06-20-moscow', '--apology', 'petrov-p-p'], { cwd: repo, env: TODAY });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('warning');
  });

  it('refuses --decision and --guest pairs joined by commas (exit 2), naming the flag and showing the pairs mended; nothing written', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': PLANNED });
    const before = snapshot(repo);
    const decision = await runCli(['record', '2019-06-20-moscow', '--attendee', 'ivanov-i-i', '--decision', 'text=Send the minutes, responsible=petrov-p-p'], { cwd: repo, env: TODAY });
    expect(decision.code).toBe(2);
    expect(decision.stderr).toContain('club: --decision `text=Send the minutes, responsible=petrov-p-p`: the value of text contains `responsible=`; is a ; missing before it?');
    expect(decision.stderr).toContain('hint: put a ; between the pairs: --decision "text=Send the minutes; responsible=petrov-p-p"');
    const guest = await runCli(['record', '2019-06-20-moscow', '--guest', 'name=Tamm K., country=EE'], { cwd: repo, env: TODAY });
    expect(guest.code).toBe(2);
    expect(guest.stderr).toContain('club: --guest `name=Tamm K., country=EE`: the value of name contains `country=`; is a ; missing before it?');
    expect(guest.stderr).toContain('hint: put a ; between the pairs: --guest "name=Tamm K.; country=EE"');
    const key = await runCli(['record', '2019-06-20-moscow', '--guest', 'name=Tamm K.; land=EE'], { cwd: repo, env: TODAY });
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('club: --guest `name=Tamm K.; land=EE`: `land=EE` is not KEY=VALUE with a known key');
    expect(key.stderr).toContain('hint: keys: id, name, title, organization, country, role; separate them with ;');
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuses a meeting after today with a hint, and writes nothing', async () => {
    const repo = clubRepo({ 'meetings/2020-03-01-moscow.yaml': PLANNED.replace('2019-06-20', '2020-03-01') });
    const before = snapshot(repo);
    const r = await runCli(['record', '2020-03-01-moscow', '--attendee', 'ivanov-i-i'], { cwd: repo, env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('club: the meeting `2020-03-01-moscow` is on 2020-03-01, after today (2020-01-15): it cannot be recorded yet');
    expect(r.stderr).toContain('hint: record it on the day or after; if it was held on another day, move it first: `club reschedule 2020-03-01-moscow --date YYYY-MM-DD`');
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuses a cancelled meeting, keeping its reason, with a hint to plan it again first', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': PLANNED.replace('status: planned # until the day', 'status: cancelled\ncancel_reason: No quorum.') });
    const before = snapshot(repo);
    const r = await runCli(['record', '2019-06-20-moscow', '--attendee', 'ivanov-i-i', '--yes'], { cwd: repo, env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('club: the meeting `2019-06-20-moscow` was cancelled (No quorum.); nothing was written');
    expect(r.stderr).toContain('club unset 2019-06-20-moscow cancel_reason && club set 2019-06-20-moscow status=planned');
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuses bad flags and unknown ids with exit 2, an unknown member with the folder\'s diagnostic and exit 1; nothing written, no stack trace', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': PLANNED });
    const before = snapshot(repo);
    const cases: [string[], number, string][] = [
      [['record', '2019-06-21-moscow'], 2, 'club: there is no meeting `2019-06-21-moscow`'],
      [['record', '2019-06-20-moscow'], 2, 'club: nothing to record for `2019-06-20-moscow`: without a terminal, say what happened with flags; nothing was written'],
      [['record', '2019-06-20-moscow', '--started', '25:00'], 2, 'club: --started must be a time as HH:MM (24-hour clock), not `25:00`'],
      [['record', '2019-06-20-moscow', '--item-note', '7=x'], 2, 'club: --item-note 7: the agenda has items 1 to 2'],
      [['record', '2019-06-20-moscow', '--decision', 'text=A; due=2019-02-30'], 2, 'club: --decision due `2019-02-30` is not a day: there is no 30 February in 2019'],
      [['record', '2019-06-20-moscow', '--decision', 'text=A; responsible=nobody-x'], 1, 'decision 1 names `nobody-x` as responsible'],
      [['record', '2019-06-20-moscow', '--attendee', 'ivanov-ii'], 1, 'did you mean member `ivanov-i-i`?'],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(args, { cwd: repo, env: TODAY });
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('club cancel', () => {
  it('sets cancelled and the reason, shown by show, the plan and the report', async () => {
    const repo = clubRepo({ 'meetings/2019-09-10-moscow.yaml': PLANNED.replace('2019-06-20', '2019-09-10') });
    const r = await runCli(['cancel', '2019-09-10-moscow', '--reason', 'The hall is closed for repairs.', '--commit'], { cwd: repo, env: TODAY });
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(repo, 'data/meetings/2019-09-10-moscow.yaml'), 'utf8');
    expect(text).toContain('status: cancelled # until the day\ncancel_reason: The hall is closed for repairs.\n');
    expect(git(repo, 'log', '--format=%s', '-1').trim()).toBe('Cancel the meeting 2019-09-10-moscow: The hall is closed for repairs.');
    expect((await runCli(['show', '2019-09-10-moscow'], { cwd: repo, env: TODAY })).stdout).toContain('cancel_reason: The hall is closed for repairs.');
    expect((await runCli(['plan', '--year', '2019'], { cwd: repo, env: TODAY })).stdout)
      .toMatch(/^\| September \| 10\u00a0September\u00a02019 \| regular meeting \|.*\| cancelled: The hall is closed for repairs\. \|$/m);
    expect((await runCli(['report', '--year', '2019'], { cwd: repo, env: TODAY })).stdout)
      .toContain('Cancelled: 10 September 2019 (Moscow: The hall is closed for repairs).');
    expect((await runCli(['validate', '--strict'], { cwd: repo, env: TODAY })).code).toBe(0);
  });
  it('the minutes do not name as chair a chairman recorded as sending apologies', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': PLANNED });
    expect((await runCli(['record', '2019-06-20-moscow', '--attendee', 'petrov-p-p', '--attendee', 'ivanov-i-i'], { cwd: repo, env: TODAY })).code).toBe(0);
    const before = (await runCli(['minutes', '2019-06-20-moscow'], { cwd: repo, env: TODAY })).stdout;
    expect(before).toMatch(/\*\*Chair:\*\* Ivanov/);
    expect((await runCli(['record', '2019-06-20-moscow', '--apology', 'ivanov-i-i'], { cwd: repo, env: TODAY })).code).toBe(0);
    const minutes = (await runCli(['minutes', '2019-06-20-moscow'], { cwd: repo, env: TODAY })).stdout;
    expect(minutes).toMatch(/\*\*Chair:\*\* not recorded/);
    expect(minutes).toMatch(/\*\*Secretary:\*\* Petrov/);
  });
  it('in the report, a cancelled meeting with no venue shows the reason alone, with no dash for the place', async () => {
    const planned = PLANNED.replace('2019-06-20', '2019-09-10').replace(/venue:\n(  .*\n)+/, '');
    expect(planned).not.toContain('venue');
    const repo = clubRepo({ 'meetings/2019-09-10-moscow.yaml': planned });
    expect((await runCli(['cancel', '2019-09-10-moscow', '--reason', 'The hall is closed for repairs.'], { cwd: repo, env: TODAY })).code).toBe(0);
    const report = (await runCli(['report', '--year', '2019'], { cwd: repo, env: TODAY })).stdout;
    expect(report).toContain('Cancelled: 10 September 2019 (The hall is closed for repairs).');
    expect(report).not.toContain('(—');
    const agenda = await runCli(['agenda', '2019-09-10-moscow'], { cwd: repo, env: TODAY });
    expect(agenda.code).toBe(2);
    expect(agenda.stdout).toBe('');
    expect(agenda.stderr).toContain('club: the meeting 2019-09-10-moscow was cancelled (The hall is closed for repairs); it has no agenda to send');
  });
  it('refuses a held meeting, and a missing or empty reason without a terminal; nothing written', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': MEETING });
    const before = snapshot(repo);
    const held = await runCli(['cancel', '2019-06-20-moscow', '--reason', 'x'], { cwd: repo, env: TODAY });
    expect(held.code).toBe(1);
    expect(held.stderr).toContain('is recorded as held; a meeting that took place cannot be cancelled');
    const missing = await runCli(['cancel', '2019-06-20-moscow'], { cwd: repo, env: TODAY });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('club: missing --reason');
    expect((await runCli(['cancel', '2019-06-20-moscow', '--reason', ' '], { cwd: repo, env: TODAY })).code).toBe(2);
    expect(snapshot(repo)).toEqual(before);
  });
  it('cancelling again does not replace the reason: refused with the set command that would; the same reason again changes nothing', async () => {
    const repo = clubRepo({ 'meetings/2019-09-10-moscow.yaml': PLANNED.replace('2019-06-20', '2019-09-10').replace('status: planned # until the day', 'status: cancelled\ncancel_reason: No quorum.') });
    const before = snapshot(repo);
    const other = await runCli(['cancel', '2019-09-10-moscow', '--reason', "The hall's closed."], { cwd: repo, env: TODAY });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('club: the meeting `2019-09-10-moscow` is already cancelled (No quorum.); nothing was written');
    expect(other.stderr).toContain(`hint: to change the reason: club set 2019-09-10-moscow 'cancel_reason=The hall'\\''s closed.'`);
    const same = await runCli(['cancel', '2019-09-10-moscow', '--reason', 'No quorum.'], { cwd: repo, env: TODAY });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('nothing to change');
    expect(snapshot(repo)).toEqual(before);
    // The hint's command does what it says.
    const set = await runCli(['set', '2019-09-10-moscow', "cancel_reason=The hall's closed."], { cwd: repo, env: TODAY });
    expect(set.code, set.stderr).toBe(0);
    expect(read(repo, 'data/meetings/2019-09-10-moscow.yaml')).toMatchObject({ status: 'cancelled', cancel_reason: "The hall's closed." });
  });
});

const start = clubTerminals();

describe.skipIf(!hasTmux)('club record at a terminal (tmux)', () => {
  it('ticks members found by typing part of a Latin or a native name, then asks the rest, and writes the record', async () => {
    const repo = clubRepo({
      'meetings/2019-06-20-moscow.yaml': PLANNED,
      'members/wang-li.yaml': 'name: Wang Li\nname_native: 王力\ncountry: FI\ncategory: embassy\ndivision: moscow\njoined: 2015-01-01\n',
      'members/smirnov-a.yaml': 'name: Smirnov A.\nname_native: Смирнов А.\ncountry: RU\ncategory: customs\ndivision: moscow\njoined: 2015-01-01\n',
    });
    const t = start(repo, 'record 2019-06-20-moscow');
    const list = await t.waitFor('Who came?');
    expect(list).toContain('Finland (FI)');
    expect(list).toContain('Russia (RU)');
    await t.type('смир'); // a native name, typed in Cyrillic
    const filtered = await t.waitFor('filter: смир');
    expect(filtered).toContain('Smirnov A. · Смирнов А.');
    expect(filtered).not.toContain('Ivanov I.I.');
    await t.press('Space');
    await t.waitFor('1 ticked');
    for (let i = 0; i < 4; i++) await t.press('BSpace');
    await t.type('wang'); // a Latin name
    await t.waitFor('filter: wang');
    await t.press('Space');
    await t.waitFor('2 ticked');
    await t.press('Enter');
    await t.waitFor('Who sent apologies?');
    await t.type('virt');
    await t.waitFor('filter: virt');
    await t.press('Space', 'Enter');
    await t.waitFor('Which invited guests came?');
    await t.press('Enter'); // the invited ambassador is ticked already
    await t.waitFor('Did a guest come who was not invited?');
    await t.press('Enter'); // no
    await t.waitFor('Started at');
    await t.press('C-u');
    await t.type('10:05');
    await t.press('Enter');
    await t.waitFor('Ended at');
    await t.press('Enter'); // the planned end, 12:00
    await t.waitFor('Item 1, Opening');
    await t.press('Enter');
    await t.waitFor('Item 2, Address');
    await t.type('Transit is faster.');
    await t.press('Enter');
    await t.waitFor('Record a decision?');
    await t.press('Enter');
    await t.waitFor('Decision');
    await t.type('Send the minutes.');
    await t.press('Enter');
    await t.waitFor('Responsible');
    await t.search('Wang', 'Wang Li · 王力 (FI)');
    await t.press('Enter');
    await t.waitFor('Due date');
    await t.type('2019-07-01');
    await t.press('Enter');
    await t.waitFor('Another decision?');
    await t.press('n', 'Enter');
    const diff = await t.waitFor('Write it?', 30_000); // the one write path: the change as a diff, then a question
    expect(diff).toContain('+status: held');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(read(repo)).toMatchObject({
      status: 'held', started: '10:05', ended: '12:00',
      attendees: ['wang-li', 'smirnov-a'], apologies: ['virtanen-a'], // in the list's order: by country, then name
      guests: [{ id: 'ambassador-fi' }],
      agenda: [{ title: 'Opening' }, { title: 'Address', outcome: 'Transit is faster.' }],
      decisions: [{ text: 'Send the minutes.', responsible: 'wang-li', due: '2019-07-01' }],
    });
    expect((read(repo).guests as object[])[0]).not.toHaveProperty('attended');
    expect((await runCli(['validate'], { cwd: repo, env: TODAY })).code).toBe(0);
  });

  it('a refused answer is asked again with the diagnostic: an end before the start asks the times again; flags and other answers kept', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': PLANNED });
    const t = start(repo, 'record 2019-06-20-moscow --attendee ivanov-i-i --apology virtanen-a --guest ambassador-fi --item-note "1=Opened." --decision "Meet again."');
    await t.waitFor('Started at');
    await t.press('Enter'); // the planned start, 10:00
    await t.waitFor('Ended at');
    await t.press('C-u');
    await t.type('09:30');
    await t.press('Enter');
    // Refused: the diagnostic, then only the times, the answers given as the defaults.
    const refused = await t.waitFor(/Please answer again[\s\S]*Started at/, 30_000);
    expect(refused).toContain('time-order');
    expect(refused).toContain('the meeting is recorded as ending (09:30) before it started (10:00)');
    expect(refused).not.toContain('Who came?');
    await t.press('Enter'); // 10:00 again
    await t.waitFor(/Please answer again[\s\S]*Ended at.*09:30/);
    await t.press('C-u');
    await t.type('11:45');
    await t.press('Enter');
    const diff = await t.waitFor('Write it?', 30_000);
    expect(diff).toContain('+started: "10:00"');
    expect(diff).toContain('+ended: "11:45"');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(read(repo)).toMatchObject({
      status: 'held', started: '10:00', ended: '11:45', attendees: ['ivanov-i-i'], apologies: ['virtanen-a'],
      agenda: [{ title: 'Opening', outcome: 'Opened.' }, { title: 'Address' }], decisions: ['Meet again.'],
    });
  });
});
