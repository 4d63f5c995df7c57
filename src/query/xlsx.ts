import { isFullDate } from '../model/dates.js';
import { valuesAt, type FieldInfo } from './fields.js';
import { displayWidth } from './display-width.js';
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
  let widest = displayWidth(header) + 3; // room for the filter button
  for (const v of values) {
    if (v === null) continue;
    const w = v instanceof Date ? DATE_WIDTH : Math.max(...String(v).split('\n').map((line) => displayWidth(line)));
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
  return stampZip(new Uint8Array(buffer as ArrayBuffer), created);
}

/**
 * Sets every part's time in a zip to `when` (the zip library stamps the clock's),
 * so the same data and as-of date give the same bytes, and a committed workbook
 * changes only when its data does.
 */
export function stampZip(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dosTime = 0; // midnight
  const dosDate = ((Math.max(1980, when.getUTCFullYear()) - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let end = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return zip;
  let offset = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (view.getUint32(offset, true) !== 0x02014b50) break;
    view.setUint16(offset + 12, dosTime, true);
    view.setUint16(offset + 14, dosDate, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, dosTime, true);
      view.setUint16(local + 12, dosDate, true);
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return zip;
}
