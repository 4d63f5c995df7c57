import type { RawRecord } from '../load/load.js';
import type { Collection } from '../model/types.js';

export interface RecordRef {
  collection: Collection;
  id: string;
}

const key = (r: RecordRef) => `${r.collection}/${r.id}`;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** The records a record names by id (club.yaml's lists aside). */
export function referencesOf(record: RawRecord): RecordRef[] {
  const v = record.value;
  const members = (ids: string[]) => ids.map((id) => ({ collection: 'members' as const, id }));
  switch (record.collection) {
    case 'officers':
      return members(strings(v.member));
    case 'meetings': {
      const agenda = Array.isArray(v.agenda) ? v.agenda : [];
      const presenters = agenda.flatMap((a) => (a && typeof a === 'object' ? strings((a as Record<string, unknown>).presenter) : []));
      const decisions = Array.isArray(v.decisions) ? v.decisions : [];
      const responsible = decisions.flatMap((d) => (d && typeof d === 'object' ? strings((d as Record<string, unknown>).responsible) : []));
      return members([...strings(v.chair), ...strings(v.attendees), ...strings(v.apologies), ...presenters, ...responsible]);
    }
    case 'publications':
      return strings(v.meetings).map((id) => ({ collection: 'meetings' as const, id }));
    default:
      return [];
  }
}

/**
 * The changed records and their neighbours: every record that refers to a
 * changed one (it may now point at nothing) and every record a changed one
 * refers to (a new reference may make it wrong, such as a term overlapping
 * another). Deleted records count as changed.
 */
export function withNeighbours(records: readonly RawRecord[], changed: readonly RecordRef[]): Set<string> {
  const out = new Set(changed.map(key));
  const changedKeys = new Set(out);
  for (const r of records) {
    const refs = referencesOf(r).map(key);
    if (changedKeys.has(key(r))) for (const k of refs) out.add(k);
    else if (refs.some((k) => changedKeys.has(k))) out.add(key(r));
  }
  // Terms of one position are checked against each other: a changed term brings its siblings.
  const positions = new Set(records.filter((r) => r.collection === 'officers' && changedKeys.has(key(r))).map((r) => r.value.position));
  for (const r of records) if (r.collection === 'officers' && positions.has(r.value.position)) out.add(key(r));
  return out;
}
