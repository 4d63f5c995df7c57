import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './run-cli.js';

let tarball: string | undefined;

/**
 * This package as `npm pack` makes it (a release would be), packed once per test worker and
 * shared by the tests that install it (packed-install, init-workflow): its folder goes when
 * the worker exits. --ignore-scripts: it packs the .build that `npm test` has just built,
 * without rebuilding it under the feet of the tests running beside it.
 *
 * npm packs a copy of the clone without node_modules/ and .git/: before it lists a folder's
 * files, `npm pack` loads the folder's whole node_modules tree (arborist's loadActual, ~600
 * packages here, ~0.6 s of CPU), only to find the bundled dependencies to put in the tarball;
 * this package bundles none (checked below), and .git is never packed. Everything else is
 * there (sources, tests, tsc's output, the code caches, dot files), so npm still chooses the
 * files by package.json's "files" and its own rules: the tarball is byte for byte the one
 * `npm pack` makes in the clone.
 */
export function packedTarball(): string {
  if (tarball === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-pack-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (manifest.bundleDependencies !== undefined || manifest.bundledDependencies !== undefined) {
      throw new Error('packed.ts: package.json bundles dependencies, which npm packs from node_modules/: pack the clone itself');
    }
    const copy = path.join(dir, 'package');
    mkdirSync(copy);
    const entries = readdirSync(ROOT).filter((name) => name !== 'node_modules' && name !== '.git').map((name) => path.join(ROOT, name));
    // cp -a: one process, ~0.04 s for the clone's ~15 MB (node's cpSync ~0.12 s). A test beside this one may add or
    // remove a file while it copies (bin/club writing a code cache), so a failed copy is tried again from scratch.
    for (let attempt = 1; ; attempt++) {
      try {
        execFileSync('cp', ['-a', ...entries, copy], { stdio: ['ignore', 'ignore', 'pipe'] });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        rmSync(copy, { recursive: true, force: true });
        mkdirSync(copy);
      }
    }
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: copy, encoding: 'utf8' })) as { filename: string }[];
    tarball = path.join(dir, packed[0]!.filename);
    rmSync(copy, { recursive: true, force: true });
  }
  return tarball;
}
