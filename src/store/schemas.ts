import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { RecordKind } from '../model/types.js';
import { IoError } from '../errors/errors.js';

/** The schemas/ folder of this package (beside src/ and .build/). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export const SCHEMA_FILES: Record<RecordKind | 'defs', string> = {
  defs: 'defs.schema.json',
  club: 'club.schema.json',
  member: 'member.schema.json',
  officer: 'officer.schema.json',
  meeting: 'meeting.schema.json',
  publication: 'publication.schema.json',
};

export type SchemaDocuments = Record<RecordKind | 'defs', Record<string, unknown>>;

/** Reads every schema of the package. A missing or broken schema is an install fault (exit 3). */
export function readSchemas(dir: string = SCHEMA_DIR): SchemaDocuments {
  const out: Partial<SchemaDocuments> = {};
  for (const [kind, name] of Object.entries(SCHEMA_FILES)) {
    const file = path.join(dir, name);
    try {
      out[kind as RecordKind | 'defs'] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new IoError(`cannot read the schema ${file}: ${(error as Error).message}`, 'reinstall club (npm ci)');
    }
  }
  return out as SchemaDocuments;
}

/**
 * A fingerprint of the schemas, to tell whether validators compiled earlier still match them:
 * two 32-bit FNV-1a hashes of their text (with different seeds). Not a defence against anyone,
 * only against a stale build; and it spares every run loading node:crypto for a SHA-256.
 */
export function schemaHash(docs: SchemaDocuments): string {
  const text = JSON.stringify(docs);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
