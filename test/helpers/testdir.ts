import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type Tree = Record<string, string | Buffer>;

const made: string[] = [];

/** Removes every folder testdir() made; test/helpers/setup.ts runs it after each test of every file. */
export function removeTestdirs(): void {
  // Retried (for up to ~5 s on a loaded machine): a program a test started in a terminal may still be writing there as it exits (bash its history, on SIGHUP).
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

/** Writes a file tree into a fresh temporary folder, removed after the test. */
export function testdir(tree: Tree): string {
  const root = mkdtempSync(path.join(tmpdir(), 'club-test-'));
  made.push(root);
  writeTree(root, tree);
  return root;
}

export function writeTree(root: string, tree: Tree): void {
  for (const [name, content] of Object.entries(tree)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
