import type { Loaded } from '../../model/club.js';
import type { RecordKind } from '../../model/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/** The value as text with its mappings' keys sorted: two records alike in every field give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).filter((k) => k !== 'id').sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return typeof value === 'bigint' ? `${value}n` : JSON.stringify(value) ?? 'undefined';
}

/**
 * Two records of one collection alike in everything but their id (`duplicate-record`, a warning): a
 * record copied under another file name would otherwise count twice (one person listed twice).
 */
export const duplicateRecords = (club: { members: Loaded<'member'>[]; officers: Loaded<'officer'>[]; meetings: Loaded<'meeting'>[]; publications: Loaded<'publication'>[] }): Diagnostic[] => {
  const out: Diagnostic[] = [];
  for (const list of [club.members, club.officers, club.meetings, club.publications] as Loaded<RecordKind>[][]) {
    // A cheap first look at 100,000 records: the field that most tells records apart (a member's name, an
    // officer's member, a meeting's date, a publication's title); whole records are compared only within a group.
    const groups = new Map<string, Loaded<RecordKind>[]>();
    for (const r of list) {
      const d = r.data as unknown as Record<string, unknown>;
      const first = d.name ?? d.member ?? d.date ?? d.title;
      const key = typeof first === 'string' ? first : '';
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [r]);
      else group.push(r);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const seen = new Map<string, Loaded<RecordKind>>();
      for (const r of group) {
        const text = canonical(r.data);
        const other = seen.get(text);
        if (other === undefined) { seen.set(text, r); continue; }
        out.push({
          code: 'duplicate-record', severity: 'warning', file: r.file, line: 1, column: 1, path: '',
          message: `this record is the same as ${other.file} in every field but its id: one record under two names counts twice`,
          hint: `remove one of the two files (or, if both are meant, make them differ)`,
        });
      }
    }
  }
  return out;
};
