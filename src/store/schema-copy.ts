import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RecordKind } from '../model/types.js';
import { IoError } from '../errors/errors.js';
import { SCHEMA_DIR, SCHEMA_FILES } from './schemas.js';

/**
 * The data repository's own copy of the schemas: `schemas/` beside the data folder, as `club init`
 * and `club schemas --write` make it (in this clone, the package's schemas themselves). Records and
 * editor settings point at it by relative path, so they work on every machine that clones the
 * repository, not only on the one where club is installed.
 */
export function schemaCopyDir(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), 'schemas');
}

/**
 * The schemas editors are pointed at for a data folder: its repository's copy when it has one;
 * else (a repository made before copies existed) the installed package's, which only this machine has.
 */
export function editorSchemaDir(dataDir: string): string {
  const copy = schemaCopyDir(dataDir);
  return existsSync(path.join(copy, SCHEMA_FILES.defs)) ? copy : SCHEMA_DIR;
}

/**
 * The note a writer prints when new records would name the installed package's schemas (no copy of its own
 * beside the data folder, in a repository or not, so the path works only on this machine); undefined when they name the repository's copy.
 */
export function noSchemaCopyNote(dataDir: string): string | undefined {
  if (editorSchemaDir(dataDir) !== SCHEMA_DIR || schemaCopyDir(dataDir) === path.resolve(SCHEMA_DIR)) return undefined;
  return 'note: this data folder has no schemas/ copy beside it, so new records name the installed club\'s schemas, which only this machine has; run `club schemas --write` so records name schemas every clone has\n';
}

/**
 * The note club prints when the repository's schemas/ copy is not the installed club's (club was upgraded, or the
 * copy edited): editors then check records against other schemas than `club validate` does. Undefined when the
 * copy matches, or there is none, or it is club's own folder (this clone): an up-to-date copy costs a few small reads.
 */
export function staleSchemaCopyNote(dataDir: string, cwd: string): string | undefined {
  const copy = schemaCopyDir(dataDir);
  if (copy === path.resolve(SCHEMA_DIR) || !existsSync(path.join(copy, SCHEMA_FILES.defs))) return undefined;
  const differ: string[] = [];
  for (const name of Object.values(SCHEMA_FILES)) {
    let ours: string;
    let theirs: string | undefined;
    try {
      ours = readFileSync(path.join(SCHEMA_DIR, name), 'utf8');
    } catch {
      return undefined; // an install fault, reported by whatever reads the schemas
    }
    try {
      theirs = readFileSync(path.join(copy, name), 'utf8');
    } catch {
      theirs = undefined;
    }
    if (theirs !== ours) differ.push(name);
  }
  if (differ.length === 0) return undefined;
  const shown = path.relative(cwd, copy).split(path.sep).join('/') || '.';
  return `note: ${shown}/ differs from this club's schemas (${differ.join(', ')}), so editors check records against other schemas than club validate; run \`club schemas --write\` to refresh it (after upgrading club), then commit it\n`;
}

/** The `$schema` path a new record in `folder` (under `dataDir`) names: relative, with forward slashes. */
export function recordSchemaPath(dataDir: string, folder: string, kind: RecordKind): string {
  return path.relative(folder, path.join(editorSchemaDir(dataDir), SCHEMA_FILES[kind])).split(path.sep).join('/');
}

/** The package's schema files, name and text, as a repository's copy holds them (byte for byte). */
export function packageSchemaFiles(): [string, string][] {
  return Object.values(SCHEMA_FILES).map((name) => {
    try {
      return [name, readFileSync(path.join(SCHEMA_DIR, name), 'utf8')];
    } catch (error) {
      throw new IoError(`cannot read the schema ${path.join(SCHEMA_DIR, name)}: ${(error as Error).message}`, 'reinstall club');
    }
  });
}
