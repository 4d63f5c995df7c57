import { spawn } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLUB, ROOT } from './run-cli.js';

/**
 * Killing club processes: at a chosen durable step through the store's crash-point test
 * hook (src/store/crash-point.ts, CLUB_TEST_CRASH_AT), or with a real SIGKILL from outside
 * at a random moment. The first enumerates every step of a write exactly once; the second
 * keeps the real signal path (a kill between any two instructions) under test.
 */

export interface Crashed {
  /** Killed at the step asked for (or from outside); false when it ran to its end first. */
  killed: boolean;
  code: number | null;
  /** The durable steps it reached, in order (the last one is where it was killed). */
  steps: string[];
  stderr: string;
  ms: number;
}

const STEP = /^club: test step (\d+): (.*)$/gm;

/** The lock's durable steps, the first three of every writer (src/store/lock.ts withLock), in order. */
export const LOCK_TAKEN = ['lock: write this process\'s identity file', 'lock: link the lock', 'lock: remove the identity file'];

/**
 * Runs `node <argv>` (the built CLI unless `argv` names another script) with a clean
 * environment plus `env`; with `at`, the crash-point hook kills it just before its at-th
 * durable step; with `killAfterMs`, this process kills it with SIGKILL after that long.
 */
export function runKilled(argv: string[], options: { cwd: string; env?: Record<string, string>; at?: number; killAfterMs?: number }): Promise<Crashed> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...options.env };
  if (options.at !== undefined) env.CLUB_TEST_CRASH_AT = String(options.at);
  // Its stderr goes to a file, read once it has ended: on a pipe, the CLI's process.stderr is a socket, whose modules
  // (net, stream) cost each of the hundred-odd killed runs ~5 ms of CPU more than a file's stream.
  const errFile = path.join(stderrFolder(), `${++stderrFiles}.txt`);
  const errFd = openSync(errFile, 'w');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(process.execPath, argv, { cwd: options.cwd, env, stdio: ['ignore', 'ignore', errFd] });
    } finally {
      closeSync(errFd);
    }
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = readFileSync(errFile, 'utf8');
      rmSync(errFile, { force: true });
      resolve({ killed: signal === 'SIGKILL', code, steps: [...stderr.matchAll(STEP)].map((m) => m[2]!), stderr, ms: Date.now() - started });
    });
  });
}

let stderrFiles = 0;
let stderrDir: string | undefined;
/** A folder of this worker's for the killed runs' stderr files (removed when it exits). */
function stderrFolder(): string {
  if (stderrDir === undefined) {
    const folder = mkdtempSync(path.join(tmpdir(), 'club-killed-stderr-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    stderrDir = folder;
  }
  return stderrDir;
}

/** The CLI with `args`. */
export const cli = (args: string[]): string[] => [CLUB, ...args];

/**
 * Runs `argv` killed before its 1st durable step, then its 2nd, … until a run completes,
 * calling `reset()` before and `check(run, n)` after each; returns the steps of the whole
 * run (the last, completed one). Exhaustive and deterministic, where random kills sample.
 * `first` starts at a later step, for steps another run already killed at that leave the
 * same state (the caller shows they are the same steps).
 */
export async function killAtEveryStep(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; reset: () => void; check: (run: Crashed, n: number) => Promise<void>; most?: number; first?: number },
): Promise<Crashed> {
  for (let n = options.first ?? 1; n <= (options.most ?? 1000); n++) {
    options.reset();
    const run = await runKilled(argv, { cwd: options.cwd, env: options.env, at: n });
    if (!run.killed) {
      if (run.code !== 0) throw new Error(`${argv.slice(1).join(' ')} failed when not killed (exit ${run.code}):\n${run.stderr}`);
      if (run.steps.length !== n - 1) throw new Error(`${n - 1} steps were killed at, but the whole run names ${run.steps.length}`);
      return run;
    }
    if (run.steps.length !== n) throw new Error(`killed at step ${n}, but it names ${run.steps.length} steps:\n${run.stderr}`);
    await options.check(run, n);
  }
  throw new Error(`${argv.slice(1).join(' ')} never completed`);
}

/** Makes `dir` a copy of `template` (a fixture built once, copied for each run instead of re-running commands). */
export function copyOver(template: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(template, dir, { recursive: true });
}

const bundled = new Map<string, string>();
/**
 * test/helpers/<name>.mjs (a store child: change-child, lock-child) and the built store modules it imports
 * (.build/store/), joined by esbuild into ONE CommonJS file, made once per worker (the suite's test files share
 * it) in a temporary folder: the same code, but Node starts it without its ES-module loader and compiles one
 * file, not seven modules — about 10 ms less CPU in each of the ~100 store children the crash tests start.
 * Its path, to run with `node`.
 */
export function storeChild(name: 'change-child' | 'lock-child'): string {
  let file = bundled.get(name);
  if (file === undefined) {
    const folder = mkdtempSync(path.join(tmpdir(), 'club-store-child-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    file = path.join(folder, `${name}.cjs`);
    const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    buildSync({ entryPoints: [path.join(ROOT, 'test', 'helpers', `${name}.mjs`)], outfile: file, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
    bundled.set(name, file);
  }
  return file;
}
