import { fieldCatalogue } from '../query/fields.js';
import { runList } from '../query/list.js';
import { formatRows, type ListFormat } from '../query/output.js';
import { KIND_OF, type Collection } from '../model/types.js';
import { EXIT, UsageError } from '../errors/errors.js';
import { boldStyle, colorLevel, type Io } from './io.js';
import { loadData, warnIfInvalid } from './load-data.js';
import { resolveToday } from './today.js';

export interface ListOptions {
  data?: string;
  asOf?: string;
  color: boolean;
  where: string[];
  sort: string[];
  fields?: string;
  limit?: string;
  format: ListFormat;
}

/** `club list <collection>`: records as a table for people, or JSON/YAML/CSV/Markdown. */
export async function listCommand(collection: Collection, options: ListOptions, io: Io): Promise<number> {
  if (options.asOf !== undefined) resolveToday(options.asOf, {}, io.now()); // the same check as everywhere: a real YYYY-MM-DD
  let limit: number | undefined;
  if (options.limit !== undefined) {
    limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not \`${options.limit}\``);
  }
  // Here --as-of picks the records in force on a date; the folder is still checked as of today.
  const data = await loadData({ ...options, asOf: undefined }, io);
  const fields = fieldCatalogue(KIND_OF[collection], data.schemaDocs);
  const { rows, columns } = runList(data.records, fields, {
    collection,
    where: options.where,
    asOf: options.asOf,
    sort: options.sort,
    fields: options.fields?.split(',').map((f) => f.trim()).filter((f) => f !== ''),
    limit,
  });
  warnIfInvalid(data, io);
  const bold = await boldStyle(colorLevel(io.stdout, io.env, options.color));
  io.stdout.write(formatRows(rows, columns, options.fields !== undefined, options.format, bold));
  return EXIT.ok;
}
