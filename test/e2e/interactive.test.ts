import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const start = clubTerminals();

describe.skipIf(!hasTmux)('prompts at a terminal (tmux)', () => {
  it('asks for each field, typed key by key, and writes a valid file', async () => {
    const repo = clubRepo();
    const t = start(repo, 'add-member');
    await t.waitFor('Name');
    // A name whose id is taken is said right after the name, not after every other question.
    await t.type('Ivanov I.I.');
    await t.press('Enter');
    const clash = await t.waitFor('Is this another person?');
    expect(clash).toContain('A member with the id ivanov-i-i already exists (Ivanov I.I., RU)');
    expect(clash).toContain('give them the id ivanov-i-i-2');
    expect(clash).not.toContain('Category');
    await t.press('Down', 'Enter'); // I mistyped: the name is asked again
    await t.waitFor(/Name \(surname and initials, as the club writes it\) \(Ivanov I\.I\.\)/); // offered again, to mend
    await t.type('Korhonen J.');
    await t.press('Enter');
    await t.waitFor('Category');
    await t.press('Down', 'Enter'); // embassy
    await t.waitFor('Country');
    await t.search('fin', 'Finland (FI)');
    await t.press('Enter');
    await t.waitFor('Division');
    await t.press('Enter'); // Moscow, the first
    await t.waitFor('Joined');
    await t.type('2019-13-01');
    await t.press('Enter');
    await t.waitFor('a date as YYYY-MM-DD'); // checked as typed
    for (let i = 0; i < 10; i++) await t.press('BSpace');
    await t.type('2019-09-01');
    await t.press('Enter');
    await t.waitFor('Organization');
    await t.type('Embassy of Finland');
    await t.press('Enter');
    await t.waitFor('Job title');
    await t.press('Enter');
    await t.waitFor('E-mail');
    await t.press('Enter');
    const summary = await t.waitFor('Write it?');
    expect(summary).toContain('data/members/korhonen-j.yaml');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('wrote data/members/korhonen-j.yaml');
    expect(done).toContain('EXIT:0');

    const record = parse(readFileSync(path.join(repo, 'data/members/korhonen-j.yaml'), 'utf8'));
    expect(record).toEqual({ name: 'Korhonen J.', country: 'FI', category: 'embassy', organization: 'Embassy of Finland', division: 'moscow', joined: '2019-09-01' });
    expect((await runCli(['validate'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
  });

  it('offers only member countries to a customs member', async () => {
    const repo = clubRepo();
    const t = start(repo, 'add-member --name "Dupont J." --category customs');
    await t.waitFor('Country');
    await t.type('fra');
    const screen = await t.waitFor('No results');
    expect(screen).not.toContain('France');
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const t = start(repo, 'add-member');
    await t.waitFor('Name');
    await t.type('Someone');
    await t.press('C-c');
    const screen = await t.waitFor(/EXIT:\d+/);
    expect(screen).toContain('EXIT:130');
    expect(screen).toContain('nothing was written');
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(path.join(repo, 'data/members/someone.yaml'))).toBe(false);
  });

  it('answering no to "Write it?" writes nothing and exits 0 (130 is for Ctrl-C)', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const t = start(repo, 'add-member --name "Korhonen J." --category embassy --country FI --division moscow');
    await t.waitFor('Joined');
    await t.press('Enter'); // the default: today
    for (const q of ['Organization', 'Job title', 'E-mail']) {
      await t.waitFor(q);
      await t.press('Enter');
    }
    await t.waitFor('Write it?');
    await t.type('n');
    await t.press('Enter');
    const screen = await t.waitFor(/EXIT:\d+/);
    expect(screen).toContain('not written: you answered no; nothing was changed');
    expect(screen).toContain('EXIT:0');
    expect(snapshot(repo)).toEqual(before);
  });

  it('appoint asks for the position from a select and the member from a searchable list', async () => {
    const repo = clubRepo();
    const t = start(repo, 'appoint --from 2020-01-01');
    await t.waitFor('Position');
    await t.press('Enter'); // Chairman, the first
    await t.waitFor('Member');
    await t.search('mül', 'Müller K. (DE)');
    await t.press('Enter');
    // The change is shown as a diff of both files before it is written.
    const preview = await t.waitFor('Write it?');
    expect(preview).toContain('+++ b/data/officers/chairman-muller-k.yaml');
    expect(preview).toContain('+to: 2019-12-31');
    expect(preview).toContain('--- a/data/officers/chairman-ivanov-i-i.yaml');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('wrote data/officers/chairman-muller-k.yaml');
    expect(done).toContain('updated data/officers/chairman-ivanov-i-i.yaml');
    expect(done).toContain('EXIT:0');
    expect(parse(readFileSync(path.join(repo, 'data/officers/chairman-ivanov-i-i.yaml'), 'utf8')).to).toBe('2019-12-31');
  });

  it('appoint: a refused pick is asked again with the diagnostic, the member picked first in the list and the day as the default', async () => {
    const repo = clubRepo();
    const t = start(repo, 'appoint --from 2015-06-01');
    await t.waitFor('Position');
    await t.press('Enter'); // Chairman, the first
    await t.waitFor('Member');
    await t.search('petr', 'Petrov P.P. (RU)');
    await t.press('Enter');
    // Petrov joined on 2016-03-01: the term is refused, and the picks are offered again.
    // Waits for the list under the prompt too: the prompt line is drawn before its choices.
    const refused = await t.waitFor(/Please answer again[\s\S]*enter keeps the one above[^\n]*\n❯ /, 30_000);
    expect(refused).toContain('officer-not-member');
    expect(refused).toContain('before `petrov-p-p` joined the club (2016-03-01)');
    expect(refused).toMatch(/enter keeps the one above[^\n]*\n❯ Petrov P\.P\. \(RU\)/);
    await t.press('Enter'); // Petrov again
    await t.waitFor(/First day of the term.*2015-06-01/);
    await t.press('C-u');
    await t.type('2016-03-01');
    await t.press('Enter');
    const diff = await t.waitFor('Write it?', 30_000);
    expect(diff).toContain('+++ b/data/officers/chairman-petrov-p-p.yaml');
    expect(diff).toContain('+from: 2016-03-01');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(parse(readFileSync(path.join(repo, 'data/officers/chairman-petrov-p-p.yaml'), 'utf8'))).toMatchObject({ member: 'petrov-p-p', from: '2016-03-01' });
    expect(parse(readFileSync(path.join(repo, 'data/officers/chairman-ivanov-i-i.yaml'), 'utf8')).to).toBe('2016-02-29');
  });
});
