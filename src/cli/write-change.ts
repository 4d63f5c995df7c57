import { readFile } from '../store/fs-async.js';
import path from 'node:path';
import { isMap, Pair, Scalar, type Document } from 'yaml';
import { compact, introducedBy, newRecordText, type Introduced } from '../authoring/change.js';
import { editYamlText } from '../authoring/edit-yaml.js';
import { changeDiff, PLAIN_DIFF, type DiffStyle, type FileChange } from '../authoring/change-diff.js';
import type { TextFile } from '../load/load.js';
import { KIND_OF, type Collection } from '../model/types.js';
import { formatText } from '../report/text.js';
import { summarize } from '../report/summary.js';
import { chooseDataDir, findGitRoot, requireDataDir } from '../store/data-dir.js';
import { commitFiles, requireNothingStaged } from '../store/git.js';
import { withLock } from '../store/lock.js';
import { noSchemaCopyNote, recordSchemaPath, staleSchemaCopyNote } from '../store/schema-copy.js';
import { applyChange, recoverChange, type FileOperation } from '../store/transaction.js';
import { isValidId } from '../model/slug.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { IoError, RefusedError, UsageError } from '../errors/errors.js';
import { colorLevel, textStyle, type Io, type OutStream } from './io.js';
import { loadData, type LoadedData } from './load-data.js';
import { canPrompt, makePrompter } from './prompter.js';

export interface NewRecord {
  collection: Collection;
  id: string;
  record: Record<string, unknown>;
}

export interface RecordEdit {
  /** `club` is club.yaml (its id is ignored). */
  collection: Collection | 'club';
  id: string;
  /** Changes the parsed document in place; comments, blank lines and key order stay. */
  apply?(doc: Document): void;
  /** The whole new text instead (what `club edit` got back from the editor). */
  text?: string;
  /** Renames the file to this id, in the same change (the old name is gone, the new one must be free). */
  renameTo?: string;
  /** Warnings about the edit itself, which no rule sees in the folder after it: given the new text and the file as shown. */
  warnings?(text: string, file: string): Diagnostic[];
}

export interface RecordDelete {
  collection: Collection;
  id: string;
}

/**
 * Everything one command changes, written all or nothing: new records, edits
 * (each possibly a rename), deletions. Any number of files.
 */
export interface Change {
  creates: NewRecord[];
  edits: RecordEdit[];
  deletes?: RecordDelete[];
  /** The commit message for --commit, e.g. "Add member li-wei". */
  message: string;
}

export interface WriteOptions {
  data?: string;
  asOf?: string;
  color: boolean;
  commit?: boolean;
  /** Write without asking at a terminal. */
  yes?: boolean;
  /** Print the diff, write nothing. */
  dryRun?: boolean;
  /** false with --no-input. */
  input?: boolean;
}

export interface WriteHooks {
  /**
   * At a terminal, when the change is refused: show nothing more, ask again the
   * answers the errors point at (keeping the rest), and return true to try the
   * change again, or false when no answer of the user's is at fault.
   */
  reask?(errors: readonly Diagnostic[]): Promise<boolean>;
  /** At a terminal, the answer to "Write it?" was no: nothing is written (exit 0), e.g. to keep an edited text. */
  declined?(): Promise<void>;
  /** What to do instead, when the change is refused and the command knows better than "correct the values above". */
  refusedHint?(errors: readonly Diagnostic[]): string | undefined;
}

/** Sets `key` in a YAML mapping, right after `after` when the key is new, so the file keeps the schema's order. */
export function setAfter(doc: Document, key: string, value: unknown, after: string): void {
  const map = doc.contents;
  if (!isMap(map)) return;
  if (map.has(key)) {
    map.set(key, value);
    return;
  }
  const index = map.items.findIndex((p) => (p.key as Scalar | null)?.value === after);
  const pair = new Pair(new Scalar(key), new Scalar(value));
  if (index < 0) map.items.push(pair);
  else map.items.splice(index + 1, 0, pair);
}

