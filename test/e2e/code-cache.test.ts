import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
    // Not a cache being written beside it (bin/club's <cache>.<pid>.tmp, renamed away at any moment): a test running
    // the clone's club may be writing one (exceljs's, the prompts'; bin/club compileCached).
    for (const part of ['bin', '.build/bundle', 'schemas', 'package.json']) cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true, filter: (file) => !file.endsWith('.tmp') });
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

  // exceljs.cjs (1.5 MB, bundle.ts OWN_FILES) is compiled with a cache of its own, named after its build hash: the build
  // makes none, the first good run that loads it (a workbook written or read) does, and one V8 refuses is replaced.
  it('exceljs.cjs: an xlsx run leaves its cache, a damaged one is replaced, and V8 takes it', () => {
    const copy = packageCopy();
    const bundle = path.join(copy, '.build/bundle');
    const exceljsCaches = () => readdirSync(bundle).filter((f) => f.startsWith('exceljs-') && f.endsWith('.cache'));
    for (const file of exceljsCaches()) rmSync(path.join(bundle, file));
    const build = /^\/\/ club ([0-9a-f]+)\n/.exec(readFileSync(path.join(bundle, 'exceljs.cjs'), 'latin1'))?.[1];
    expect(build, 'exceljs.cjs starts with its build hash').toBeDefined();
    const club = (args: string[]) => spawnSync(process.execPath, [path.join(copy, 'bin/club'), ...args], { cwd: ROOT, encoding: 'utf8', env });
    const sheet = path.join(testdir({}), 'members.xlsx');
    const written = club(['list', 'members', '--format', 'xlsx', '-o', sheet]);
    expect([written.status, written.stderr]).toEqual([0, `wrote ${sheet}\n`]);
    expect(readFileSync(sheet).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const name = `exceljs-${build}-${process.version}-${process.arch}.cache`;
    expect(exceljsCaches()).toEqual([name]);
    // Damaged: the next run that reads a workbook answers as ever and replaces it.
    writeFileSync(path.join(bundle, name), 'not a code cache');
    const read = club(['import', 'members', sheet, '--dry-run', '--no-input']);
    expect(read.status, read.stderr).toBe(0);
    expect(read.stderr).toContain('nothing to import from');
    expect(exceljsCaches()).toEqual([name]);
    expect(readFileSync(path.join(bundle, name)).length).toBeGreaterThan('not a code cache'.length);
    const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(path.join(copy, 'bin/club'))}).loadOwn('exceljs').cached))`], { encoding: 'utf8', env });
    expect(probe.stdout, probe.stderr).toBe('true');
  });
});
