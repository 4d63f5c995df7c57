import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';
import { testdir } from './helpers/testdir.js';

/**
 * src/build/build.mjs skips tsc when the sources are those of its last successful run. A tsc run outside it
 * (`npx tsc -b`, an editor's watch build) on other sources, the sources then put back as they were, must not leave
 * the other sources' output in .build: build.mjs sees tsc's record (.build/.tsbuildinfo) is not the one its own last
 * run left, touches every input (their times may be older than that output: cp -p, an archive) and runs tsc again.
 *
 * The real build.mjs and fresh-build.mjs, in a project of two sources whose `typescript` is a stand-in tsc that
 * "compiles" them (empty outputs, a new record) and counts its runs: the decision is what is under test, and a real
 * tsc and bundle in a copy of this clone cost ~20 s of CPU for the same verdict.
 */
it('a build after another tsc wrote .build runs tsc again, with the inputs touched; otherwise it skips tsc', () => {
  const project = testdir({});
  const at = (...p: string[]) => path.join(project, ...p);
  mkdirSync(at('src', 'build'), { recursive: true });
  for (const f of ['build.mjs', 'fresh-build.mjs']) copyFileSync(path.join(ROOT, 'src', 'build', f), at('src', 'build', f));
  // Sources whose outputs build.mjs then imports (fresh-build removes an output without a source).
  for (const f of ['compile-validators.ts', 'bundle.ts']) writeFileSync(at('src', 'build', f), 'export {};\n');
  writeFileSync(at('tsconfig.json'), '{}\n');
  writeFileSync(at('package.json'), '{ "type": "module" }\n');
  mkdirSync(at('node_modules', 'typescript', 'bin'), { recursive: true });
  writeFileSync(at('node_modules', 'typescript', 'package.json'), '{ "name": "typescript", "version": "0.0.0-stand-in" }\n');
  writeFileSync(at('node_modules', 'typescript', 'bin', 'tsc'), `const fs = require('node:fs');
const path = require('node:path');
const out = path.join(process.cwd(), '.build', 'build');
fs.mkdirSync(out, { recursive: true });
for (const f of ['compile-validators', 'bundle']) { fs.writeFileSync(path.join(out, f + '.js'), ''); fs.writeFileSync(path.join(out, f + '.d.ts'), ''); }
fs.appendFileSync(path.join(process.cwd(), 'tsc-runs'), 'run\\n');
fs.writeFileSync(path.join(process.cwd(), '.build', '.tsbuildinfo'), 'built ' + fs.readFileSync(path.join(process.cwd(), 'tsc-runs'), 'utf8').length);
`);
  const build = () => execFileSync(process.execPath, ['src/build/build.mjs'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  const runs = () => readFileSync(at('tsc-runs'), 'utf8').split('\n').filter(Boolean).length;

  build();
  expect(runs()).toBe(1);
  build(); // nothing changed: tsc is not started
  expect(runs()).toBe(1);

  // Another tsc built into .build (its record is not ours); the sources, put back, have their old times.
  const source = at('src', 'build', 'bundle.ts');
  const old = new Date('2020-01-01T00:00:00Z');
  utimesSync(source, old, old);
  writeFileSync(at('.build', '.tsbuildinfo'), 'built by another tsc');
  build();
  expect(runs()).toBe(2);
  expect(statSync(source).mtimeMs).toBeGreaterThan(old.getTime()); // touched, so tsc -b compares the texts
  build(); // its own record again: skipped
  expect(runs()).toBe(2);
});
