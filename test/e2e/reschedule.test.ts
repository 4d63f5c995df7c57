import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRecord } from '../../src/parse/yaml-record.js';
import { withLock } from '../../src/store/lock.js';
import { recoverChange } from '../../src/store/transaction.js';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { schemas } from '../helpers/load-tree.js';
import { CLUB, runCli, runClub } from '../helpers/run-cli.js';

const TODAY = { CLUB_TODAY: '2020-01-15' };
const PLANNED = `# the June meeting
date: 2020-06-18
start: "10:00"
kind: regular
division: moscow
status: planned
venue:
  name: FCS headquarters
  city: Moscow
`;
const PUBLICATION = 'title: The summer meeting\noutlet: customs\ndate: 2020-07-01\nmeetings: [2020-06-18-moscow]\n';
/** A repository with the June meeting planned, and `extra` files; the same with a publication that names the meeting. */
const plannedRepo = (extra: Record<string, string> = {}) => clubRepo({ 'meetings/2020-06-18-moscow.yaml': PLANNED, ...extra });
const withPublication = () => plannedRepo({ 'publications/customs-2020-01.yaml': PUBLICATION });

describe('club reschedule', () => {
  it('renames the file, updates the publication that names it, keeps moved_from, and the plan says where it was', async () => {
    const repo = withPublication();
    const r = await runClub(['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--start', '11:00', '--commit'], { cwd: repo, env: TODAY });
    expect(r.stderr).toContain('renamed data/meetings/2020-06-18-moscow.yaml → data/meetings/2020-06-25-moscow.yaml');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(repo, 'data/meetings/2020-06-18-moscow.yaml'))).toBe(false);
    const moved = readFileSync(path.join(repo, 'data/meetings/2020-06-25-moscow.yaml'), 'utf8');
    expect(moved.startsWith('# the June meeting\n')).toBe(true);
    expect(parse(moved)).toMatchObject({ date: '2020-06-25', start: '11:00', moved_from: [{ date: '2020-06-18', id: '2020-06-18-moscow' }] });
    expect(parse(readFileSync(path.join(repo, 'data/publications/customs-2020-01.yaml'), 'utf8')).meetings).toEqual(['2020-06-25-moscow']);
    // One commit holds the rename and the reference: git sees a rename.
    const commit = git(repo, 'show', '--name-status', '--format=%s', 'HEAD');
    expect(commit).toContain('Move the meeting 2020-06-18-moscow to 2020-06-25 (now 2020-06-25-moscow)');
    expect(commit).toMatch(/^R\d+\tdata\/meetings\/2020-06-18-moscow.yaml\tdata\/meetings\/2020-06-25-moscow.yaml$/m);
    expect(commit).toMatch(/^M\tdata\/publications\/customs-2020-01.yaml$/m);
    expect((await runCli(['plan', '--year', '2020'], { cwd: repo, env: TODAY })).stdout).toContain('| 25 June 2020 (moved from 18 June 2020) |');
    expect((await runCli(['validate', '--strict'], { cwd: repo, env: TODAY })).code).toBe(0);
    // The calendar's identity of the meeting is the first id it had.
    const ics = (await runCli(['calendar', '2020-06-25-moscow'], { cwd: repo, env: TODAY })).stdout;
    expect(ics).toMatch(/UID:2020-06-18-moscow@/);
  });

  it('--keep-id keeps the file and raises no date warning; --dry-run writes nothing', async () => {
    const repo = plannedRepo();
    const before = snapshot(repo);
    const dry = await runCli(['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--dry-run'], { cwd: repo, env: TODAY });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+date: 2020-06-25');
    expect(snapshot(repo)).toEqual(before);
    expect((await runCli(['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--keep-id'], { cwd: repo, env: TODAY })).code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/meetings/2020-06-18-moscow.yaml'), 'utf8')).date).toBe('2020-06-25');
    expect((await runCli(['validate', '--strict'], { cwd: repo, env: TODAY })).code).toBe(0);
  });

  it('refuses a taken id, a held meeting, an unknown meeting and a bad date; nothing written', async () => {
    const repo = plannedRepo({ 'meetings/2020-06-25-moscow.yaml': PLANNED.replace('2020-06-18', '2020-06-25') });
    const before = snapshot(repo);
    const cases: [string[], number, string][] = [
      [['reschedule', '2020-06-18-moscow', '--date', '2020-06-25'], 1, 'another meeting already has the id `2020-06-25-moscow`'],
      [['reschedule', '2019-06-20-moscow', '--date', '2020-06-26'], 2, 'there is no meeting `2019-06-20-moscow`'],
      [['reschedule', '2020-06-18-moscow', '--date', '2020-02-30'], 2, '--date: 2020-02-30 is not a real date'],
      [['reschedule', '2020-06-18-moscow'], 2, 'missing --date'],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(args, { cwd: repo, env: TODAY });
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.code, args.join(' ')).toBe(code);
    }
    expect(snapshot(repo)).toEqual(before);
  });
});

