import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { marked } from 'marked';

const require = createRequire(import.meta.url);

/**
 * mammoth, with its parse of a style-map line remembered. Every convertToHtml parses its default
 * style map again (~45 lines through its own tokeniser and parser, a tenth of a small file's
 * reading); the parse is a pure function of the line, and what it returns is only read. mammoth's
 * index module takes `readStyle` from its style reader when it is loaded, so the reader's export is
 * wrapped first; everything else mammoth does with a Word file is unchanged.
 */
const mammoth = ((): typeof import('mammoth') => {
  const styleReader = require('mammoth/lib/style-reader') as { readStyle: (line: string) => unknown };
  const parse = styleReader.readStyle;
  const parsed = new Map<string, unknown>();
  styleReader.readStyle = (line) => {
    if (!parsed.has(line)) parsed.set(line, parse(line));
    return parsed.get(line);
  };
  return require('mammoth') as typeof import('mammoth');
})();

/** A document's text as a reader sees it, block by block: headings, paragraphs, list items, and tables cell by cell. */
export type TextBlock =
  | { kind: 'h1' | 'h2' | 'h3' | 'h4' | 'p' | 'li'; text: string }
  | { kind: 'table'; rows: string[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Tags out, entities decoded, every run of white space one space. */
function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => (e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? whole))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The blocks of an HTML text, in order; a table is read row by row, its cells' paragraphs joined. */
export function htmlBlocks(html: string): TextBlock[] {
  const out: TextBlock[] = [];
  const re = /<table[^>]*>([\s\S]*?)<\/table>|<(h[1-4]|p|li)(?:\s[^>]*)?>([\s\S]*?)<\/\2>/g;
  for (const m of html.matchAll(re)) {
    if (m[1] !== undefined) {
      const rows = [...m[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<(td|th)[^>]*>([\s\S]*?)<\/\1>/g)].map((c) => textOf(c[2]!)));
      out.push({ kind: 'table', rows });
    } else {
      // An empty paragraph (the spacing after a Word table) says nothing.
      const text = textOf(m[3]!);
      if (!(m[2] === 'p' && text === '')) out.push({ kind: m[2] as 'p', text });
    }
  }
  return out;
}

/** What Markdown says, read by marked (GFM). */
export const markdownBlocks = (markdown: string): TextBlock[] => htmlBlocks(marked.parse(markdown, { async: false }));

/**
 * mammoth's readings (its HTML) of the last Word files read in this worker, by their bytes: room
 * for every Word file docx.test reads (about 45, most of them small), so the ones the other tests
 * render alike (an agenda, the Russian roster, minutes and sheet, the report) are still there when
 * they ask.
 */
const readings = new Map<string, Promise<string>>();
const READINGS_KEPT = 64;

/**
 * What mammoth makes of a Word file: its HTML (convertToHtml's `value`, default options). The
 * same bytes read the same (mammoth is a pure function of them): a file several tests or test
 * files render alike (an agenda in documents and docx, a report in-process and from the CLI, the
 * report whose charts docx-charts checks) is read once per worker.
 */
export function docxHtml(docx: Uint8Array): Promise<string> {
  const key = Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength).toString('latin1');
  let reading = readings.get(key);
  if (reading === undefined) {
    reading = mammoth.convertToHtml({ buffer: Buffer.from(docx) }).then(({ value }) => value);
    if (readings.size >= READINGS_KEPT) readings.delete(readings.keys().next().value!);
    readings.set(key, reading);
  }
  return reading;
}

/** What a Word file says, read by mammoth (docxHtml), block by block; each caller gets blocks of its own. */
export async function docxBlocks(docx: Uint8Array): Promise<TextBlock[]> {
  return htmlBlocks(await docxHtml(docx));
}

/** The parts of a Word file (a zip), as text. */
export function docxParts(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}
