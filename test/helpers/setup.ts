import { afterEach } from 'vitest';
import { removeTestdirs } from './testdir.js';

// Runs before every test file (vitest.config.ts: setupFiles), so each file's tests get their
// testdir() folders removed even though helper modules are shared between files (isolate: false).
afterEach(removeTestdirs);