/** A change made concrete against the folder: the texts, the file operations, and what it would bring in. */
interface Plan {
  files: FileChange[];
  operations: FileOperation[];
  introduced: Introduced;
  created: string[];
  updated: string[];
  renamed: [string, string][];
  deleted: string[];
  /** Absolute paths touched, for git. */
  touched: string[];
  message: string;
  /** Compares two plans: the same texts at the same places. */
  fingerprint: string;
  /**
   * The folder's files the change was checked with, as it would be after it: a change is checked against the whole
   * folder (a country removed from club.yaml is an error in its members' files), so the report's "(N files checked)"
   * counts them all, not only the files the change writes ("3 errors in 3 files (1 file checked)" read as a contradiction).
   */
  checked: number;
}

function idCheck(id: string): void {
  if (!isValidId(id)) {
    throw new UsageError(`\`${id}\` is not a valid id: lowercase ASCII letters, digits and single hyphens, at most 80 characters`);
  }
}

/**
 * club.yaml holds what every record is checked against (divisions, positions, outlets). When it cannot be
 * read or is invalid, a change cannot be checked: it would be blamed for errors it does not bring in, or
 * written unchecked. So every writer refuses, naming the file and its first error, unless the change
 * replaces club.yaml's whole text (`club edit club`, the way to mend it).
 */
function requireReadableClub(data: LoadedData, change: Change): void {
  if (data.club.info !== undefined) return;
  if (change.edits.some((e) => e.collection === 'club' && e.text !== undefined)) return;
  const clubFile = data.files.find((f) => f.collection === 'club')?.file;
  const errors = data.diagnostics.filter((d) => d.severity === 'error' && (clubFile === undefined ? /(^|\/)club\.ya?ml$/.test(d.file) : d.file === clubFile));
  const file = errors[0]?.file ?? clubFile ?? 'club.yaml';
  if (clubFile === undefined) {
    // Not there at all: "broken" would send the user looking for a file to correct.
    throw new RefusedError(`refused: there is no ${file}, which every record is checked against, so nothing was written`,
      errors[0]?.hint ?? 'run `club init`, or add club.yaml with the club\'s name, divisions, member countries and positions');
  }
  const first = errors[0] ? `: ${errors[0].line}:${errors[0].column} ${errors[0].message}` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  throw new RefusedError(`refused: ${file} was already broken before this change${first}${more}; the change cannot be checked without it, so nothing was written`,
    `run \`club validate\` and correct ${file} first, then run the command again`);
}

