// What GitHub would turn into a link on its own: shown as an explicit autolink instead,
// so the output is the same link and markdownlint's no-bare-urls rule holds.
// A link stops at a backslash or a pipe, which would otherwise have to be escaped inside it.
// An address is tried only where a run of its letters begins: tried at every letter of a
// 100,000-letter name, the pattern took seconds (each try ran to the run's end).
const BARE_LINK = /(?:https?:\/\/|www\.)[^\s<>\\|]*[^\s<>\\|.,:;"')\]!?*_~]|(?<![\w.+-])[\w.+-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+/g;

/**
 * A text that none of escInline's steps changes: letters and digits of any script, single spaces (a run of
 * spaces would become one) and `, . ' " ( ) -` (no Markdown punctuation, HTML, control, bidi or other space
 * character). With no `@`, `:` or `/`, the only bare link such a text can hold starts with `www.`.
 */
const PLAIN = /^(?:[\p{L}\p{N},.'"()\-]| (?! ))*$/u;

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // `@` too: what is left of an address after the links are taken out must not look like one;
    // `$` too: GitHub renders $…$ as math (`$\\color{red}{x}$` in a name would colour the page).
    .replace(/([\\`*_[\]|~#!@$])/g, '\\$1');
}

/**
 * Escapes a run of text from the data for GitHub-flavoured Markdown, wherever
 * it stands in a line: Markdown punctuation is backslash-escaped, HTML's `<`,
 * `>` and `&` become entities, line breaks, tabs and control characters become
 * one space each run, and a bare address becomes an explicit autolink (unless
 * `autolink` is false, inside a link's own text).
 */
export function escInline(value: string | number, autolink = true): string {
  const plain = String(value);
  // Most texts (names, places, titles, dates) are already their own Markdown: one test instead of eight replaces.
  if (PLAIN.test(plain) && !plain.includes('www.')) return plain;
  // Line breaks, tabs and control characters (C0 and C1) would end a table row or a list item: one space each run.
  // No-break spaces stay: Russian typography puts them where a line must not break (14 марта, 2019 г.).
  // Bidi embeddings, overrides and isolates would reorder what a reader sees: dropped.
  const text = plain.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/(?:(?![\u00a0\u2007\u202f])[\u0000-\u001f\u007f-\u009f\s])+/g, ' ')
    // What no file can hold as text (a lone surrogate, U+FFFE, U+FFFF) is U+FFFD, as in a Word file.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '\ufffd');
  if (!autolink) return escapeText(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BARE_LINK)) {
    // Brackets and parentheses percent-encoded, as in link(): `<http://www.x.org)[a@b.org]@>` after a cell's `(` read as
    // markdownlint's reversed link `(…)[…]` (MD011) across the cells, found by the property test below it.
    const target = pctEncode(m[0].startsWith('www.') ? `http://${m[0]}` : m[0], /[()[\]]/g);
    out += `${escapeText(text.slice(last, m.index))}<${target}>`;
    last = m.index + m[0].length;
  }
  return out + escapeText(text.slice(last));
}

/** Escapes what would start a list or a setext heading at the start of a block (a paragraph, list item or cell) already in Markdown. */
export function escBlockStart(markdown: string): string {
  return markdown.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Escapes a whole value that stands alone (a table cell of `club list --format md`):
 * `escInline`, trimmed, with a leading list or heading marker escaped, so no
 * record can break a table, start a list, or inject markup.
 */
export function esc(value: string | number): string {
  return escBlockStart(escInline(value).trim());
}

/** A GFM table from Markdown cells (escape data with `esc` first). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // An empty cell is `| |`: markdownlint's compact table style wants one space, not two.
  const row = (cells: readonly string[]) => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/** A link whose target is a URL from the data: characters that would end the link are percent-encoded. */
export function link(textMd: string, url: string): string {
  return `[${textMd}](${pctEncode(url, /[\s()<>[\]]/g)})`;
}

/** `url` with the characters `which` matches percent-encoded (each an ASCII character). */
const pctEncode = (url: string, which: RegExp): string => url.replace(which, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** Blocks joined by one blank line, ending in one newline, as markdownlint wants. */
export function document(blocks: readonly (string | undefined | false)[]): string {
  return `${blocks.filter((b): b is string => typeof b === 'string' && b !== '').join('\n\n')}\n`;
}

export const bullets = (itemsMd: readonly string[]): string => itemsMd.map((i) => `- ${i}`).join('\n');
export const numbered = (itemsMd: readonly string[]): string => itemsMd.map((i, n) => `${n + 1}. ${i}`).join('\n');
