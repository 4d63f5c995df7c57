// `npm run build`, and `npm test` before its tests: the whole build in ONE Node process, in this order:
// 1. fresh-build.mjs (imported: it runs as it loads) makes the incremental build honest and hashes every source;
// 2. `tsc -b .`, only when something it reads changed since it last succeeded (below);
// 3. compile-validators.js and 4. bundle.js (imported from .build: each does nothing when what it makes from is unchanged).
// `npm test` after `npm ci` (whose `prepare` has just built) used to start npm, three Node processes and tsc
// (about a second of CPU) to find nothing to do; now it is this one process, which loads no TypeScript.
// Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD, inputs, RECORD, ROOT, sourcesKey } from './fresh-build.mjs';

const require = createRequire(import.meta.url);

// tsc's last success: the hashes of the sources and tsconfig.json it built (fresh-build.mjs), its version, and a
// hash of the record tsc then left (.build/.tsbuildinfo). Only then is tsc -b skipped: its own check would also find
// every output newer than its input, and a failed run writes no record, so it is run again. fresh-build.mjs removes
// tsc's own record when an output is missing.
// tsc's record changes only when tsc builds: if it is not the one our last run left, another tsc (`npx tsc -b`, an
// editor's watch build) has since compiled other sources into .build, and the sources may since have been put
// back as they were. Their key then matches again but .build holds the other sources' output, and their times
// may be older than that output (cp -p, an archive): tsc -b would trust the times. So every input is touched
// first: tsc -b then compares their text with its record and compiles only what differs (well under a second).
const TSC_DONE = path.join(BUILD, '.tsc-done');
const key = `${sourcesKey} typescript ${JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version}`;
const tscRecord = () => (existsSync(RECORD) ? createHash('sha1').update(readFileSync(RECORD)).digest('hex') : 'none');
const record = tscRecord();
const last = existsSync(TSC_DONE) ? readFileSync(TSC_DONE, 'utf8') : '';
if (last !== `${key} tsbuildinfo ${record}\n`) {
  rmSync(TSC_DONE, { force: true });
  if (record !== 'none' && !last.endsWith(` tsbuildinfo ${record}\n`)) {
    const now = new Date();
    for (const f of inputs) utimesSync(path.join(ROOT, f), now, now);
  }
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', '.'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(TSC_DONE, `${key} tsbuildinfo ${tscRecord()}\n`);
}

await import(pathToFileURL(path.join(BUILD, 'build', 'compile-validators.js')).href);
// Last: it ends the process itself when the bundle is up to date.
await import(pathToFileURL(path.join(BUILD, 'build', 'bundle.js')).href);
