import type { RecordKind } from './types.js';

// YAML reads an unquoted year (`since: 2008`) as a number. The schemas accept it
// where a partial date is allowed; the model holds every date as a string.
const YEAR_FIELDS: Record<RecordKind, { list?: string; fields: string[] }[]> = {
  club: [
    { fields: ['founded'] },
    { list: 'divisions', fields: ['since'] },
    { list: 'member_countries', fields: ['since', 'until'] },
    { list: 'sister_clubs', fields: ['founded'] },
  ],
  member: [{ fields: ['joined', 'left'] }],
  officer: [{ fields: ['from', 'to'] }],
  meeting: [],
  publication: [{ fields: ['date'] }],
};

function yearsToText(target: Record<string, unknown>, fields: string[]): void {
  for (const f of fields) {
    if (typeof target[f] === 'number') target[f] = String(target[f]);
  }
}

/** Every partial-date field present in a record, with its path. */
export function partialDates(kind: RecordKind, record: object): { path: (string | number)[]; value: unknown }[] {
  const out: { path: (string | number)[]; value: unknown }[] = [];
  const r = record as Record<string, unknown>;
  for (const { list, fields } of YEAR_FIELDS[kind]) {
    if (list === undefined) {
      for (const f of fields) if (r[f] !== undefined) out.push({ path: [f], value: r[f] });
    } else {
      (Array.isArray(r[list]) ? (r[list] as Record<string, unknown>[]) : []).forEach((item, i) => {
        for (const f of fields) if (item[f] !== undefined) out.push({ path: [list, i, f], value: item[f] });
      });
    }
  }
  return out;
}

/**
 * Whether any partial-date field of a record holds a value `test` accepts: what `partialDates`
 * would list, without making a path and an entry for each date (asked of every record).
 */
export function somePartialDate(kind: RecordKind, record: object, test: (value: unknown) => boolean): boolean {
  const r = record as Record<string, unknown>;
  for (const { list, fields } of YEAR_FIELDS[kind]) {
    if (list === undefined) {
      for (const f of fields) if (r[f] !== undefined && test(r[f])) return true;
    } else if (Array.isArray(r[list])) {
      for (const item of r[list] as Record<string, unknown>[]) {
        for (const f of fields) if (item[f] !== undefined && test(item[f])) return true;
      }
    }
  }
  return false;
}

/** Turns numeric years into strings in a schema-valid record, in place. */
export function normalizeYears(kind: RecordKind, record: Record<string, unknown>): void {
  for (const { list, fields } of YEAR_FIELDS[kind]) {
    if (list === undefined) yearsToText(record, fields);
    else if (Array.isArray(record[list])) {
      for (const item of record[list] as unknown[]) if (item && typeof item === 'object') yearsToText(item as Record<string, unknown>, fields);
    }
  }
}
