import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/cli/load-data.js';
import type { Io } from '../../src/cli/io.js';
import type { Club } from '../../src/model/club.js';
import { yearPeriod } from '../../src/query/period.js';
import { chartSvg, TITLE_MARGIN, titleLayout, titleWidth } from '../../src/render/charts/chart-svg.js';
import type { Chart } from '../../src/render/charts/chart.js';
import type { Image } from '../../src/render/doc-tree.js';
import { toDocx } from '../../src/render/docx.js';
import { CATALOGUES, LANGUAGES } from '../../src/render/locale.js';
import { reportDocument } from '../../src/render/report.js';
import { ROOT } from '../helpers/run-cli.js';
import { all, xml } from '../helpers/xml-tree.js';

const quietIo: Io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ROOT, now: () => new Date(0) };
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(FONT_DIR, f));
/** Ink this close to a side is a title touching it: half the margin the drawer keeps. */
const CLEAR = TITLE_MARGIN / 2;

/**
 * The ink box of each title line of a chart's SVG, as resvg lays the text out with the bundled
 * fonts: the title's <text> elements (read by fast-xml-parser) each alone in a picture of the
 * chart's size, measured by resvg's getBBox.
 */
function titleBoxes(svg: string): { line: string; size: number; width: number; box: { x: number; width: number } }[] {
  const root = xml.parse(svg);
  const width = Number(all(root, 'svg')[0]!.width);
  const height = Number(all(root, 'svg')[0]!.height);
  const titles = all(root, 'text').filter((t) => t.class === 'title');
  expect(titles.length).toBeGreaterThan(0);
  return titles.map((t) => {
    const line = String(t['#text']);
    const attrs = Object.entries(t).filter(([k]) => k !== '#text').map(([k, v]) => `${k}="${String(v).replace(/"/g, '&quot;')}"`).join(' ');
    const alone = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text ${attrs}>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text></svg>`;
    const resvg = new Resvg(alone, { font: { loadSystemFonts: false, fontFiles: FONTS, defaultFontFamily: 'DejaVu Sans' }, logLevel: 'off' });
    const box = resvg.getBBox();
    expect(box, line).toBeDefined();
    return { line, size: Number(t['font-size']), width, box: { x: box!.x, width: box!.width } };
  });
}

/** Every title line inside its chart, clear of both sides; and titleWidth, which laid it out, no less than resvg's ink. */
function expectTitleFits(svg: string, title: string): void {
  const boxes = titleBoxes(svg);
  expect(boxes.map((b) => b.line).join(' ')).toBe(title.replace(/[ \t\r\n]+/g, ' ').trim());
  for (const { line, size, width, box } of boxes) {
    expect(box.x, `${line}: left edge`).toBeGreaterThanOrEqual(CLEAR);
    expect(box.x + box.width, `${line}: right edge`).toBeLessThanOrEqual(width - CLEAR);
    expect(titleWidth(line, size), line).toBeGreaterThanOrEqual(box.width);
    expect(titleWidth(line, size), line).toBeLessThanOrEqual(width - 2 * TITLE_MARGIN);
  }
}

/** A PNG with no ink (anything darker than near-white) in its `cols` leftmost and rightmost columns. */
function edgeInk(png: PNG, cols: number): number {
  let ink = 0;
  for (let y = 0; y < png.height; y++) {
    for (const x of [...Array(cols).keys(), ...Array.from({ length: cols }, (_, i) => png.width - 1 - i)]) {
      const i = (png.width * y + x) * 4;
      if (Math.min(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!) < 240) ink++;
    }
  }
  return ink;
}

let shipped: Club;
let rich: Club;
beforeAll(async () => {
  shipped = (await loadData({ data: path.join(ROOT, 'data'), asOf: '2019-12-31' }, quietIo)).club;
  rich = (await loadData({ data: path.join(ROOT, 'test/fixtures/rich/data'), asOf: '2020-06-30' }, quietIo)).club;
});

const reports = () => LANGUAGES.flatMap((lang) => [
  { name: `shipped data, 2019, ${lang}`, lang, doc: reportDocument(shipped, { ...yearPeriod(2019), year: 2019 }, lang) },
  { name: `rich, 2019, ${lang}`, lang, doc: reportDocument(rich, { ...yearPeriod(2019), year: 2019 }, lang) },
  { name: `rich, season 2019-2020, ${lang}`, lang, doc: reportDocument(rich, { from: '2019-09-01', to: '2020-06-30' }, lang) },
]);

describe("a chart's title fits inside its picture, in both languages and at any length", () => {
  it('every chart of the reports (the 320-px ones too): each title line clear of both sides, as resvg measures it', () => {
    let narrow = 0;
    for (const { name, doc } of reports()) {
      const images = doc.blocks.filter((b): b is Image => b.kind === 'image');
      // Three charts; two for a club that has held no meeting (the shipped data): no meetings chart of zero bars.
      expect(images.length, name).toBe(name.startsWith('shipped') ? 2 : 3);
      for (const image of images) {
        expectTitleFits(image.svg, image.title!);
        if (/width="320"/.test(image.svg)) narrow++;
      }
    }
    expect(narrow).toBeGreaterThan(0); // the charts the reviewer saw clipped are among them
  });

  it("the PNGs in the Word files have no title ink in their edge columns (word/media read back by pngjs)", async () => {
    for (const { name, lang, doc } of reports()) {
      const parts = unzipSync(await toDocx(doc, { words: CATALOGUES[lang].docx, date: '2020-06-30' }));
      const pngs = Object.keys(parts).filter((n) => /^word\/media\/.+\.png$/.test(n));
      expect(pngs.length, name).toBe(name.startsWith('shipped') ? 2 : 3);
      // Nothing else a chart draws comes within 4 px (8 pixels at the PNG's zoom of 2) of a side.
      for (const n of pngs) expect(edgeInk(PNG.sync.read(Buffer.from(parts[n]!)), 8), `${name}: ${n}`).toBe(0);
    }
  });

  it('any title, Latin or Cyrillic, one word or many, on any chart width: wrapped or made smaller, never outside', () => {
    const letter = fc.constantFrom(...'AWMmwiltfrTCP.,-\'ЖШЩЮМДФЫжшщюмдфыгл'.split(''));
    const word = fc.array(letter, { minLength: 1, maxLength: 24 }).map((l) => l.join(''));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (words, categories) => {
      const title = words.join(' ');
      const chart: Chart = { kind: 'bars', name: 'x', title, unit: 'u', categories: Array.from({ length: categories }, (_, i) => String(2000 + i)), series: [{ key: 'k', label: 'k', values: Array(categories).fill(1) }] };
      const layout = titleLayout(title, Number(/width="(\d+)"/.exec(chartSvg(chart))![1]));
      expect(layout.lines.length).toBeLessThanOrEqual(2);
      expect(layout.size).toBeLessThanOrEqual(16);
      expectTitleFits(chartSvg(chart), title);
    }), { numRuns: 60 });
  });

  it('titleWidth counts the ink a letter puts out of its advance: «f» ending a line, «j» starting one (the property test found «A f»)', () => {
    for (const title of ['A f', 'Af f', 'jA', 'Wj f']) {
      const chart: Chart = { kind: 'bars', name: 'x', title, unit: 'u', categories: ['2019'], series: [{ key: 'k', label: 'k', values: [1] }] };
      expectTitleFits(chartSvg(chart), title);
    }
  });

  it('a title that fits stays one line at 16 px; one that does not is two lines, broken only where the title has a plain space, before it is any smaller', () => {
    const en = CATALOGUES.en.chart;
    const ru = CATALOGUES.ru.chart;
    expect(titleLayout(en.officersTitle, 320)).toEqual({ lines: [en.officersTitle], size: 16 });
    expect(titleLayout(en.membershipTitle, 320)).toEqual({ lines: ['Representatives by', 'member country'], size: 16 });
    // The Russian titles as the documents have them: the catalogue holds «по» to its noun with a no-break space, so the
    // most even break («Представители по» / «странам-членам») is not one a title may take.
    expect(ru.membershipTitle).toBe('Представители по\u00a0странам-членам');
    expect(titleLayout(ru.membershipTitle, 320)).toEqual({ lines: ['Представители', 'по\u00a0странам-членам'], size: 16 });
    expect(titleLayout(ru.meetingsTitle, 320)).toEqual({ lines: ['Проведённые заседания', 'по\u00a0календарным годам'], size: 16 });
    const long = titleLayout('Представительствоиэкспертиза', 320);
    expect(long.lines).toEqual(['Представительствоиэкспертиза']);
    expect(long.size).toBeLessThan(16);
  });

  it('the Russian report draws those lines: its narrow charts\' titles, as the SVG has them', () => {
    const lines = (svg: string) => [...svg.matchAll(/<text class="title"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const narrow = reports().filter((r) => r.lang === 'ru').flatMap((r) => r.doc.blocks)
      .filter((b): b is Image => b.kind === 'image' && /width="320"/.test(b.svg)).map((b) => lines(b.svg));
    expect(narrow).toContainEqual(['Представители', 'по\u00a0странам-членам']);
    expect(narrow).toContainEqual(['Проведённые заседания', 'по\u00a0календарным годам']);
    for (const title of narrow) for (const line of title) expect(line, title.join(' / ')).not.toMatch(/(?:^|\s)по$/u);
  });
});
