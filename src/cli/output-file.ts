import { stat } from '../store/fs-async.js';
import path from 'node:path';
import { IoError } from '../errors/errors.js';
import { writeFileAtomic } from '../store/write-file.js';
import type { Io } from './io.js';

/**
 * Writes what a command was asked to put in `-o FILE` (relative to the command's working directory),
 * atomically. The folder must exist: a typo in its name (`-o dosc/roster.md`) is reported, not
 * made into a new folder beside the one meant; nothing is written. `-o FOLDER` is refused too, with
 * `example` (`roster.md`) as the file to name in it.
 */
export async function writeOutput(io: Io, file: string, content: string | Uint8Array, example: string): Promise<void> {
  const target = path.resolve(io.cwd, file);
  if ((await stat(target).catch(() => undefined))?.isDirectory()) throw folderNotFile(file, '-o', example);
  const folder = path.dirname(target);
  const found = await stat(folder).catch(() => undefined);
  const shown = path.dirname(file);
  if (found === undefined) {
    throw new IoError(`cannot write ${file}: there is no folder ${shown}`, `check its name, or create it first: mkdir -p ${shown}`);
  }
  if (!found.isDirectory()) throw new IoError(`cannot write ${file}: ${shown} is not a folder`);
  await writeFileAtomic(target, content);
}

/** `-o .docs` or `--check .docs` where .docs is a folder: the name meant a file in it (exit 3, as any path that cannot be written or read). */
export function folderNotFile(file: string, flag: '-o' | '--check', example: string): IoError {
  const inside = `${file.replace(/[\\/]+$/, '')}/${example}`;
  return new IoError(`${file} is a folder; ${flag} takes a file`, `name a file in it, e.g. ${flag} ${inside}`);
}
