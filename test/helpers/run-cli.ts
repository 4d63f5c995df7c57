import { execFile } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLUB = path.join(ROOT, 'bin', 'club');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** How long the process took, in milliseconds. */
  ms: number;
}

/**
 * Runs the built CLI (`bin/club`, as `npm ci` leaves it) as a child process, in
 * `cwd`, with a clean environment: no colour forced, no data folder or date inherited.
 */
export function runClub(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Run> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...options.env,
  };
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLUB, ...args], { cwd: options.cwd ?? ROOT, env, timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      });
  });
}

/**
 * Runs the CLI in this process: `main()` with captured streams, the same clean environment
 * and the same exit code as `runClub`, at a fraction of the cost (no Node start-up, modules
 * loaded once per test file). Use it for everything that is not about the process itself;
 * keep `runClub` for signals, locks between processes, stdin, start-up and the installed bin.
 */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const { main } = await import('../../src/cli/main.js');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...options.env,
  };
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const code = await main(args, {
    stdout: { write: (text: string) => { stdout += text; return true; }, isTTY: false },
    stderr: { write: (text: string) => { stderr += text; return true; }, isTTY: false },
    env,
    cwd: options.cwd ?? ROOT,
    now: () => new Date(),
  });
  return { code, stdout, stderr, ms: Date.now() - started };
}

/** Like `runClub`, with stdout as bytes (a Word file), not text. */
export function runClubBytes(args: string[], options: { cwd?: string } = {}): Promise<Omit<Run, 'stdout'> & { stdout: Buffer }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLUB, ...args], { cwd: options.cwd ?? ROOT, env, timeout: 30_000, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr.toString('utf8'), ms: Date.now() - started });
      });
  });
}

const bytesRuns = new Map<string, ReturnType<typeof runClubBytes>>();
/**
 * `runClubBytes`, run once per arguments in this worker (vitest's workers share modules: isolate is false), for a
 * command whose answer depends only on them, such as a document of fixed data with --as-of: the test files that
 * compare their Word file with the built CLI's (docx-charts, packed-install) share the one process. Only read the bytes.
 */
export function runClubBytesOnce(args: string[]): ReturnType<typeof runClubBytes> {
  const key = JSON.stringify(args);
  let run = bytesRuns.get(key);
  if (run === undefined) bytesRuns.set(key, (run = runClubBytes(args)));
  return run;
}
