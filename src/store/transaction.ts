import { lstat, mkdir, open, readdir, readFile, rename, rm } from './fs-async.js';
import path from 'node:path';
import { IoError, RefusedError } from '../errors/errors.js';
import { assertInside } from './create-file.js';
import { crashPoint } from './crash-point.js';
import { JOURNAL_NAME, orphanTemps, TEMP_FILE } from './pending-change.js';
import { randomHex } from './random-name.js';

/**
 * One file operation of a change: write a file (replace it, or create it when
 * `mustNotExist`), or delete one. A rename is a create of the new name and a
 * delete of the old one, in the same change.
 */
export type FileOperation =
  | { kind: 'write'; target: string; text: string; mustNotExist?: boolean; shown?: string }
  | { kind: 'delete'; target: string; shown?: string };

// What a change in progress leaves in the folder (the journal, the temporary files) and the cheap check
// for it live in pending-change.ts, which every command that reads the folder loads.
export { changePending, JOURNAL_NAME } from './pending-change.js';

interface JournalEntry {
  kind: 'write' | 'delete';
  /** Relative to the data folder, with `/`. */
  target: string;
  /** The flushed temporary file that becomes `target`, relative to the data folder. */
  temp?: string;
}

interface Journal {
  version: 1;
  id: string;
  entries: JournalEntry[];
}

const rel = (dataDir: string, file: string) => path.relative(dataDir, file).split(path.sep).join('/');
const abs = (dataDir: string, file: string) => path.join(dataDir, ...file.split('/'));
const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Flushes a folder's entries (new names, renames, removals) to disk. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined); // some file systems refuse fsync on a folder; the rename order still holds
  } finally {
    await handle.close();
  }
}

async function writeFlushed(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Carries out a journal whose temporary files are all flushed: each step can be repeated, so a crash here is finished by the next run. */
async function rollForward(dataDir: string, journal: Journal): Promise<void> {
  const folders = new Set<string>();
  for (const e of journal.entries) {
    const target = abs(dataDir, e.target);
    folders.add(path.dirname(target));
    if (e.kind === 'write') {
      crashPoint(`rename ${e.target} into place`);
      try {
        await rename(abs(dataDir, e.temp!), target);
      } catch (error) {
        // Gone already: an earlier run renamed it before it was stopped.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    } else {
      crashPoint(`delete ${e.target}`);
      await rm(target, { force: true });
    }
  }
  for (const f of folders) await syncFolder(f);
  crashPoint('remove the journal');
  await rm(path.join(dataDir, JOURNAL_NAME), { force: true });
  await syncFolder(dataDir);
}

/** A process that is gone (a pid we may not signal belongs to someone alive). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/** The lock's own temporary files (`.club.lock.<pid>.<hex>`, see lock.ts) of processes killed while taking it. */
async function deadLockTemps(dataDir: string): Promise<string[]> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  return names.filter((n) => {
    const m = /^\.club\.lock\.(\d+)\.[0-9a-f]+$/.exec(n);
    return m !== null && gone(Number(m[1]));
  }).map((n) => path.join(dataDir, n));
}

async function readJournal(dataDir: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, JOURNAL_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`cannot read ${JOURNAL_NAME} in the data folder: ${code(error)}`);
  }
  try {
    const journal = JSON.parse(text) as Journal;
    if (journal.version !== 1 || !Array.isArray(journal.entries)) throw new Error('unknown journal');
    for (const e of journal.entries) {
      for (const p of [e.target, e.temp]) {
        if (p !== undefined && (typeof p !== 'string' || p.startsWith('/') || p.split('/').includes('..'))) throw new Error('a path outside the folder');
      }
      if (e.kind === 'write' && typeof e.temp !== 'string') throw new Error('a write without its file');
    }
    return journal;
  } catch (error) {
    // The journal is renamed into place whole, so a bad one was not written by club.
    throw new IoError(`${JOURNAL_NAME} in the data folder is not a journal club wrote (${(error as Error).message})`,
      `look at it, then delete it: ${path.join(dataDir, JOURNAL_NAME)}`);
  }
}

