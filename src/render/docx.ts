import {
  AlignmentType, BorderStyle, Document, EMPTY_OBJECT, ExternalHyperlink, Footer, Header, HeadingLevel, HeightRule, ImageRun, LevelFormat, NextAttributeComponent, Packer, PageNumber,
  PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, XmlComponent, isXmlComponent, type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { svgToPng } from './svg-png.js';
import { BOLD, REGULAR, type TableFont } from './table-font.js';
import { plainText, SIGNATURE_LINE, safeUrl, type Block, type Doc, type Image, type Inlines, type Table as TreeTable } from './doc-tree.js';

/** The fixed words of a Word file that are not in the tree; a catalogue replaces them. */
export interface DocxWords {
  /** The footer: `{page}` and `{pages}` become the page number and the page count, e.g. `Page {page} of {pages}`. */
  /** The footer's words around the page fields, e.g. `Page ${page} of ${pages}`. */
  pageOf: (page: string, pages: string) => string;
}

export interface DocxOptions {
  words: DocxWords;
  /** The date the document is as of (`YYYY-MM-DD`): the file's created and modified dates, so a rendering is reproducible. */
  date: string;
}

/** An element's attributes as docx keeps them (NextAttributeComponent's payload): each its XML name and value. */
type AttributePayload = Record<string, { key: string; value: unknown }>;
type WriteAttributes = (this: { root: AttributePayload }, context?: unknown) => { _attr: Record<string, unknown> };

/**
 * docx's writing of an element's attributes (NextAttributeComponent.prepForXml, behind most elements: `w:val`,
 * widths, sizes, styles) copies the object made so far once for each attribute, a spread in a reduce: about a
 * tenth of a Word file's CPU. This one makes the same object (the same keys in the same order, an attribute whose
 * value is undefined left out, a repeated XML name keeping its first place and its last value) in one pass.
 * `original` is docx's own, for the test that compares the two.
 */
export const writeAttributes: WriteAttributes & { original?: WriteAttributes } = function writeAttributes(this: { root: AttributePayload }) {
  // A Map, then own properties as docx defines them (an XML name `__proto__` stays an attribute).
  const attributes = new Map<string, unknown>();
  for (const { key, value } of Object.values(this.root)) {
    if (value !== undefined) attributes.set(key, value);
  }
  return { _attr: Object.fromEntries(attributes) };
};

/** What docx's components are to writeElement: their element's name, their content, and how each writes itself. */
interface Writer { prepForXml(context: { stack: unknown[] }): unknown; readonly writtenAs?: readonly Writer[] }
type WriteElement = (this: { rootKey: string; root: readonly unknown[] }, context: { stack: unknown[] }) => Record<string, unknown>;

/**
 * docx's writing of an element (XmlComponent.prepForXml, which every element's own writing ends in): its content
 * through a flatMap with a closure and then a filter, two arrays and a function for each of a file's thousands of
 * elements. This one gives the same object in one loop: each component written (or the parts it is written as,
 * each as it comes), an array from a component or in the content spread one level, undefined left out, the element
 * on docx's stack meanwhile; about a tenth less CPU for a Word file. `original` is docx's own, for the tests.
 */
export const writeElement: WriteElement & { original?: WriteElement } = function writeElement(this: { rootKey: string; root: readonly unknown[] }, context: { stack: unknown[] }) {
  context.stack.push(this);
  const children: unknown[] = [];
  const add = (x: unknown): void => {
    if (!Array.isArray(x)) {
      if (x !== undefined) children.push(x);
      return;
    }
    for (const y of x as unknown[]) if (y !== undefined) children.push(y);
  };
  for (const component of this.root) {
    if (!isXmlComponent(component)) {
      add(component);
      continue;
    }
    const parts = (component as Writer).writtenAs;
    if (!parts) add((component as Writer).prepForXml(context)); // as docx tests it: any falsy value is no parts
    else add(parts.map((part) => part.prepForXml(context)));
  }
  context.stack.pop();
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
  return { [this.rootKey]: children.length === 0 ? EMPTY_OBJECT : only?._attr ? only : children };
};

/** Marks this module's writers: another copy of the module (another module registry) finds docx already patched. */
const REPLACEMENT = Symbol.for('club: docx writer');

/**
 * docx's own writing of elements and attributes replaced by the two above. Each `.original` is docx's own function, also
 * when another copy of this module patched docx first (its writer is marked: its `.original` is taken, never a writer of
 * ours, so the tests still compare ours with docx's). They stand in for docx's internals, so docx is pinned to one
 * version in package.json: an upgrade is a deliberate change, made only once docx.test's comparisons with the new
 * version's own functions (`.original`) pass.
 */
function writeFaster(): void {
  type Patched = { prepForXml: ((...args: never[]) => unknown) & { original?: unknown; [REPLACEMENT]?: true } };
  const patch = (prototype: Patched, writer: Patched['prepForXml']): void => {
    const current = prototype.prepForXml;
    if (typeof current !== 'function' || current === writer) return;
    writer.original = current[REPLACEMENT] ? current.original : current;
    writer[REPLACEMENT] = true;
    prototype.prepForXml = writer;
  };
  patch(NextAttributeComponent.prototype as unknown as Patched, writeAttributes as unknown as Patched['prepForXml']);
  patch(XmlComponent.prototype as unknown as Patched, writeElement as unknown as Patched['prepForXml']);
}
writeFaster();

// A4 in twentieths of a point, with 2 cm margins.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
/** The width the text has between the margins: upright, or with the page turned sideways (Doc.landscape). */
const textWidth = (landscape: boolean | undefined) => (landscape ? PAGE.height : PAGE.width) - 2 * PAGE.margin;
const TEXT_WIDTH = textWidth(false);
const FONT = 'Arial'; // Cyrillic and Latin, and metric-compatible with Liberation Sans where Arial is absent
const ORDERED = 'ordered';
const BULLETED = 'bulleted';

/**
 * What Word can hold: XML 1.0 forbids control characters, lone surrogates and U+FFFE/U+FFFF, and
 * line breaks and tabs from the data would change the layout; every run of them is one space, as in Markdown.
 */
export function wordText(text: string): string {
  return text
    // No-break spaces stay, as in Markdown: Russian typography puts them where a line must not break.
    // Bidi controls dropped and C1 controls as spaces, as in Markdown.
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/(?:(?![\u00a0\u2007\u202f])[\u0000-\u001f\u007f-\u009f\s])+/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '\ufffd');
}

