import stringWidth from 'string-width';
import { isFullDate } from '../model/dates.js';
import { valuesAt, type FieldInfo } from './fields.js';
import type { Row } from './output.js';

type CellValue = string | number | boolean | Date | null;

/** One cell: a full date as a date, a number as a number, a list joined with `; `, anything else as text. */
function cellOf(row: Row, c: FieldInfo): CellValue {
  const values = c.path === 'id' ? [row.id] : valuesAt(row.value, c.path);
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  if (present.length === 1) {
    const v = present[0];
    if (c.type === 'date' && typeof v === 'string' && isFullDate(v)) {
      const [y, m, d] = v.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d));
    }
    if (typeof v === 'number' || typeof v === 'boolean') return v;
  }
  return present.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const DATE_WIDTH = 12;

/** How wide a column must be for its widest line, in Excel's character units (a CJK character counts two). */
function widthOf(values: readonly CellValue[], header: string): number {
  let widest = stringWidth(header) + 3; // room for the filter button
  for (const v of values) {
    if (v === null) continue;
    const w = v instanceof Date ? DATE_WIDTH : Math.max(...String(v).split('\n').map((line) => stringWidth(line)));
    widest = Math.max(widest, w + 2);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest));
}

/**
 * The rows as an Excel workbook: one sheet named for the collection, a bold header
 * row that stays in view (frozen) with filters on, columns as wide as their text,
 * full dates as date cells. Text is always written as text: a value that starts
 * with `=` is a string in the cell, never a formula.
 */
export async function xlsxOfRows(rows: readonly Row[], columns: readonly FieldInfo[], sheetName: string, created: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'club';
  workbook.created = created;
  workbook.modified = created;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }] });
  const body = rows.map((r) => columns.map((c) => cellOf(r, c)));
  sheet.columns = columns.map((c, i) => ({
    header: c.path,
    key: c.path,
    width: widthOf(body.map((cells) => cells[i]!), c.path),
    ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  for (const cells of body) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).numFmt = '@';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: Math.max(1, columns.length) } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
