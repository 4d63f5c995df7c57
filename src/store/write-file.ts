import { lstat, mkdir, open, rename, rm } from './fs-async.js';
import path from 'node:path';
import { IoError } from '../errors/errors.js';
import { crashPoint } from './crash-point.js';
import { randomHex } from './random-name.js';

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
  if (existing?.isCharacterDevice() || existing?.isFIFO()) {
    // A device (/dev/null, /dev/stdout) or a pipe is written to as it is: replaced by a file, /dev/null would stop being one.
    await writeInPlace(file, target, text);
    return;
  }
  if (existing && !existing.isFile()) throw new IoError(`${file} is not a regular file (a block device or a socket); club does not write to it`);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomHex(4)}.tmp`);
  let handle;
  try {
    crashPoint(`write the new ${path.basename(target)} beside it`);
    handle = await open(temp, 'wx');
    // The new file keeps the old one's permissions: a 0600 contact list stays 0600.
    if (existing) await handle.chmod(existing.mode & 0o7777);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    crashPoint(`rename ${path.basename(target)} into place`);
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function writeInPlace(file: string, target: string, text: string | Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await open(target, 'w');
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    throw new IoError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
