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
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new IoError(`cannot read the schema ${file}: ${(error as Error).message}`, 'reinstall club (npm ci)');
    }
    try {
      out[kind as RecordKind | 'defs'] = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw notJson(file, text, (error as Error).message);
    }
  }
  return out as SchemaDocuments;
}

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
 * keeps it beside the validators, and a run compares the two. Comparing texts is one native call;
 * a hash of the text, worked out in JavaScript on every run, took milliseconds before it was warm.
 */
export function schemaText(docs: SchemaDocuments): string {
  return JSON.stringify(docs);
}
