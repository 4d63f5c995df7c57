import path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/model/countries.js';
import type { BarChart, Timeline } from '../../src/render/charts/chart.js';
import { meetingsChart, membershipChart, officersChart, representativesOn } from '../../src/render/charts/chart-data.js';
import { chartSvg } from '../../src/render/charts/chart-svg.js';
import { loadFolder } from '../helpers/load-folder.js';
import { ROOT } from '../helpers/run-cli.js';
import { all, xml, type XmlNode } from '../helpers/xml-tree.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');

function read(svg: string): XmlNode {
  expect(XMLValidator.validate(svg)).toBe(true);
  return xml.parse(svg) as XmlNode;
}

const words = { title: 'Representatives by member country', unit: 'representatives', countryName };
const sortCodes = (codes: string[]) => [...codes].sort((a, b) => countryName(a).localeCompare(countryName(b)));

describe('charts, read back by fast-xml-parser', () => {
  it('membership: one bar segment per country and year with representatives, each as many as the data has', async () => {
    const { club } = await loadFolder(RICH);
    const chart = membershipChart(club, '2019-12-31', words, sortCodes);
    expect(chart.categories[0]).toBe('2010'); // Ivanov joined in 2010
    expect(chart.categories.at(-1)).toBe('2019');
    const bars = all(read(chartSvg(chart)), 'rect').filter((r) => r.class === 'bar');
    let expected = 0;
    for (const year of chart.categories) {
      for (const code of chart.series.map((s) => s.key)) {
        const n = representativesOn(club, `${year}-12-31`, code);
        const found = bars.filter((b) => b['data-category'] === year && b['data-series'] === code);
        expect(found.length).toBe(n > 0 ? 1 : 0);
        if (n > 0) expect(Number(found[0]!['data-value'])).toBe(n);
        if (n > 0) expected += 1;
      }
    }
    expect(bars.length).toBe(expected);
    // In 2019: China 1, Czechia 1, Finland 1 (Virtanen left, Korhonen joined), Germany 1, Russia 3.
    const in2019 = bars.filter((b) => b['data-category'] === '2019').map((b) => [b['data-series'], Number(b['data-value'])]);
    expect(Object.fromEntries(in2019)).toEqual({ CN: 1, CZ: 1, FI: 1, DE: 1, RU: 3 });
  });

  it('meetings per year: one bar per year with held meetings, its height the count', async () => {
    const { club } = await loadFolder(RICH);
    const svg = chartSvg(meetingsChart(club, '2019-12-31', { title: 'Meetings held per calendar year', unit: 'meetings', series: 'held' }));
    const bars = all(read(svg), 'rect').filter((r) => r.class === 'bar');
    expect(bars.map((b) => [b['data-category'], Number(b['data-value'])])).toEqual([['2019', 3]]);
  });

  it("officers' terms: one span per term, with its dates, open while in office", async () => {
    const { club } = await loadFolder(RICH);
    const chart = officersChart(club, '2019-12-31', { title: "Officers' terms", memberName: (id) => club.byId.members.get(id)!.data.name });
    const spans = all(read(chartSvg(chart)), 'rect').filter((r) => r.class === 'span');
    expect(spans.map((s) => [s['data-row'], s['data-from'], s['data-to'], s['data-open']])).toEqual([
      ['chairman', '2010-03-01', '2018-12-31', 'false'],
      ['chairman', '2019-01-01', '2019-12-31', 'true'],
      ['secretary', '2016-02-01', '2019-12-31', 'true'],
    ]);
    expect(club.officers.length).toBe(spans.length);
  });

  it('any data gives well-formed SVG with every bar and label, the same bytes each time', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(fc.property(
      fc.array(fc.record({ key: text, label: text, values: fc.array(fc.nat(40), { minLength: 3, maxLength: 3 }) }), { minLength: 1, maxLength: 6 }),
      text,
      (series, title) => {
        const chart: BarChart = { kind: 'bars', name: 'x', title, unit: 'units', categories: ['2001', '2002', '2003'], series };
        const svg = chartSvg(chart);
        expect(chartSvg(chart)).toBe(svg);
        const bars = all(read(svg), 'rect').filter((r) => r.class === 'bar');
        expect(bars.length).toBe(series.flatMap((s) => s.values).filter((v) => v > 0).length);
        expect(bars.reduce((n, b) => n + Number(b['data-value']), 0)).toBe(series.flatMap((s) => s.values).reduce((a, b) => a + b, 0));
      },
    ), { numRuns: 60 });
  });

  it('a timeline of hostile labels stays well-formed', () => {
    const t: Timeline = { kind: 'timeline', name: 't', title: '<b>&"\'', from: '2010-01-01', to: '2012-06-30', rows: [
      { key: 'a"b', label: '</svg><script>', spans: [{ label: ']]>&', from: '2010-02-01', to: '2012-06-30', open: true }] },
    ] };
    const spans = all(read(chartSvg(t)), 'rect').filter((r) => r.class === 'span');
    expect(spans.length).toBe(1);
    expect(spans[0]!['data-row']).toBe('a"b');
  });
});
