import { constants } from 'node:fs';
import { createRequire } from 'node:module';
import { open } from '../store/fs-async.js';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Doc } from '../render/doc-tree.js';
import { toMarkdown } from '../render/markdown.js';
import { CATALOGUES } from '../render/locale.js';
import type { IsoDate, Language } from '../model/types.js';
import { isRealDate } from '../model/dates.js';
import { EXIT, IoError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { formatForFile } from './file-format.js';
import { folderNotFile, writeOutput } from './output-file.js';
import { printable } from '../report/printable.js';

export type DocumentFormat = 'md' | 'docx';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['md', 'docx'];

export interface DocumentOutput {
  /** Write the document here, atomically. */
  output?: string;
  /** Compare the document with this committed file; exit 1 when it is stale. */
  check?: string;
  /** Markdown or Word; when left out, the extension of -o or --check decides (`.docx` is Word), else Markdown. */
  format?: string;
  /**
   * The command line as typed (main.ts sets it for commands with --check), so that a stale or missing
   * file's hint is the exact command that regenerates it, with every option that shaped it (--lang ru…).
   */
  commandLine?: readonly string[];
  /** The command's name (main.ts sets it with commandLine): a hint's example file is named after it (`roster.md`). */
  commandName?: string;
}

/** An argument as a POSIX shell reads it back: bare when it is safe, else in single quotes. */
const shellWord = (arg: string) => /^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;

/** What regenerates the --check file: the command as typed with `-o FILE` for `--check FILE`, else just `-o FILE`. */
export function regenerateCommand(options: DocumentOutput): string {
  const file = options.check ?? options.output ?? '';
  if (options.commandLine === undefined) return `-o ${file}`;
  const args: string[] = [];
  const line = options.commandLine;
  for (let i = 0; i < line.length; i++) {
    const arg = line[i]!;
    if (arg === '--check') {
      args.push('-o', line[i + 1] ?? file);
      i++;
    } else if (arg.startsWith('--check=')) args.push('-o', arg.slice('--check='.length));
    else args.push(arg);
  }
  return `\`club ${args.map(shellWord).join(' ')}\``;
}

const DIFF_LINES = 40;

/** The format asked for, or the one the file name implies; a clash between the two is a usage error. */
export function documentFormat(options: DocumentOutput): DocumentFormat {
  if (options.format !== undefined && !(DOCUMENT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be md or docx, not \`${options.format}\``);
  }
  const file = options.output ?? options.check;
  return (formatForFile(file, options.format, DOCUMENT_FORMATS, 'a document') ?? 'md') as DocumentFormat;
}

/**
 * Sends a rendered document to stdout, to a file (-o), or compares it with a committed one (--check),
 * as Markdown or as a Word file. `date` is the as-of date: a Word file records it, so the same data
 * and date give the same bytes.
 */
export async function deliverDocument(doc: Doc, options: DocumentOutput, io: Io, date: string): Promise<number> {
  if (options.output !== undefined && options.check !== undefined) {
    throw new UsageError('-o and --check do not go together', 'write the document with -o, or compare it with --check');
  }
  const format = documentFormat(options);
  if (format === 'docx' && options.output === undefined && options.check === undefined && io.stdout.isTTY) {
    throw new UsageError('a Word file is not shown on a terminal', 'write it with -o FILE.docx, or redirect stdout: club … --format docx > FILE.docx');
  }
  return deliverRendered(await renderAs(doc, format, date), options, io, format);
}

async function renderAs(doc: Doc, format: DocumentFormat, date: string): Promise<string | Uint8Array> {
  if (format === 'md') return toMarkdown(doc);
  const { toDocx } = await import('../render/docx.js'); // docx is loaded only when a Word file is asked for
  // The page frame speaks the document's language.
  return toDocx(doc, { words: (CATALOGUES[doc.language as Language] ?? CATALOGUES.en).docx, date });
}

/**
 * `--check FILE` of a document that shows the data as of a date, when no date was given: the committed
 * file is the current document. It must equal a fresh rendering as of the date it records (its "as of"
 * line; a Word file's created date), and nothing it shows may have changed between that date and today:
 * rendered as of today, with its own date, it must read the same. So a member who joins, an officer's
 * term that ends, make it stale, and a day that passes without a change does not.
 */
export async function checkCurrentDocument(
  options: DocumentOutput, io: Io, today: IsoDate,
  label: (date: IsoDate) => string,
  render: (asOf: IsoDate, dated?: IsoDate) => Doc,
): Promise<number> {
  const file = options.check!;
  if (options.output !== undefined) throw new UsageError('-o and --check do not go together', 'write the document with -o, or compare it with --check');
  const format = documentFormat(options);
  const committed = await readCommitted(file, path.resolve(io.cwd, file), exampleFile(options, format));
  if (committed === undefined) return missing(file, io, regenerateCommand(options));
  const dated = format === 'docx' ? wordFileDate(committed) : markdownDate(committed.toString('utf8'), label);
  if (dated === undefined) {
    // Not a roster club wrote (or one mangled): it is not the current roster either; show how it differs from that.
    return compare(file, committed, await renderAs(render(today), format, today), io, {
      why: `it does not say which date it is as of, and differs from the roster as of today (${today})`,
      hint: `regenerate it with ${regenerateCommand(options)} and commit it`,
    });
  }
  const then = await renderAs(render(dated), format, dated);
  if (!same(committed, then) || dated >= today) return compare(file, committed, then, io, staleHint(options));
  const now = await renderAs(render(today, dated), format, dated);
  if (same(committed, now)) return compare(file, committed, now, io, staleHint(options));
  return compare(file, committed, now, io, {
    why: `it is as of ${dated}, and what it shows has changed since: as of today (${today}) it reads differently`,
    hint: `regenerate it as of today with ${regenerateCommand(options)} and commit it`,
  });
}

type Fflate = typeof import('fflate');
/** fflate, loaded on first use (--check of a Word file): its tables cost every document command's run a few ms. */
let fflate: Fflate | undefined;

/** The date a Word file club wrote records (its created date, which is the date it is as of). */
function wordFileDate(bytes: Buffer): IsoDate | undefined {
  const { strFromU8, unzipSync } = (fflate ??= createRequire(import.meta.url)('fflate') as Fflate);
  try {
    const core = unzipSync(new Uint8Array(bytes), { filter: (f) => f.name === 'docProps/core.xml' })['docProps/core.xml'];
    const date = core && /<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})T/.exec(strFromU8(core))?.[1];
    return date && isRealDate(date) ? date : undefined;
  } catch {
    return undefined; // not a zip: it cannot be the document either
  }
}

