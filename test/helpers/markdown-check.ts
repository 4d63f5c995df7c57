import { marked, type Tokens } from 'marked';
import { lint } from 'markdownlint/sync';

/**
 * markdownlint's default rules, but for line length (a table row cannot be wrapped), and with every table in
 * the "compact" style (MD060: one space on each side of every inner pipe), the style club writes: stricter than
 * the rule's default "any" (aligned, compact or tight), and cheaper: for "any" markdownlint first works out the
 * display width of every row up to each pipe (string-width, quadratic in a row's length) to try "aligned".
 * The .markdownlint.jsonc of test/golden/documents and documents-ru say the same (golden-lint.ts: markdownlint-cli2's
 * findings count only then).
 */
export const LINT_CONFIG = { default: true, MD013: false, MD060: { style: 'compact' as const } };

/** markdownlint's findings for a Markdown text, one line each; empty when it passes. */
export function lintMarkdown(markdown: string): string[] {
  return lintMarkdowns([markdown])[0]!;
}

/**
 * lintMarkdown for several texts in one markdownlint call (each its own document; a call's
 * set-up is a good part of the cost of a short one): the findings of each, in order.
 */
export function lintMarkdowns(markdowns: string[]): string[][] {
  const results = lint({ strings: Object.fromEntries(markdowns.map((m, i) => [`doc${i}`, m])), config: LINT_CONFIG });
  return markdowns.map((_, i) => (results[`doc${i}`] ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`));
}

/** Every GFM table in the text, as a GFM parser (marked) reads it. */
export function tablesOf(markdown: string): Tokens.Table[] {
  const out: Tokens.Table[] = [];
  marked.walkTokens(marked.lexer(markdown), (t) => {
    if (t.type === 'table') out.push(t as Tokens.Table);
  });
  return out;
}

/** Rows whose cell count differs from their table's header, as `table n row m: k cells, header h`. */
export function raggedRows(markdown: string): string[] {
  return raggedRowsOf(tablesOf(markdown));
}

/** raggedRows of tables already read with tablesOf (a text read once for both). */
export function raggedRowsOf(tables: readonly Tokens.Table[]): string[] {
  const problems: string[] = [];
  tables.forEach((t, i) => {
    t.rows.forEach((row, j) => {
      if (row.length !== t.header.length) problems.push(`table ${i + 1} row ${j + 1}: ${row.length} cells, header ${t.header.length}`);
    });
  });
  return problems;
}

/** The table cell texts as rendered (inline Markdown undone), to compare with the data. */
export function cellTexts(table: Tokens.Table): string[][] {
  return table.rows.map((row) => row.map((cell) => cell.text));
}
