/**
 * The document tree: what a document says, built once by pure functions
 * (roster, agenda, minutes, plan, report) and written by each renderer
 * (Markdown, Word), which alone owns its escaping. Text in the tree is the
 * data as it is, never escaped. This module imports nothing of ours.
 */

/** A run of text inside a paragraph, heading, list item or table cell. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'emphasis'; content: Inline[] }
  | { kind: 'strong'; content: Inline[] }
  /** Only made by `link()`, which refuses anything but an http, https or mailto URL. */
  | { kind: 'link'; url: string; content: Inline[] }
  | { kind: 'break' };

/** What a paragraph, a heading, a list item or a table cell holds. */
export type Inlines = Inline[];

export interface Table {
  kind: 'table';
  /** The header row: repeated on every page in Word. */
  header: Inlines[];
  rows: Inlines[][];
  /** Relative column widths (e.g. [1, 3, 3, 1]); equal when left out. */
  widths?: number[];
  /** The least height of each row but the header, in points, where a renderer sets heights: room to sign by hand. */
  rowHeight?: number;
}

/** A picture with what it shows in words; charts are these. */
export interface Image {
  kind: 'image';
  /** Said by screen readers and shown where the picture cannot be. */
  alt: string;
  /** A short name for it (a chart's title): Word's title of the picture; the alt text when left out. */
  title?: string;
  /** The picture itself: a self-contained SVG document (no scripts, no external references). */
  svg: string;
  /** Its size in points (1/72 inch) as it should appear on the page. */
  width: number;
  height: number;
  /** The same picture as a Mermaid diagram, which GitHub draws from text; the Markdown renderer prefers it. */
  mermaid?: string;
  /** The same picture as PNG, for Word readers that cannot draw SVG; when left out, the Word renderer draws the SVG as PNG. */
  png?: Uint8Array;
}

/** Where a signature goes, the same in every renderer so they say the same text. */
export const SIGNATURE_LINE = '_'.repeat(24);

/** Lines to sign at the end of a document: `Chair ____________ Ivanov I.I.`. */
export interface Signatures {
  kind: 'signatures';
  lines: { role: string; name?: string }[];
}

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; content: Inlines }
  | { kind: 'paragraph'; content: Inlines }
  | { kind: 'list'; ordered: boolean; items: Inlines[] }
  /** Something the reader must not miss (the agenda overruns): a label in strong text, then the content. */
  | { kind: 'note'; label: string; content: Inlines }
  | Table
  | Image
  | Signatures;

export interface Doc {
  /** The first heading (level 1) and the Word file's title. */
  title: string;
  /** Printed at the top of every Word page: the club's name. */
  header: string;
  /** BCP 47 language of the fixed words, e.g. `en`. */
  language: string;
  /** Pages turned sideways (A4 landscape) where a renderer has pages: a document that is one wide table. */
  landscape?: boolean;
  blocks: Block[];
}

// ── constructors: builders read better with these than with object literals ──

/** Text, emphasis, strong and links as inline content; a string is plain text. */
export type InlineLike = string | Inline | readonly InlineLike[];

/** Flattens strings and runs into inline content; empty strings drop out. */
export function inl(...parts: InlineLike[]): Inlines {
  const out: Inlines = [];
  const add = (p: InlineLike) => {
    if (typeof p === 'string') {
      if (p !== '') out.push({ kind: 'text', text: p });
    } else if (Array.isArray(p)) {
      for (const q of p as readonly InlineLike[]) add(q);
    } else {
      out.push(p as Inline);
    }
  };
  parts.forEach(add);
  return out;
}

export const text = (value: string | number): Inline => ({ kind: 'text', text: String(value) });
export const emphasis = (...content: InlineLike[]): Inline => ({ kind: 'emphasis', content: inl(...content) });
export const strong = (...content: InlineLike[]): Inline => ({ kind: 'strong', content: inl(...content) });
export const lineBreak: Inline = { kind: 'break' };

/** The URL when it is an http, https or mailto one (the only links a document makes), else undefined. */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  return /^(?:https?:\/\/[^\s/?#]+|mailto:[^\s])/i.test(trimmed) && !/[\u0000-\u001f\u007f]/.test(trimmed) ? trimmed : undefined;
}

/** A link, or the plain content when the URL is not http, https or mailto (a `javascript:` URL never becomes a link). */
export function link(url: string, ...content: InlineLike[]): Inline | Inlines {
  const safe = safeUrl(url);
  return safe === undefined ? inl(...content) : { kind: 'link', url: safe, content: inl(...content) };
}

export const heading = (level: 2 | 3 | 4, ...content: InlineLike[]): Block => ({ kind: 'heading', level, content: inl(...content) });
export const paragraph = (...content: InlineLike[]): Block => ({ kind: 'paragraph', content: inl(...content) });
export const bullets = (items: readonly InlineLike[]): Block => ({ kind: 'list', ordered: false, items: items.map((i) => inl(i)) });
export const numbered = (items: readonly InlineLike[]): Block => ({ kind: 'list', ordered: true, items: items.map((i) => inl(i)) });
export const note = (label: string, ...content: InlineLike[]): Block => ({ kind: 'note', label, content: inl(...content) });
export const signatures = (lines: { role: string; name?: string | undefined }[]): Block =>
  ({ kind: 'signatures', lines: lines.map((l) => (l.name === undefined ? { role: l.role } : { role: l.role, name: l.name })) });

export function table(header: readonly InlineLike[], rows: readonly (readonly InlineLike[])[], widths?: readonly number[], rowHeight?: number): Table {
  const t: Table = { kind: 'table', header: header.map((c) => inl(c)), rows: rows.map((r) => r.map((c) => inl(c))) };
  if (widths !== undefined) t.widths = [...widths];
  if (rowHeight !== undefined) t.rowHeight = rowHeight;
  return t;
}

/** Blocks with the conditional ones (`cond && block`) left out. */
export function blocks(...items: (Block | readonly Block[] | false | undefined)[]): Block[] {
  return items.flatMap((b) => (b === false || b === undefined ? [] : Array.isArray(b) ? [...(b as readonly Block[])] : [b as Block]));
}

/** The plain text of inline content, as a reader would see it. */
export function plainText(content: Inlines): string {
  return content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? '\n' : plainText(i.content))).join('');
}
