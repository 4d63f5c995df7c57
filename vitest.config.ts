import { defineConfig } from 'vitest/config';

/**
 * The suite is CPU-bound and runs twice in CI (two Node versions): see the README's
 * "Tests" section for what it costs.
 *
 * isolate: false — the test files of a worker share one module registry, so src/, ajv's
 * precompiled validators, yaml, commander and the rest are loaded once per worker, not once
 * per file (isolation alone cost about half a second of CPU per file, ~100 files). Safe here:
 * src/ keeps no mutable state at module level but memo caches, no test mocks modules or
 * stubs globals, and what must happen after each test of every file (removing testdir()
 * folders) is registered per file by the setup file below, not at a helper's top level.
 * A file that must set a global (charts-mermaid: jsdom's window) removes it in afterAll.
 */
export default defineConfig({
  // Vite's server conditions end in 'development|production', which vitest passes to its workers as
  // `--conditions development` (NODE_ENV is not production): packages with a development build then load
  // that one in every test, e.g. micromark (markdownlint's parser) with its debug output and assertions.
  // Without it the workers load what users get (`default`/`import`/`node`).
  plugins: [
    {
      name: 'club:no-development-condition',
      configEnvironment(_name, config) {
        const conditions = config.resolve?.conditions;
        if (conditions) config.resolve!.conditions = conditions.filter((c) => c !== 'development|production');
      },
    },
  ],
  test: {
    pool: 'forks',
    isolate: false,
    // vitest's default number of workers (one on two cores): a second file beside the first made
    // the time-bounded tests (the hostile corpus, the kill loops) miss their bounds under load.
    // Temporary folders in memory (/dev/shm) when TMPDIR is not set: see the file.
    globalSetup: ['./test/helpers/global-setup.ts'],
    setupFiles: ['./test/helpers/setup.ts'],
    // The closing `Tests:` line for CI; with CLUB_TEST_CPU=<file>, the CPU of each test file before it.
    reporters: ['default', './test/ci-summary-reporter.ts'],
    // As `npm test` passes them: a loaded machine makes a test's first in-process run (loading src/) slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
