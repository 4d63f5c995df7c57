import { chooseDataDir, requireDataDir } from '../store/data-dir.js';
import { listDataFolder } from '../store/read-folder.js';
import { changePending } from '../store/pending-change.js';
import { readSchemas, type SchemaDocuments } from '../store/schemas.js';
import { checkFiles, type CheckResult } from '../validate/check.js';
import type { TextFile } from '../load/load.js';
import { capPerFile, compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileSchemas, type SchemaChecker } from '../load/schema-check.js';
import { precompiledValidators } from '../store/validators.js';
import type { Io } from './io.js';
import { resolveToday } from './today.js';
import { RefusedError } from '../errors/errors.js';

export interface LoadedData extends CheckResult {
  dataDir: string;
  /** The text of every readable file, for checking a change against the folder. */
  files: TextFile[];
  today: string;
  schemaDocs: SchemaDocuments;
  checker: SchemaChecker;
  /** Problems of reading, parsing, schemas and rules, in a stable order. */
  diagnostics: Diagnostic[];
  /** How many files were looked at, readable or not. */
  fileCount: number;
  /** Every record file looked at, readable or not, as shown to the user. */
  checkedFiles: string[];
}

/** The edge every command stands on: find the data folder, read it, check it. */
export async function loadData(options: { data?: string; asOf?: string }, io: Io, how: { locked?: boolean } = {}): Promise<LoadedData> {
  const today = resolveToday(options.asOf, io.env, io.now());
  const dataDir = requireDataDir(chooseDataDir(options.data, io.env, io.cwd), io.cwd);
  // A change a killed process left half-done is finished (or its leftovers removed) before anything reads the folder.
  if (!how.locked && await changePending(dataDir)) {
    // Loaded only then: a command that only reads does not pay for the lock and the writer.
    const [{ withLock }, { recoverChange }] = await Promise.all([import('../store/lock.js'), import('../store/transaction.js')]);
    const done = await withLock(dataDir, () => recoverChange(dataDir));
    if (done === 'rolled-forward') io.stderr.write('club: finished a change that an interrupted club command had started\n');
  }
  const folder = await listDataFolder(dataDir, io.cwd);
  const schemaDocs = readSchemas();
  const checker = compileSchemas(schemaDocs, precompiledValidators(schemaDocs));
  // Each file is read as the loader comes to it, and let go once checked: one text alive at a time.
  const result = checkFiles(folder.readEach(), checker, today);
  const textFiles: TextFile[] = folder.files; // complete now that every file has been read
  return {
    ...result,
    dataDir,
    files: textFiles,
    today,
    schemaDocs,
    checker,
    diagnostics: capPerFile([...folder.diagnostics, ...result.diagnostics].sort(compareDiagnostics)),
    fileCount: folder.files.length + new Set(folder.diagnostics.map((d) => d.file)).size,
    checkedFiles: [...folder.files.map((f) => f.file), ...new Set(folder.diagnostics.map((d) => d.file))],
  };
}

/**
 * For queries and documents: one line on stderr when the folder has errors, so a partial answer is not taken for a whole one.
 * A `--check` of a committed document (`check`, its file) fails instead: a check against a folder with errors proves
 * nothing, and a warning inside a CI job that stays green is read by nobody.
 */
export function warnIfInvalid(data: LoadedData, io: Io, check?: string): void {
  const errors = data.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const files = new Set(errors.map((d) => d.file)).size;
  const counted = `${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  if (check !== undefined) {
    throw new RefusedError(`${check} was not checked: the data folder has ${counted}`, 'fix them first (run `club validate`), then check again');
  }
  io.stderr.write(`club: warning: the data folder has ${counted}; the answer may be incomplete (run \`club validate\`)\n`);
}
