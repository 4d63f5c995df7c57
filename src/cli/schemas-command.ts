import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir } from '../store/fs-async.js';
import path from 'node:path';
import { findSchemaLine, isMachineOnlySchema, replaceSchemaLine } from '../parse/schema-line.js';
import { KIND_OF, COLLECTIONS } from '../model/types.js';
import { chooseDataDir, findGitRoot, requireDataDir } from '../store/data-dir.js';
import { withLock } from '../store/lock.js';
import { readDataFolder } from '../store/read-folder.js';
import { editorSchemaDir, noSchemaCopyNote, packageSchemaFiles, recordSchemaPath, schemaCopyDir, staleSchemaCopyNote } from '../store/schema-copy.js';
import { SCHEMA_DIR, SCHEMA_FILES } from '../store/schemas.js';
import { applyChange, recoverChange, type FileOperation } from '../store/transaction.js';
import { writeFileAtomic } from '../store/write-file.js';
import type { Io } from './io.js';

/**
 * yaml-language-server's `yaml.schemas` setting for a data folder: each schema (the repository's
 * copy beside the data folder when it has one), by path from the workspace (the git repository's
 * top, else the working directory), mapped to the glob of the files it describes.
 */
export function editorSettings(dataDir: string, workspace: string): Record<string, unknown> {
  const rel = (p: string) => {
    const r = path.relative(workspace, p).split(path.sep).join('/');
    return r.startsWith('..') ? p : `./${r}`;
  };
  const dir = editorSchemaDir(dataDir);
  const data = path.relative(workspace, dataDir).split(path.sep).join('/') || '.';
  const schemas: Record<string, string> = { [rel(path.join(dir, SCHEMA_FILES.club))]: `${data}/club.yaml` };
  for (const c of COLLECTIONS) schemas[rel(path.join(dir, SCHEMA_FILES[KIND_OF[c]]))] = `${data}/${c}/*.yaml`;
  return { 'yaml.schemas': schemas, 'yaml.validate': true, 'yaml.completion': true, 'yaml.hover': true };
}

interface SchemaLineFix {
  /** As shown: relative to the working directory. */
  file: string;
  absolute: string;
  /** What the line named, and what it names now. */
  was: string;
  text: string;
}

/**
 * The records whose `$schema` line names a schema only this machine has (an installed club wrote a path into its
 * install folder before repositories had a copy), each with its text naming what a new record there would name: the repository's copy when it has one.
 */
async function machineSchemaLines(dataDir: string, cwd: string): Promise<SchemaLineFix[]> {
  const repoDir = path.dirname(path.resolve(dataDir));
  const fixes: SchemaLineFix[] = [];
  for (const f of (await readDataFolder(dataDir, cwd)).files) {
    const absolute = path.resolve(cwd, f.file);
    const found = findSchemaLine(f.text);
    if (!found || !isMachineOnlySchema(found.value, path.dirname(absolute), repoDir)) continue;
    const kind = f.collection === 'club' ? 'club' : KIND_OF[f.collection];
    fixes.push({ file: f.file, absolute, was: found.value, text: replaceSchemaLine(f.text, found, recordSchemaPath(dataDir, path.dirname(absolute), kind)) });
  }
  return fixes;
}

const machineLinesNote = (fixes: readonly SchemaLineFix[]) => `note: ${fixes.length === 1 ? '1 record names' : `${fixes.length} records name`} a schema outside this repository in its $schema line (${fixes[0]!.file}: ${fixes[0]!.was}), which only the machine that wrote it has; run \`club schemas --write\` to make ${fixes.length === 1 ? 'it name' : 'them name'} the repository's copy\n`;

/**
 * Rewrites the `$schema` line of the records that name a schema only this machine has, under the folder's lock and
 * all or nothing (the same write path as every command): only that line changes, so git shows one line a file.
 */