async function plan(data: LoadedData, change: Change, io: Io): Promise<Plan> {
  requireReadableClub(data, change);
  const dataDir = data.dataDir;
  const shown = (absolute: string) => path.relative(io.cwd, absolute).split(path.sep).join('/');
  // A record's own file (it may be stored as .yml); a new one is <id>.yaml.
  const fileOf = (collection: Collection | 'club', id: string) => {
    if (collection === 'club') return path.join(dataDir, 'club.yaml');
    const stored = data.records.find((r) => r.collection === collection && r.id === id);
    return stored ? path.resolve(io.cwd, stored.file) : path.join(dataDir, collection, `${id}.yaml`);
  };
  const exists = (file: string) => data.files.some((f) => f.file === file) || data.checkedFiles.includes(file);
  const p: Plan = { files: [], operations: [], introduced: { errors: [], warnings: [] }, created: [], updated: [], renamed: [], deleted: [], touched: [], message: change.message, fingerprint: '', checked: 0 };
  const changed: TextFile[] = [];
  const removed: string[] = [];
  const editWarnings: Diagnostic[] = [];
  const claimed = new Set<string>();
  const claim = (file: string) => {
    if (claimed.has(file)) throw new RefusedError(`${file} would be written twice by one change; nothing was written`);
    claimed.add(file);
  };

  // The schema path a new record names, per folder: the same for all of a folder's new records (an import's 200 rows), and
  // each lookup asks the disk whether the repository has a schemas/ copy.
  const schemaPaths = new Map<string, string>();
  for (const c of change.creates) {
    idCheck(c.id);
    const absolute = fileOf(c.collection, c.id);
    const file = shown(absolute);
    if (data.records.some((r) => r.collection === c.collection && r.id === c.id) || exists(file)) {
      throw new RefusedError(`${file} already exists; nothing was written`, 'choose another id with --id');
    }
    claim(file);
    const folder = path.dirname(absolute);
    let schemaPath = schemaPaths.get(folder);
    if (schemaPath === undefined) schemaPaths.set(folder, schemaPath = recordSchemaPath(dataDir, folder, KIND_OF[c.collection]));
    const text = newRecordText(compact(c.record), schemaPath);
    p.operations.push({ kind: 'write', target: absolute, text, mustNotExist: true, shown: file });
    p.files.push({ file, after: text });
    p.created.push(file);
    p.touched.push(absolute);
    changed.push({ file, collection: c.collection, stem: c.id, text });
  }
  for (const e of change.edits) {
    const absolute = fileOf(e.collection, e.id);
    const file = shown(absolute);
    let before: string;
    try {
      before = await readFile(absolute, 'utf8');
    } catch {
      throw new RefusedError(`${file} cannot be read; nothing was written`);
    }
    let text = before;
    if (e.text !== undefined) text = e.text;
    // Only what the edit changed is rewritten: a field it did not touch keeps its layout (a folded notes: >-), the file its CR LF line ends.
    if (e.apply) text = editYamlText(text, e.apply);
    if (e.renameTo !== undefined && e.renameTo !== e.id && e.collection !== 'club') {
      idCheck(e.renameTo);
      const target = fileOf(e.collection, e.renameTo);
      const targetFile = shown(target);
      if (exists(targetFile)) throw new RefusedError(`${targetFile} already exists; nothing was written`, 'choose another id');
      claim(file);
      claim(targetFile);
      p.operations.push({ kind: 'write', target, text, mustNotExist: true, shown: targetFile }, { kind: 'delete', target: absolute, shown: file });
      p.files.push({ file: targetFile, renamedFrom: file, before, after: text });
      p.renamed.push([file, targetFile]);
      p.touched.push(absolute, target);
      removed.push(file);
      changed.push({ file: targetFile, collection: e.collection, stem: e.renameTo, text });
      continue;
    }
    if (text === before) continue; // nothing to write
    editWarnings.push(...e.warnings?.(text, file) ?? []);
    claim(file);
    p.operations.push({ kind: 'write', target: absolute, text, shown: file });
    p.files.push({ file, before, after: text });
    p.updated.push(file);
    p.touched.push(absolute);
    changed.push({ file, collection: e.collection, stem: e.collection === 'club' ? 'club' : e.id, text });
  }
  p.message = change.message; // read again: an edit may name in it only what it changed
  for (const d of change.deletes ?? []) {
    const absolute = fileOf(d.collection, d.id);
    const file = shown(absolute);
    claim(file);
    const before = await readFile(absolute, 'utf8').catch(() => undefined);
    if (before === undefined) throw new RefusedError(`${file} does not exist; nothing was written`);
    p.operations.push({ kind: 'delete', target: absolute, shown: file });
    p.files.push({ file, before });
    p.deleted.push(file);
    p.touched.push(absolute);
    removed.push(file);
  }
  p.introduced = introducedBy(data.diagnostics, data.files, changed, removed, data.checker, data.today);
  p.introduced.warnings.push(...editWarnings);
  p.checked = data.fileCount + p.created.length - p.deleted.length;
  p.fingerprint = JSON.stringify(p.operations.map((o) => [o.kind, o.target, o.kind === 'write' ? o.text : '']));
  return p;
}

