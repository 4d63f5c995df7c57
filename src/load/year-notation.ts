import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import { partialDates, somePartialDate } from '../model/normalize.js';
import type { RecordKind } from '../model/types.js';
import type { Locate } from './schema-check.js';

// Four digits, then the end of the plain scalar: a space, a line end, or a flow
// separator (`#` right after a digit would be part of a text, never a number).
const FOUR_DIGITS = /^[0-9]{4}(?![^\s,\]}])/;

/** A number the schema takes for a year; other numbers are the schema's to refuse (not a whole number, not a year in range). */
const isYear = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999;

/**
 * An unquoted year counts only when written as four plain digits. YAML reads
 * `1e3`, `0x7E3`, `2019.0` or `+2019` as the numbers 1000 and 2019, which the
 * schema's year range accepts, so the written form is checked here, where the
 * text is at hand, on both parse paths alike.
 */
export function yearNotation(kind: RecordKind, value: Record<string, unknown>, text: string, file: string, locate: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!somePartialDate(kind, value, isYear)) return out; // most records: no year written as a number

  let lines: string[] | undefined;
  for (const { path, value: v } of partialDates(kind, value)) {
    if (!isYear(v)) continue;
    const at = locate(path);
    lines ??= (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
    const written = (lines[at.line - 1] ?? '').slice(at.column - 1);
    if (FOUR_DIGITS.test(written)) continue;
    const shown = /^[^\s,\]}#]*/.exec(written)?.[0] || String(v);
    out.push({
      code: 'invalid-format', severity: 'error', file, ...at, path: formatPath(path),
      message: `\`${formatPath(path)}\` must be a year written as four digits, not \`${shown.slice(0, 40)}\``,
      hint: `write the year as ${v} (or the date as YYYY-MM-DD)`,
    });
  }
  return out;
}
