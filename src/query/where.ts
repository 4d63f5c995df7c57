import { countryName } from '../model/countries.js';
import { earliest, isRealDate } from '../model/dates.js';
import { UsageError } from '../errors/errors.js';
import { valuesAt, type FieldInfo } from './fields.js';
import { requireField } from './field-names.js';

export type Operator = '=' | '!=' | '~' | '<' | '<=' | '>' | '>=';

export interface Condition {
  field: FieldInfo;
  op: Operator;
  value: string;
}

const SYNTAX = /^\s*([A-Za-z_][\w.]*)\s*(!=|<=|>=|=|~|<|>)(.*)$/s;

/** `country=FI`, `name~li`, `joined<2018-03-01`, `venue.city!=Moscow` → a condition on a known field. */
export function parseWhere(text: string, fields: readonly FieldInfo[]): Condition {
  const m = SYNTAX.exec(text);
  if (!m) {
    throw new UsageError(`--where \`${text}\` is not FIELD OPERATOR VALUE`,
      'operators: = != ~ (contains) < <= > >= ; e.g. --where country=FI --where joined<2018-03-01');
  }
  const field = requireField(m[1]!, fields, '--where');
  const op = m[2] as Operator;
  const value = m[3]!.trim();
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (field.type === 'date') {
      if (!isRealDate(value)) throw new UsageError(`--where ${text}: \`${value}\` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
    } else if (field.type === 'number') {
      if (value === '' || Number.isNaN(Number(value))) throw new UsageError(`--where ${text}: \`${value}\` is not a number`);
    } else {
      throw new UsageError(`--where ${text}: ${op} compares dates and numbers, and \`${field.path}\` is neither`, 'use = != or ~ (contains)');
    }
  }
  return { field, op, value };
}

const fold = (s: string) => s.toLocaleLowerCase('en');

function equals(v: unknown, wanted: string, field: FieldInfo): boolean {
  if (v === null || typeof v === 'object') return false;
  const text = String(v);
  if (field.type === 'country') return fold(text) === fold(wanted) || fold(countryName(text)) === fold(wanted);
  // A date matches a shorter one it falls in: joined=2019 matches 2019-06-16.
  if (field.type === 'date') return text.startsWith(wanted) || wanted.startsWith(text);
  return fold(text) === fold(wanted);
}

function contains(v: unknown, wanted: string, field: FieldInfo): boolean {
  if (v === null || typeof v === 'object') return false;
  const text = fold(String(v));
  const w = fold(wanted);
  return text.includes(w) || (field.type === 'country' && fold(countryName(String(v))).includes(w));
}

function compare(v: unknown, wanted: string, field: FieldInfo): number | undefined {
  if (field.type === 'number') return typeof v === 'number' ? v - Number(wanted) : undefined;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const a = earliest(String(v));
  const b = earliest(wanted);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Does the record satisfy the condition? A field that is absent satisfies only `!=`. */
export function matches(record: unknown, c: Condition): boolean {
  const values = valuesAt(record, c.field.path);
  switch (c.op) {
    case '=':
      return values.some((v) => equals(v, c.value, c.field));
    case '!=':
      return !values.some((v) => equals(v, c.value, c.field));
    case '~':
      return values.some((v) => contains(v, c.value, c.field));
    default:
      return values.some((v) => {
        const d = compare(v, c.value, c.field);
        if (d === undefined) return false;
        return c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : d >= 0;
      });
  }
}
