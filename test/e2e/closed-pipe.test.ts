import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { member } from '../helpers/club-tree.js';
import { clubRepo } from '../helpers/git-repo.js';
import { CLUB } from '../helpers/run-cli.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { testdir } from '../helpers/testdir.js';

/** Runs bin/club with its stdout read by nobody: the read end is closed before club starts writing. */
function closedStdout(args: string[], cwd?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLUB, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a reader that stops early (a closed stdout pipe)', () => {
  it('club --help to a closed pipe ends quietly, as a program ended by SIGPIPE (141), no stack trace', async () => {
    const run = await closedStdout(['--help']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(141);
  });

  it('club --help | head -1 and club list members | head -1 in bash: the first line, nothing on stderr', () => {
    const repo = clubRepo();
    // More than a pipe holds (64 KiB), so club is still writing when head has gone.
    for (let i = 0; i < 800; i++) writeFileSync(path.join(repo, `data/members/member-${i}-x.yaml`), member({ name: `Member${i} X.`, organization: 'A rather long organization name to fill the pipe' }));
    const bash = (command: string) => spawnSync('bash', ['--noprofile', '--norc', '-c', `"${process.execPath}" "${CLUB}" ${command} | head -1; echo "status \${PIPESTATUS[0]}"`],
      { cwd: repo, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    const help = bash('--help');
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^Usage: club \[options\] \[command\]\nstatus (0|141)\n$/); // 0 when the help fitted in the pipe before head left
    const list = bash('list members');
    expect(list.stderr).toBe('');
    expect(list.stdout).toMatch(/^ID +NAME +COUNTRY.*\nstatus 141\n$/);
  }, 60_000);

  it('an output that cannot be written (a full disk) is exit 3 with one line, not a stack trace', () => {
    const bash = (command: string) => spawnSync('bash', ['--noprofile', '--norc', '-c', command], { cwd: testdir({}), env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    // /dev/full: a device, written through Node's stream; `--version` too, which answers before any command is loaded.
    for (const args of ['--help', '--version']) {
      const run = bash(`"${process.execPath}" "${CLUB}" ${args} > /dev/full`);
      expect(run.stderr, args).toBe('club: cannot write the output: ENOSPC\n');
      expect(run.status, args).toBe(3);
    }
    // A regular file that cannot grow (a file size limit of 0): written with fs.writeSync (bin/club outputStreams).
    const file = bash(`ulimit -f 0; "${process.execPath}" "${CLUB}" --help > out.txt`);
    expect(file.stderr).toBe('club: cannot write the output: EFBIG\n');
    expect(file.status).toBe(3);
  });
});
