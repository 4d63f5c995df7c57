import path from 'node:path';
import { KIND_OF, COLLECTIONS } from '../model/types.js';
import { chooseDataDir, findGitRoot } from '../store/data-dir.js';
import { SCHEMA_DIR, SCHEMA_FILES } from '../store/schemas.js';
import type { Io } from './io.js';

/**
 * yaml-language-server's `yaml.schemas` setting for a data folder: each schema,
 * by path from the workspace (the git repository's top, else the working
 * directory), mapped to the glob of the files it describes.
 */
export function editorSettings(dataDir: string, workspace: string): Record<string, unknown> {
  const rel = (p: string) => {
    const r = path.relative(workspace, p).split(path.sep).join('/');
    return r.startsWith('..') ? p : `./${r}`;
  };
  const data = path.relative(workspace, dataDir).split(path.sep).join('/') || '.';
  const schemas: Record<string, string> = { [rel(path.join(SCHEMA_DIR, SCHEMA_FILES.club))]: `${data}/club.yaml` };
  for (const c of COLLECTIONS) schemas[rel(path.join(SCHEMA_DIR, SCHEMA_FILES[KIND_OF[c]]))] = `${data}/${c}/*.yaml`;
  return { 'yaml.schemas': schemas, 'yaml.validate': true, 'yaml.completion': true, 'yaml.hover': true };
}

/** `club schemas`: where the schemas are; with --editor, the editor settings that use them. */
export async function schemasCommand(options: { data?: string; editor?: boolean }, io: Io): Promise<number> {
  if (!options.editor) {
    io.stdout.write(`${Object.values(SCHEMA_FILES).map((f) => path.join(SCHEMA_DIR, f)).join('\n')}\n`);
    return 0;
  }
  const dataDir = chooseDataDir(options.data, io.env, io.cwd).dir;
  const workspace = findGitRoot(io.cwd) ?? io.cwd;
  io.stdout.write(`${JSON.stringify(editorSettings(dataDir, workspace), null, 2)}\n`);
  return 0;
}
