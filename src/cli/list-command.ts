import { fieldCatalogue } from '../query/fields.js';
import { runList, SHEET_COLUMNS } from '../query/list.js';
import { listDecisions } from '../query/decision-list.js';
import type { FieldInfo } from '../query/fields.js';
import type { Row } from '../query/output.js';
import { formatRows, type ListFormat } from '../query/output.js';
import { slugify } from '../model/slug.js';
import { KIND_OF, type Collection } from '../model/types.js';
import { renderVcards } from '../query/vcard.js';
import { EXIT, UsageError } from '../errors/errors.js';
import { boldStyle, colorLevel, type Io } from './io.js';
import { loadData, warnIfInvalid } from './load-data.js';
import { resolveToday } from './today.js';
import { formatForFile } from './file-format.js';
import { writeOutput } from './output-file.js';

const LIST_FORMATS = ['table', 'json', 'yaml', 'csv', 'md', 'xlsx', 'vcard'] as const;

export interface ListOptions {
  data?: string;
  asOf?: string;
  color: boolean;
  where: string[];
  sort: string[];
  fields?: string;
  limit?: string;
  format: ListFormat | 'xlsx';
  /** Write to this file (atomically) instead of stdout. */
  output?: string;
  /** CSV starts with a UTF-8 byte-order mark, so Excel reads its Cyrillic and Chinese right. */
  bom?: boolean;
}

/** `club list <collection>`: records as a table for people, or JSON/YAML/CSV/Markdown. */
export async function listCommand(collection: Collection | 'decisions', given: Omit<ListOptions, 'format'> & { format?: ListOptions['format'] }, io: Io): Promise<number> {
  // -o members.xlsx means --format xlsx, as -o roster.docx does for documents; a clash is refused.
  const format = formatForFile(given.output, given.format, LIST_FORMATS, 'a list') as ListOptions['format'] | undefined;
  const options: ListOptions = { ...given, format: format ?? 'table' };
  if (options.bom && options.format !== 'csv') throw new UsageError('--bom is for --format csv');
  if (options.format === 'xlsx' && options.output === undefined && io.stdout.isTTY) {
    throw new UsageError('an Excel workbook is not for a terminal', 'write it to a file with -o members.xlsx, or redirect: > members.xlsx');
  }
  if (options.format === 'vcard' && collection !== 'members') {
    throw new UsageError(`--format vcard is for members, not ${collection}`, 'club list members --format vcard > members.vcf');
  }
  if (options.format === 'vcard' && options.fields !== undefined) {
    throw new UsageError('--fields does not go with --format vcard: a card has the fields a phone reads', 'leave out --fields');
  }
  if (options.asOf !== undefined) resolveToday(options.asOf, {}, io.now()); // the same check as everywhere: a real YYYY-MM-DD
  let limit: number | undefined;
  if (options.limit !== undefined) {
    limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not \`${options.limit}\``);
  }
  if (collection === 'decisions') {
    // For decisions --as-of is the day their status (open, done, overdue) is reckoned on.
    const data = await loadData(options, io);
    const { rows, columns, warnings } = listDecisions(data.club, {
      where: options.where,
      sort: options.sort,
      fields: options.fields?.split(',').map((f) => f.trim()).filter((f) => f !== ''),
      limit,
      today: data.today,
    });
    for (const w of warnings) io.stderr.write(`club: warning: ${w}\n`);
    warnIfInvalid(data, io);
    return deliverRows(rows, columns, collection, data.today, data.club.info?.data.name ?? '', options, io);
  }
  // Here --as-of picks the records in force on a date; the folder is still checked as of today.
  const data = await loadData({ ...options, asOf: undefined }, io);
  const fields = fieldCatalogue(KIND_OF[collection], data.schemaDocs);
  const { rows, columns, warnings } = runList(data.records, fields, {
    collection,
    where: options.where,
    asOf: options.asOf,
    sort: options.sort,
    fields: options.fields?.split(',').map((f) => f.trim()).filter((f) => f !== '')
      ?? (options.format === 'xlsx' || options.format === 'csv' ? SHEET_COLUMNS[collection] : undefined),
    limit,
    info: data.club.info?.data,
  });
  for (const w of warnings) io.stderr.write(`club: warning: ${w}\n`);
  warnIfInvalid(data, io);
  return deliverRows(rows, columns, collection, data.today, data.club.info?.data.name ?? '', options, io);
}

/** The extension a file of each list format has, for the example in a hint. */
const FILE_EXTENSION: Partial<Record<string, string>> = { table: 'txt', vcard: 'vcf' };

/** Rows in the format asked for, to stdout or (-o) to a file. */
async function deliverRows(rows: readonly Row[], columns: readonly FieldInfo[], collection: string, today: string, clubName: string, options: ListOptions, io: Io): Promise<number> {
  let out: string | Uint8Array;
  if (options.format === 'xlsx') {
    const { xlsxOfRows } = await import('../query/xlsx.js');
    // The workbook's own dates are the as-of day, so the same data gives the same workbook properties.
    out = await xlsxOfRows(rows, columns, collection, new Date(`${today}T00:00:00Z`));
  } else if (options.format === 'vcard') {
    out = renderVcards(rows, slugify(clubName) || 'club');
  } else {
    const bold = options.output === undefined ? await boldStyle(colorLevel(io.stdout, io.env, options.color)) : (s: string) => s;
    out = `${options.bom ? '\ufeff' : ''}${formatRows(rows, columns, options.fields !== undefined, options.format, bold)}`;
  }
  if (options.output !== undefined) {
    await writeOutput(io, options.output, out, `${collection}.${FILE_EXTENSION[options.format] ?? options.format}`);
    io.stderr.write(`wrote ${options.output}\n`);
  } else if (rows.length > 0 || options.format !== 'table') io.stdout.write(out as string);
  if (rows.length === 0 && options.format === 'table') {
    // A header alone reads like a fault: on the screen, a person is told instead that nothing matched (a file
    // given with -o keeps its header row; data formats stay as they are: empty).
    const where = options.where.map((w) => `--where ${w}`).join(' ');
    io.stderr.write(where === '' ? `no ${collection} to list\n` : `no ${collection} match ${where}\n`);
  }
  return EXIT.ok;
}
