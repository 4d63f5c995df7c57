import { Document } from 'yaml';
import { quoteTimes } from './yaml-times.js';
import { plainYaml } from '../parse/plain-yaml.js';
import { SCHEMA_LINE_PREFIX } from '../parse/schema-line.js';
import type { TextFile } from '../load/load.js';
import type { IsoDate } from '../model/types.js';
import { checkFiles } from '../validate/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaChecker } from '../load/schema-check.js';

/** The text of a new record file: a line that points editors at its schema, then the fields in schema order. */
export function newRecordText(record: Record<string, unknown>, schemaPath: string): string {
  // A record of plain texts, numbers and lists (most members and officers) is written directly, as yaml would write it.
  const plain = plainYaml(record, 0);
  if (plain !== undefined) return `${SCHEMA_LINE_PREFIX}${schemaPath}\n${plain}`;
  const key = plainData(record) ? `${schemaPath}\u0000${JSON.stringify(record)}` : undefined;
  const known = key === undefined ? undefined : madeTexts.get(key);
  if (known !== undefined) return known;
  const doc = new Document(record);
  quoteTimes(doc);
  const text = `${SCHEMA_LINE_PREFIX}${schemaPath}\n${doc.toString({ lineWidth: 0 })}`;
  if (key !== undefined) {
    if (madeTexts.size >= 4096) madeTexts.clear();
    madeTexts.set(key, text);
  }
  return text;
}

/**
 * The texts newRecordText made, by schema path and record: a writer makes each new record's text twice (an import checks
 * its rows with the folder, then writeChange plans the same records again under the lock), and yaml's Document and
 * stringify are most of the cost of a new record (~0.2 ms each: 200 rows' texts were ~15 % of an import's CPU).
 * Only for records JSON tells apart exactly (plainData), so an equal key means the same text.
 */
const madeTexts = new Map<string, string>();

/**
 * Text, finite numbers, booleans, null, and lists and plain mappings of those, each list or mapping met once: what
 * JSON.stringify writes one way only. A list or mapping met twice is written by yaml with an anchor and an alias
 * (`&a1`, `*a1`), which JSON does not show: such a record is not remembered.
 */
function plainData(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.every((item) => plainData(item, seen));
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(value as object).every((item) => plainData(item, seen));
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
