import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { member } from '../helpers/club-tree.js';
import { clubRepo } from '../helpers/git-repo.js';
import { storeChild } from '../helpers/crash.js';
import { runCli, runClub } from '../helpers/run-cli.js';
import { withLock } from '../../src/store/lock.js';
import { testdir } from '../helpers/testdir.js';

/** test/helpers/lock-child.mjs as one CommonJS file (made on first use). */
const CHILD = () => storeChild('lock-child');
const WRITERS = 16;
/** CLI processes racing to appoint: each costs a Node start and a load of the folder, so fewer than the bare lock writers. */
const APPOINTERS = 8;

/** The start time /proc gives a pid (field 22 of its stat), as the lock records it. */
function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}

/** A lock left by a process that has died, and one whose pid now belongs to a live process (this one) that did not take it. */
function staleLocks(): { dead: string; reused: string } {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { dead: `${child.stdout} 1`, reused: `${process.pid} ${Number(startTime(process.pid)) + 1}` };
}

const LINUX = process.platform === 'linux';

describe.skipIf(!LINUX)('the data folder lock under stress: exactly one holder at every moment', { timeout: 900_000 }, () => {
  it(`${WRITERS} processes take the real lock 5 times each, some killed while holding it, over a stale lock: no two holders ever overlap`, async () => {
    for (const stale of Object.values(staleLocks())) {
      const dir = testdir({ '.club.lock': stale });
      const log = path.join(dir, 'log');
      writeFileSync(log, '');
      const killed = new Set<string>();
      await Promise.all(Array.from({ length: WRITERS }, (_, i) => new Promise<void>((resolve) => {
        const name = `w${i}`;
        // A clean environment, as every child of the suite: NODE_EXTRA_CA_CERTS (say) costs each Node start tens of ms.
        const child = spawn(process.execPath, [CHILD(), dir, log, name, '5'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } });
        // Three writers are killed at a random moment: some while they hold the lock, which then goes stale.
        if (i % 5 === 0) {
          setTimeout(() => {
            killed.add(name);
            child.kill('SIGKILL');
          }, 300 + Math.random() * 3000);
        }
        child.on('exit', () => resolve());
      })));
      const lines = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
      let holder: string | undefined;
      const rounds = new Map<string, number>();
      for (const [n, line] of lines.entries()) {
        const [what, who] = line.split(' ') as ['enter' | 'leave', string];
        if (what === 'enter') {
          // A new holder only after the last one left, or was killed holding the lock (and never writes again).
          if (holder !== undefined) {
            expect(killed.has(holder), `line ${n + 1}: ${who} entered while ${holder} held the lock`).toBe(true);
            expect(lines.slice(n).some((l) => l.endsWith(` ${holder}`)), `${holder} wrote after it was killed`).toBe(false);
          }
          holder = who;
        } else {
          expect(who, `line ${n + 1}: ${who} left while ${holder} held the lock`).toBe(holder);
          rounds.set(who, (rounds.get(who) ?? 0) + 1);
          holder = undefined;
        }
      }
      // Every writer that was not killed got all its turns.
      for (let i = 0; i < WRITERS; i++) if (!killed.has(`w${i}`)) expect(rounds.get(`w${i}`), `w${i}`).toBe(5);
      // What killed writers left (a lock held, a waiter's file written or not yet) is cleared by the
      // next writer to take the lock, wherever the kill fell: nothing of the lock is left after it.
      const before = readdirSync(dir).filter((n) => n !== 'log');
      await withLock(dir, async () => undefined);
      expect(readdirSync(dir).filter((n) => n !== 'log'), `left by the killed writers: ${before.join(', ')}`).toEqual([]);
    }
  });

  it(`${APPOINTERS} parallel \`club appoint\` runs for one position, over a stale lock whose pid was reused: one succeeds, no overlapping terms`, async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < APPOINTERS; i++) extra[`members/stress-${i}.yaml`] = member({ name: `Stress ${i}.`, joined: '2016-01-01' });
    const repo = clubRepo(extra);
    const dataDir = path.join(repo, 'data');
    writeFileSync(path.join(dataDir, '.club.lock'), staleLocks().reused);
    const runs = await Promise.all(Array.from({ length: APPOINTERS }, (_, i) => runClub(
      ['appoint', 'chairman', `stress-${i}`, '--from', '2020-01-01', '--no-input'],
      { cwd: repo, env: { CLUB_TODAY: '2020-01-15' }, timeoutMs: 600_000 },
    )));
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      // Success, refused (the position is taken from that day by then), or, on a very busy machine, tired of waiting.
      expect([0, 1, 3], run.stderr).toContain(run.code);
      if (run.code === 3) expect(run.stderr).toContain('locked by another club process');
    }
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    const terms = readdirSync(path.join(dataDir, 'officers')).filter((n) => n.startsWith('chairman-'));
    expect(terms).toHaveLength(2); // the old chairman's, now ended, and the one new term
    const check = await runCli(['validate', '--format', 'json'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    const report = JSON.parse(check.stdout) as { diagnostics: { code: string }[] };
    expect(report.diagnostics.map((d) => d.code)).not.toContain('overlapping-term');
    expect(check.code).toBe(0);
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.club.lock'))).toEqual([]);
  });
});
