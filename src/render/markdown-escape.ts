/**
 * Escapes text from the data for a GitHub-flavoured Markdown table cell or
 * inline text: Markdown punctuation is backslash-escaped, HTML's `<`, `>` and
 * `&` become entities, and line breaks become `<br>`, so no record can break a
 * table, start a list, or inject markup.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A row of a GFM table from cells already escaped. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A whole GFM table: header, delimiter row, rows; every cell escaped here. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [tableRow(header.map(escapeInline)), tableRow(header.map(() => '---')), ...rows.map((r) => tableRow(r.map(escapeInline)))];
  return `${lines.join('\n')}\n`;
}
