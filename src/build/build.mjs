// `npm run build`, and `npm test` before its tests: the whole build in ONE Node process, in this order:
// 1. fresh-build.mjs (imported: it runs as it loads) makes the incremental build honest and hashes every source;
// 2. `tsc -b .`, only when something it reads changed since it last succeeded (below);
// 3. compile-validators.js and 4. bundle.js (imported from .build: each does nothing when what it makes from is unchanged).
// `npm test` after `npm ci` (whose `prepare` has just built) used to start npm, three Node processes and tsc
// (about a second of CPU) to find nothing to do; now it is this one process, which loads no TypeScript.
// Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD, RECORD, ROOT, sourcesKey } from './fresh-build.mjs';

const require = createRequire(import.meta.url);

// tsc's last success: the hashes of the sources and tsconfig.json it built (fresh-build.mjs) and its version.
// Only then is tsc -b skipped: its own check would also find every output newer than its input, and a failed
// run writes no record, so it is run again. fresh-build.mjs removes tsc's own record when an output is missing.
const TSC_DONE = path.join(BUILD, '.tsc-done');
const key = `${sourcesKey} typescript ${JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version}\n`;
const done = existsSync(RECORD) && existsSync(TSC_DONE) && readFileSync(TSC_DONE, 'utf8') === key;
if (!done) {
  rmSync(TSC_DONE, { force: true });
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', '.'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(TSC_DONE, key);
}

await import(pathToFileURL(path.join(BUILD, 'build', 'compile-validators.js')).href);
// Last: it ends the process itself when the bundle is up to date.
await import(pathToFileURL(path.join(BUILD, 'build', 'bundle.js')).href);
