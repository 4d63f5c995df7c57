import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/store/lock.js';
import { recoverChange } from '../../src/store/transaction.js';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { CLUB, runClub } from '../helpers/run-cli.js';
import type { Tree } from '../helpers/testdir.js';

/**
 * Every command that writes more than one file (one `writeChange` with several
 * creates, edits, renames), killed with SIGKILL at random moments: after each kill,
 * and the recovery the next command would run, the data folder is byte for byte
 * the folder before the command or the folder after a whole run, never a mix.
 * Both of those validate clean, so every state seen does too.
 * CLUB_KILLS sets the kills per command (30 keeps the loop near two minutes of CI here).
 */
const KILLS = Number(process.env.CLUB_KILLS ?? 30);
const TODAY = { CLUB_TODAY: '2020-01-15' };

const PLANNED = 'date: 2020-06-18\nstart: "10:00"\nkind: regular\ndivision: moscow\nstatus: planned\nvenue:\n  name: FCS headquarters\n  city: Moscow\n';

interface MultiFileCommand {
  name: string;
  args: string[];
  tree?: Tree;
  /** Files beside the data folder (a spreadsheet to import). */
  files?: Record<string, string>;
}

const COMMANDS: MultiFileCommand[] = [
  // Ends the chairman's term the day before and writes the new one: two files.
  { name: 'appoint', args: ['appoint', 'chairman', 'muller-k', '--from', '2020-01-01', '--no-input'] },
  // Sets `left` on the member and ends the office they hold: two files.
  { name: 'leave', args: ['leave', 'ivanov-i-i', '--on', '2020-01-10', '--no-input'] },
  // Renames the meeting and edits the publication that names it.
  {
    name: 'reschedule',
    args: ['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--no-input'],
    tree: { 'meetings/2020-06-18-moscow.yaml': PLANNED, 'publications/customs-2020-01.yaml': 'title: The summer meeting\noutlet: customs\ndate: 2020-07-01\nmeetings: [2020-06-18-moscow]\n' },
  },
  // Twenty new members in one change.
  {
    name: 'import',
    args: ['import', 'members', 'new.csv', '--default', 'division=moscow', '--default', 'category=customs', '--no-input'],
    files: { 'new.csv': `Name,Country,Joined\n${Array.from({ length: 20 }, (_, i) => `Kill ${i}.,RU,01.02.2019\n`).join('')}` },
  },
];

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

function reset(repo: string): void {
  git(repo, 'checkout', '-q', '--', 'data');
  git(repo, 'clean', '-fdxq', 'data');
}

describe('every multi-file command killed with SIGKILL at random moments: all or nothing', () => {
  it(`${COMMANDS.map((c) => c.name).join(', ')}: ${KILLS} kills each, the folder wholly old or wholly new after each`, async () => {
    const repos = COMMANDS.map((c) => {
      const repo = clubRepo(c.tree);
      if (c.files) {
        for (const [name, text] of Object.entries(c.files)) writeFileSync(path.join(repo, name), text);
        git(repo, 'add', '-A');
        git(repo, 'commit', '-qm', 'Beside the data');
      }
      return repo;
    });
    // The folder before and after a whole run of each, and how long a run takes with all of them at work at once.
    const before = repos.map((repo) => snapshot(path.join(repo, 'data')));
    const started = Date.now();
    const whole = await Promise.all(COMMANDS.map((c, i) => runClub(c.args, { cwd: repos[i]!, env: TODAY, timeoutMs: 300_000 })));
    const full = Date.now() - started;
    const after = repos.map((repo) => snapshot(path.join(repo, 'data')));
    for (const [i, c] of COMMANDS.entries()) {
      expect(whole[i]!.code, `${c.name}: ${whole[i]!.stderr}`).toBe(0);
      expect(after[i], `${c.name} writes more than one file`).not.toEqual(before[i]);
      const changed = Object.keys({ ...before[i], ...after[i] }).filter((f) => before[i]![f] !== after[i]![f]);
      expect(changed.length, c.name).toBeGreaterThan(1);
      // Both ends validate clean: a folder equal to one of them does too.
      const check = await runClub(['validate', '--format', 'json'], { cwd: repos[i]!, env: TODAY, timeoutMs: 300_000 });
      expect(JSON.parse(check.stdout).summary.errors, `${c.name} after a whole run`).toBe(0);
      reset(repos[i]!);
      expect(snapshot(path.join(repos[i]!, 'data')), c.name).toEqual(before[i]);
    }

    const seen = COMMANDS.map(() => ({ old: 0, new: 0 }));
    await Promise.all(COMMANDS.map(async (c, i) => {
      const repo = repos[i]!;
      const dataDir = path.join(repo, 'data');
      for (let k = 0; k < KILLS; k++) {
        await killAfter(c.args, repo, (0.2 + Math.random() * 1.2) * full);
        // What the next command would see: a journal left by the kill is carried out first.
        await withLock(dataDir, () => recoverChange(dataDir));
        const now = snapshot(dataDir);
        const old = JSON.stringify(now) === JSON.stringify(before[i]);
        const isNew = JSON.stringify(now) === JSON.stringify(after[i]);
        if (!old && !isNew) {
          const mixed = Object.keys({ ...now, ...after[i] }).filter((f) => now[f] !== after[i]![f] && now[f] !== before[i]![f]);
          const partly = Object.keys({ ...now, ...after[i], ...before[i] }).filter((f) => now[f] !== before[i]![f]);
          expect.fail(`${c.name}, kill ${k + 1}: the folder is neither the old one nor the new one (changed: ${partly.join(', ')}; neither: ${mixed.join(', ')})`);
        }
        seen[i]![old ? 'old' : 'new']++;
        reset(repo);
      }
    }));
    // The kills landed across the runs: some before the change was decided, some after.
    const all = seen.reduce((a, s) => ({ old: a.old + s.old, new: a.new + s.new }), { old: 0, new: 0 });
    expect(all.old + all.new).toBe(KILLS * COMMANDS.length);
    expect(all.old, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(all.new, JSON.stringify(seen)).toBeGreaterThan(0);
  }, 1_200_000);
});