interface Style { bold?: boolean; italics?: boolean; link?: boolean }

/** Inline content as Word runs; adjacent runs of text are trimmed at the ends of the block as in Markdown. */
function runs(content: Inlines, style: Style = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const i of content) {
    switch (i.kind) {
      case 'text':
        out.push(new TextRun({ text: wordText(i.text), bold: style.bold, italics: style.italics, ...(style.link ? { style: 'Hyperlink' } : {}) }));
        break;
      case 'strong':
        out.push(...runs(i.content, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...runs(i.content, { ...style, italics: true }));
        break;
      case 'link': {
        const url = safeUrl(i.url);
        if (url === undefined) out.push(...runs(i.content, style));
        else out.push(new ExternalHyperlink({ link: url, children: runs(i.content, { ...style, link: true }) as TextRun[] }));
        break;
      }
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
    }
  }
  return out;
}

/** Trims the text at the start and the end of a block, as the Markdown renderer does. */
function trimmed(content: Inlines): Inlines {
  const copy = content.map((i) => ({ ...i })) as Inlines;
  const edge = (list: Inlines, end: boolean): void => {
    const i = end ? list[list.length - 1] : list[0];
    if (i === undefined) return;
    if (i.kind === 'text') {
      const t = wordText(i.text);
      list[end ? list.length - 1 : 0] = { kind: 'text', text: end ? t.trimEnd() : t.trimStart() };
    } else if (i.kind !== 'break') {
      const inner = i.content.map((x) => ({ ...x })) as Inlines;
      edge(inner, end);
      list[end ? list.length - 1 : 0] = { ...i, content: inner };
    }
  };
  edge(copy, false);
  edge(copy, true);
  return copy;
}