/**
 * The date in a Markdown document's "as of" line: each year written near its top is tried, day by day,
 * in the document's own words (`label`), so any language club writes is read back.
 */
function markdownDate(text: string, label: (date: IsoDate) => string): IsoDate | undefined {
  const head = text.slice(0, 4096);
  const years = [...new Set([...head.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => Number(m[1])))];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= 31; day++) {
        const date = `${year}-${pad(month)}-${pad(day)}`;
        if (isRealDate(date) && head.includes(label(date))) return date;
      }
    }
  }
  return undefined;
}

/** The same for a text that is not a document tree (a calendar): stdout, -o, or --check. */
export async function deliverText(text: string, options: DocumentOutput, io: Io, format: { format: string; what: string }): Promise<number> {
  if (options.output !== undefined && options.check !== undefined) {
    throw new UsageError('-o and --check do not go together', 'write the document with -o, or compare it with --check');
  }
  formatForFile(options.output ?? options.check, undefined, [format.format], format.what);
  return deliverRendered(text, options, io, format.format);
}

/** The file a hint suggests naming (`roster.md`): the command's name, the format's extension. */
const exampleFile = (options: DocumentOutput, extension: string) => `${options.commandName ?? 'document'}.${extension}`;

async function deliverRendered(rendered: string | Uint8Array, options: DocumentOutput, io: Io, extension: string): Promise<number> {
  if (options.check !== undefined) return checkDocument(options.check, rendered, io, options, extension);
  if (options.output !== undefined) {
    // Relative to the command's working directory (io.cwd), as list -o and import read theirs.
    await writeOutput(io, options.output, rendered, exampleFile(options, extension));
    io.stderr.write(`wrote ${options.output}\n`);
    return EXIT.ok;
  }
  io.stdout.write(rendered);
  return EXIT.ok;
}

