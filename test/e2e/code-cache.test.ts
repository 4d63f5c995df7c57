import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

// bin/club hands V8 the code cache of the file it runs. One V8 refuses is replaced at the end of the run when it is
// damaged (cut short, not a cache at all), and left as it is when it was made under other V8 flags: that is the
// cache of the usual runs, and a run with other flags must not make the next usual run compile everything again.
describe('a code cache V8 refuses', () => {
  /** A copy of what bin/club runs (its dependencies linked), so its caches can be changed. */
  function packageCopy(): string {
    const copy = testdir({});
    for (const part of ['bin', '.build/bundle', 'schemas', 'package.json']) cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    return copy;
  }
  const env = { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-01' };
  const validate = (root: string, nodeFlags: string[] = []) => spawnSync(process.execPath, [...nodeFlags, path.join(root, 'bin/club'), 'validate', '--data', path.join(ROOT, 'data'), '--format', 'json'],
    { cwd: ROOT, encoding: 'utf8', env });
  /** Whether V8 takes each copy's validate cache (bin/club's own loader, in ONE Node without extra flags: V8 judges each cache it is handed on its own). */
  const taken = (...roots: string[]) => JSON.parse(spawnSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(${JSON.stringify(roots.map((root) => path.join(root, 'bin/club')))}
    .map((club) => require(club).loadValidate().cached)))`], { encoding: 'utf8', env }).stdout) as boolean[];

  // start-up.test.ts has a file that is not a cache at all replaced; here one cut short, and one made under other flags.
  it('is replaced when cut short, by one V8 takes; made under other V8 flags, it is left as it is; the answer is the same', async () => {
    // Two copies: one whose cache is cut short, one run under other flags; whether V8 takes each copy's cache at the end
    // is asked of both in one process.
    const [cutCopy, flagsCopy] = [packageCopy(), packageCopy()];
    const name = readdirSync(path.join(cutCopy, '.build/bundle')).find((f) => f.startsWith('validate-') && f.endsWith(`-${process.version}-${process.arch}.cache`));
    expect(name, 'the build made a validate cache for this Node').toBeDefined();
    const file = path.join(cutCopy, '.build/bundle', name!);
    const built = readFileSync(file);
    // The program's answer, run in this process (not about the process: the copies' runs are).
    const answer = await runCli(['validate', '--data', path.join(ROOT, 'data'), '--format', 'json'], { env: { CLUB_TODAY: '2020-01-01' } });
    const expected = { stdout: answer.stdout, stderr: answer.stderr, status: answer.code };
    expect(expected.status).toBe(0);

    const cut = built.subarray(0, 1000);
    writeFileSync(file, cut);
    const run = validate(cutCopy);
    expect([run.stdout, run.stderr, run.status]).toEqual([expected.stdout, expected.stderr, expected.status]);
    expect(readFileSync(file).length).toBeGreaterThan(cut.length);

    // Made by this V8 under other flags (the build's cache, for a Node run with --stack-size): refused in this run, kept.
    const kept = path.join(flagsCopy, '.build/bundle', name!);
    expect(readFileSync(kept).equals(built)).toBe(true);
    const other = validate(flagsCopy, ['--stack-size=2000']);
    expect([other.stdout, other.stderr, other.status]).toEqual([expected.stdout, expected.stderr, expected.status]);
    expect(readFileSync(kept).equals(built)).toBe(true);

    expect(taken(cutCopy, flagsCopy), 'the cut one replaced by a cache V8 takes; the kept one still taken').toEqual([true, true]);
  });
});
