import { describe, expect, it } from 'vitest';
import { esc, link, table } from '../../src/render/markdown-escape.js';

describe('esc', () => {
  it('turns HTML into text', () => {
    expect(esc('<script>alert("x")</script> & co')).toBe('&lt;script&gt;alert("x")&lt;/script&gt; &amp; co');
  });
  it('escapes Markdown punctuation that would format or break a table', () => {
    expect(esc('a|b *c* _d_ `e` [f](g) ~~h~~ #i !j \\k')).toBe('a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\~\\~h\\~\\~ \\#i \\!j \\\\k');
  });
  it('flattens line breaks, tabs and control characters to single spaces', () => {
    expect(esc('one\r\ntwo\n\nthree\tfour\u0007five')).toBe('one two three four five');
  });
  it('escapes a leading list or heading marker', () => {
    expect(esc('- x')).toBe('\\- x');
    expect(esc('+ x')).toBe('\\+ x');
    expect(esc('1. x')).toBe('1\\. x');
    expect(esc('2) x')).toBe('2\\) x');
    expect(esc('=')).toBe('\\=');
  });
  it('makes a bare address an explicit autolink that stops at a pipe or a backslash', () => {
    expect(esc('see https://example.org/a_b|c.')).toBe('see <https://example.org/a_b>\\|c.');
    expect(esc('[a](https://evil.example)\\|')).toBe('\\[a\\](<https://evil.example>)\\\\\\|');
    expect(esc('mail li@example.org')).toBe('mail <li@example.org>');
    expect(esc('www.example.org')).toBe('<http://www.example.org>');
  });
});

describe('table and link', () => {
  it('writes empty cells as one space', () => {
    expect(table(['a', 'b'], [['x', '']])).toBe('| a | b |\n| --- | --- |\n| x | |');
  });
  it('percent-encodes characters that would end a link target', () => {
    expect(link('t', 'https://e.org/a b(c)')).toBe('[t](https://e.org/a%20b%28c%29)');
  });
});

describe('esc, across the cells of a row', () => {
  it('a `(` in one cell and an address holding `)[` in the next make no reversed link (markdownlint MD011): the address\'s brackets are percent-encoded', async () => {
    const { lintMarkdown, tablesOf } = await import('../helpers/markdown-check.js');
    const doc = `# T\n\n${table(['A', 'B'], [[esc('(|'), esc('www.x.org)[a@b.org]@')]])}\n`;
    expect(lintMarkdown(doc)).toEqual([]);
    expect(doc).toContain('| (\\| | <http://www.x.org%29%5Ba@b.org%5D@> |');
    const [t] = tablesOf(doc);
    expect(t!.rows.map((r) => r.map((c) => c.text))).toEqual([['(|', '<http://www.x.org%29%5Ba@b.org%5D@>']]);
  });
});

describe('esc, for any text (property)', () => {
  it('keeps a table cell one cell, and the table lint-clean', async () => {
    const fc = (await import('fast-check')).default;
    const { lintMarkdown, raggedRowsOf, tablesOf } = await import('../helpers/markdown-check.js');
    const pieces = fc.constantFrom('|', '\\', '\\|', '`', '*', '_', '[', ']', '(', ')', '<', '>', '&', '#', '!', '~', '-', '+', '1.', 'https://x.example/', 'www.x.org', 'a@b.org', '\n', '\t', ' ', '<br>', 'Ж');
    const text = fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
    // Up to nine rows a table: about a thousand generated rows, as when each run made a table of
    // one, in a fifth of the tables (a parse and a lint cost little more for nine rows than for one).
    // A cell that broke out of its row or its table would show in the row count or the cell counts.
    fc.assert(fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 9 }), (rows) => {
      const doc = `# T\n\n${table(['A', 'B'], rows.map(([a, b]) => [esc(a), esc(b)]))}\n`;
      const tables = tablesOf(doc); // read by marked once, for the cell counts and the rows
      expect(raggedRowsOf(tables), doc).toEqual([]);
      const [t] = tables;
      expect(t!.rows.length, doc).toBe(rows.length);
      for (const row of t!.rows) expect(row.length, doc).toBe(2);
      expect(lintMarkdown(doc), doc).toEqual([]);
    }), { numRuns: 200 });
  });
});
