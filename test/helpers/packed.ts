import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './run-cli.js';

let tarball: string | undefined;

/**
 * This package as `npm pack` makes it (a release would be), packed once per test worker and
 * shared by the tests that install it (packed-install, init-workflow): its folder goes when
 * the worker exits. --ignore-scripts: it packs the .build that `npm test` has just built,
 * without rebuilding it under the feet of the tests running beside it.
 */
export function packedTarball(): string {
  if (tarball === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-pack-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as { filename: string }[];
    tarball = path.join(dir, packed[0]!.filename);
  }
  return tarball;
}
