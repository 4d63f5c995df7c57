import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import type { Doc } from '../render/doc-tree.js';
import { toMarkdown } from '../render/markdown.js';
import { writeFileAtomic } from '../store/write-file.js';
import { EXIT, IoError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { printable } from '../report/printable.js';

export interface DocumentOutput {
  /** Write the document here, atomically. */
  output?: string;
  /** Compare the document with this committed file; exit 1 when it is stale. */
  check?: string;
}

const DIFF_LINES = 40;

/** Sends a rendered document to stdout, to a file (-o), or compares it with a committed one (--check). */
export async function deliverDocument(doc: Doc, options: DocumentOutput, io: Io): Promise<number> {
  return deliverText(toMarkdown(doc), options, io);
}

/** The same for a text that is not a document tree (a calendar): stdout, -o, or --check. */
export async function deliverText(markdown: string, options: DocumentOutput, io: Io): Promise<number> {
  if (options.output !== undefined && options.check !== undefined) {
    throw new UsageError('-o and --check do not go together', 'write the document with -o, or compare it with --check');
  }
  if (options.check !== undefined) {
    const file = options.check;
    const committed = await readCommitted(file);
    if (committed === undefined) {
      io.stderr.write(`club: ${file} does not exist; write it with -o ${file}\n`);
      return EXIT.invalid;
    }
    if (committed === markdown) {
      io.stderr.write(`${file} is up to date\n`);
      return EXIT.ok;
    }
    const patch = createTwoFilesPatch(file, `${file} (fresh)`, committed, markdown, undefined, undefined, { context: 1 })
      .split('\n').slice(1).map((line) => line.replace(/\t$/, ''))
      // Lines of the committed file are data: shown, never obeyed (an escape sequence, `::error` in a CI log).
      .map((line) => `${line.slice(0, 1)}${printable(line.slice(1))}`);
    const shown = patch.slice(0, DIFF_LINES);
    io.stderr.write(`club: ${file} is stale: it differs from a fresh rendering\n${shown.join('\n')}\n`
      + `${patch.length > DIFF_LINES ? `… ${patch.length - DIFF_LINES} more lines of difference\n` : ''}`
      + `  hint: regenerate it with -o ${file} and commit it\n`);
    return EXIT.invalid;
  }
  if (options.output !== undefined) {
    await writeFileAtomic(options.output, markdown);
    io.stderr.write(`wrote ${options.output}\n`);
    return EXIT.ok;
  }
  io.stdout.write(markdown);
  return EXIT.ok;
}

/** A committed document is much smaller; a larger file is not one. */
const MAX_COMMITTED = 16 * 1024 * 1024;

/**
 * The committed document's text, or undefined when there is no such file.
 * Only a regular file is read: a folder, a device (/dev/zero) or a FIFO (which
 * would wait for a writer forever) is refused with exit 3, before it is opened.
 */
async function readCommitted(file: string): Promise<string | undefined> {
  let handle;
  try {
    // Non-blocking, so opening a FIFO does not wait for a writer; what it is is asked of the open file.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new IoError(`${file} is a folder, not a document`, 'name the committed Markdown file, e.g. --check docs/roster.md');
    throw new IoError(`cannot read ${file}: ${code ?? (error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new IoError(`${file} is a folder, not a document`, 'name the committed Markdown file, e.g. --check docs/roster.md');
    if (!info.isFile()) throw new IoError(`${file} is not a regular file (a device, a FIFO or a socket); --check compares a committed document`);
    if (info.size > MAX_COMMITTED) throw new IoError(`${file} is ${Math.round(info.size / 1024 / 1024)} MiB; a committed document is far smaller`);
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    await handle.close();
  }
}
