import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { summarize } from '../report/summary.js';
import { formatText } from '../report/text.js';
import { EXIT, IoError, UsageError } from '../errors/errors.js';
import { colorLevel, textStyle, type Io } from './io.js';
import { loadData, type LoadedData } from './load-data.js';
import { findGitRoot } from '../store/data-dir.js';
import { staleSchemaCopyNote } from '../store/schema-copy.js';
import { SCHEMA_DIR } from '../store/schemas.js';
import type { RecordRef } from '../query/references.js';
import { COLLECTIONS, type Collection } from '../model/types.js';

export interface ValidateOptions {
  data?: string;
  asOf?: string;
  color: boolean;
  format: 'text' | 'json' | 'github' | 'sarif' | 'junit';
  strict: boolean;
  /** true: since the merge base with the default branch; a string: since that ref. */
  changed?: boolean | string;
}

/** `club validate [files…]`: check the whole folder, report on all of it or on the files named. */
export async function validateCommand(named: string[], options: ValidateOptions, io: Io): Promise<number> {
  const data = await loadData(options, io);
  let diagnostics = data.diagnostics;
  let fileCount = data.fileCount;
  const wanted = new Set(named.map((n) => shownPath(n, data.dataDir, io.cwd)));
  if (options.changed !== undefined) {
    if (named.length > 0) throw new UsageError('name files or pass --changed, not both');
    const scope = await changedScope(options.changed, data, io);
    if (scope !== 'all') {
      diagnostics = diagnostics.filter((d) => scope.has(d.file));
      fileCount = scope.size;
      for (const f of scope) wanted.add(f);
    }
  } else if (named.length > 0) {
    diagnostics = diagnostics.filter((d) => wanted.has(d.file));
    fileCount = wanted.size;
  }

  const summary = summarize(diagnostics, fileCount);
  const failed = summary.errors > 0 || (options.strict && summary.warnings > 0);
  // The text report (the default) is always at hand; the others are loaded when asked for: start-up is paid on every run.
  switch (options.format) {
    case 'json': {
      const { formatJson } = await import('../report/json.js');
      io.stdout.write(formatJson(diagnostics, summary, data.today, !failed));
      break;
    }
    case 'github': {
      const { formatGithub } = await import('../report/github.js');
      // Workflow commands on purpose: past the guard that defuses any others.
      (io.commands ?? io.stdout).write(formatGithub(diagnostics, summary));
      break;
    }
    case 'sarif': {
      const [{ formatSarif }, { version }] = await Promise.all([import('../report/sarif.js'), import('./version.js')]);
      io.stdout.write(formatSarif(diagnostics, version()));
      break;
    }
    case 'junit': {
      const { formatJunit } = await import('../report/junit.js');
      io.stdout.write(formatJunit(diagnostics, named.length > 0 ? [...wanted] : data.checkedFiles, options.strict));
      break;
    }
    default:
      io.stderr.write(formatText(diagnostics, summary, await textStyle(colorLevel(io.stderr, io.env, options.color))));
  }
  // The editor's schemas (the repository's copy) are not the ones this club validates with: say so, with the fix.
  const stale = staleSchemaCopyNote(data.dataDir, io.cwd);
  if (stale) io.stderr.write(stale);
  return failed ? EXIT.invalid : EXIT.ok;
}

/**
 * The files --changed reports on, as shown to the user: the records changed since
 * the ref and their neighbours, or 'all' when club.yaml or a schema changed.
 */
async function changedScope(changed: boolean | string, data: LoadedData, io: Io): Promise<Set<string> | 'all'> {
  const repo = findGitRoot(data.dataDir);
  if (repo === undefined) throw new UsageError('--changed needs the data folder to be in a git repository');
  const [{ changedFiles, defaultBase, resolveCommit }, { withNeighbours }] = await Promise.all([import('../store/git.js'), import('../query/references.js')]);
  const commit = await resolveCommit(repo, typeof changed === 'string' ? changed : await defaultBase(repo, io.env), io.env);
  const files = (await changedFiles(repo, commit, io.env)).map((f) => path.join(repo, f));
  const inside = (dir: string, f: string) => { const r = path.relative(dir, f); return r !== '' && !r.startsWith('..') && !path.isAbsolute(r); };
  if (files.some((f) => inside(SCHEMA_DIR, f) || f === path.join(data.dataDir, 'club.yaml'))) return 'all';
  const refs: RecordRef[] = [];
  for (const f of files) {
    if (!inside(data.dataDir, f)) continue;
    const rel = path.relative(data.dataDir, f).split(path.sep);
    // A changed path in the data folder that is not a record club can name: check everything, never nothing.
    if (rel.length !== 2 || !COLLECTIONS.includes(rel[0] as Collection) || !/\.ya?ml$/.test(rel[1]!)) return 'all';
    refs.push({ collection: rel[0] as Collection, id: rel[1]!.replace(/\.ya?ml$/, '') });
  }
  const keys = withNeighbours(data.records, refs);
  const shown = new Set<string>();
  const show = (abs: string) => path.relative(io.cwd, abs).split(path.sep).join('/');
  for (const k of keys) {
    const [collection, id] = k.split('/') as [Collection, string];
    const record = data.records.find((r) => r.collection === collection && r.id === id);
    shown.add(record ? record.file : show(path.join(data.dataDir, collection, `${id}.yaml`)));
  }
  for (const f of files) if (inside(data.dataDir, f)) shown.add(show(f));
  return shown;
}

/** A file named on the command line, as diagnostics show it; it must be a record file of the data folder. */
function shownPath(name: string, dataDir: string, cwd: string): string {
  const absolute = path.resolve(cwd, name);
  const root = realpathSync(dataDir);
  const within = (p: string) => { const r = path.relative(root, p); return r.startsWith('..') || path.isAbsolute(r) ? undefined : r; };
  let real: string;
  try {
    // The file itself as it sits in the data folder (its folders resolved, not the file): a link there that
    // leads out is reported as the whole folder reports it (link-outside-data), not refused as a stranger.
    const sitting = path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
    lstatSync(sitting);
    if (within(sitting) !== undefined && /\.ya?ml$/.test(sitting)) return path.relative(cwd, path.join(dataDir, within(sitting)!)).split(path.sep).join('/');
    real = realpathSync(absolute);
  } catch {
    throw new IoError(`${name}: no such file`);
  }
  const inside = path.relative(root, real);
  if (inside.startsWith('..') || path.isAbsolute(inside) || !/\.ya?ml$/.test(real)) {
    throw new UsageError(`${name} is not a record file of the data folder \`${path.relative(cwd, dataDir) || '.'}\``,
      'name files under the data folder, or pass --data for the folder they belong to');
  }
  return path.relative(cwd, path.join(dataDir, inside)).split(path.sep).join('/');
}
