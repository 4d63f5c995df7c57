import { stat } from 'node:fs/promises';
import path from 'node:path';
import { IoError } from '../errors/errors.js';
import { writeFileAtomic } from '../store/write-file.js';
import type { Io } from './io.js';

/**
 * Writes what a command was asked to put in `-o FILE` (relative to the command's working directory),
 * atomically. The folder must exist: a typo in its name (`-o dosc/roster.md`) is reported, not
 * made into a new folder beside the one meant; nothing is written.
 */
export async function writeOutput(io: Io, file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(io.cwd, file);
  const folder = path.dirname(target);
  const found = await stat(folder).catch(() => undefined);
  const shown = path.dirname(file);
  if (found === undefined) {
    throw new IoError(`cannot write ${file}: there is no folder ${shown}`, `check its name, or create it first: mkdir -p ${shown}`);
  }
  if (!found.isDirectory()) throw new IoError(`cannot write ${file}: ${shown} is not a folder`);
  await writeFileAtomic(target, content);
}
