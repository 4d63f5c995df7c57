import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/model/countries.js';
import type { BarChart } from '../../src/render/charts/chart.js';
import { meetingsChart, membershipChart, officersChart } from '../../src/render/charts/chart-data.js';
import { chartMermaid } from '../../src/render/charts/chart-mermaid.js';
import type { Image } from '../../src/render/doc-tree.js';
import { reportDocument } from '../../src/render/report.js';
import { yearPeriod } from '../../src/query/period.js';
import { loadFolder } from '../helpers/load-folder.js';
import { useMermaid, type Diagram, type XyData } from '../helpers/mermaid.js';
import { ROOT } from '../helpers/run-cli.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');


const mermaid = useMermaid();

/**
 * Mermaid's parse of a chart (the diagram read from the text; it rejects a text Mermaid cannot parse, and
 * mermaid.parse is this same call after its preprocessing, so the text is parsed once): the diagram's db,
 * which Mermaid keeps one of per diagram type, so read it before the next parse.
 */
async function diagram(text: string): Promise<Diagram['db'] & { getDiagramTitle(): string }> {
  return (await mermaid().mermaidAPI.getDiagramFromText(text)).db as Diagram['db'] & { getDiagramTitle(): string };
}

/** Mermaid's parse of an xychart: the bars it would draw, series by series. */
async function xy(text: string): Promise<XyData> {
  return (await diagram(text)).getXYChartData!();
}

describe('the Mermaid charts, read back by Mermaid itself', () => {
  it('membership: running totals per country, the tallest drawn first; differences give each country its count', async () => {
    const { club } = await loadFolder(RICH);
    const chart = membershipChart(club, '2019-12-31', { title: 'Representatives by member country', unit: 'representatives', countryName }, (c) => [...c].sort());
    const data = await xy(chartMermaid(chart));
    expect(data.xAxis.categories).toEqual(chart.categories);
    const bars = data.plots.filter((p) => p.type === 'bar').map((p) => p.data.map(([, v]) => v)).reverse(); // bottom series first
    expect(bars.length).toBe(chart.series.length);
    chart.series.forEach((s, k) => {
      const own = bars[k]!.map((v, i) => v - (k > 0 ? bars[k - 1]![i]! : 0));
      expect(own).toEqual(s.values);
    });
    expect(data.yAxis.max).toBe(Math.max(...bars.at(-1)!));
  });

  it('meetings per year: one bar per year, its height the count', async () => {
    const { club } = await loadFolder(RICH);
    const data = await xy(chartMermaid(meetingsChart(club, '2019-12-31', { title: 'Meetings held per calendar year', unit: 'meetings', series: 'held' })));
    expect(data.plots.map((p) => p.data)).toEqual([[['2019', 3]]]);
  });

  it("officers' terms: a Gantt task per term, in its position's section, with its dates", async () => {
    const { club } = await loadFolder(RICH);
    const text = chartMermaid(officersChart(club, '2019-12-31', { title: "Officers' terms", memberName: (id) => club.byId.members.get(id)!.data.name }));
    const tasks = (await diagram(text)).getTasks!();
    expect(tasks.map((t) => [t.section, t.task.trim(), t.startTime.toISOString().slice(0, 10)])).toEqual([
      ['Chairman', 'Ivanov I.I.', '2010-03-01'],
      ['Chairman', 'Petrova A.S.', '2019-01-01'],
      ['Secretary', 'Wang Li', '2016-02-01'],
    ]);
  });

  it('titles and labels that would break the syntax are made harmless', async () => {
    const chart: BarChart = { kind: 'bars', name: 'x', title: 'A "quoted" title\nwith a break', unit: 'u"', categories: ['a"b', '2020'], series: [{ key: 'k', label: 'l', values: [1, 2] }] };
    const data = await xy(chartMermaid(chart));
    expect(data.xAxis.categories.length).toBe(2);
    const gantt = chartMermaid({ kind: 'timeline', name: 't', title: 'T: #1;', from: '2019-01-01', to: '2019-12-31', rows: [{ key: 'a', label: 'Sec: tion', spans: [{ label: 'Name: x # y', from: '2019-01-01', to: '2019-06-30', open: false }] }] });
    const tasks = (await diagram(gantt)).getTasks!();
    expect(tasks.length).toBe(1);
  });

  it('the Russian report: every chart parses, with Russian titles, axes, sections and names', async () => {
    const { club } = await loadFolder(RICH);
    const images = (lang: 'en' | 'ru') => reportDocument(club, { ...yearPeriod(2019), year: 2019 }, lang).blocks.filter((b): b is Image => b.kind === 'image');
    const ru = images('ru');
    expect(ru.map((i) => i.mermaid?.split('\n').find((line) => line.trim().startsWith('gantt') || line.trim().startsWith('xychart')))).toEqual(['gantt', 'xychart-beta', 'xychart-beta']);
    const [officers, membership, meetings] = ru.map((i) => i.mermaid!);
    // Each chart parsed once: its title and its data read from that parse's db.
    const titleOf = (db: { getDiagramTitle(): string }) => db.getDiagramTitle().replace(/\u00a0/g, ' ');
    const gantt = await diagram(officers!);
    expect(titleOf(gantt)).toBe('Сроки полномочий должностных лиц');
    expect(gantt.getTasks!().map((t) => [t.section, t.task.trim()])).toEqual([
      ['Председатель', 'Иванов И.И.'],
      ['Председатель', 'Петрова А.С.'],
      ['Секретарь', 'Wang Li'],
    ]);
    const membersDb = await diagram(membership!);
    expect(titleOf(membersDb)).toBe('Представители по странам-членам');
    const members = membersDb.getXYChartData!();
    expect((members.yAxis as { title?: string }).title).toBe('представители');
    expect(members.xAxis.categories).toEqual(['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019']);
    const heldDb = await diagram(meetings!);
    const held = heldDb.getXYChartData!();
    expect(held.plots.map((p) => p.data)).toEqual([[['2019', 3]]]);
    expect(titleOf(heldDb)).toBe('Проведённые заседания по календарным годам');
    expect((held.yAxis as { title?: string }).title).toBe('заседания');
    // The same charts in English carry the same numbers (totals per year, terms' dates): only the words, and
    // the order of the countries (by their name in the language), differ.
    const numbers = (text: string) => [text.match(/^ {2}bar \[.*\]$/m)?.[0], ...text.matchAll(/\d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d/g)].map(String);
    expect(images('en').map((i) => numbers(i.mermaid!))).toEqual(ru.map((i) => numbers(i.mermaid!)));
    // The SVG of each chart (what Word shows) carries the same Russian title, and no English one.
    for (const image of ru) {
      expect(image.svg).toMatch(/<title>[^<]*[а-яё]/u);
      expect(image.svg).not.toMatch(/Officers|Representatives|Meetings held/);
    }
  });
});
