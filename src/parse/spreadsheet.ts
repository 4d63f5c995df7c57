import { parse as parseCsv } from 'csv-parse/sync';

/** One cell as the spreadsheet holds it. */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  /** A cell Excel formats as a date: its day, YYYY-MM-DD. */
  | { kind: 'date'; date: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; text: string };

export interface SheetRow {
  /** 1-based, as the spreadsheet program numbers it. */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  /** Header texts, by column (0-based); `''` for a column without one. */
  headers: string[];
  rows: SheetRow[];
}

/** Limits that keep a hostile or broken file from exhausting memory or time. */
export const SHEET_LIMITS = {
  /** Bytes of the file itself. A club of a few hundred members is well under 1 MiB. */
  fileBytes: 10 * 1024 * 1024,
  /** Bytes the parts of an .xlsx unpack to: a zip bomb is refused before it is unpacked. */
  unpackedBytes: 100 * 1024 * 1024,
  /** Parts in an .xlsx. */
  zipEntries: 2_000,
  /** Data rows, and columns. */
  rows: 10_000,
  columns: 200,
} as const;

/** The spreadsheet cannot be read at all: the message says why, for the person who chose the file. */
export class SpreadsheetError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

export type SheetFormat = 'csv' | 'xlsx';

/** The format a file name says, or undefined. */
export function formatOfName(name: string): SheetFormat | 'xls' | undefined {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'xls') return 'xls';
  return undefined;
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** Reads a spreadsheet file's bytes: its first sheet (or the one named), a header row and the rows under it. */
export async function readSheet(bytes: Uint8Array, format: SheetFormat, sheetName?: string): Promise<Sheet> {
  if (bytes.length > SHEET_LIMITS.fileBytes) {
    throw new SpreadsheetError(`the file is ${mib(bytes.length)}; at most ${mib(SHEET_LIMITS.fileBytes)} is read`, 'split it, or remove what is not member data');
  }
  const table = format === 'csv' ? csvTable(bytes) : await xlsxTable(bytes, sheetName);
  return toSheet(table);
}

function toSheet(table: Cell[][]): Sheet {
  const isEmpty = (cells: Cell[]) => cells.every((c) => c.kind === 'empty' || (c.kind === 'text' && c.text.trim() === ''));
  const headerIndex = table.findIndex((cells) => !isEmpty(cells));
  if (headerIndex < 0) throw new SpreadsheetError('the sheet is empty: no header row was found');
  const headerCells = table[headerIndex]!;
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    if (!isEmpty(table[i]!)) rows.push({ row: i + 1, cells: table[i]! });
  }
  if (rows.length > SHEET_LIMITS.rows) throw new SpreadsheetError(`the sheet has ${rows.length} rows; at most ${SHEET_LIMITS.rows} are read`);
  const width = Math.max(headerCells.length, ...rows.map((r) => r.cells.length));
  if (width > SHEET_LIMITS.columns) throw new SpreadsheetError(`the sheet has ${width} columns; at most ${SHEET_LIMITS.columns} are read`);
  const headers = Array.from({ length: width }, (_, i) => {
    const c = headerCells[i];
    return c === undefined ? '' : cellText(c).replace(/\s+/g, ' ').trim();
  });
  return { headers, rows };
}

/** A cell as text, the way it would be shown. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'text': return cell.text;
    case 'number': return String(cell.value);
    case 'bool': return cell.value ? 'TRUE' : 'FALSE';
    case 'date': return cell.date;
    case 'formula': return `=${cell.formula}`;
    case 'error': return cell.text;
    default: return '';
  }
}

// ---------------------------------------------------------------- CSV

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: Excel in Russia saves "CSV" in Windows-1251.
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** The separator the header line uses most: `,`, `;` (Excel in Russia and most of Europe) or a tab. */
function guessDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: first.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/** `'=x` is how `club list --format csv` (and OWASP) keep `=x` from being a formula: read it back as `=x`. */
function unquoteFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function csvTable(bytes: Uint8Array): Cell[][] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new SpreadsheetError('this is a zip file (an .xlsx workbook?), not CSV text', 'name it .xlsx, or save the sheet as CSV');
  }
  const text = decode(bytes);
  if (text.includes('\u0000')) throw new SpreadsheetError('this is not CSV text: it holds binary data', 'save the sheet as CSV (UTF-8) or .xlsx');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      bom: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new SpreadsheetError(`not readable as CSV${e.lines ? ` (line ${e.lines})` : ''}: ${e.message ?? String(error)}`);
  }
  if (records.length > SHEET_LIMITS.rows + 10) throw new SpreadsheetError(`the file has ${records.length} rows; at most ${SHEET_LIMITS.rows} are read`);
  return records.map((r) => r.map((t): Cell => (t === '' ? { kind: 'empty' } : { kind: 'text', text: unquoteFormula(t) })));
}

