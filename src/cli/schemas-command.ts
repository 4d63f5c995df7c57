import { readFileSync, realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { KIND_OF, COLLECTIONS } from '../model/types.js';
import { chooseDataDir, findGitRoot } from '../store/data-dir.js';
import { editorSchemaDir, noSchemaCopyNote, packageSchemaFiles, schemaCopyDir } from '../store/schema-copy.js';
import { SCHEMA_DIR, SCHEMA_FILES } from '../store/schemas.js';
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
  const dataDir = chooseDataDir(options.data, io.env, io.cwd).dir;
  if (!options.editor && !options.write) {
    // The files records' $schema lines and the editor settings name: the repository's copy when it has one.
    io.stdout.write(`${Object.values(SCHEMA_FILES).map((f) => path.join(editorSchemaDir(dataDir), f)).join('\n')}\n`);
    const note = noSchemaCopyNote(dataDir);
    if (note) io.stderr.write(note);
    return 0;
  }
  if (options.write) {
    const copy = schemaCopyDir(dataDir);
    const shown = (f: string) => path.relative(io.cwd, f).split(path.sep).join('/') || '.';
    if (same(copy, SCHEMA_DIR)) {
      io.stderr.write(`${shown(copy)} are club's own schemas; nothing to copy\n`);
    } else {
      await mkdir(copy, { recursive: true });
      for (const [name, text] of packageSchemaFiles()) {
        const file = path.join(copy, name);
        let before: string | undefined;
        try {
          before = readFileSync(file, 'utf8');
        } catch {
          before = undefined;
        }
        if (before === text) {
          io.stderr.write(`unchanged ${shown(file)}\n`);
          continue;
        }
        await writeFileAtomic(file, text);
        // A locally edited schema is not replaced silently: the line says its edits are gone (git has them).
        io.stderr.write(before === undefined ? `wrote ${shown(file)}\n` : `replaced ${shown(file)} (it differed from club's)\n`);
      }
      io.stderr.write(`next: git add ${shown(copy)}; new records name these schemas, and club schemas --editor > .vscode/settings.json points the editor at them\n`);
    }
    if (!options.editor) return 0;
  }
  const workspace = findGitRoot(io.cwd) ?? io.cwd;
  io.stdout.write(`${JSON.stringify(editorSettings(dataDir, workspace), null, 2)}\n`);
  return 0;
}
