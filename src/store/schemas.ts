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

/**
 * Reads every schema of the package. A missing or broken schema is an install fault (exit 3).
 * The texts are read on every call; when they are the ones read last, the documents parsed then are
 * given again (a process that runs many commands, such as the tests, parsed 42 KB of JSON per command).
 * The documents are shared: read them, never change them (structuredClone first).
 */
export function readSchemas(dir: string = SCHEMA_DIR): SchemaDocuments {
  const texts: string[] = [];
  const files: string[] = [];
  for (const name of Object.values(SCHEMA_FILES)) {
    const file = path.join(dir, name);
    try {
      texts.push(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new IoError(`cannot read the schema ${file}: ${(error as Error).message}`, 'reinstall club (npm ci)');
    }
    files.push(file);
  }
  const key = texts.join('\u0000');
  if (last !== undefined && last.key === key) return last.docs;
  const out: Partial<SchemaDocuments> = {};
  Object.keys(SCHEMA_FILES).forEach((kind, i) => {
    try {
      out[kind as RecordKind | 'defs'] = JSON.parse(texts[i]!) as Record<string, unknown>;
    } catch (error) {
      throw notJson(files[i]!, texts[i]!, (error as Error).message);
    }
  });
  const docs = out as SchemaDocuments;
  textOf.set(docs, key);
  last = { key, docs };
  return docs;
}

/** The schemas readSchemas read last, with their texts. */
let last: { key: string; docs: SchemaDocuments } | undefined;
/** The texts each result of readSchemas was parsed from. */
const textOf = new WeakMap<SchemaDocuments, string>();

/** A schema file that is not JSON, at the line and column JSON.parse stopped (Node 20 gives only the offset). */
function notJson(file: string, text: string, message: string): IoError {
  const offset = /at position (\d+)/.exec(message)?.[1];
  let place = '';
  if (offset !== undefined) {
    const before = text.slice(0, Number(offset)).split('\n');
    place = `:${before.length}:${before[before.length - 1]!.length + 1}`;
  }
  const what = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  return new IoError(`the schema ${file}${place} is not valid JSON: ${what}`,
    'fix the JSON there (`git diff -- schemas/` shows what changed in club\'s own clone), or reinstall club (npm ci)');
}

/**
 * The schemas as one text, to tell whether validators compiled earlier still match them: the build
 * keeps it beside the validators, and a run compares the two. Comparing texts is one native call.
 * For documents readSchemas gave, the files' own texts, joined by NUL (nothing to work out: JSON.stringify of
 * 42 KB was ~0.3 ms a command); for any other (a changed copy), their JSON, which never equals such a text:
 * JSON writes a NUL as \u0000.
 */
export function schemaText(docs: SchemaDocuments): string {
  return textOf.get(docs) ?? JSON.stringify(docs);
}
