import { linkSync, readFileSync } from 'node:fs';
import { readdir, rm, writeFile } from './fs-async.js';
import path from 'node:path';
import { IoError } from '../errors/errors.js';
import { crashPoint } from './crash-point.js';
import { randomHex } from './random-name.js';

const LOCK_NAME = '.club.lock';

/**
 * When a process started (clock ticks since boot, field 22 of /proc/<pid>/stat on
 * Linux), or undefined where that cannot be read. With the pid it names one process
 * for good: a pid the system has given to a new process does not hold a dead one's lock.
 * A zombie (killed, not yet reaped) counts as gone.
 */
function startTime(pid: number | 'self'): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: the fields after it start after the last `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return 'gone';
  return fields[19];
}

let me: string | undefined;

/** This process as a lock holder: `<pid> <start time>` (or only the pid where start times cannot be read). */
function identity(): string {
  if (me === undefined) {
    const start = startTime('self');
    me = start === undefined ? String(process.pid) : `${process.pid} ${start}`;
  }
  return me;
}

/** Is the process that wrote `holder` (a lock's content) still running? */
function holderAlive(holder: string): boolean {
  const m = /^(\d+)(?: (\d+))?$/.exec(holder.trim());
  if (m === null) return false; // empty or garbled: no writer holds it
  const pid = Number(m[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (m[2] === undefined) return true; // an old lock, or one from a system without /proc: the pid is all there is
  const start = startTime(pid);
  return start === undefined ? true : start === m[2];
}

/**
 * The text of a small lock file (a holder's identity), or undefined when it is gone. This and linkNew are synchronous:
 * a waiter calls both on every try, 10 to 40 times a second, and each promise-based call went through the thread pool
 * (readFile alone four times: open, stat, read, close) for a few dozen bytes; a single system call each is a fraction
 * of that CPU, and a waiter has nothing else to do meanwhile.
 */
function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Links `from` to `to` unless `to` exists: true if this call made it. */
function linkNew(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new IoError(`cannot lock the data folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'check that the data folder can be written to');
  }
}

/**
 * Removes `file` if it still holds `stale`, the content a dead holder left, such that
 * of any number of waiters that found it stale at most one removes it. A waiter first
 * claims that holder by a file named after its content (made with link(), so one
 * waiter wins); the winner reads `file` again and removes it only if it still holds
 * `stale`. Nobody else removes a file holding `stale`, and no live process ever writes
 * it again, so between that read and the removal it cannot change. A claim whose
 * claimer died is broken the same way, one level down. False when another waiter holds the claim (it is removing the
 * file; or the claim just went): the caller then waits a moment before it tries again.
 */
async function removeStale(file: string, stale: string, mine: string, depth = 0): Promise<boolean> {
  // node:crypto only here, when a stale lock is found: loading it cost every writer ~2 ms (see random-name.ts).
  const { createHash } = process.getBuiltinModule('node:crypto');
  const claim = `${file}.${createHash('sha256').update(stale).digest('hex').slice(0, 16)}.claim`;
  if (!linkNew(mine, claim)) {
    const claimer = read(claim);
    if (claimer !== undefined && !holderAlive(claimer) && depth < 8) return removeStale(claim, claimer, mine, depth + 1);
    return false;
  }
  try {
    if (read(file) === stale) await rm(file, { force: true });
  } finally {
    await rm(claim, { force: true });
  }
  return true;
}

/**
 * Claims left by waiters killed while taking over a stale lock, and the identity files
 * (`.club.lock.<pid>.<random>`) of waiters killed while waiting. Holding the lock, any
 * claim is about a lock file that is no longer there, so one whose claimer died can go;
 * a waiter's file whose process died will never be linked by it.
 */
async function removeDeadClaims(dataDir: string): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`${LOCK_NAME}.`)) continue;
    const claimer = read(path.join(dataDir, name));
    if (claimer === undefined) continue;
    // A waiter's file is created empty, then written: a whole identity goes when its process has died;
    // one not yet whole (its writer killed between the two) goes when no process has the pid its name
    // gives, and is kept while one has (that waiter may be writing it).
    const whole = name.endsWith('.claim') || /^\d+( \d+)?$/.test(claimer.trim());
    const namedPid = /^\.club\.lock\.(\d+)\.[0-9a-f]+$/.exec(name)?.[1];
    const dead = whole ? !holderAlive(claimer) : namedPid !== undefined && !holderAlive(namedPid);
    if (dead) await rm(path.join(dataDir, name), { force: true });
  }
}

/**
 * Runs `work` holding the data folder's lock, so two writers never check and
 * write at once. The lock file is linked into place with the holder's identity
 * (pid and start time) already in it, so there is never an empty one. A lock is
 * never taken from a live process, however long it holds it (a slow disk, a GPG
 * prompt); one whose process has died (killed with SIGKILL, say, or whose pid now
 * belongs to another process) is taken over by exactly one waiter.
 */
export async function withLock<T>(dataDir: string, work: () => Promise<T>, waitMs = 10_000): Promise<T> {
  const file = path.join(dataDir, LOCK_NAME);
  const mine = path.join(dataDir, `${LOCK_NAME}.${process.pid}.${randomHex(4)}`);
  const started = Date.now();
  try {
    crashPoint('lock: write this process\'s identity file');
    await writeFile(mine, identity(), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw new IoError(`cannot lock the data folder: ${error.code ?? error.message}`, 'check that the data folder can be written to');
    });
    crashPoint('lock: link the lock');
    while (!linkNew(mine, file)) {
      const holder = read(file);
      if (holder !== undefined && !holderAlive(holder)) {
        // Tried again at once after a removal, else after a millisecond: never without yielding to the event loop (the
        // checks above are synchronous, and a live claimer in this very process needs its turn to finish).
        if (!(await removeStale(file, holder, mine))) await new Promise((r) => setTimeout(r, 1));
        continue;
      }
      if (Date.now() - started > waitMs) {
        throw new IoError(`the data folder is locked by another club process (${file})`, 'wait for it to finish; if none is running, delete the lock file');
      }
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
  } finally {
    crashPoint('lock: remove the identity file');
    await rm(mine, { force: true });
  }
  await removeDeadClaims(dataDir);
  try {
    return await work();
  } finally {
    // Only our own lock is removed: nobody takes a live holder's lock, so it is ours, but make sure.
    crashPoint('lock: release');
    if (read(file) === identity()) await rm(file, { force: true });
  }
}
