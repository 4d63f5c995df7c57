import { link, lstat, open, realpath, rm } from './fs-async.js';
import path from 'node:path';
import { IoError, RefusedError } from '../errors/errors.js';
import { crashPoint } from './crash-point.js';
import { randomHex } from './random-name.js';

/** Fails unless `file` would sit inside `root` once links in its folder are resolved. */
export async function assertInside(root: string, file: string): Promise<void> {
  const realRoot = await realpath(root);
  const realDir = await realpath(path.dirname(file)).catch(() => undefined);
  if (realDir === undefined) throw new IoError(`the folder ${path.dirname(file)} does not exist`);
  const inside = path.relative(realRoot, path.join(realDir, path.basename(file)));
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new IoError(`${file} is outside the data folder; club writes only inside it`);
  }
  const existing = await lstat(file).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new IoError(`${file} is a symbolic link; club does not write through links`);
}

/**
 * Creates a new file and never replaces one: the text is written to a temporary
 * file in the same folder and flushed, then hard-linked to its name, which fails
 * if the name exists. Of any number of processes creating one name at once,
 * exactly one succeeds; a crash leaves the whole file or none (at worst a
 * `.tmp` file that is not a record).
 */
export async function createFileExclusive(file: string, text: string, shown: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomHex(4)}.tmp`);
  try {
    crashPoint(`write the new ${path.basename(file)} beside it`);
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      crashPoint(`link ${path.basename(file)} into place`);
      await link(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new RefusedError(`${shown} already exists; nothing was written`, 'choose another id with --id');
      }
      throw new IoError(`cannot create ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } catch (error) {
    if (error instanceof RefusedError || error instanceof IoError) throw error;
    throw new IoError(`cannot create ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
