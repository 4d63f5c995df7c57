/**
 * A text yaml writes plain, as it is: starting with a letter or `_`, then letters, digits, single inner
 * spaces and punctuation that means nothing inside a plain text (no `:`, `#`, quote at the start, line break
 * or trailing space), and none of the words the core schema reads as null, true or false. A key too.
 */
export const PLAIN_TEXT = /^[\p{L}_][\p{L}\p{N}_.,'()/@&+-]*(?: [\p{L}\p{N}_.,'()/@&+-]+)*$/u;
export const NOT_TEXT = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** A date or a month as records hold them (`2019-06-20`, `2019-06`), or a meeting's id (`2019-06-20-moscow`): texts in YAML 1.2, written plain. */
export const DATE_TEXT = /^\d{4}-\d{2}(?:-\d{2}(?:-[\p{L}\p{N}_]+)*)?$/u;

/** The text of a scalar in yaml's output when it is written as is, else undefined (yaml decides). */
export function plainScalar(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return (PLAIN_TEXT.test(value) && !NOT_TEXT.test(value)) || DATE_TEXT.test(value) ? value : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

/** A key yaml writes plain (`key: …`): past 1024 characters YAML allows no plain key (yaml writes `? key`). */
const plainKey = (key: string): boolean => key.length <= 1024 && PLAIN_TEXT.test(key) && !NOT_TEXT.test(key);

/**
 * A line yaml could write otherwise: it breaks a plain text with spaces at a space past `lineWidth` columns, and moves
 * a value that starts past `lineWidth` less its least content width (20) and does not fit to the next line, spaces or
 * not. Such lines are left to yaml, with room to spare (where exactly it breaks them is yaml's business).
 */
const mayFold = (lineWidth: number, column: number, text: string): boolean =>
  lineWidth > 0 && column + text.length > lineWidth - 20 && (text.includes(' ') || column > lineWidth - 21);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Thrown inside mappingLines when yaml must write the record; caught in plainYaml. */
const NOT_PLAIN = Symbol('not plain');

/**
 * The lines of a mapping whose keys stand at `indent` spaces; `lead` replaces the first line's indentation (a list
 * item's `- `). Each mapping or list is met once (`seen`): yaml writes one met twice with an anchor and an alias.
 */
function mappingLines(record: Record<string, unknown>, indent: number, lead: string | undefined, lineWidth: number, seen: Set<object>): string {
  if (seen.has(record)) throw NOT_PLAIN;
  seen.add(record);
  const pad = ' '.repeat(indent);
  let out = '';
  for (const key of Object.keys(record)) {
    if (!plainKey(key) || mayFold(lineWidth, indent, key)) throw NOT_PLAIN;
    const value = record[key];
    const start = out === '' && lead !== undefined ? lead : pad;
    if (Array.isArray(value)) {
      if (seen.has(value)) throw NOT_PLAIN;
      seen.add(value);
      if (value.length === 0) {
        out += `${start}${key}: []\n`;
        continue;
      }
      out += `${start}${key}:\n`;
      const itemPad = `${pad}  - `;
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw NOT_PLAIN;
        const item: unknown = value[i];
        if (isPlainObject(item)) {
          if (Object.keys(item).length === 0) throw NOT_PLAIN; // `- {}`
          out += mappingLines(item, indent + 4, itemPad, lineWidth, seen);
        } else {
          const text = plainScalar(item);
          if (text === undefined || mayFold(lineWidth, indent + 4, text)) throw NOT_PLAIN;
          out += `${itemPad}${text}\n`;
        }
      }
    } else if (isPlainObject(value)) {
      if (Object.keys(value).length === 0) throw NOT_PLAIN; // `key: {}`
      out += `${start}${key}:\n${mappingLines(value, indent + 2, undefined, lineWidth, seen)}`;
    } else {
      const text = plainScalar(value);
      if (text === undefined || mayFold(lineWidth, indent + key.length + 2, text)) throw NOT_PLAIN;
      out += `${start}${key}: ${text}\n`;
    }
  }
  return out;
}

/**
 * yaml's `stringify(record, { lineWidth })` (and `new Document(record).toString({ lineWidth })`), byte for byte, for a
 * non-empty mapping whose keys are plain texts and whose values are plain scalars (plainScalar), non-empty mappings of
 * those, and lists of plain scalars or of such mappings, written directly: yaml builds a document of nodes first (about
 * 0.2 ms for a member record). Undefined for anything else, which yaml writes.
 */
export function plainYaml(record: Record<string, unknown>, lineWidth: number): string | undefined {
  if (!isPlainObject(record)) return undefined;
  try {
    const out = mappingLines(record, 0, undefined, lineWidth, new Set());
    return out === '' ? undefined : out;
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

/**
 * plainYaml of a list of such records (`stringify(records, { lineWidth })`): each record a list item, its keys under
 * its first. Undefined for an empty list, a record that is not plain or is empty (`- {}`), or one met twice (an alias).
 */
export function plainYamlList(records: readonly unknown[], lineWidth: number): string | undefined {
  if (records.length === 0) return undefined;
  const seen = new Set<object>();
  let out = '';
  try {
    for (const record of records) {
      if (!isPlainObject(record)) return undefined;
      const lines = mappingLines(record, 2, '- ', lineWidth, seen);
      if (lines === '') return undefined;
      out += lines;
    }
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
  return out;
}