const para = (content: Inlines, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ ...extra, children: runs(trimmed(content)) });

// Table text is 9 pt, and as wide as DejaVu Sans draws it: what LibreOffice draws with where neither Arial nor
// Liberation Sans is installed, and wider than both (and than Word's Arial). A cell's margins are Word's 0.19 cm each
// side, and a little more: the ink a letter puts out of its advance, the rounding of a layout in points.
const TABLE_TEXT_SIZE = 9;
const CELL_MARGIN = 230;
const advancesOf = (font: TableFont) => new Map<number, number>(font.runs.flatMap(([from, widths]) => widths.map((w, i) => [from + i, w] as [number, number])));
const ADVANCES = { regular: advancesOf(REGULAR), bold: advancesOf(BOLD) };

/**
 * How wide a run of table text is, in twentieths of a point, with the cell's margins: each letter's advance (a letter
 * the font lacks is its missing-glyph box, one outside the table the font's widest advance) and every pair kerning
 * moves apart; the pairs it moves closer are left as they are, so the measure is never short.
 */
function wordWidth(word: string, bold: boolean): number {
  const font = bold ? BOLD : REGULAR;
  const advances = bold ? ADVANCES.bold : ADVANCES.regular;
  let units = 0;
  let previous = '';
  for (const c of word) {
    const w = advances.get(c.codePointAt(0)!);
    units += (w === undefined ? font.advanceMax : w < 0 ? font.notdef : w) + (font.kernWider.get(previous + c) ?? 0);
    previous = c;
  }
  return Math.ceil((units / font.unitsPerEm) * TABLE_TEXT_SIZE * 20) + CELL_MARGIN;
}

// Where a line may break in a table cell, from the least harm to the most: at a plain space; after a hyphen between
// letters (Word and LibreOffice break «Санкт-» / «Петербург» there); at the no-break space before a year, which keeps
// the day with its month and the year with «г.» («14 марта» / «2019 г.»); at any no-break space.
const NO_BREAK = '[\u00a0\u2007\u202f]';
const AFTER_HYPHEN = '(?<=\\p{L}[-\u2010])(?=\\p{L})';
const BEFORE_YEAR = `${NO_BREAK}(?=\\d{4}(?!\\d))`;
const BREAKS = {
  hyphens: new RegExp(` |${AFTER_HYPHEN}`, 'u'),
  years: new RegExp(` |${AFTER_HYPHEN}|${BEFORE_YEAR}`, 'u'),
  words: new RegExp(` |${AFTER_HYPHEN}|${NO_BREAK}`, 'u'),
};
/** Which no-break spaces of a column are written as spaces, so a line may break there: those before a year, or all. */
type Loose = 'years' | 'words' | undefined;

/** Whether a cell is drawn bold: the header, or text made strong (a total), measured bold throughout, as bold is wider. */
const isBold = (content: Inlines): boolean => content.some((i) => i.kind === 'strong' || (i.kind !== 'text' && i.kind !== 'break' && isBold(i.content)));

/**
 * The level at which `widthAt` (never less as the level rises) reaches `width`: by halving, the same steps for the
 * same numbers everywhere, so a table's widths and the file's bytes are the same each time.
 */
