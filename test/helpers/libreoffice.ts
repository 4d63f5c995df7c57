import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let found: string | null | undefined;

/**
 * The LibreOffice program (`soffice` or `libreoffice`), or undefined when it is not installed;
 * looked for once per worker, as the shell would: an executable file of that name in a PATH
 * folder (not by running `soffice --version`, a tenth of a second of CPU for every worker).
 */
export function soffice(): string | undefined {
  if (found === undefined) {
    const folders = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
    found = ['soffice', 'libreoffice'].flatMap((bin) => folders.map((d) => path.join(d, bin))).find(executable) ?? null;
  }
  return found ?? undefined;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
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
