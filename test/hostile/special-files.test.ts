import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree } from '../helpers/club-tree.js';
import { runCli, runClub } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const env = { CLUB_TODAY: '2020-01-15' };
const club = () => testdir({ ...Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])) });

describe('-o onto what is not a regular file, and over one with its own permissions', () => {
  it('a FIFO is written to as it is, not replaced by a file', async () => {
    const dir = club();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${path.join(dir, 'received')}"`]);
    const done = new Promise((r) => reader.on('exit', r));
    const run = await runClub(['roster', '-o', fifo], { cwd: dir, env, timeoutMs: 20_000 });
    if (run.code !== 0) reader.kill();
    await done;
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(path.join(dir, 'received'), 'utf8')).toContain('# ');
  });

  it('a device is written to as it is: /dev/null stays a device', async () => {
    const run = await runCli(['roster', '-o', '/dev/null'], { cwd: club(), env });
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a 0600 file keeps its mode when it is replaced', async () => {
    const dir = club();
    const file = path.join(dir, 'contacts.md');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    const run = await runCli(['roster', '--contacts', '-o', file], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe('old\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('--check reads only a regular file', () => {
  it('/dev/zero is refused before anything is read (exit 3)', async () => {
    const run = await runClub(['roster', '--check', '/dev/zero'], { cwd: club(), env, timeoutMs: 20_000 });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('/dev/zero is not a regular file');
  });

  it('a FIFO is refused without waiting for a writer (exit 3)', async () => {
    const dir = club();
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const run = await runClub(['roster', '--check', fifo], { cwd: dir, env, timeoutMs: 20_000 });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is not a regular file');
  });

  it('a folder is "a folder", not "does not exist" (exit 3)', async () => {
    const dir = club();
    mkdirSync(path.join(dir, 'docs'));
    const run = await runCli(['roster', '--check', 'docs'], { cwd: dir, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('docs is a folder');
    expect(run.stderr).not.toContain('does not exist');
  });
});