// ---------------------------------------------------------------- XLSX

/**
 * Adds up what the parts of a zip say they unpack to, from its central directory,
 * so that a zip bomb is refused before a byte of it is inflated.
 */
export function checkZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) {
    const xls = bytes.length >= 8 && view.getUint32(0, false) === 0xd0cf11e0;
    throw new SpreadsheetError(xls ? 'this is an old Excel 97–2003 workbook (.xls), which is not read' : 'this is not an .xlsx workbook (it is not a zip file)',
      'open it in a spreadsheet program and save it as .xlsx, or as CSV (UTF-8)');
  }
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new SpreadsheetError('this .xlsx workbook is damaged: its zip directory is missing (a cut-off download?)');
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) throw new SpreadsheetError('this .xlsx workbook is too large to be read (zip64)');
  if (entries > SHEET_LIMITS.zipEntries) throw new SpreadsheetError(`this .xlsx workbook has ${entries} parts; at most ${SHEET_LIMITS.zipEntries} are read`);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw new SpreadsheetError('this .xlsx workbook is damaged: its zip directory is broken');
    }
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    total += size;
    // Deflate packs at most about 1032:1; a part that claims more is lying about its size.
    if (size === 0xffffffff || total > SHEET_LIMITS.unpackedBytes || (compressed > 0 && size / compressed > 1100)) {
      throw new SpreadsheetError(`this .xlsx workbook unpacks to more than ${mib(SHEET_LIMITS.unpackedBytes)} (a zip bomb?); it is not read`);
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

function isoOfDate(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

type ExcelValue = import('exceljs').CellValue;

function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return value === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', text: '#VALUE!' } : { kind: 'date', date: isoOfDate(value) };
  if ('formula' in value || 'sharedFormula' in value) {
    const v = value as { formula?: string; sharedFormula?: string };
    return { kind: 'formula', formula: v.formula ?? v.sharedFormula ?? '' };
  }
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('richText' in value) return excelCell(value.richText.map((r) => r.text).join(''));
  if ('text' in value) return excelCell(typeof value.text === 'string' ? value.text : (value.text as { richText?: { text: string }[] }).richText?.map((r) => r.text).join('') ?? '');
  return { kind: 'error', text: '#VALUE!' };
}

async function xlsxTable(bytes: Uint8Array, sheetName?: string): Promise<Cell[][]> {
  checkZip(bytes);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new SpreadsheetError(`this .xlsx workbook cannot be read: ${firstLine((error as Error)?.message ?? String(error))}`,
      'open it in a spreadsheet program and save it again as .xlsx, or as CSV (UTF-8)');
  }
  const sheets = workbook.worksheets;
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (sheets.length === 0) throw new SpreadsheetError('this zip file holds no worksheet: it is not an .xlsx workbook', 'open it in a spreadsheet program and save it as .xlsx, or as CSV (UTF-8)');
  if (sheet === undefined) throw new SpreadsheetError(`the workbook has no sheet called "${sheetName}"`, `its sheets: ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
  if (sheet.rowCount > SHEET_LIMITS.rows + 10) throw new SpreadsheetError(`the sheet has ${sheet.rowCount} rows; at most ${SHEET_LIMITS.rows} are read`);
  if (sheet.columnCount > SHEET_LIMITS.columns) throw new SpreadsheetError(`the sheet has ${sheet.columnCount} columns; at most ${SHEET_LIMITS.columns} are read`);
  const table: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = excelCell(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= { kind: 'empty' };
    table[rowNumber - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

const firstLine = (s: string) => s.split('\n', 1)[0]!.slice(0, 200);
