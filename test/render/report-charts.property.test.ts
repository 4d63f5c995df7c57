import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { plainText, type Block, type Doc, type Image, type Table } from '../../src/render/doc-tree.js';
import { reportDocument } from '../../src/render/report.js';
import { folderArb, GENERATED_CLUB } from '../helpers/club-arbitrary.js';
import { loadObjects } from '../helpers/load-tree.js';
import { useMermaid } from '../helpers/mermaid.js';
import { all, xml } from '../helpers/xml-tree.js';

type Rec = Record<string, unknown>;

// Independent of the code under test: membership read straight from the generated values.
const first = (d: string) => (d.length === 4 ? `${d}-01-01` : d);
const memberOn = (m: Rec, day: string) => first(String(m.joined)) <= day && (m.left === undefined || day < String(m.left));

const periodArb = fc.oneof(
  fc.integer({ min: 2016, max: 2021 }).map((year) => ({ from: `${year}-01-01`, to: `${year}-12-31`, year })),
  fc.integer({ min: 2016, max: 2020 }).map((y) => ({ from: `${y}-09-01`, to: `${y + 1}-06-30`, year: undefined })),
);

/** The bars of an SVG chart as fast-xml-parser reads them: category → series → value. */
function barsOf(svg: string): Map<string, Map<string, number>> {
  expect(XMLValidator.validate(svg)).toBe(true);
  const out = new Map<string, Map<string, number>>();
  for (const r of all(xml.parse(svg), 'rect').filter((x) => x.class === 'bar')) {
    const cat = String(r['data-category']);
    if (!out.has(cat)) out.set(cat, new Map());
    expect(out.get(cat)!.has(String(r['data-series']))).toBe(false); // one segment per series and year
    out.get(cat)!.set(String(r['data-series']), Number(r['data-value']));
  }
  return out;
}

const imageTitled = (doc: Doc, title: string) => (doc.blocks as Block[]).find((b): b is Image => b.kind === 'image' && b.title === title);
function tableOf(doc: Doc, first: string, after: string): Table | undefined {
  let inSection = false;
  for (const b of doc.blocks as Block[]) {
    if (b.kind === 'heading') inSection = plainText(b.content) === after;
    if (inSection && b.kind === 'table' && plainText(b.header[0]!) === first) return b;
  }
  return undefined;
}

const mermaid = useMermaid();

describe("the report's charts: every bar is the count of the records it stands for", () => {
  it('holds for generated folders and periods, in the SVG (fast-xml-parser) and in the Mermaid (Mermaid\'s parser)', async () => {
    await fc.assert(fc.asyncProperty(folderArb, periodArb, async ({ members, meetings }, period) => {
      const { club, diagnostics } = loadObjects(GENERATED_CLUB, { members, meetings });
      expect(diagnostics).toEqual([]);
      const doc = reportDocument(club, period);
      const reps = (Object.values(members) as Rec[]).filter((m) => m.category !== 'participant');
      const lastYear = Number(period.to.slice(0, 4));
      const countedOn = (y: number) => (y === lastYear ? period.to : `${y}-12-31`);

      // Membership: years from the first join of a representative to the period's end, a segment per country with anyone.
      const membership = imageTitled(doc, 'Representatives by member country');
      const firstYear = Math.min(...reps.map((m) => Number(String(m.joined).slice(0, 4))));
      const years = reps.length === 0 ? [] : Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
      const expected = new Map(years.map((y) => [String(y), new Map<string, number>()]));
      for (const y of years) {
        for (const m of reps.filter((r) => memberOn(r, countedOn(y)))) {
          const row = expected.get(String(y))!;
          row.set(String(m.country), (row.get(String(m.country)) ?? 0) + 1);
        }
      }
      const anyone = [...expected.values()].some((r) => r.size > 0);
      expect(membership !== undefined).toBe(anyone);
      if (membership !== undefined) {
        expect(barsOf(membership.svg)).toEqual(new Map([...expected].filter(([, r]) => r.size > 0)));
        // The last bar is the membership table's count of representatives at the period's end: one number everywhere.
        const table = tableOf(doc, 'Country', 'Membership')!;
        const end = Number(plainText(table.rows.find((r) => plainText(r[0]!) === 'Representatives')![4]!));
        const sum = (r: Map<string, number> | undefined) => [...(r ?? new Map()).values()].reduce((a, b) => a + b, 0);
        expect(sum(expected.get(String(lastYear)))).toBe(end);
        // Mermaid draws running totals: its topmost series is each year's total.
        // Mermaid's parser reads it: getDiagramFromText rejects a text it cannot parse (mermaid.parse is this same
        // call after its preprocessing; calling both parsed each chart twice, most of this test's CPU).
        const diagram = await mermaid().mermaidAPI.getDiagramFromText(membership.mermaid!);
        expect(diagram.type).toBe('xychart');
        const xy = diagram.db.getXYChartData!();
        expect(xy.xAxis.categories).toEqual(years.map(String));
        expect(xy.plots[0]!.data.map(([, v]) => v)).toEqual(years.map((y) => sum(expected.get(String(y)))));
      }

      // Meetings: held meetings up to the period's end, per year from the first.
      const held = (Object.values(meetings) as Rec[]).filter((m) => m.status === 'held' && String(m.date) <= period.to);
      const perYear = imageTitled(doc, 'Meetings held per calendar year')!;
      // No chart when none was held by then (its bars would all be zero); one when any was.
      if (held.length === 0) {
        expect(perYear).toBeUndefined();
        return;
      }
      expect(perYear).toBeDefined();
      const bars = barsOf(perYear.svg);
      const count = (y: string) => held.filter((m) => String(m.date).startsWith(`${y}-`)).length;
      expect([...bars.values()].reduce((n, r) => n + (r.get('held') ?? 0), 0)).toBe(held.length);
      for (const [y, r] of bars) expect(r.get('held')).toBe(count(y));
      const perYearDiagram = await mermaid().mermaidAPI.getDiagramFromText(perYear.mermaid!);
      expect(perYearDiagram.type).toBe('xychart');
      const xy = perYearDiagram.db.getXYChartData!();
      expect(xy.plots[0]!.data.reduce((n, [, v]) => n + v, 0)).toBe(held.length);
      for (const [y, v] of xy.plots[0]!.data) expect(v).toBe(count(y));
    }), { numRuns: 30 });
  });
});
