import type { Block, Doc, Inline, Inlines } from './doc-tree.js';
import { safeUrl, SIGNATURE_LINE } from './doc-tree.js';
import { escBlockStart, escInline, link as mdLink, table as mdTable } from './markdown-escape.js';

/** Where inline content stands: a table cell cannot hold a line break. */
type Where = { cell: boolean; indent: string };

/** Adjacent text runs as one, so escaping sees the text as the reader does (an address split over two runs is still one link). */
function merged(content: Inlines): Inlines {
  const out: Inlines = [];
  for (const i of content) {
    const last = out[out.length - 1];
    if (i.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + i.text };
    else out.push(i);
  }
  return out;
}

function inline(content: Inlines, where: Where, autolink = true): string {
  return merged(content).map((i) => run(i, where, autolink)).join('');
}

function run(i: Inline, where: Where, autolink: boolean): string {
  switch (i.kind) {
    case 'text':
      return escInline(i.text, autolink);
    case 'emphasis':
    case 'strong': {
      // Markdown emphasis must not start or end with a space inside its markers.
      const inner = inline(i.content, where, autolink).trim();
      const mark = i.kind === 'strong' ? '**' : '*';
      return inner === '' ? '' : `${mark}${inner}${mark}`;
    }
    case 'link': {
      const inner = inline(i.content, where, false).trim();
      const url = safeUrl(i.url);
      // The tree only holds safe links; a hand-made one that is not stays text.
      return url === undefined ? inner : mdLink(inner === '' ? escInline(url, false) : inner, url);
    }
    case 'break':
      return where.cell ? ' ' : `\\\n${where.indent}`;
  }
}

/** Inline content standing at the start of a block: trimmed, a leading list or heading marker escaped. */
const line = (content: Inlines, where: Where): string => escBlockStart(inline(content, where).trim());

const BLOCK: Where = { cell: false, indent: '' };
const CELL: Where = { cell: true, indent: '' };

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${line(b.content, CELL)}`;
    case 'paragraph':
      return line(b.content, BLOCK);
    case 'note':
      return `**${escInline(b.label).trim()}** ${line(b.content, BLOCK)}`;
    case 'list':
      return b.items.map((item, n) => {
        const marker = b.ordered ? `${n + 1}. ` : '- ';
        return `${marker}${line(item, { cell: false, indent: ' '.repeat(marker.length) })}`;
      }).join('\n');
    case 'table':
      return mdTable(b.header.map((c) => line(c, CELL)), b.rows.map((r) => r.map((c) => line(c, CELL))));
    case 'signatures':
      return b.lines.map((l) => line([{ kind: 'text', text: `${l.role} ${SIGNATURE_LINE}${l.name === undefined ? '' : ` ${l.name}`}` }], BLOCK)).join('\n\n');
    case 'image':
      // GitHub draws a Mermaid diagram from its text; without one, the SVG goes inline as a data URL (one file, no companion to keep in step).
      return b.mermaid !== undefined
        ? `\`\`\`mermaid\n${b.mermaid.replace(/`{3,}/g, '').trimEnd()}\n\`\`\``
        : `![${escInline(b.alt, false).trim()}](data:image/svg+xml;base64,${Buffer.from(b.svg, 'utf8').toString('base64')})`;
  }
}

/**
 * The document as GitHub-flavoured Markdown that passes markdownlint: the
 * title as the one level-1 heading, blocks separated by one blank line,
 * ending in one newline. Every text from the tree is escaped here, and only here.
 */
export function toMarkdown(doc: Doc): string {
  const parts = [`# ${line([{ kind: 'text', text: doc.title }], CELL)}`, ...doc.blocks.map(block)];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
