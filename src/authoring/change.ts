import { Document } from 'yaml';
import { quoteTimes } from './yaml-times.js';
import { SCHEMA_LINE_PREFIX } from '../parse/schema-line.js';
import type { TextFile } from '../load/load.js';
import type { IsoDate } from '../model/types.js';
import { checkFiles } from '../validate/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaChecker } from '../load/schema-check.js';

/** The text of a new record file: a line that points editors at its schema, then the fields in schema order. */
export function newRecordText(record: Record<string, unknown>, schemaPath: string): string {
  const doc = new Document(record);
  quoteTimes(doc);
  return `${SCHEMA_LINE_PREFIX}${schemaPath}\n${doc.toString({ lineWidth: 0 })}`;
}

/** Drops fields with no value, so a record holds only what was given. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T;
}

const key = (d: Diagnostic) => `${d.file}\u0000${d.code}\u0000${d.path}\u0000${d.message}`;

export interface Introduced {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * The problems a change would bring into the folder: the folder is checked as
 * it would be (with `changed` files in place and `removed` ones gone), and only
 * problems it did not have already (`baseline`, the check of the folder as it
 * is) count, so a change is not refused, nor warned about, for an old problem.
 */
export function introducedBy(
  baseline: readonly Diagnostic[], before: readonly TextFile[], changed: readonly TextFile[], removed: readonly string[], schemas: SchemaChecker, today: IsoDate,
): Introduced {
  const old = new Set(baseline.map(key));
  const byFile = new Map(before.map((f) => [f.file, f]));
  for (const r of removed) byFile.delete(r);
  for (const f of changed) byFile.set(f.file, f);
  const fresh = checkFiles([...byFile.values()], schemas, today).diagnostics.filter((d) => !old.has(key(d)));
  // A new record names the installed club's schemas when the repository has no copy: the writer's one note
  // (schema-copy.ts noSchemaCopyNote) says so and what to run, not a warning per record written.
  return { errors: fresh.filter((d) => d.severity === 'error'), warnings: fresh.filter((d) => d.severity === 'warning' && d.code !== 'schema-path-outside') };
}

/** The errors a change would bring into the folder (see `introducedBy`). */
export function errorsIntroduced(
  baseline: readonly Diagnostic[], before: readonly TextFile[], changed: readonly TextFile[], schemas: SchemaChecker, today: IsoDate,
): Diagnostic[] {
  return introducedBy(baseline, before, changed, [], schemas, today).errors;
}
