import type { Loaded } from '../../model/club.js';
import type { RecordKind } from '../../model/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { slugify } from '../../model/slug.js';

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
 * Whether a record's id is the one club would give it (a member's Latin name, a publication's outlet and date):
 * of two copies, that one is the likelier original. The transliterating id of a non-Latin name is not worked out
 * here (it loads pinyin tables on every run for a rare warning); such a pair falls back to the ids and the file order.
 */
function derivedId(r: Loaded<RecordKind>): boolean {
  const d = r.data as unknown as Record<string, unknown>;
  if (r.kind === 'member') return typeof d.name === 'string' && slugify(d.name) === r.id;
  if (r.kind === 'publication') return `${String(d.outlet)}-${String(d.date)}` === r.id;
  if (r.kind === 'meeting') return typeof d.date === 'string' && r.id.startsWith(`${d.date}-`);
  return false;
}

/** Fields of a record the schema refused, left out before the rules ran (see valid-fields.ts): not compared. */
function leftOut(r: Loaded<RecordKind>): readonly string[] {
  return (r as { leftOut?: readonly string[] }).leftOut ?? [];
}

/** What the two records share: every field, or every field club knows when one of them has fields it refused. */
function alikeIn(copy: Loaded<RecordKind>, original: Loaded<RecordKind>): string {
  const list = (keys: readonly string[]) => keys.map((k) => `\`${k}\``).join(', ');
  const own = leftOut(copy);
  const theirs = leftOut(original);
  if (own.length === 0 && theirs.length === 0) return 'in every field but its id';
  const not = [
    ...(own.length > 0 ? [`${list(own)} in this file`] : []),
    ...(theirs.length > 0 ? [`${list(theirs)} in ${original.file}`] : []),
  ].join(' and ');
  return `in every field club knows but its id (not compared: ${not}, which the schema refuses)`;
}

/**
 * Two records of one collection alike in everything but their id (`duplicate-record`, a warning): a
 * record copied under another file name would otherwise count twice (one person listed twice). The warning
 * sits on the likelier copy, naming the other file: the record whose id is not the one club would give it
 * when the other's is (a copy saved as `a-copy.yaml` beside `ivanov-i-i.yaml`), else the one whose id extends the
 * other's (`ivanov-copy`, `ivanov-2` beside `ivanov`), else the later file.
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
      const alike = new Map<string, Loaded<RecordKind>[]>();
      for (const r of group) {
        const text = canonical(r.data);
        const same = alike.get(text);
        if (same === undefined) alike.set(text, [r]);
        else same.push(r);
      }
      for (const same of alike.values()) {
        if (same.length < 2) continue;
        const original = same.find(derivedId)
          ?? same.find((r) => same.every((o) => o === r || o.id.startsWith(`${r.id}-`))) // ivanov beside ivanov-copy, ivanov-2
          ?? same[0]!;
        for (const r of same) {
          if (r === original) continue;
          out.push({
            code: 'duplicate-record', severity: 'warning', file: r.file, line: 1, column: 1, path: '',
            message: `this record is the same as ${original.file} ${alikeIn(r, original)}: one record under two names counts twice`,
            hint: `remove one of the two files (or, if both are meant, make them differ)`,
          });
        }
      }
    }
  }
  return out;
};
