import { lazyCollator } from '../model/collation.js';
import { countryName } from '../model/countries.js';
import { earliest } from '../model/dates.js';
import { valuesAt, type FieldInfo } from './fields.js';
import { requireField } from './field-names.js';

export interface SortKey {
  field: FieldInfo;
  descending: boolean;
}

/**
 * Names the way people expect them: case and accents aside, numbers by value, Latin, Cyrillic and Chinese each in
 * their order (Intl.Collator('en', numeric, base)). Two texts of printable ASCII are compared without it
 * (model/collation.ts); the collator, ~7.5 ms to make, is made only for a text in another script.
 */
export const collator = lazyCollator('en');

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
