import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/parse/spreadsheet.js';
import { formatRows } from '../../src/query/output.js';
import { baseTree, member } from '../helpers/club-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

// Every value a spreadsheet would take for a formula, or that would forge a row.
const HOSTILE = ['=HYPERLINK("http://x.example","y")', '+7 495 123-45-67', '-2+3', '@SUM(A1)', '\tx', '\rx', 'a\nb', 'a\rb', 'a\r\nb', '\r', 'plain', "it's"];
const csvSafeOf = (v: string): string => WRITTEN[HOSTILE.indexOf(v)]!;
const WRITTEN = ['\'=HYPERLINK("http://x.example","y")', "'+7 495 123-45-67", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", 'a\nb', 'a\rb', 'a\r\nb', "'\r", 'plain', "it's"];

describe('CSV output: no formulas, no forged rows', () => {
  it('a CSV parser we did not write reads back exactly the values, a leading \' before =, +, -, @, tab and CR', () => {
    const rows = HOSTILE.map((v, i) => ({ id: `r${i}`, value: { notes: v } }));
    const csv = formatRows(rows, [{ path: 'id', type: 'text' }, { path: 'notes', type: 'text' }] as never, true, 'csv');
    const back = parseCsv(csv) as string[][];
    expect(back).toHaveLength(HOSTILE.length + 1);
    expect(back[0]).toEqual(['id', 'notes']);
    expect(back.slice(1).map((r) => r[1])).toEqual(WRITTEN);
    // A value with a line break is always quoted, a lone CR or LF too: it cannot end a row.
    for (const v of HOSTILE.filter((x) => /[\r\n]/.test(x))) expect(csv).toContain(`,"${csvSafeOf(v)}"\r\n`);
  });

  it('club list --format csv of a folder with such values: csv-parse reads them with the \', and club import reads them back as they were', async () => {
    const dir = testdir({
      ...baseTree(),
      'members/evil-x.yaml': member({ name: `"=cmd|'/c calc'!A0"`, phone: "'+7 495 123-45-67'", notes: '"line one\\rfake,row\\nline three"' }),
    });
    const run = await runCli(['list', 'members', '--data', dir, '--format', 'csv', '--fields', 'id,name,phone,notes']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout) as string[][];
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r[0] === 'evil-x')).toEqual(['evil-x', "'=cmd|'/c calc'!A0", "'+7 495 123-45-67", 'line one\rfake,row\nline three']);
    const sheet = await readSheet(new TextEncoder().encode(run.stdout), 'csv');
    const evil = sheet.rows.find((r) => r.cells[0]?.kind === 'text' && r.cells[0].text === 'evil-x');
    expect(evil?.cells.map((c) => (c.kind === 'text' ? c.text : c.kind))).toEqual(['evil-x', "=cmd|'/c calc'!A0", '+7 495 123-45-67', 'line one\rfake,row\nline three']);
  });
});
