import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree, member } from '../helpers/club-tree.js';
import { CLUB, runCli, type Run } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const env = { CLUB_TODAY: '2020-01-15' };
const STACK = /\n\s+at .+:\d+:\d+/;

/** Runs club as an unprivileged user when the tests run as root (CI), so permissions mean something. */
function runUnprivileged(args: string[], cwd: string): Promise<Run> {
  const asRoot = process.getuid?.() === 0;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLUB, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, ms: 0 }));
  });
}

/**
 * As root, the unprivileged user must be able to run node and read the built club: not so when
 * either lives under a folder only root may enter (a clone in /root, Node 24 from root's npx cache).
 * Then these tests cannot mean anything, and say so instead of failing on the setup.
 */
const unprivilegedCanRun = process.getuid?.() !== 0
  || spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(CLUB)}, 4)`], { uid: 65534, gid: 65534 }).status === 0;
if (!unprivilegedCanRun) console.warn(`boundary.test: skipping the permission tests: user nobody cannot run ${process.execPath} on ${CLUB}`);
const itUnprivileged = unprivilegedCanRun ? it : it.skip;

/** A data folder others may read (mkdtemp makes 0700 folders). */
function openTree(): string {
  const dir = testdir(baseTree());
  chmodSync(dir, 0o755);
  for (const c of ['members', 'officers']) chmodSync(path.join(dir, c), 0o755);
  return dir;
}

describe('crashes become diagnostics or exit 3', () => {
  it('an object where a date or an id is expected: list --as-of and show answer, no internal error', async () => {
    const dir = testdir({
      ...baseTree(),
      'members/petrov-p-p.yaml': `${member({ name: 'Petrov P.P.' })}left: {x: 1}\n`,
      'officers/secretary-petrov-p-p.yaml': 'position: secretary\nmember: {x: 1}\nfrom: 2016-03-01\nto: {x: 1}\n',
    });
    for (const args of [['list', 'members', '--as-of', '2019-12-31'], ['list', 'officers', '--as-of', '2019-12-31'], ['show', 'secretary-petrov-p-p'], ['show', 'petrov-p-p']]) {
      const run = await runCli([...args, '--data', dir], { env });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stderr).not.toContain('internal error');
      expect(run.stderr).toContain('the answer may be incomplete');
    }
  });

  it('leave, end-term and appoint edit records stored as .yml', async () => {
    const dir = testdir(baseTree());
    renameSync(path.join(dir, 'members/petrov-p-p.yaml'), path.join(dir, 'members/petrov-p-p.yml'));
    renameSync(path.join(dir, 'officers/secretary-petrov-p-p.yaml'), path.join(dir, 'officers/secretary-petrov-p-p.yml'));
    const endTerm = await runCli(['end-term', 'secretary-petrov-p-p', '--to', '2019-12-31', '--data', dir, '--no-input'], { env });
    expect(endTerm.code, endTerm.stderr).toBe(0);
    expect(endTerm.stderr).toContain('officers/secretary-petrov-p-p.yml');
    const leave = await runCli(['leave', 'petrov-p-p', '--on', '2020-01-01', '--data', dir, '--no-input'], { env });
    expect(leave.code, leave.stderr).toBe(0);
    expect(leave.stderr).toContain('members/petrov-p-p.yml');
  });

  itUnprivileged('a data folder without permission is exit 3 with a message (validate)', async () => {
    const dir = openTree();
    chmodSync(dir, 0o000);
    const run = await runUnprivileged(['validate', '--data', dir], '/');
    chmodSync(dir, 0o755);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('EACCES');
    expect(run.stderr).not.toMatch(STACK);
  });

  itUnprivileged('a lock file that cannot be made is exit 3 with a message (add-member)', async () => {
    const dir = openTree();
    chmodSync(dir, 0o555); // no new files at the top: the lock cannot be made
    const run = await runUnprivileged(['add-member', '--data', dir, '--name', 'X Y.', '--country', 'RU', '--category', 'customs',
      '--division', 'moscow', '--joined', '2019', '--no-input'], '/');
    chmodSync(dir, 0o755);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('lock');
    expect(run.stderr).not.toMatch(STACK);
  });
});

describe('the data folder is a boundary for folders as for files', () => {
  it('a collection folder that is a link out of the data folder is reported and not read', async () => {
    const outside = testdir({ 'secret.yaml': 'title: TOP-SECRET\noutlet: customs\ndate: 2019-01-01\n' });
    const dir = testdir(baseTree());
    symlinkSync(outside, path.join(dir, 'publications'));
    const run = await runCli(['list', 'publications', '--data', dir, '--format', 'json'], { env });
    expect(run.stdout).not.toContain('TOP-SECRET');
    const check = await runCli(['validate', '--data', dir, '--format', 'json'], { env, cwd: dir });
    const d = JSON.parse(check.stdout).diagnostics.find((x: { code: string }) => x.code === 'link-outside-data');
    expect(d).toMatchObject({ file: 'publications', line: 1, column: 1, severity: 'error' });
    expect(check.code).toBe(1);
  });

  itUnprivileged('a collection folder without read permission is an error, not an empty collection', async () => {
    const dir = openTree();
    chmodSync(path.join(dir, 'members'), 0o000);
    const run = await runUnprivileged(['validate', '--data', dir, '--format', 'json'], '/');
    chmodSync(path.join(dir, 'members'), 0o755);
    const d = JSON.parse(run.stdout).diagnostics.find((x: { code: string }) => x.code === 'unreadable-folder');
    expect(d).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(d.file).toMatch(/members$/);
    expect(run.code).toBe(1);
  });

  it('records in subfolders, x.YAML and x.yaml~ are each reported as not checked', async () => {
    const dir = testdir(baseTree());
    mkdirSync(path.join(dir, 'members/old'));
    writeFileSync(path.join(dir, 'members/old/broken.yaml'), 'name: [\n');
    writeFileSync(path.join(dir, 'members/shout.YAML'), 'name: [\n');
    writeFileSync(path.join(dir, 'members/backup.yaml~'), 'name: [\n');
    const run = await runCli(['validate', '--data', dir, '--format', 'json'], { env, cwd: dir });
    const notChecked = JSON.parse(run.stdout).diagnostics.filter((x: { code: string }) => x.code === 'not-checked')
      .map((x: { file: string; line: number; column: number; severity: string }) => [x.file, x.line, x.column, x.severity]);
    expect(notChecked).toEqual([
      ['members/backup.yaml~', 1, 1, 'warning'],
      ['members/old', 1, 1, 'warning'],
      ['members/shout.YAML', 1, 1, 'warning'],
    ]);
  });
});
