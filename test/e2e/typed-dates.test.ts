import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { JUNE, juneTree } from '../helpers/reschedule-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const env = { CLUB_TODAY: '2020-01-15' };
const read = (repo: string, file: string) => parse(readFileSync(path.join(repo, 'data', file), 'utf8'));

/** A date given as a flag or a field is read as `club import` reads one (15.01.2020 is 2020-01-15); the record stores ISO. */
describe('dates typed the Russian way (DD.MM.YYYY) on the command line', () => {
  it('add-member --joined, leave --on, appoint --from, set FIELD=, reschedule --date: taken, and written as YYYY-MM-DD', async () => {
    const repo = clubRepo(juneTree(false));
    const run = async (args: string[]) => {
      const r = await runCli(args, { cwd: repo, env });
      expect(r.stderr, args.join(' ')).not.toContain('must be a date');
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    await run(['add-member', '--name', 'Sidorov S.S.', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '15.01.2020']);
    expect(read(repo, 'members/sidorov-s-s.yaml').joined).toBe('2020-01-15');
    await run(['add-member', '--name', 'Smirnov A.A.', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '03.2019']);
    expect(read(repo, 'members/smirnov-a-a.yaml').joined).toBe('2019-03');
    await run(['appoint', 'chairman', 'sidorov-s-s', '--from', '16.01.2020']);
    expect(read(repo, 'officers/chairman-sidorov-s-s.yaml').from).toBe('2020-01-16');
    await run(['leave', 'petrov-p-p', '--on', '01.09.2019']);
    expect(read(repo, 'members/petrov-p-p.yaml').left).toBe('2019-09-01');
    expect(read(repo, 'officers/secretary-petrov-p-p.yaml').to).toBe('2019-08-31');
    await run(['set', 'muller-k', 'joined=2.5.2012']);
    expect(read(repo, 'members/muller-k.yaml').joined).toBe('2012-05-02');
    await run(['reschedule', JUNE, '--date', '25.06.2020']);
    expect(read(repo, 'meetings/2020-06-25-moscow.yaml').date).toBe('2020-06-25');
    // Read-only commands' dates too.
    await run(['list', 'members', '--as-of', '01.01.2016']);
    await run(['calendar', '--from', '01.09.2019']);
    await run(['plan', '--from', '01.09.2019', '--to', '30.06.2020']);
  });

  it('init --founded 15.01.2009 stores 2009-01-15', async () => {
    const dir = testdir({});
    const r = await runCli(['init', 'x', '--name', 'Club', '--founded', '15.01.2009', '--country', 'FI', '--city', 'Helsinki'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'x/data/club.yaml'), 'utf8')).founded).toBe('2009-01-15');
  });

  it('a day that does not exist is refused in words, however it was typed; nothing written', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const r = await runCli(['leave', 'petrov-p-p', '--on', '30.02.2019'], { cwd: repo, env });
    expect(r.stderr).toContain('--on `30.02.2019` is not a day: there is no 30 February in 2019');
    expect(r.code).toBe(2);
    expect(snapshot(repo)).toEqual(before);
  });
});