function levelFor(widthAt: (level: number) => number, width: number, highest: number): number {
  let [low, high] = [0, highest];
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (widthAt(middle) < width) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * Column widths for a table across `width` (the text width of an upright page when left out).
 *
 * Each column is at least as wide as the longest text it must not break: its longest run of characters with no space
 * (a hyphenated word may break after its hyphen, «Санкт-» / «Петербург», as Word and LibreOffice break it), so no word
 * is broken inside ("Septemb-er") and no date where no-break spaces hold it together ("14 марта / 2019 г."). When even
 * that has no room, the columns give up the least they can, the one that gains the most first, and the columns that
 * gain alike (two dated headers) together, so that they break alike: a date before its year («14 марта» / «2019 г.»),
 * then at any no-break space. `loose` says which no-break spaces of each column the Word file writes as spaces (those
 * before a year, or all), as a date breaking between its words reads better than one broken inside a word; and when
 * even the words do not fit, each column gets the same share of what its longest word needs.
 *
 * The rest of the width goes to the text that wraps. While some column cannot have each of its lines whole, no column
 * is wider than its longest line (a column of dates, names or numbers keeps just their width), and the columns whose
 * lines are longer (a decision, a topic, a list of people) share the room in the proportions of the hints, each up to
 * its longest line. Only when every line fits whole does the room left over go to the columns by the hints.
 */
export function columnWidths(t: Pick<TreeTable, 'header' | 'rows' | 'rowHeight'>, hints: readonly number[], width = TEXT_WIDTH): number[] & { loose: Loose[] } {
  // Each column's cells, each as its lines (a cell's line breaks kept) and whether it is drawn bold.
  const columns = hints.map((_, n) => [t.header, ...t.rows].map((r, i) => {
    const content = r[n] ?? [];
    return { lines: plainText(content).split('\n').map((line) => wordText(line)), bold: i === 0 || isBold(content) };
  }));
  const longest = (n: number, breaks: RegExp) => Math.max(CELL_MARGIN, ...columns[n]!.flatMap(({ lines, bold }) => lines.flatMap((line) => line.split(breaks)).map((w) => wordWidth(w, bold))));
  // Columns whose headers say the same around a date (the membership table's «На 31 декабря 2018 г.» and «На 31 декабря
  // 2019 г.») are measured as one, so that they are as wide as each other and their headers break alike.
  const form = (n: number) => {
    const header = wordText(plainText(t.header[n] ?? []));
    return /\d/.test(header) ? header.split(' ').map((w) => (/\d/.test(w) ? '#' : w)).join(' ') : String(n);
  };
  const forms = hints.map((_, n) => form(n));
  const alike = (xs: readonly number[]) => xs.map((_, n) => Math.max(...xs.filter((__, m) => forms[m] === forms[n])));
  const level = (breaks: RegExp) => alike(hints.map((_, n) => Math.min(longest(n, breaks), width / 2)));
  const hyphens = level(BREAKS.hyphens);
  const years = level(BREAKS.years);
  const words = level(BREAKS.words);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const need = [...hyphens];
  for (const to of [years, words]) {
    const gain = (n: number) => need[n]! - Math.min(need[n]!, to[n]!);
    const gains = [...new Set(hints.map((_, n) => gain(n)).filter((g) => g > 0))].sort((a, b) => b - a);
    for (const g of gains) {
      if (sum(need) <= width) break;
      for (const n of hints.keys()) if (gain(n) === g) need[n] = Math.min(need[n]!, to[n]!);
    }
  }
  const weight = alike(hints.map((h) => (h > 0 ? h : 1)));
  // In rows to write in (a table with a row height: the attendance sheet), a column with no text below its header is
  // the room to write (the signatures): its share of the hints.
  const blank = (n: number) => t.rows.every((r) => plainText(r[n] ?? []).trim() === '');
  for (const n of hints.keys()) if (t.rowHeight !== undefined && t.rows.length > 0 && blank(n)) need[n] = Math.max(need[n]!, Math.min((width * weight[n]!) / sum(weight), width / 2));
  // Headers alike (a date in each) are whole where the table has the room, as a date is; where it has not, each is
  // held below the whole line of the shortest, so that all break, not the longer one alone.
  const grouped = (n: number) => forms.some((f, m) => m !== n && f === forms[n]);
  const header = hints.map((_, n) => Math.max(...columns[n]![0]!.lines.map((line) => wordWidth(line.trim(), true))));
  const shortest = (n: number) => Math.min(...header.filter((_, m) => forms[m] === forms[n]));
  const wholeHeaders = alike(need.map((x, n) => (grouped(n) ? Math.max(x, header[n]!) : x)));
  const headersFit = sum(wholeHeaders) <= width;
  if (headersFit) wholeHeaders.forEach((x, n) => (need[n] = x));
  // Each column's longest line whole: the width at which none of its text wraps.
  const lines = alike(hints.map((_, n) => Math.max(need[n]!, ...columns[n]!.flatMap(({ lines: ls, bold }) => ls.map((line) => wordWidth(line.trim(), bold))))));
  const held = hints.map((_, n) => !headersFit && grouped(n));
  held.forEach((h, n) => h && (lines[n] = Math.max(need[n]!, shortest(n) - 1)));
  let widths: number[];
  if (sum(need) >= width) widths = need.map((x) => (x * width) / sum(need));
  else if (sum(lines) >= width) {
    const at = (l: number) => need.map((x, n) => Math.min(lines[n]!, Math.max(x, l * weight[n]!)));
    widths = at(levelFor((l) => sum(at(l)), width, Math.max(...lines.map((x, n) => x / weight[n]!))));
  } else {
    const at = (l: number) => lines.map((x, n) => (held[n] ? x : Math.max(x, l * weight[n]!)));
    widths = at(levelFor((l) => sum(at(l)), width, width / Math.min(...weight)));
  }
  const out = widths.map((w) => Math.floor(w));
  return Object.assign(out, { loose: out.map((w, n): Loose => (w + 1 >= hyphens[n]! ? undefined : w + 1 >= years[n]! ? 'years' : 'words')) });
}

/** Inline content with no-break spaces as spaces (those before a year, or all): the text of a column too narrow to hold them (columnWidths' `loose`). */
function breakable(content: Inlines, loose: Exclude<Loose, undefined>): Inlines {
  const spaces = new RegExp(loose === 'years' ? BEFORE_YEAR : NO_BREAK, 'gu');
  return content.map((i) => (i.kind === 'text' ? { ...i, text: i.text.replace(spaces, ' ') }
    : i.kind === 'break' ? i : { ...i, content: breakable(i.content, loose) }));
}

/**
 * A table across `width`. `keepNext`: its last row stays on the page of what follows it (the signatures after it).
 * A table with a row height (Doc's rowHeight) has its rows at least that tall, their text in the middle.
 */
function table(t: TreeTable, width: number, keepNext = false): Table {
  const columns = t.header.length;
  const hints = t.widths?.length === columns ? t.widths : Array.from({ length: columns }, () => 1);
  const widths = columnWidths(t, hints, width);
  const last = t.rows.length - 1;
  const cell = (content: Inlines, n: number, header: boolean, keep: boolean) => new TableCell({
    width: { size: widths[n]!, type: WidthType.DXA },
    ...(!header && t.rowHeight !== undefined ? { verticalAlign: VerticalAlign.CENTER } : {}),
    children: [new Paragraph({
      style: 'TableText',
      ...(keep ? { keepNext: true } : {}),
      children: runs(trimmed(widths.loose[n] === undefined ? content : breakable(content, widths.loose[n])), header ? { bold: true } : {}),
    })],
  });
  const height = t.rowHeight === undefined ? {} : { height: { value: Math.round(t.rowHeight * 20), rule: HeightRule.ATLEAST } };
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      // The header row comes back at the top of every page the table runs onto.
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((c, n) => cell(c, n, true, keepNext && last < 0)) }),
      ...t.rows.map((r, i) => new TableRow({ cantSplit: true, ...height, children: Array.from({ length: columns }, (_, n) => cell(r[n] ?? [], n, false, keepNext && i === last)) })),
    ],
  });
}