function missing(file: string, io: Io, command: string): number {
  io.stderr.write(`club: ${file} does not exist; write it with ${command}\n`);
  return EXIT.invalid;
}

const same = (committed: Buffer, fresh: string | Uint8Array) => Buffer.compare(committed, typeof fresh === 'string' ? Buffer.from(fresh, 'utf8') : fresh) === 0;

async function checkDocument(file: string, fresh: string | Uint8Array, io: Io, options: DocumentOutput, extension: string): Promise<number> {
  const committed = await readCommitted(file, path.resolve(io.cwd, file), exampleFile(options, extension));
  if (committed === undefined) return missing(file, io, regenerateCommand(options));
  return compare(file, committed, fresh, io, staleHint(options));
}

/** Up to date (exit 0), or stale (exit 1) with a diff of a text file, saying why when it is not the plain difference. */
const staleHint = (options: DocumentOutput) => ({ why: 'it differs from a fresh rendering', hint: `regenerate it with ${regenerateCommand(options)} and commit it` });

function compare(file: string, committed: Buffer, fresh: string | Uint8Array, io: Io, stale: { why: string; hint: string }): number {
  if (same(committed, fresh)) {
    io.stderr.write(`${file} is up to date\n`);
    return EXIT.ok;
  }
  if (typeof fresh !== 'string') {
    // A Word file is a zip: its bytes say nothing to a person, so no diff, only what to do.
    io.stderr.write(`club: ${file} is stale: ${stale.why}\n  hint: ${stale.hint}\n`);
    return EXIT.invalid;
  }
  const patch = createTwoFilesPatch(file, `${file} (fresh)`, committed.toString('utf8'), fresh, undefined, undefined, { context: 1 })
    .split('\n').slice(1).map((line) => line.replace(/\t$/, ''))
    // Lines of the committed file are data: shown, never obeyed (an escape sequence, `::error` in a CI log).
    .map((line) => `${line.slice(0, 1)}${printable(line.slice(1))}`);
  const shown = patch.slice(0, DIFF_LINES);
  io.stderr.write(`club: ${file} is stale: ${stale.why}\n${shown.join('\n')}\n`
    + `${patch.length > DIFF_LINES ? `… ${patch.length - DIFF_LINES} more lines of difference\n` : ''}`
    + `  hint: ${stale.hint}\n`);
  return EXIT.invalid;
}

/** A committed document is much smaller; a larger file is not one. */
const MAX_COMMITTED = 16 * 1024 * 1024;

/**
 * The committed document's bytes, or undefined when there is no such file.
 * Only a regular file is read: a folder, a device (/dev/zero) or a FIFO (which
 * would wait for a writer forever) is refused with exit 3, before it is opened.
 * `file` is the name as given (for messages), `absolute` that name from the command's working directory.
 */
async function readCommitted(file: string, absolute: string, example: string): Promise<Buffer | undefined> {
  let handle;
  try {
    // Non-blocking, so opening a FIFO does not wait for a writer; what it is is asked of the open file.
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw folderNotFile(file, '--check', example);
    throw new IoError(`cannot read ${file}: ${code ?? (error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw folderNotFile(file, '--check', example);
    if (!info.isFile()) throw new IoError(`${file} is not a regular file (a device, a FIFO or a socket); --check compares a committed document`);
    if (info.size > MAX_COMMITTED) throw new IoError(`${file} is ${Math.round(info.size / 1024 / 1024)} MiB; a committed document is far smaller`);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    await handle.close();
  }
}
