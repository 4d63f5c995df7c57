import path from 'node:path';

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
