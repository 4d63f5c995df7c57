import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/cli/load-data.js';
import type { Io } from '../../src/cli/io.js';
import type { Block, Image } from '../../src/render/doc-tree.js';
import { reportDocument } from '../../src/render/report.js';
import { yearPeriod } from '../../src/query/period.js';
import { expectGolden } from '../helpers/golden.js';
import { useMermaid } from '../helpers/mermaid.js';
import { ROOT } from '../helpers/run-cli.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const GOLDEN = path.join(ROOT, 'test/golden');
const quietIo: Io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ROOT, now: () => new Date(0) };

const mermaid = useMermaid();

/** The ```mermaid blocks of a Markdown text, as marked's lexer finds them. */
function mermaidBlocks(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'code' && (t as Tokens.Code).lang === 'mermaid') out.push((t as Tokens.Code).text);
      if ('tokens' in t && Array.isArray(t.tokens)) walk(t.tokens);
    }
  };
  walk(marked.lexer(markdown));
  return out;
}

describe('the charts as committed: golden SVG files and the Mermaid of every golden document', () => {
  it("the report's SVG pictures equal test/golden/charts/ (a change to the drawing shows in review)", async () => {
    const data = await loadData({ data: RICH, asOf: '2019-12-31' }, quietIo);
    const images = (reportDocument(data.club, { ...yearPeriod(2019), year: 2019 }).blocks as Block[]).filter((b): b is Image => b.kind === 'image');
    const byTitle = new Map(images.map((i) => [i.title, i.svg]));
    // A stacked bar chart and a timeline: the two drawers; the plain bar chart is the stacked one with one series.
    expectGolden('charts/report-2019-membership.svg', byTitle.get('Representatives by member country')!);
    expectGolden('charts/report-2019-officers.svg', byTitle.get("Officers' terms")!);
  });

  it('every ```mermaid block of the golden documents, English and Russian, is a diagram Mermaid parses', async () => {
    const found: Record<string, string[]> = {};
    for (const folder of ['documents', 'documents-ru']) {
      for (const file of readdirSync(path.join(GOLDEN, folder)).filter((f) => f.endsWith('.md')).sort()) {
        const blocks = mermaidBlocks(readFileSync(path.join(GOLDEN, folder, file), 'utf8'));
        const types: string[] = [];
        for (const text of blocks) {
          // Mermaid's parse gives the diagram's type it read (getDiagramFromText's, for the same text): one parse each.
          const parsed = mermaid().parse(text);
          await expect(parsed, `${folder}/${file}`).resolves.toBeTruthy();
          types.push((await parsed).diagramType);
        }
        if (types.length > 0) found[`${folder}/${file}`] = types;
      }
    }
    // The reports hold the three charts: officers' terms (Gantt), membership and meetings per year (xychart).
    expect(found['documents/report-2019.md']).toEqual(['gantt', 'xychart', 'xychart']);
    expect(found['documents/report-season-2019-2020.md']).toEqual(['gantt', 'xychart', 'xychart']);
    for (const [file, types] of Object.entries(found)) expect(file, String(types)).toMatch(/\/report-/);
  });
});