function image(b: Image, id: number, width: number): Paragraph {
  // Points to pixels at 96 to the inch, scaled down to the text width.
  const scale = Math.min(1, (width / 20) / b.width) * (96 / 72);
  const alt = wordText(b.alt).trim();
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({
      type: 'svg',
      data: strToU8(b.svg),
      // Word 2016 and later draw the SVG; older Word, LibreOffice before 7.5 and converters such as mammoth
      // show this PNG of the same picture instead.
      fallback: { type: 'png', data: b.png ?? svgToPng(b.svg) },
      transformation: { width: Math.round(b.width * scale), height: Math.round(b.height * scale) },
      altText: { id: String(id), name: `Figure ${id}`, title: b.title === undefined ? alt : wordText(b.title).trim(), description: alt },
    })],
  });
}

/**
 * Whether a block stays on the page of the block after it: every heading (with what it heads), and
 * whatever comes just before a table (the sentence that leads into it) or the signatures (the end of
 * the text they sign: the lines to sign were left alone on a last page).
 */
const keptWithNext = (b: Block, next: Block | undefined): boolean =>
  b.kind === 'heading' || next?.kind === 'table' || next?.kind === 'signatures';

function blocksOf(doc: Doc): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: runs(trimmed([{ kind: 'text', text: doc.title }])) })];
  let lists = 0;
  let images = 0;
  const width = textWidth(doc.landscape);
  const headingLevel = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
  for (const [index, b] of (doc.blocks as Block[]).entries()) {
    const keep = keptWithNext(b, doc.blocks[index + 1]) ? { keepNext: true } : {};
    switch (b.kind) {
      case 'heading':
        out.push(para(b.content, { heading: headingLevel[b.level], ...keep }));
        break;
      case 'paragraph':
        out.push(para(b.content, keep));
        break;
      case 'note':
        out.push(para([{ kind: 'strong', content: [{ kind: 'text', text: b.label }] }, { kind: 'text', text: ' ' }, ...b.content], keep));
        break;
      case 'list': {
        // Each ordered list is its own instance of the numbering, so it starts again at 1.
        const instance = ++lists;
        for (const [n, item] of b.items.entries()) {
          out.push(para(item, { numbering: { reference: b.ordered ? ORDERED : BULLETED, level: 0, instance }, ...(n === b.items.length - 1 ? keep : {}) }));
        }
        break;
      }
      case 'table':
        out.push(table(b, width, 'keepNext' in keep), new Paragraph({ style: 'AfterTable', ...keep, children: [] }));
        break;
      case 'signatures':
        for (const [n, l] of b.lines.entries()) {
          out.push(para([{ kind: 'text', text: `${l.role} ${SIGNATURE_LINE}${l.name === undefined ? '' : ` ${l.name}`}` }],
            { spacing: { before: n === 0 ? 720 : 480 }, keepNext: n < b.lines.length - 1, keepLines: true }));
        }
        break;
      case 'image':
        out.push(image(b, ++images, width));
        break;
    }
  }
  return out;
}

