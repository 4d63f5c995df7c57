import { readFileSync } from 'node:fs';

let known: string | undefined;

/** This package's version, from its package.json (read once per process: every command's --version option names it). */
export function version(): string {
  known ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return known;
}