/** Starts the CLI and kills it with SIGKILL after `ms`; resolves when it is gone. */
function killAfter(args: string[], cwd: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLUB, ...args], { cwd, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', ...TODAY } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('club reschedule killed with SIGKILL at random moments', () => {
  it('200 kills: every file parses, the folder validates, the meeting is under exactly one of its two ids and the publication names that one', async () => {
    const A = '2020-06-18-moscow';
    const B = '2020-06-25-moscow';
    const REPOS = 4;
    const KILLS = 50; // per repository: 200 in all
    const repos = Array.from({ length: REPOS }, () => withPublication());
    // How long a whole run takes with all the repositories at work at once: the kills are spread over that.
    const started = Date.now();
    const calibrate = await Promise.all(repos.map((repo) => runClub(['reschedule', A, '--date', '2020-06-25'], { cwd: repo, env: TODAY })));
    const full = Date.now() - started;
    for (const r of calibrate) expect(r.code).toBe(0);
    await Promise.all(repos.map((repo) => runCli(['reschedule', B, '--date', '2020-06-18'], { cwd: repo, env: TODAY })));

    const where = (repo: string) => [A, B].filter((id) => existsSync(path.join(repo, 'data/meetings', `${id}.yaml`)));
    let moves = 0;
    await Promise.all(repos.map(async (repo) => {
      let last: string | undefined;
      for (let i = 0; i < KILLS; i++) {
        const dataDir = path.join(repo, 'data');
        // What the next command would see: a journal left by the kill is carried out first.
        await withLock(dataDir, () => recoverChange(dataDir));
        const ids = where(repo);
        expect(ids, repo).toHaveLength(1);
        if (i > 0 && ids[0] !== last) moves++;
        last = ids[0];
        const pub = parse(readFileSync(path.join(dataDir, 'publications/customs-2020-01.yaml'), 'utf8'));
        expect(pub.meetings).toEqual(ids);
        const [from, to] = ids[0] === A ? [A, '2020-06-25'] : [B, '2020-06-18'];
        await killAfter(['reschedule', from, '--date', to], repo, (0.2 + Math.random() * 1.2) * full);
      }
      const dataDir = path.join(repo, 'data');
      await withLock(dataDir, () => recoverChange(dataDir));
    }));

    for (const repo of repos) {
      for (const folder of ['meetings', 'publications']) {
        const dir = path.join(repo, 'data', folder);
        for (const name of readdirSync(dir)) {
          expect(name.endsWith('.yaml') || name.startsWith('.'), name).toBe(true);
          if (!name.endsWith('.yaml')) continue;
          const parsed = parseRecord(name, readFileSync(path.join(dir, name), 'utf8'));
          expect(parsed.diagnostics, name).toEqual([]);
          expect(schemas.check(folder === 'meetings' ? 'meeting' : 'publication', parsed.value, name, parsed.locate), name).toEqual([]);
        }
      }
      expect(where(repo)).toHaveLength(1);
      const check = await runCli(['validate', '--format', 'json'], { cwd: repo, env: TODAY });
      expect(JSON.parse(check.stdout).summary.errors).toBe(0);
    }
    // Some runs got through and some were killed first: the kills landed across the run.
    expect(moves).toBeGreaterThan(0);
    expect(moves).toBeLessThan(REPOS * (KILLS - 1));
  }, 900_000); // about a minute on an idle machine; far more on a shared one
});