const PAGE_FIELD = '\u0001page\u0001';
const PAGES_FIELD = '\u0001pages\u0001';

/** `Page 1 of 3` as runs: the language's words with the page fields in place of the markers. */
function pageOf(words: (page: string, pages: string) => string): TextRun[] {
  return words(PAGE_FIELD, PAGES_FIELD).split(/(\u0001pages?\u0001)/).filter((p) => p !== '').map((p) => (p === PAGE_FIELD
    ? new TextRun({ children: [PageNumber.CURRENT] })
    : p === PAGES_FIELD ? new TextRun({ children: [PageNumber.TOTAL_PAGES] }) : new TextRun(wordText(p))));
}

/**
 * The document as a Word file (DOCX): A4 (turned sideways for a landscape one), the club's name at the top of every
 * page, page numbers at the foot, table header rows repeated on every page.
 * The same tree and date give the same bytes: the file's dates come from
 * `options.date`, the ids docx draws at random are renumbered in order, and
 * the zip entries carry a fixed time.
 */
export async function toDocx(doc: Doc, options: DocxOptions): Promise<Uint8Array> {
  return reproducible(await packageParts(documentOf(doc, options)), options.date);
}

/** The docx library's document for a tree: styles, numbering, the page, its header and footer, the blocks. */
function documentOf(doc: Doc, options: DocxOptions): Document {
  return new Document({
    creator: 'club',
    lastModifiedBy: 'club',
    title: wordText(doc.title),
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: doc.language } }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 } } },
        heading4: { run: { font: FONT, size: 21, bold: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 } } },
      },
      paragraphStyles: [
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { before: 40, after: 40 } } },
        { id: 'AfterTable', name: 'After Table', basedOn: 'Normal', run: { size: 8 }, paragraph: { spacing: { after: 0 } } },
        { id: 'PageHeader', name: 'Page Header', basedOn: 'Normal', run: { size: 16, color: '555555' } },
      ],
    },
    numbering: {
      config: [
        { reference: ORDERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 397 } } } }] },
        { reference: BULLETED, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 397 } } } }] },
      ],
    },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height, ...(doc.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
      headers: { default: new Header({ children: [new Paragraph({ style: 'PageHeader', alignment: AlignmentType.RIGHT, children: [new TextRun(wordText(doc.header).trim())] })] }) },
      footers: { default: new Footer({ children: [new Paragraph({ style: 'PageHeader', alignment: AlignmentType.CENTER, children: pageOf(options.words.pageOf) })] }) },
      children: blocksOf(doc),
    }],
  });
}

