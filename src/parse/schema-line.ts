import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The comment that points editors (yaml-language-server) at a record's schema; club writes it as a record's first line. */
export const SCHEMA_LINE_PREFIX = '# yaml-language-server: $schema=';

const SCHEMA_LINE = /^#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)[ \t]*\r?$/m;

export interface SchemaLine {
  /** 1-based. */
  line: number;
  /** Where the line starts and ends in the text (without its line break). */
  start: number;
  end: number;
  /** The schema named, as written. */
  value: string;
}

/** The record's `$schema` comment line, when it has one. */
export function findSchemaLine(text: string): SchemaLine | undefined {
  const m = SCHEMA_LINE.exec(text);
  if (!m) return undefined;
  const start = m.index;
  const end = start + m[0].replace(/\r$/, '').length;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
  return { line, start, end, value: m[1]! };
}

/**
 * Whether a `$schema` value works only on the machine that wrote it: an absolute path or file: URL, or a
 * relative path that leads out of the repository (`repoDir`, the folder holding data/ and schemas/), such as
 * one into an installed club (`../../../../usr/lib/node_modules/club/schemas/member.schema.json`).
 * A web address is not: every clone reaches it.
 */
export function isMachineOnlySchema(value: string, recordFolder: string, repoDir: string): boolean {
  if (/^file:/i.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (path.isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\')) return true;
  const relative = path.relative(path.resolve(repoDir), path.resolve(recordFolder, value));
  return relative.startsWith('..') || path.isAbsolute(relative);
}

/** The text with its `$schema` line naming `value`; nothing else changes (the line break and the rest stay byte for byte). */
export function replaceSchemaLine(text: string, found: SchemaLine, value: string): string {
  return `${text.slice(0, found.start)}${SCHEMA_LINE_PREFIX}${value}${text.slice(found.end)}`;
}

/**
 * `schema-path-outside`: the record's `$schema` line names a schema only this machine has. Cheap enough
 * for every file: only a text whose first character is `#` is looked at, and then only its leading
 * comment lines; a value is judged once per collection folder (`seen`), as records repeat it.
 * A record file sits in data/<collection>/ (club.yaml in data/), and the repository is the folder holding data/.
 */
export function schemaPathOutside(text: string, collection: string, file: string, seen: Map<string, boolean>): Diagnostic | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.charCodeAt(bom) !== 35) return undefined; // '#'
  let end = bom;
  while (text.charCodeAt(end) === 35) {
    const newline = text.indexOf('\n', end);
    if (newline < 0) { end = text.length; break; }
    end = newline + 1;
  }
  const found = findSchemaLine(text.slice(bom, end));
  if (found === undefined) return undefined;
  const key = `${collection}\n${found.value}`;
  let outside = seen.get(key);
  if (outside === undefined) {
    const repo = path.resolve('/', 'club-repository');
    outside = isMachineOnlySchema(found.value, collection === 'club' ? path.join(repo, 'data') : path.join(repo, 'data', collection), repo);
    seen.set(key, outside);
  }
  if (!outside) return undefined;
  const lineText = text.slice(bom + found.start, bom + found.end);
  return {
    code: 'schema-path-outside', severity: 'warning',
    message: `the \`$schema\` line names \`${found.value}\`, a path outside this repository: editors elsewhere will not find the schema`,
    hint: 'run `club schemas --write` to point it at the repository\'s copy in schemas/',
    file, line: found.line, column: lineText.lastIndexOf(found.value) + 1, path: '',
  };
}
