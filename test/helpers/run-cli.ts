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