/**
 * toDocx by docx's public route only: `Packer.toBuffer` zips the package, which is unzipped
 * again here. The same bytes as toDocx (the test suite compares them); what toDocx does when
 * docx's compiler is not where it looks for it.
 */
export async function toDocxThroughZip(doc: Doc, options: DocxOptions): Promise<Uint8Array> {
  return reproducible(await zippedParts(documentOf(doc, options)), options.date);
}

/** The package's parts by the public route: the zip `Packer.toBuffer` makes, unzipped. */
async function zippedParts(file: Document): Promise<Map<string, Part>> {
  return new Map(Object.entries(unzipSync(await Packer.toBuffer(file))));
}

/** What docx's Packer zips: the package's parts by path, in order (its `compiler`, private in docx's types). */
interface PackageCompiler { compile(file: Document, prettify?: string, overrides?: readonly never[]): Map<string, Part> }
type Part = string | Uint8Array | ArrayBuffer | ArrayBufferView;
const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;

/**
 * The package's parts, as `Packer.toBuffer` would zip them, taken from docx's compiler before it
 * zips: toDocx rewrites some parts and zips the package once, so the zip docx would make (and the
 * unzipping of it) was about a fifth of a Word file's CPU. Falls back to unzipping Packer's zip
 * when a docx release moves its compiler: the same parts either way.
 */
async function packageParts(file: Document): Promise<Map<string, Part>> {
  if (typeof compiler?.compile === 'function') return compiler.compile(file, undefined, []);
  return zippedParts(file);
}

// Local time fields (what a zip stores) that read the same in every time zone.
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** A part as bytes, as docx's Packer puts it into its zip (text as UTF-8). */
const bytesOf = (data: Part): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data)
  : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

/**
 * An XML part as text, as it reads back from Packer's zip: text that is not well-formed UTF-16
 * (a lone surrogate) went through UTF-8 as U+FFFD.
 */
const textOf = (data: Part): string => (typeof data !== 'string' ? strFromU8(bytesOf(data))
  : /[\ud800-\udfff]/.test(data) ? strFromU8(bytesOf(data)) : data);

/** The package with its random parts made fixed: relationship ids renumbered in order, the dates set, the zip times fixed. */
function reproducible(files: Map<string, Part>, date: string): Uint8Array {
  const names = [...files.keys()];
  const xml = new Map(names.filter((n) => /\.(xml|rels)$/.test(n)).map((n) => [n, textOf(files.get(n)!)]));
  const renamed = new Map<string, string>();
  for (const name of [...xml.keys()].filter((n) => n.endsWith('.rels')).sort()) {
    for (const m of xml.get(name)!.matchAll(/ Id="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(m[1]!) && !renamed.has(m[1]!)) renamed.set(m[1]!, `rIdLink${renamed.size + 1}`);
    }
  }
  const stamp = `${/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '1980-01-01'}T00:00:00Z`;
  const out: Zippable = {};
  for (const name of names) {
    let text = xml.get(name);
    if (text === undefined) {
      out[name] = [bytesOf(files.get(name)!), { mtime: ZIP_TIME }];
      continue;
    }
    if (renamed.size > 0) text = text.replace(/"(rId[^"]+)"/g, (whole, id: string) => (renamed.has(id) ? `"${renamed.get(id)}"` : whole));
    if (name === 'docProps/core.xml') {
      text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
    }
    out[name] = [strToU8(text), { mtime: ZIP_TIME }];
  }
  return zipSync(out, { level: 6, mtime: ZIP_TIME });
}
