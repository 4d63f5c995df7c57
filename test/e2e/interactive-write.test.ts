import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const start = clubTerminals();

describe.skipIf(!hasTmux)('writing at a terminal (tmux): the diff, the question, a refused answer asked again', () => {
  it('add-meeting: a blank venue is no refusal, an end before the start is asked again with the diagnostic, other answers kept', async () => {
    const repo = clubRepo();
    const t = start(repo, 'add-meeting --kind regular --division moscow --status planned');
    await t.waitFor('Date');
    await t.type('2020-03-10');
    await t.press('Enter');
    await t.waitFor('Title');
    await t.type('Spring meeting');
    await t.press('Enter');
    await t.waitFor('Start');
    await t.type('9:30'); // one-digit hour: 09:30
    await t.press('Enter');
    await t.waitFor('End');
    await t.type('08:00');
    await t.press('Enter');
    await t.waitFor('Venue');
    await t.press('Enter'); // left blank: the venue is only the city
    await t.waitFor('City');
    await t.press('Enter'); // Moscow, the division's city
    await t.waitFor('Add an agenda item?');
    await t.type('n');
    await t.press('Enter');
    // Refused: the diagnostic, then only the answer at fault, offered again.
    const refused = await t.waitFor('Please answer again');
    expect(refused).toContain('time-order');
    expect(refused).toContain('before it starts');
    await t.waitFor(/End.*08:00/);
    await t.type('11:00');
    await t.press('Enter');
    const preview = await t.waitFor('Write it?');
    expect(preview).toContain('+++ b/data/meetings/2020-03-10-moscow.yaml');
    expect(preview).toContain('+title: Spring meeting');
    expect(preview).toContain('+start: "09:30"');
    expect(preview).toContain('+end: "11:00"');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('EXIT:0');
    expect(done).toContain('wrote data/meetings/2020-03-10-moscow.yaml');
    const m = parse(readFileSync(path.join(repo, 'data/meetings/2020-03-10-moscow.yaml'), 'utf8'));
    expect(m).toMatchObject({ title: 'Spring meeting', date: '2020-03-10', start: '09:30', end: '11:00', venue: { city: 'Moscow' } });
    expect(m.venue.name).toBeUndefined();
    expect((await runCli(['validate'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
  });

  it('add-meeting with every flag at a terminal shows the record as a diff and asks; no writes nothing and exits 0', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const t = start(repo, 'add-meeting --date 2020-03-10 --kind regular --division moscow --status planned --city Moscow');
    const preview = await t.waitFor('Write it?');
    expect(preview).toContain('--- /dev/null');
    expect(preview).toContain('+++ b/data/meetings/2020-03-10-moscow.yaml');
    expect(preview).toContain('+  city: Moscow');
    await t.type('n');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    // No is an answer, not an interruption: exit 0, and a line that says nothing was written.
    expect(done).toContain('not written: you answered no; nothing was changed');
    expect(done).toContain('EXIT:0');
    expect(snapshot(repo)).toEqual(before);
  });

  it('--yes at a terminal writes without asking', async () => {
    const repo = clubRepo();
    const t = start(repo, 'leave petrov-p-p --on 2019-09-01 --yes');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('EXIT:0');
    expect(done).not.toContain('Write it?');
    expect(done).toContain('updated data/members/petrov-p-p.yaml');
  });

  it('the e-mail is checked at its prompt, not after the whole record', async () => {
    const repo = clubRepo();
    const t = start(repo, 'add-member --name "Korhonen J." --category embassy --country FI --division moscow');
    for (const q of ['Joined', 'Organization', 'Job title']) {
      await t.waitFor(q);
      await t.press('Enter');
    }
    await t.waitFor('E-mail');
    await t.type('korhonen.example.org');
    await t.press('Enter');
    await t.waitFor('an e-mail address, like attache@example.org');
    for (let i = 0; i < 'korhonen.example.org'.length; i++) await t.press('BSpace');
    await t.type('korhonen@example.org');
    await t.press('Enter');
    const preview = await t.waitFor('Write it?');
    expect(preview).toContain('+email: korhonen@example.org');
    await t.press('Enter');
    expect(await t.waitFor(/EXIT:\d+/)).toContain('EXIT:0');
  });
});
