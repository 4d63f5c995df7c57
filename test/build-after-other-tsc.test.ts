import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';
import { testdir } from './helpers/testdir.js';

/**
 * src/build/build.mjs skips tsc when the sources are those of its last successful run. A tsc run outside it
 * (`npx tsc -b`, an editor's watch build) on other sources, the sources then put back as they were (here with
 * their old modification time, as cp -p or an archive would), must not leave the other sources' output in the
 * bundle. In a copy of the clone, its .build included (times kept: an incremental build, as in a clone).
 */
it('a build after another tsc built other sources, the sources put back, bundles the sources', () => {
  const copy = testdir({});
  for (const entry of ['src', 'bin', 'schemas', 'data', '.build', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // `club --version` alone is answered by bin/club from package.json: the bundle's text is what tells.
  const bundled = () => readdirSync(path.join(copy, '.build', 'bundle')).filter((f) => f.endsWith('.cjs'))
    .filter((f) => readFileSync(path.join(copy, '.build', 'bundle', f), 'utf8').includes('EXPERIMENT'));

  node(['src/build/build.mjs']);
  expect(bundled()).toEqual([]);

  const source = path.join(copy, 'src', 'cli', 'version.ts');
  const text = readFileSync(source, 'utf8');
  const { atime, mtime } = statSync(source);
  writeFileSync(source, text.replace('return pkg.version;', "return `${pkg.version}-EXPERIMENT`;"));
  node([path.join(copy, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', '.']);
  expect(readFileSync(path.join(copy, '.build', 'cli', 'version.js'), 'utf8')).toContain('EXPERIMENT');
  writeFileSync(source, text);
  utimesSync(source, atime, mtime);

  node(['src/build/build.mjs']);
  expect(readFileSync(path.join(copy, '.build', 'cli', 'version.js'), 'utf8')).not.toContain('EXPERIMENT');
  expect(bundled()).toEqual([]);
}, 120_000);
