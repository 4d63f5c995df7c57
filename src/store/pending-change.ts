import { lstat, readdir } from './fs-async.js';
import path from 'node:path';
import { COLLECTIONS } from '../model/types.js';

// Apart from transaction.ts, which writes changes: every command that reads the folder asks whether
// a change is pending, and only the commands that write need the rest (nor node:crypto, for its names).

/** The journal of a change in progress, at the top of the data folder. Its presence means "roll forward". */
export const JOURNAL_NAME = '.club-journal';

/** A temporary file of a change: `.<name>.club-tx-<id>.tmp`, beside its target. */
export const TEMP_FILE = /^\..*\.club-tx-[0-9a-f]+\.tmp$/;
const JOURNAL_TEMP = /^\.club-journal\.[0-9a-f]+\.tmp$/;

/** Temporary files no journal names: left by a change stopped before its journal was written (so it never happened). */
export async function orphanTemps(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const folder of [dataDir, ...COLLECTIONS.map((c) => path.join(dataDir, c))]) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const n of names) if (TEMP_FILE.test(n) || JOURNAL_TEMP.test(n)) found.push(path.join(folder, n));
  }
  return found;
}

/** Is there anything for `recoverChange` to do? Cheap enough for every command that reads the folder. */
export async function changePending(dataDir: string): Promise<boolean> {
  if (await lstat(path.join(dataDir, JOURNAL_NAME)).then(() => true, () => false)) return true;
  return (await orphanTemps(dataDir)).length > 0;
}
