import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { emphasis, heading, inl, lineBreak, link, paragraph, safeUrl, signatures, strong, table, type Doc, type Image } from '../../src/render/doc-tree.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { lintMarkdown, lintMarkdowns, tablesOf } from '../helpers/markdown-check.js';

const doc = (...blocks: Doc['blocks']): Doc => ({ title: 'T', header: 'Club', language: 'en', blocks });

describe('links are made only from http, https and mailto URLs', () => {
  it('accepts those three', () => {
    expect(safeUrl('https://fcs.example/news')).toBe('https://fcs.example/news');
    expect(safeUrl('http://fcs.example')).toBe('http://fcs.example');
    expect(safeUrl('mailto:li@example.org')).toBe('mailto:li@example.org');
  });
  it('refuses script, data, file and relative URLs, and URLs with control characters', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:x', 'data:text/html,x', 'file:///etc/passwd', '/relative', 'https://', 'https://a.example/\nx', 'vbscript:x']) {
      expect(safeUrl(bad), bad).toBeUndefined();
    }
  });
  it('a javascript: URL leaves its text as plain text, with no link in the Markdown', () => {
    const md = toMarkdown(doc(paragraph('See ', link('javascript:alert(1)', 'this'), '.')));
    expect(md).toBe('# T\n\nSee this.\n');
    const html = marked.parse(md) as string;
    expect(html).not.toContain('<a');
  });
  it('an https link keeps its text escaped and its target percent-encoded', () => {
    const md = toMarkdown(doc(paragraph(link('https://e.example/a b(c)', 'a *b* [c]'))));
    expect(md).toBe('# T\n\n[a \\*b\\* \\[c\\]](https://e.example/a%20b%28c%29)\n');
    expect(marked.parse(md)).toContain('<a href="https://e.example/a%20b%28c%29">a *b* [c]</a>');
  });
});

describe('the Markdown renderer', () => {
  it('escapes text once, wherever it stands; strong and emphasis hug their text', () => {
    const md = toMarkdown(doc(paragraph(strong(' Kind: '), ' a|b <script>'), paragraph('a ', emphasis('- x'))));
    expect(md).toBe('# T\n\n**Kind:** a\\|b &lt;script&gt;\n\na *- x*\n');
    expect(marked.parse(md)).toContain('<em>- x</em>');
    expect(lintMarkdown(md)).toEqual([]);
  });
  it('what no file can hold as text (lone surrogates, U+FFFE, U+FFFF) becomes U+FFFD, as in Word', () => {
    expect(toMarkdown(doc(paragraph('a\ud800b\ufffec\uffff 🙂')))).toBe('# T\n\na\ufffdb\ufffdc\ufffd 🙂\n');
  });
  it('a leading list marker or number from the data does not start a list', () => {
    const md = toMarkdown(doc(paragraph('- not a list'), paragraph('1. not a list'), table(['A'], [['+ x']])));
    expect(md).toContain('\n\\- not a list\n');
    expect(md).toContain('\n1\\. not a list\n');
    expect(marked.parse(md)).toContain('<td>+ x</td>');
  });
  it('a line break is a hard break in a paragraph and a space in a table cell', () => {
    const md = toMarkdown(doc(paragraph('a', lineBreak, 'b'), table(['A'], [[inl('c', lineBreak, 'd')]])));
    expect(md).toContain('\na\\\nb\n');
    expect(tablesOf(md)[0]!.rows[0]![0]!.text).toBe('c d');
    expect(lintMarkdown(md)).toEqual([]);
  });
  it('headings, tables and signature lines', () => {
    const md = toMarkdown(doc(heading(2, 'H'), table(['A', 'B'], [['1', '']]), signatures([{ role: 'Chair', name: 'Petrova A.S.' }, { role: 'Secretary' }])));
    expect(md).toBe(`# T\n\n## H\n\n| A | B |\n| --- | --- |\n| 1 | |\n\nChair ${'\\_'.repeat(24)} Petrova A.S.\n\nSecretary ${'\\_'.repeat(24)}\n`);
    expect(lintMarkdown(md)).toEqual([]);
  });
  it('the lint holds every table to the compact style club writes, not any style', () => {
    const aligned = '# T\n\n| Name   | B |\n| ------ | - |\n| Ivanov | 1 |\n';
    expect(lintMarkdown(aligned)).toEqual([
      '3: MD060/table-column-style Table column style (Table pipe has extra space to the left for style "compact")',
    ]);
    expect(lintMarkdown('# T\n\n| Name | B |\n| --- | --- |\n| Ivanov | 1 |\n')).toEqual([]);
  });
  it('an image is a Mermaid block when it has one, else the SVG inline as a data URL with its alt text', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    const chart: Image = { kind: 'image', alt: 'Members [by year]', svg, width: 100, height: 50 };
    const withMermaid = toMarkdown(doc({ ...chart, mermaid: 'xychart-beta\n  bar [1, 2]' }));
    expect(withMermaid).toBe('# T\n\n```mermaid\nxychart-beta\n  bar [1, 2]\n```\n');
    const inline = toMarkdown(doc(chart));
    expect(inline).toBe(`# T\n\n![Members \\[by year\\]](data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')})\n`);
    expect(marked.parse(inline)).toContain('alt="Members [by year]"');
    expect(lintMarkdown(withMermaid)).toEqual([]);
  });
});

describe('the lint helper the property tests use', () => {
  it('lintMarkdowns gives each text its own findings, in order, as lintMarkdown does for one', () => {
    const texts = ['# Fine\n', '#No space\n', '# Fine too\n\nText.\n'];
    const findings = lintMarkdowns(texts);
    expect(findings).toEqual(texts.map((t) => lintMarkdown(t)));
    expect(findings.map((f) => f.length > 0)).toEqual([false, true, false]);
    expect(findings[1]!.some((f) => f.includes('MD018'))).toBe(true);
  });
});
