import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { IoError } from '../cli/errors.js';

const LOCK_NAME = '.club.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` holding the data folder's lock (a `.club.lock` file created
 * exclusively), so two writers never check and write at once. A lock left by a
 * process that died is taken over.
 */
export async function withLock<T>(dataDir: string, work: () => Promise<T>, waitMs = 10_000): Promise<T> {
  const file = path.join(dataDir, LOCK_NAME);
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new IoError(`cannot lock the data folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      const holder = Number(await readFile(file, 'utf8').catch(() => ''));
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() - started > waitMs) {
        throw new IoError(`the data folder is locked by another club process (${file})`, 'wait for it to finish; if none is running, delete the lock file');
      }
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}