/**
 * Finishes or undoes a change a stopped process left behind. With a journal the
 * change was decided: it is carried out (rolled forward). Without one it never
 * happened: its temporary files are removed. Call it holding the folder's lock.
 * Returns what it did, for a line on stderr.
 */
export async function recoverChange(dataDir: string): Promise<'rolled-forward' | 'rolled-back' | undefined> {
  const journal = await readJournal(dataDir);
  try {
    if (journal) await rollForward(dataDir, journal);
    const orphans = await orphanTemps(dataDir);
    for (const o of [...orphans, ...await deadLockTemps(dataDir)]) await rm(o, { force: true });
    if (journal) return 'rolled-forward';
    return orphans.some((o) => TEMP_FILE.test(path.basename(o))) ? 'rolled-back' : undefined;
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot finish the interrupted change in the data folder: ${code(error)}`, `run club validate again; if it persists, look at ${JOURNAL_NAME}`);
  }
}

/**
 * Applies a change of any number of files all or nothing, across a crash:
 * every new text goes to a flushed temporary file beside its target; then a
 * journal naming each temporary file and target is flushed and renamed into
 * place (the moment the change is decided); then the temporaries are renamed
 * over their targets and deleted files removed; then the journal goes. A
 * process killed before the journal leaves the folder as it was (plus hidden
 * temporaries, removed by the next run); after it, the next run of any club
 * command finishes the change. Call it holding the folder's lock, after
 * `recoverChange`.
 */
export async function applyChange(dataDir: string, operations: readonly FileOperation[]): Promise<void> {
  const id = randomHex(6);
  const seen = new Set<string>();
  for (const op of operations) {
    const target = path.resolve(op.target);
    if (seen.has(target)) throw new IoError(`internal: ${op.shown ?? op.target} is changed twice in one change`);
    seen.add(target);
    if (op.kind === 'write') await mkdir(path.dirname(target), { recursive: true });
    await assertInside(dataDir, target);
    const existing = await lstat(target).catch(() => undefined);
    if (existing?.isDirectory()) throw new IoError(`${op.shown ?? op.target} is a folder`);
    if (op.kind === 'write' && op.mustNotExist && existing) {
      throw new RefusedError(`${op.shown ?? op.target} already exists; nothing was written`, 'choose another id with --id');
    }
  }

  const temps: string[] = [];
  const entries: JournalEntry[] = [];
  try {
    for (const op of operations) {
      const target = path.resolve(op.target);
      if (op.kind === 'write') {
        const temp = path.join(path.dirname(target), `.${path.basename(target)}.club-tx-${id}.tmp`);
        temps.push(temp);
        crashPoint(`write the new ${rel(dataDir, target)} beside it`);
        await writeFlushed(temp, op.text);
        entries.push({ kind: 'write', target: rel(dataDir, target), temp: rel(dataDir, temp) });
      } else {
        entries.push({ kind: 'delete', target: rel(dataDir, target) });
      }
    }
    for (const folder of new Set(temps.map((t) => path.dirname(t)))) await syncFolder(folder);
    const journalTemp = path.join(dataDir, `${JOURNAL_NAME}.${id}.tmp`);
    temps.push(journalTemp);
    crashPoint('write the journal');
    await writeFlushed(journalTemp, `${JSON.stringify({ version: 1, id, entries } satisfies Journal, null, 1)}\n`);
    crashPoint('rename the journal into place');
    await rename(journalTemp, path.join(dataDir, JOURNAL_NAME));
    await syncFolder(dataDir);
  } catch (error) {
    for (const t of temps) await rm(t, { force: true }).catch(() => undefined);
    throw new IoError(`cannot write the change: ${code(error)}; nothing was written`);
  }
  try {
    await rollForward(dataDir, { version: 1, id, entries });
  } catch (error) {
    throw new IoError(`the change was stopped half-way (${code(error)}); the next club command finishes it`, 'run: club validate');
  }
}
