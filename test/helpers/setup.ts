import { afterAll, afterEach, expect } from 'vitest';
import { removeTestdirs } from './testdir.js';
import { recordFileCpu } from './test-cpu.js';

// Runs before every test file (vitest.config.ts: setupFiles), so each file's tests get their
// testdir() folders removed even though helper modules are shared between files (isolate: false).
afterEach(removeTestdirs);

// CLUB_TEST_CPU=<file> (off by default): one line per test file with its CPU, children included.
if (process.env.CLUB_TEST_CPU) {
  const done = recordFileCpu(process.env.CLUB_TEST_CPU);
  afterAll(() => done(expect.getState().testPath ?? '?'));
}