const shellWord = (text: string) => (/^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`);

/**
 * The git commands that commit a written change, to run where the user is: `files` are as shown (from `cwd`).
 * From inside the data's repository, git takes them as they are; from outside it (`--data ../club/data`, or
 * $CLUB_DATA), `git add ../club/data/…` is refused ("outside repository"), so the commands name the repository
 * (`git -C ../club`) and the files from its top.
 */
function nextCommit(files: readonly string[], gitRoot: string, cwd: string, message: string, removes: boolean): string {
  const inside = findGitRoot(cwd) === gitRoot;
  const git = inside ? 'git' : `git -C ${shellWord(path.relative(cwd, gitRoot) || '.')}`;
  const named = inside ? files : files.map((f) => path.relative(gitRoot, path.resolve(cwd, f)).split(path.sep).join('/'));
  return `${git} add ${removes ? '-A ' : ''}${named.map(shellWord).join(' ')} && ${git} commit -m "${message}"`;
}

/**
 * What a change does, a line per file, on stderr: the same words whether it
 * was written (`updated data/…`) or only shown by --dry-run (`would update data/…`),
 * with or without a terminal. The diff itself is for a person deciding (at a
 * terminal, before "Write it?") or asking (--dry-run); a script gets the names.
 */
function fileLines(p: Plan, mode: 'done' | 'would'): string {
  const [write, update, rename, remove] = mode === 'done' ? ['wrote', 'updated', 'renamed', 'deleted'] : ['would write', 'would update', 'would rename', 'would delete'];
  return [
    ...p.created.map((f) => `${write} ${f}\n`),
    ...p.updated.map((f) => `${update} ${f}\n`),
    ...p.renamed.map(([from, to]) => `${rename} ${from} → ${to}\n`),
    ...p.deleted.map((f) => `${remove} ${f}\n`),
  ].join('');
}

async function diffStyle(stream: OutStream, io: Io, color: boolean): Promise<DiffStyle> {
  if (colorLevel(stream, io.env, color) === 0) return PLAIN_DIFF;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { header: c.bold, added: c.green, removed: c.red, hunk: c.cyan };
}

async function printDiagnostics(list: readonly Diagnostic[], files: number, io: Io, color: boolean): Promise<void> {
  io.stderr.write(formatText(list, summarize(list, files), await textStyle(colorLevel(io.stderr, io.env, color))));
}

async function loadLocked(options: WriteOptions, io: Io): Promise<LoadedData> {
  return loadData(options, io, { locked: true });
}

/**
 * The one write path of every command. Checks a change against the whole
 * folder; a change that would bring in an error is refused with the
 * diagnostics (at a terminal, the answers at fault are asked again through
 * `hooks.reask`) and nothing is written. At a terminal the change is shown as
 * a diff and confirmed (`--yes` skips the question); `--dry-run` prints the
 * diff and writes nothing. The write itself holds the folder's lock and is all
 * or nothing across a crash (see store/transaction.ts); the warnings the change
 * brings in are printed with it.
 */
export async function writeChange(options: WriteOptions, io: Io, build: (data: LoadedData) => Change, hooks: WriteHooks = {}): Promise<string[]> {
  const dataDir = requireDataDir(chooseDataDir(options.data, io.env, io.cwd), io.cwd);
  const repo = options.commit && !options.dryRun ? findGitRoot(dataDir) : undefined;
  if (options.commit && !options.dryRun && repo === undefined) throw new UsageError('--commit needs the data folder to be in a git repository');
  if (repo) await requireNothingStaged(repo, io.env);
  const interactive = canPrompt(io, options.input);
  const ask = interactive && !options.yes && !options.dryRun;

  const refuse = async (p: Plan): Promise<'again'> => {
    await printDiagnostics(p.introduced.errors, p.checked, io, options.color);
    if (interactive && !options.dryRun && hooks.reask && await hooks.reask(p.introduced.errors)) return 'again';
    throw new RefusedError('refused: the change would make the data invalid; nothing was written', hooks.refusedHint?.(p.introduced.errors) ?? 'correct the values above and run the command again');
  };

  for (;;) {
    let shownPlan: Plan | undefined;
    if (ask || options.dryRun) {
      // Planned without the lock: the user may take a while to answer. It is planned again under the lock, and must come out the same.
      const data = await loadData(options, io);
      const p = await plan(data, build(data), io);
      if (p.introduced.errors.length > 0) {
        await refuse(p);
        continue;
      }
      if (options.dryRun) {
        io.stdout.write(changeDiff(p.files, await diffStyle(io.stdout, io, options.color)));
        if (p.introduced.warnings.length > 0) await printDiagnostics(p.introduced.warnings, p.checked, io, options.color);
        io.stderr.write(p.files.length === 0 ? 'nothing to change\n' : `${fileLines(p, 'would')}dry run: nothing was written\n`);
        return [];
      }
      if (p.files.length === 0) {
        io.stderr.write('nothing to change\n');
        return [];
      }
      io.stderr.write(`\n${changeDiff(p.files, await diffStyle(io.stderr, io, options.color))}\n`);
      if (p.introduced.warnings.length > 0) await printDiagnostics(p.introduced.warnings, p.checked, io, options.color);
      const prompter = await makePrompter(io);
      if (!(await prompter.confirm('Write it?', true))) {
        // A decision, not an interruption: exit 0 (130 is for Ctrl-C).
        await hooks.declined?.();
        io.stderr.write('not written: you answered no; nothing was changed\n');
        return [];
      }
      shownPlan = p;
    }

    const outcome = await withLock(dataDir, async () => {
      await recoverChange(dataDir);
      const data = await loadLocked(options, io);
      const p = await plan(data, build(data), io);
      if (p.introduced.errors.length > 0) return p;
      if (shownPlan && shownPlan.fingerprint !== p.fingerprint) return 'changed' as const;
      if (p.operations.length > 0) await applyChange(dataDir, p.operations);
      return { written: p };
    });
    if (outcome === 'changed') {
      io.stderr.write('club: the folder changed while you were answering; here is the change again\n');
      continue;
    }
    if (!('written' in outcome)) {
      await refuse(outcome);
      continue;
    }
    const p = outcome.written;
    if (p.operations.length === 0) {
      io.stderr.write('nothing to change\n');
      return [];
    }
    io.stderr.write(fileLines(p, 'done'));
    const note = p.created.length > 0 ? noSchemaCopyNote(dataDir) ?? staleSchemaCopyNote(dataDir, io.cwd) : undefined;
    if (note) io.stderr.write(note);
    if (p.introduced.warnings.length > 0 && !shownPlan) await printDiagnostics(p.introduced.warnings, p.checked, io, options.color);
    const files = p.files.flatMap((f) => (f.renamedFrom ? [f.renamedFrom, f.file] : [f.file]));
    const gitRoot = repo ?? findGitRoot(dataDir);
    const next = gitRoot === undefined ? '' : nextCommit(files, gitRoot, io.cwd, p.message, p.deleted.length + p.renamed.length > 0);
    if (repo) {
      let hash: string;
      try {
        hash = await commitFiles(repo, p.touched, p.message, io.env, p.created.length === 0 && p.renamed.length === 0);
      } catch (error) {
        if (!(error instanceof IoError)) throw error;
        // The write is done and stays (it is valid, and a retry would find its id taken); only the commit is missing.
        // The identity example only when git missed one ("Author identity unknown", "empty ident name"): a hook or a
        // signing key that refused is not mended by it.
        const identity = /\bident/i.test(error.message) ? ' (e.g. git config user.name and user.email)' : '';
        throw new IoError(`the change is written but NOT committed: ${error.message}; nothing was staged`,
          `once git can commit${identity}, run: ${next}`);
      }
      io.stderr.write(`committed ${hash}: ${p.message}\n`);
    } else if (gitRoot !== undefined) {
      // Outside a git repository there is nothing to add: the files are written, and that is all there is to say.
      io.stderr.write(`next: ${next}\n`);
    }
    return files;
  }
}
