import { countryName } from '../model/countries.js';
import { earliest } from '../model/dates.js';
import { valuesAt, type FieldInfo } from './fields.js';
import { requireField } from './field-names.js';

export interface SortKey {
  field: FieldInfo;
  descending: boolean;
}

let made: Intl.Collator | undefined;
/**
 * Names the way people expect them: case and accents aside, numbers by value, Latin, Cyrillic and Chinese each in
 * their order. The Intl.Collator is made on first use: making it cost ~10 ms of every run of a command that imports
 * this file (appoint, leave, add-member…), most of which never compare two names.
 */
export const collator = { compare: (a: string, b: string): number => (made ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' })).compare(a, b) };

/** `name`, `-date` (descending) → sort keys on known fields. */
export function parseSort(specs: readonly string[], fields: readonly FieldInfo[]): SortKey[] {
  return specs.map((spec) => {
    const descending = spec.startsWith('-');
    return { field: requireField(descending ? spec.slice(1) : spec, fields, '--sort'), descending };
  });
}

function sortValue(record: unknown, field: FieldInfo): string | number | undefined {
  const v = valuesAt(record, field.path)[0];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  if (field.type === 'country') return countryName(String(v));
  if (field.type === 'date') return earliest(String(v));
  return String(v);
}

/** Orders records by the keys in turn; records with no value for a key come last, whatever the direction. */
export function sortRecords<T>(records: readonly T[], keys: readonly SortKey[], valueOf: (r: T) => unknown): T[] {
  return [...records].sort((ra, rb) => {
    for (const key of keys) {
      const a = sortValue(valueOf(ra), key.field);
      const b = sortValue(valueOf(rb), key.field);
      if (a === undefined || b === undefined) {
        if (a !== b) return a === undefined ? 1 : -1;
        continue;
      }
      const d = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
      if (d !== 0) return key.descending ? -d : d;
    }
    return 0;
  });
}
