import { stringify as csvStringify } from 'csv-stringify/sync';
import { stringify as yamlStringify } from 'yaml';
import { countryName } from '../model/countries.js';
import { esc, table } from '../render/markdown-escape.js';
import { displayWidth } from './display-width.js';
import { valuesAt, type FieldInfo } from './fields.js';
import { printable } from '../report/printable.js';
import { plainYamlList } from '../parse/plain-yaml.js';

export type ListFormat = 'table' | 'json' | 'yaml' | 'csv' | 'md' | 'vcard';

export interface Row {
  id: string;
  value: Record<string, unknown>;
}

/** What the record looks like to scripts: its id first, then its fields (all, or those asked for). */
function plainRecord(row: Row, columns: readonly FieldInfo[] | undefined): Record<string, unknown> {
  if (columns === undefined) return { id: row.id, ...row.value };
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const values = c.path === 'id' ? [row.id] : valuesAt(row.value, c.path);
    out[c.path] = c.type === 'list' || (c.path.includes('.') && values.length > 1) ? values : values[0] ?? null;
  }
  return out;
}

/** One cell as people read it: countries by English name, lists joined, nothing for nothing. */
function humanCell(row: Row, c: FieldInfo): string {
  const values = c.path === 'id' ? [row.id] : valuesAt(row.value, c.path);
  return values
    .map((v) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'object') return Object.values(v).filter((x) => typeof x !== 'object').join(', ');
      return c.type === 'country' ? countryName(String(v)) : String(v);
    })
    .filter((s) => s !== '')
    .join(', ');
}

/** One cell as a script reads it: codes as they are, lists joined with `; `. */
function dataCell(row: Row, c: FieldInfo): string {
  const values = c.path === 'id' ? [row.id] : valuesAt(row.value, c.path);
  return values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
}

/**
 * A cell a spreadsheet cannot take for a formula (OWASP, "CSV injection"): text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
 */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Every cell that holds a line break is quoted, a bare CR or LF included, so no value forges a row. */
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

const MAX_CELL = 48;

// Made on first use (a cell wider than MAX_CELL): an Intl.Segmenter costs ~10 ms to make.
let graphemes: Intl.Segmenter | undefined;

/** A cell at most MAX_CELL columns wide: widths are added up grapheme by grapheme, so the cost is linear in the text. */
function fit(text: string): string {
  const one = printable(text.replace(/\s+/g, ' '));
  if (displayWidth(one) <= MAX_CELL) return one;
  let out = '';
  let width = 0;
  for (const { segment } of (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(one)) {
    width += displayWidth(segment);
    if (width > MAX_CELL - 1) break;
    out += segment;
  }
  return `${out}…`;
}

function textTable(rows: readonly Row[], columns: readonly FieldInfo[], bold: (s: string) => string): string {
  const header = columns.map((c) => c.path.toUpperCase());
  const body = rows.map((r) => columns.map((c) => fit(humanCell(r, c))));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((cells) => displayWidth(cells[i]!))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - displayWidth(c)))).join('  ').trimEnd();
  return `${[bold(line(header)), ...body.map(line)].join('\n')}\n`;
}

/**
 * Renders the rows in a format. `columns` are the fields shown by table, csv and
 * md; json and yaml give whole records unless `explicit` columns were asked for.
 */
export function formatRows(rows: readonly Row[], columns: readonly FieldInfo[], explicit: boolean, format: ListFormat, bold: (s: string) => string = (s) => s): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows.map((r) => plainRecord(r, explicit ? columns : undefined)), null, 2)}\n`;
    case 'yaml':
      if (rows.length === 0) return '[]\n';
      const records = rows.map((r) => plainRecord(r, explicit ? columns : undefined));
      // Plain records written directly (yaml builds a document of nodes first, ~20 µs a field); the rest by yaml.
      return plainYamlList(records, 0) ?? yamlStringify(records, { lineWidth: 0 });
    case 'csv':
      return csvStringify([columns.map((c) => csvSafe(c.path)), ...rows.map((r) => columns.map((c) => csvSafe(dataCell(r, c))))], CSV_OPTIONS);
    case 'md':
      return `${table(columns.map((c) => esc(c.path)), rows.map((r) => columns.map((c) => esc(humanCell(r, c)))))}\n`;
    default:
      return textTable(rows, columns, bold);
  }
}
