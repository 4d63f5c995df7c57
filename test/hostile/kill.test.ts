import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/yaml-record.js';
import { clubRepo } from '../helpers/git-repo.js';
import { schemas } from '../helpers/load-tree.js';
import { CLUB, runClub } from '../helpers/run-cli.js';

/** Starts the CLI and kills it with SIGKILL after `ms`; resolves when it is gone. */
function killAfter(args: string[], cwd: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLUB, ...args], { cwd, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-15' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const addArgs = (i: number) => ['add-member', '--name', `Crash ${i}.`, '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019-01-01', '--no-input'];

describe('a writer killed with SIGKILL at random moments', () => {
  it('add-member, killed a hundred times, leaves each record whole or absent, and the folder valid', async () => {
    const repo = clubRepo();
    const started = Date.now();
    expect((await runClub(addArgs(1000), { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
    const full = Date.now() - started;

    const RUNS = 100;
    const PARALLEL = 5;
    for (let batch = 0; batch < RUNS; batch += PARALLEL) {
      await Promise.all(Array.from({ length: PARALLEL }, (_, k) => killAfter(addArgs(batch + k), repo, Math.random() * full * 3)));
    }

    const dir = path.join(repo, 'data', 'members');
    let whole = 0;
    for (let i = 0; i < RUNS; i++) {
      const file = path.join(dir, `crash-${i}.yaml`);
      if (!existsSync(file)) continue;
      const parsed = parseRecord(file, readFileSync(file, 'utf8'));
      expect(parsed.diagnostics, file).toEqual([]);
      expect(schemas.check('member', parsed.value, file, parsed.locate), file).toEqual([]);
      expect(parsed.value?.name).toBe(`Crash ${i}.`);
      whole++;
    }
    // Only records and hidden temporary files: nothing half-written under a record's name.
    for (const name of readdirSync(dir)) expect(name.endsWith('.yaml') || name.startsWith('.'), name).toBe(true);
    const check = await runClub(['validate', '--format', 'json'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    expect(JSON.parse(check.stdout).summary.errors).toBe(0);
    // A lock left by a killed writer does not block the next one.
    expect((await runClub(addArgs(2000), { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
    // Some runs were killed before writing and some got through: the kills landed across the run.
    expect(whole).toBeGreaterThan(0);
    expect(whole).toBeLessThan(RUNS);
  }, 600_000); // 100 runs of the CLI, 5 at a time: a minute idle, far more on a shared machine (it timed out at 60 s under load)

  it('roster -o, killed at random moments, leaves the old document or the new one, never a part', async () => {
    const repo = clubRepo();
    const out = path.join(repo, 'roster.md');
    const old = '# old roster\n';
    const started = Date.now();
    await runClub(['roster', '-o', out], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    const full = Date.now() - started;
    const fresh = readFileSync(out, 'utf8');
    for (let i = 0; i < 30; i++) {
      writeFileSync(out, old);
      await killAfter(['roster', '-o', out], repo, Math.random() * full * 1.2);
      expect([old, fresh]).toContain(readFileSync(out, 'utf8'));
    }
  });
});
