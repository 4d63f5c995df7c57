import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { IoError } from '../errors/errors.js';

/**
 * Replaces (or creates) a file atomically: the text goes to a temporary file in
 * the same folder, is flushed to disk, and is renamed over the target, so a
 * reader or a crash sees the old file or the new one, never half of one.
 * Refuses to write through a symbolic link.
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new IoError(`${file} is a symbolic link; club does not write through links`);
  if (existing?.isDirectory()) throw new IoError(`${file} is a folder`);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
