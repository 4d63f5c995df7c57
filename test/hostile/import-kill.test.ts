import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree } from '../helpers/club-tree.js';
import { cli, copyOver, runKilled } from '../helpers/crash.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const ENV = { CLUB_TODAY: '2020-01-15' };
const ROWS = 200;
const ARGS = ['import', 'members', 'big.csv', '--default', 'division=moscow', '--default', 'category=customs', '--no-input'];

const imported = (data: string) => readdirSync(path.join(data, 'members')).filter((n) => n.startsWith('crash-')).length;

/**
 * The import's durable steps in order (src/store/crash-point.ts): the lock (3), a temporary file per row,
 * the journal written and renamed into place, a rename per row, the journal removed, the lock released.
 */
const LOCK = 3;
/**
 * Not killed here before its first temporary file (step 4): the folder that leaves is the data folder as it was
 * plus `.club.lock` holding `<pid> <start time>`, the same files as the 3-row import of kill-loop.test.ts killed at
 * its step 4 (the same base tree; seen 2026-11-30, NOTES.md) and as every command killed after taking the lock: the
 * rows are planned, never written, before that step, whatever their number.
 */
const POINTS: [number, string, 0 | typeof ROWS][] = [
  [LOCK + ROWS + 2, 'rename the journal into place', 0],
  [LOCK + ROWS + 3, 'rename members/crash-0.yaml into place', ROWS],
  [LOCK + ROWS + 2 + 100, 'rename members/crash-99.yaml into place', ROWS],
  [LOCK + ROWS + 2 + ROWS + 1, 'remove the journal', ROWS],
];

describe('an import killed with SIGKILL at moments spread over its run', () => {
  it('leaves none or all of its 200 rows in the folder, and the folder valid: killed before the journal\'s rename (all 200 files written beside their targets), its first and middle rename and the journal\'s removal, and once at random', async () => {
    const root = testdir({
      ...Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])),
      'big.csv': `Name,Country,Joined\n${Array.from({ length: ROWS }, (_, i) => `Crash ${i}.,RU,01.02.2019\n`).join('')}`,
    });
    const data = path.join(root, 'data');
    const template = path.join(testdir({}), 'data');
    copyOver(data, template);

    // A whole import first (in this process): it works.
    const whole = await runCli(ARGS, { cwd: root, env: ENV });
    expect(whole.code, whole.stderr).toBe(0);
    expect(imported(data)).toBe(ROWS);

    /** The next command finishes a change the journal says was decided, or leaves none of it. */
    const next = async (what: string): Promise<number> => {
      const check = await runCli(['validate', '--format', 'json'], { cwd: root, env: ENV });
      const n = imported(data);
      expect([0, ROWS], `${what}: ${n} of ${ROWS} rows in the folder`).toContain(n);
      expect(check.code, check.stderr).toBe(0);
      for (const name of readdirSync(path.join(data, 'members'))) expect(name.endsWith('.yaml'), name).toBe(true);
      return n;
    };

    // Before the journal's rename (all 200 written) (nothing decided: none must stay), and before the first and the
    // middle rename and the journal's removal (decided: all must come).
    let full = 0;
    for (const [at, step, rows] of POINTS) {
      copyOver(template, data);
      const run = await runKilled(cli(ARGS), { cwd: root, env: ENV, at });
      expect(run.killed, run.stderr).toBe(true);
      expect(run.steps.at(-1)).toBe(step);
      full = Math.max(full, run.ms);
      expect(await next(`killed before: ${step}`)).toBe(rows);
    }
    // The real signal from outside.
    for (let i = 0; i < 1; i++) {
      copyOver(template, data);
      await runKilled(cli(ARGS), { cwd: root, env: ENV, killAfterMs: (0.3 + Math.random() * 0.8) * full });
      await next(`random kill ${i + 1}`);
    }
  }, 600_000); // 5 imports of 200 rows: past the suite's 60 s on a loaded machine
});
