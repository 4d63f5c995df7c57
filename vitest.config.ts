import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * experimental.fsModuleCache keys each transformed module by its text, vitest's version, the lockfile and the
 * environment's resolved Vite config, which holds `resolve.external`: vitest sets it to this Node's list of
 * builtin modules, so Node 20 and Node 24 (CI runs the suite on both, in one clone) never shared an entry
 * although they transform every module to the same bytes (compared on the whole suite's modules). The list
 * itself stays as vitest made it; only its JSON text in the key is one for all Nodes.
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const cacheKeyBuiltins: Plugin = {
  name: 'club:cache-key-builtins',
  configResolved(config) {
    for (const environment of Object.values(config.environments)) {
      const external = environment.resolve.external;
      if (Array.isArray(external) && external.length === builtins.size && external.every((id) => builtins.has(id))) {
        Object.defineProperty(external, 'toJSON', { value: () => "node:module's builtinModules" });
      }
    }
  },
};

/**
 * The suite is CPU-bound and runs twice in CI (two Node versions): see the README's
 * "Tests" section for what it costs.
 *
 * isolate: false — the test files of a worker share one module registry, so src/, ajv's
 * precompiled validators, yaml, commander and the rest are loaded once per worker, not once
 * per file (isolation alone cost about half a second of CPU per file, ~100 files). Safe here:
 * src/ keeps no mutable state at module level but memo caches and render/docx.ts's two writers
 * put in place of docx's own at load (the same output; docx.test puts docx's back only inside a
 * try/finally), no test mocks modules or stubs globals, and what must happen after each test of every file (removing testdir()
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
    cacheKeyBuiltins,
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
    // Each module as transformed (TypeScript stripped, imports rewritten: most of this process's CPU) is kept on
    // disk and reused while its text, the config and the lockfile are the same: CI's second run (Node 24, same
    // clone) and a developer's next run skip those transforms. Not in node_modules, which `npm ci` empties, nor in
    // .build, which some tests copy; a changed source is a new key, a changed lockfile empties the folder.
    experimental: { fsModuleCache: true, fsModuleCachePath: '.vitest-cache' },
  },
});