async function rewriteMachineSchemaLines(dataDir: string, io: Io): Promise<string[]> {
  return withLock(dataDir, async () => {
    await recoverChange(dataDir);
    const fixes = await machineSchemaLines(dataDir, io.cwd);
    const operations: FileOperation[] = fixes.map((f) => ({ kind: 'write', target: f.absolute, text: f.text, shown: f.file }));
    if (operations.length > 0) await applyChange(dataDir, operations);
    for (const f of fixes) io.stderr.write(`updated ${f.file} ($schema was ${f.was})\n`);
    return fixes.map((f) => f.file);
  });
}

const same = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/**
 * `club schemas`: the schema files records and editors name (the repository's copy when it has one); with --editor, the editor settings that use them; with --write,
 * a copy of them beside the data folder (schemas/), which new records and the editor settings then name.
 */
export async function schemasCommand(options: { data?: string; editor?: boolean; write?: boolean }, io: Io): Promise<number> {
  const choice = chooseDataDir(options.data, io.env, io.cwd);
  // --write writes beside a data folder and into its records: without one, it says so before writing anything.
  const dataDir = options.write ? requireDataDir(choice, io.cwd) : choice.dir;
  if (!options.editor && !options.write) {
    // The files records' $schema lines and the editor settings name: the repository's copy when it has one.
    io.stdout.write(`${Object.values(SCHEMA_FILES).map((f) => path.join(editorSchemaDir(dataDir), f)).join('\n')}\n`);
    // Without a data folder there is no repository of records to speak of: the list above is all there is to say.
    if (!existsSync(dataDir)) return 0;
    const note = noSchemaCopyNote(dataDir) ?? staleSchemaCopyNote(dataDir, io.cwd);
    if (note) io.stderr.write(note);
    const fixes = await machineSchemaLines(dataDir, io.cwd);
    if (fixes.length > 0) io.stderr.write(machineLinesNote(fixes));
    return 0;
  }
  if (options.write) {
    const copy = schemaCopyDir(dataDir);
    const shown = (f: string) => path.relative(io.cwd, f).split(path.sep).join('/') || '.';
    const own = same(copy, SCHEMA_DIR);
    let copied = false;
    if (own) {
      io.stderr.write(`${shown(copy)} are club's own schemas; nothing to copy\n`);
    } else {
      await mkdir(copy, { recursive: true });
      const lines: string[] = [];
      for (const [name, text] of packageSchemaFiles()) {
        const file = path.join(copy, name);
        let before: string | undefined;
        try {
          before = readFileSync(file, 'utf8');
        } catch {
          before = undefined;
        }
        if (before === text) {
          lines.push(`unchanged ${shown(file)}\n`);
          continue;
        }
        await writeFileAtomic(file, text);
        copied = true;
        // A locally edited schema is not replaced silently: the line says its edits are gone (git has them).
        lines.push(before === undefined ? `wrote ${shown(file)}\n` : `replaced ${shown(file)} (it differed from club's)\n`);
      }
      // Up to date: one line, not one per file and a `git add` with nothing to add.
      io.stderr.write(copied ? lines.join('') : `${shown(copy)}/ is up to date: its schemas are this club's\n`);
    }
    // Records written before the repository had a copy name the installed club's schemas: now they can name the copy.
    const rewritten = await rewriteMachineSchemaLines(dataDir, io);
    const added = [...(copied ? [shown(copy)] : []), ...rewritten].map((f) => (/^[\w./-]+$/.test(f) ? f : `'${f.replace(/'/g, "'\\''")}'`)).join(' ');
    if (copied) {
      io.stderr.write(`next: git add ${added}; new records name these schemas, and club schemas --editor > .vscode/settings.json points the editor at them\n`);
    } else if (rewritten.length > 0) {
      io.stderr.write(`next: git add ${added}\n`);
    }
    if (!options.editor) return 0;
  }
  const workspace = findGitRoot(io.cwd) ?? io.cwd;
  io.stdout.write(`${JSON.stringify(editorSettings(dataDir, workspace), null, 2)}\n`);
  return 0;
}
