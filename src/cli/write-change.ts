import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, isMap, Pair, Scalar, type Document } from 'yaml';
import { compact, errorsIntroduced, newRecordText } from '../authoring/change.js';
import type { TextFile } from '../load/load.js';
import { KIND_OF, type Collection } from '../model/types.js';
import { formatText } from '../report/text.js';
import { summarize } from '../report/summary.js';
import { assertInside, createFileExclusive } from '../store/create-file.js';
import { chooseDataDir, findGitRoot, requireDataDir } from '../store/data-dir.js';
import { commitFiles, requireNothingStaged } from '../store/git.js';
import { withLock } from '../store/lock.js';
import { SCHEMA_DIR, SCHEMA_FILES } from '../store/schemas.js';
import { writeFileAtomic } from '../store/write-file.js';
import { isValidId } from '../model/slug.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import { colorLevel, textStyle, type Io } from './io.js';
import { loadData, type LoadedData } from './load-data.js';

export interface NewRecord {
  collection: Collection;
  id: string;
  record: Record<string, unknown>;
}

export interface RecordEdit {
  collection: Collection;
  id: string;
  /** Changes the parsed document in place; comments, blank lines and key order stay. */
  apply(doc: Document): void;
}

export interface Change {
  creates: NewRecord[];
  edits: RecordEdit[];
  /** The commit message for --commit, e.g. "Add member li-wei". */
  message: string;
}

export interface WriteOptions {
  data?: string;
  asOf?: string;
  color: boolean;
  commit?: boolean;
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

/**
 * Checks a change against the whole folder and writes it, holding the folder's
 * lock: new files are created exclusively (never over an existing one), edited
 * files are replaced atomically; a change that would bring in an error is
 * refused with the diagnostics and nothing is written.
 */
export async function writeChange(options: WriteOptions, io: Io, build: (data: LoadedData) => Change): Promise<string[]> {
  const dataDir = requireDataDir(chooseDataDir(options.data, io.env, io.cwd), io.cwd);
  const repo = options.commit ? findGitRoot(dataDir) : undefined;
  if (options.commit && repo === undefined) throw new UsageError('--commit needs the data folder to be in a git repository');
  if (repo) await requireNothingStaged(repo);

  return withLock(dataDir, async () => {
    const data = await loadData(options, io);
    const change = build(data);
    const shown = (absolute: string) => path.relative(io.cwd, absolute).split(path.sep).join('/');
    const changed: TextFile[] = [];
    const creates: { absolute: string; file: string; text: string }[] = [];
    const edits: { absolute: string; file: string; text: string }[] = [];

    for (const c of change.creates) {
      if (!isValidId(c.id)) {
        throw new UsageError(`\`${c.id}\` is not a valid id: lowercase ASCII letters, digits and single hyphens, at most 80 characters`);
      }
      const absolute = path.join(dataDir, c.collection, `${c.id}.yaml`);
      const file = shown(absolute);
      if (data.records.some((r) => r.collection === c.collection && r.id === c.id) || data.files.some((f) => f.file === file)) {
        throw new RefusedError(`${file} already exists; nothing was written`, 'choose another id with --id');
      }
      const schemaPath = path.relative(path.dirname(absolute), path.join(SCHEMA_DIR, SCHEMA_FILES[KIND_OF[c.collection]])).split(path.sep).join('/');
      const text = newRecordText(compact(c.record), schemaPath);
      creates.push({ absolute, file, text });
      changed.push({ file, collection: c.collection, stem: c.id, text });
    }
    for (const e of change.edits) {
      const absolute = path.join(dataDir, e.collection, `${e.id}.yaml`);
      const file = shown(absolute);
      const before = await readFile(absolute, 'utf8');
      const doc = parseDocument(before);
      e.apply(doc);
      const text = doc.toString({ lineWidth: 0 });
      edits.push({ absolute, file, text });
      changed.push({ file, collection: e.collection, stem: e.id, text });
    }

    const introduced = errorsIntroduced(data.diagnostics, data.files, changed, data.checker, data.today);
    if (introduced.length > 0) {
      io.stderr.write(formatText(introduced, summarize(introduced, changed.length), await textStyle(colorLevel(io.stderr, io.env, options.color))));
      throw new RefusedError('refused: the change would make the data invalid; nothing was written', 'correct the values above and run the command again');
    }

    // A collection folder may not exist yet (git keeps no empty folders); it is made inside the data folder.
    for (const c of creates) await mkdir(path.dirname(c.absolute), { recursive: true });
    for (const f of [...creates, ...edits]) await assertInside(dataDir, f.absolute);
    // Edits first, each atomic, then the new files: a crash in between leaves an
    // ended term without its successor (a vacancy), never two holders at once.
    for (const e of edits) await writeFileAtomic(e.absolute, e.text);
    const written: string[] = [];
    try {
      for (const c of creates) {
        await createFileExclusive(c.absolute, c.text, c.file);
        written.push(c.absolute);
      }
    } catch (error) {
      // Another process won the race for one of the names: take back what this one created.
      for (const w of written) await rm(w, { force: true });
      throw error;
    }
    const files = [...creates, ...edits].map((f) => f.file);
    for (const f of creates) io.stderr.write(`wrote ${f.file}\n`);
    for (const f of edits) io.stderr.write(`updated ${f.file}\n`);
    if (repo) {
      const hash = await commitFiles(repo, [...creates, ...edits].map((f) => f.absolute), change.message);
      io.stderr.write(`committed ${hash}: ${change.message}\n`);
    } else {
      const quoted = files.map((f) => (/^[\w./-]+$/.test(f) ? f : `'${f.replace(/'/g, "'\\''")}'`)).join(' ');
      io.stderr.write(`next: git add ${quoted} && git commit -m "${change.message}"\n`);
    }
    return files;
  });
}
