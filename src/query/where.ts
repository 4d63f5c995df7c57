import { countryNames, countrySearchNames } from '../model/countries.js';
import { earliest, isRealDate } from '../model/dates.js';
import { findByName, searchFold, textMatches } from '../model/search-text.js';
import type { ClubInfo } from '../model/types.js';
import { UsageError } from '../errors/errors.js';
import { valuesAt, type FieldInfo } from './fields.js';
import { requireField } from './field-names.js';
import { knownValues, referenceOf, resolveKnown, suggestKnown, type RecordIds } from './known-values.js';

export type Operator = '=' | '!=' | '~' | '<' | '<=' | '>' | '>=';

export interface Condition {
  field: FieldInfo;
  op: Operator;
  value: string;
  /** For `=` and `!=` on a coded field: the codes the value means (`Россия` → RU). */
  codes?: string[];
}

export interface ParsedWhere {
  condition: Condition;
  /** Said on stderr: a coded field asked for a value that is no code or name of one. */
  warning?: string;
}

/**
 * A condition, resolved against the codes of its field: `country=Россия`,
 * `country=russia` and `country=ru` all mean RU, `division=Saint Petersburg`
 * the division in that city. A value that is none of them matches nothing and
 * says so, with the nearest, instead of printing nothing in silence.
 */
export function parseWhereFor(text: string, fields: readonly FieldInfo[], info: ClubInfo | undefined, ids?: RecordIds): ParsedWhere {
  const condition = parseWhere(text, fields);
  if (condition.op !== '=' && condition.op !== '!=') return { condition };
  const known = knownValues(condition.field, info, ids);
  if (known === undefined) return { condition };
  const refers = ids === undefined ? undefined : referenceOf(condition.field);
  // A member as every command that writes takes one: by the id, or the name or native name as it is written.
  const codes = resolveKnown(condition.value, known);
  if (codes.length > 0) return { condition: { ...condition, codes } };
  // A whole name only once transliterated (`attendees=王丽`, whose Latin is Wang Li, as is 王力's) is not taken:
  // it selects what a document or a write works on, so it is answered with whom it may mean.
  let hint: string | undefined;
  if (refers === 'members') {
    const found = findByName(condition.value, known.map((k) => ({ id: k.code, names: k.names })));
    if (found.transliterated) {
      hint = `did you mean ${[...found.ids].sort().map((id) => { const k = known.find((x) => x.code === id)!; return `\`${id}\`${k.names.length > 0 ? ` (${k.names.join(' / ')})` : ''}`; }).join(' or ')}? (\`${condition.value}\` matches only when transliterated)`;
    }
  }
  // A reference (member=, meetings=) names a record: "no member has the id or name `nobody`".
  const what = refers !== undefined ? refers.replace(/s$/, '') : condition.field.type === 'country' ? 'country' : condition.field.path;
  hint ??= suggestKnown(condition.value, known, condition.field.type === 'country');
  return {
    condition: { ...condition, codes: [] },
    warning: `--where ${text.trim()}: no ${what} has the ${refers !== undefined ? 'id' : 'code'} or name \`${condition.value}\`${hint ? `; ${hint}` : ''}`,
  };
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

// Case, accents and ё/е aside: `novak` finds Novák, `семен` finds Семён.
const fold = searchFold;

function equals(v: unknown, wanted: string, field: FieldInfo, codes?: readonly string[]): boolean {
  if (v === null || typeof v === 'object') return false;
  const text = String(v);
  // The codes the value means, or the value as written (a record with errors may hold `China`).
  if (codes !== undefined) return codes.some((c) => fold(c) === fold(text)) || fold(text) === fold(wanted);
  if (field.type === 'country') return fold(text) === fold(wanted) || countrySearchNames(text).some((n) => fold(n) === fold(wanted));
  // A date matches a shorter one it falls in: joined=2019 matches 2019-06-16.
  if (field.type === 'date') return text.startsWith(wanted) || wanted.startsWith(text);
  return fold(text) === fold(wanted);
}

/** Contains, in any script: `name~иван` finds Иванов И.И. and, transliterated, Ivanov I.I. */
function contains(v: unknown, wanted: string, field: FieldInfo): boolean {
  if (v === null || typeof v === 'object') return false;
  return textMatches(wanted, [String(v), ...(field.type === 'country' ? countryNames(String(v)) : [])]);
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
  // A person's name is also the name in their own script.
  if (c.field.path === 'name') values.push(...valuesAt(record, 'name_native'));
  switch (c.op) {
    case '=':
      return values.some((v) => equals(v, c.value, c.field, c.codes));
    case '!=':
      return !values.some((v) => equals(v, c.value, c.field, c.codes));
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
