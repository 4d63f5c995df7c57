import type { RawRecord } from '../load/load.js';
import { isMemberOn, termCoversDate } from '../model/membership.js';
import type { ClubInfo, Collection, IsoDate, Member, OfficerTerm } from '../model/types.js';
import { UsageError } from '../errors/errors.js';
import type { FieldInfo } from './fields.js';
import { requireField } from './field-names.js';
import type { Row } from './output.js';
import { matches, parseWhereFor } from './where.js';
import { parseSort, sortRecords } from './sort.js';
import type { KnownValue, RecordIds } from './known-values.js';

/** The columns a table shows when --fields is not given. */
export const DEFAULT_COLUMNS: Record<Collection, string[]> = {
  members: ['id', 'name', 'country', 'category', 'organization', 'division', 'joined', 'left'],
  officers: ['id', 'position', 'member', 'from', 'to'],
  meetings: ['id', 'date', 'kind', 'status', 'division', 'venue.city', 'title'],
  publications: ['id', 'date', 'outlet', 'title', 'meetings'],
};

/**
 * The columns of a spreadsheet (xlsx, csv) when --fields is not given, where they differ from the table's: a
 * members sheet carries every field \`club import members\` reads, so that exported, edited and imported again
 * (into this club or another) it loses nothing. The table on a screen stays short.
 */
export const SHEET_COLUMNS: Partial<Record<Collection, string[]>> = {
  members: ['id', 'name', 'name_native', 'country', 'category', 'organization', 'title', 'division', 'joined', 'left', 'email', 'phone', 'languages', 'notes'],
};

/** The order when --sort is not given. */
export const DEFAULT_SORT: Record<Collection, string[]> = {
  members: ['name', 'id'],
  officers: ['from', 'position', 'id'],
  meetings: ['date', 'id'],
  publications: ['date', 'id'],
};

export interface ListQuery {
  collection: Collection;
  where: string[];
  /** Only members and officer terms in force on this date. */
  asOf?: IsoDate | undefined;
  sort: string[];
  fields?: string[] | undefined;
  limit?: number | undefined;
  /** club.yaml, for the codes of divisions, outlets and positions and their names. */
  info?: ClubInfo | undefined;
}

export interface ListResult {
  rows: Row[];
  columns: FieldInfo[];
  /** A --where value that is no known code or name, with the nearest ones. */
  warnings: string[];
}

/** Filters, sorts, limits and picks columns: a pure function of the records and the query. */
export function runList(records: readonly RawRecord[], fields: readonly FieldInfo[], q: ListQuery): ListResult {
  // The ids a reference (member=, meetings=) may name, made only when a condition asks.
  const made = new Map<Collection, KnownValue[]>();
  const ids: RecordIds = (collection) => {
    let known = made.get(collection);
    if (known === undefined) {
      known = records.filter((r) => r.collection === collection).map((r) => ({
        code: r.id, names: [r.value.name, r.value.name_native].filter((n): n is string => typeof n === 'string' && n !== ''),
      }));
      made.set(collection, known);
    }
    return known;
  };
  const parsed = q.where.map((w) => parseWhereFor(w, fields, q.info, ids));
  const conditions = parsed.map((p) => p.condition);
  const warnings = parsed.flatMap((p) => (p.warning === undefined ? [] : [p.warning]));
  const keys = parseSort(q.sort.length > 0 ? q.sort : DEFAULT_SORT[q.collection], fields);
  const columns = (q.fields ?? DEFAULT_COLUMNS[q.collection]).map((f) => requireField(f, fields, '--fields'));
  const inForce = asOfFilter(q.collection, q.asOf);

  const rows = records
    .filter((r) => r.collection === q.collection)
    .map((r) => ({ id: r.id, value: r.value }))
    .filter((r) => inForce(r.value) && conditions.every((c) => matches({ id: r.id, ...r.value }, c)));
  const sorted = sortRecords(rows, keys, (r) => ({ id: r.id, ...r.value }));
  return { rows: q.limit === undefined ? sorted : sorted.slice(0, q.limit), columns, warnings };
}

function asOfFilter(collection: Collection, asOf: IsoDate | undefined): (value: Record<string, unknown>) => boolean {
  if (asOf === undefined) return () => true;
  switch (collection) {
    // The records here may be invalid (`left: {x: 1}`): a date that is not text places nothing in time.
    case 'members':
      return (v) => isDateText(v.joined) && isDateText(v.left ?? '') && isMemberOn(v as unknown as Member, asOf);
    case 'officers':
      return (v) => isDateText(v.from) && isDateText(v.to ?? '') && termCoversDate(v as unknown as OfficerTerm, asOf);
    default:
      throw new UsageError(`--as-of selects members and officer terms in force on a date; ${collection} are not in force`,
        `for ${collection}, use --where date<=${asOf}`);
  }
}

const isDateText = (value: unknown): value is string => typeof value === 'string';
