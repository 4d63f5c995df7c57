import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let found: string | null | undefined;

/** The LibreOffice program (`soffice` or `libreoffice`), or undefined when it is not installed; looked for once per worker. */
export function soffice(): string | undefined {
  if (found === undefined) found = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0) ?? null;
  return found ?? undefined;
}

let profile: string | undefined;

/**
 * Converts files with LibreOffice, headless, in ONE run (its start-up is most of a conversion's
 * cost), writing `<name>.<format>` for each into `outdir`. The user profile it needs is made
 * once per worker, in a temporary folder of its own, and removed when the worker exits.
 */
export function convertWithLibreOffice(files: string[], format: string, outdir: string): void {
  const bin = soffice();
  if (bin === undefined) throw new Error('LibreOffice is not installed');
  if (profile === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-soffice-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    profile = dir;
  }
  execFileSync(bin, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', format, '--outdir', outdir, ...files], { stdio: 'pipe', timeout: 120_000 });
}
