import type { Club, Loaded } from '../model/club.js';
import type { RawRecord } from '../load/load.js';
import { KIND_OF, type IsoDate, type RecordKind } from '../model/types.js';
import type { Diagnostic, FieldPath } from '../diagnostics/diagnostic.js';
import type { Rule } from './rules/rule.js';

/** The top-level field a diagnostic's path is in (`agenda[2].presenter` → `agenda`), or '' for the whole record. */
const fieldOf = (path: string): string => path.split(/[.[]/, 1)[0] ?? '';

/**
 * Runs the rules once more with each record that failed its schema check added
 * back without its failing fields, so one pass shows every problem: a meeting
 * with `status: Held` and an unknown attendee reports both, not the status first
 * and the attendee after it is fixed. Only what these runs find in such records'
 * own files is returned; the valid records' diagnostics come from the first run.
 */
export function rulesOnValidFields(club: Club, records: readonly RawRecord[], found: readonly Diagnostic[], rules: readonly Rule[], asOf: IsoDate): Diagnostic[] {
  const invalid = records.filter((r) => !r.valid);
  if (invalid.length === 0) return [];
  const failed = new Map<string, Set<string>>();
  for (const d of found) {
    if (d.severity !== 'error') continue;
    let fields = failed.get(d.file);
    if (fields === undefined) failed.set(d.file, (fields = new Set()));
    fields.add(fieldOf(d.path));
  }
  const more: Club = {
    ...club,
    members: [...club.members],
    officers: [...club.officers],
    meetings: [...club.meetings],
    publications: [...club.publications],
    byId: {
      members: new Map(club.byId.members),
      officers: new Map(club.byId.officers),
      meetings: new Map(club.byId.meetings),
      publications: new Map(club.byId.publications),
    },
  };
  const kept = new Map<string, Record<string, unknown>>();
  for (const r of invalid) {
    const bad = failed.get(r.file) ?? new Set<string>();
    const data: Record<string, unknown> = Object.create(null);
    const leftOut: string[] = [];
    for (const [key, value] of Object.entries(r.value)) {
      if (!bad.has(key)) data[key] = value;
      else leftOut.push(key);
    }
    // leftOut: what the rules do not see, so one that compares whole records (duplicate-record) can say so.
    const record = { kind: KIND_OF[r.collection] as RecordKind, id: r.id, file: r.file, data, leftOut, locate: (path: FieldPath, at?: 'value' | 'key') => r.locate(path, at) } as unknown as Loaded<RecordKind>;
    kept.set(r.file, data);
    (more[r.collection] as Loaded<RecordKind>[]).push(record);
    const index = more.byId[r.collection] as Map<string, Loaded<RecordKind>>;
    if (!index.has(r.id)) index.set(r.id, record);
  }
  const seen = new Set(found.map(key));
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    let result: Diagnostic[];
    try {
      result = rule(more, asOf);
    } catch {
      // A rule may need a field that failed (a meeting without its date): it then says nothing more about these records.
      continue;
    }
    for (const d of result) {
      // A rule that reads a field the schema refused (left out here) or that is missing speaks of a value that is not there.
      const data = kept.get(d.file);
      const field = fieldOf(d.path);
      if (data === undefined || seen.has(key(d)) || (field !== '' && !(field in data))) continue;
      seen.add(key(d));
      out.push(d);
    }
  }
  return out;
}

const key = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
