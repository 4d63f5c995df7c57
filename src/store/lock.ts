import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IoError } from '../errors/errors.js';

const LOCK_NAME = '.club.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the lock file there one that no running writer holds? */
async function isStale(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return false; // gone already: try again
  const pid = Number(text);
  // Staleness is the holder's death, never its age: a writer waiting on a slow disk or a GPG prompt keeps its lock.
  return !Number.isInteger(pid) || pid <= 0 || !alive(pid);
}

/**
 * Runs `work` holding the data folder's lock, so two writers never check and
 * write at once. The lock file is linked into place with the holder's pid
 * already in it, so there is never an empty one; a lock whose process has died
 * (killed with SIGKILL, say) is taken over.
 */
export async function withLock<T>(dataDir: string, work: () => Promise<T>, waitMs = 10_000): Promise<T> {
  const file = path.join(dataDir, LOCK_NAME);
  const mine = path.join(dataDir, `${LOCK_NAME}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const started = Date.now();
  try {
    await writeFile(mine, String(process.pid), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw new IoError(`cannot lock the data folder: ${error.code ?? error.message}`, 'check that the data folder can be written to');
    });
    for (;;) {
      try {
        await link(mine, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new IoError(`cannot lock the data folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
        if (await isStale(file)) {
          await rm(file, { force: true });
          continue;
        }
        if (Date.now() - started > waitMs) {
          throw new IoError(`the data folder is locked by another club process (${file})`, 'wait for it to finish; if none is running, delete the lock file');
        }
        await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
      }
    }
  } finally {
    await rm(mine, { force: true });
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}
