import { writeSync } from 'node:fs';

/**
 * TEST HOOK — crash points. Inert unless the environment variable
 * CLUB_TEST_CRASH_AT holds a positive whole number n; no command-line flag or
 * option sets it, and it is read from the process's own environment (never
 * from the `io.env` a command is given), so a CLI run in a test's own process
 * can never reach it.
 *
 * When set, the store calls `crashPoint(step)` just before each durable step of
 * a write (taking and releasing the lock, each temporary file written, the
 * journal written and renamed into place, each rename and removal, the journal
 * removed), names each step on stderr (`club: test step <k>: <step>`) and, at
 * the n-th, kills its own process with SIGKILL: what a power cut or `kill -9`
 * does at that moment. A test runs a command with n = 1, 2, … until it
 * completes, and so sees it stopped at every step once, where random kills only
 * sample (test/hostile/kill-loop.test.ts).
 */
let target: number | undefined | null = null;
let count = 0;

export function crashPoint(step: string): void {
  if (target === null) {
    const value = process.env.CLUB_TEST_CRASH_AT;
    target = value !== undefined && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
  }
  if (target === undefined) return;
  count++;
  writeSync(2, `club: test step ${count}: ${step}\n`);
  if (count !== target) return;
  process.kill(process.pid, 'SIGKILL');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // never reached: SIGKILL is not caught
}
