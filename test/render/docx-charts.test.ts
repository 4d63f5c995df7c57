import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type LoadedData } from '../../src/cli/load-data.js';
import type { Io } from '../../src/cli/io.js';
import type { Doc, Image } from '../../src/render/doc-tree.js';
import { toDocx } from '../../src/render/docx.js';
import { CATALOGUES } from '../../src/render/locale.js';
import { reportDocument } from '../../src/render/report.js';
import { sheetDocument } from '../../src/render/sheet.js';
import { drawPng, svgToPng } from '../../src/render/svg-png.js';
import { yearPeriod } from '../../src/query/period.js';
import { docxHtml } from '../helpers/docx-check.js';
import { ROOT, runClubBytesOnce } from '../helpers/run-cli.js';
import { richFilesInLibreOffice, soffice as findSoffice } from '../helpers/libreoffice.js';
import { all, xml, type XmlNode } from '../helpers/xml-tree.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const AS_OF = '2019-12-31';
const ZOOM = 2; // svgToPng's default: the PNG has twice the SVG's pixels each way
const quietIo: Io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ROOT, now: () => new Date(0) };

const hex = (colour: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
/** The colour a fill gives over white at an opacity. */
const over = (rgb: [number, number, number], opacity: number) => rgb.map((c) => Math.round(255 - opacity * (255 - c)));
function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 3);
/** A colour, not white, grey or black: where a bar or a span is drawn. */
const coloured = ([r, g, b]: number[]) => Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 40;

type HtmlNode = DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode'];
/**
 * The <img> elements of an HTML text, in document order, as an HTML parser reads them: parse5,
 * the WHATWG parser jsdom itself parses with (jsdom's DOM and CSS on top of it cost ten times the
 * parse on LibreOffice's HTML, whose every paragraph has a style); each its `alt` and `src` (null
 * when absent).
 */
function htmlImages(html: string): { alt: string | null; src: string | null }[] {
  const out: { alt: string | null; src: string | null }[] = [];
  const walk = (node: HtmlNode): void => {
    if ('tagName' in node && node.tagName === 'img') {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value ?? null;
      out.push({ alt: attr('alt'), src: attr('src') });
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if ('content' in node) walk(node.content); // a <template>'s
  };
  walk(parseHtml(html));
  return out;
}

/**
 * A PNG decoded by pngjs, once per bytes in this file: the same picture reaches the tests from the
 * Word file's parts, from mammoth's data URLs and from svgToPng, and decoding is a pure function
 * of the bytes. The decoded image is only read.
 */
const decoded = new Map<string, PNG>();
function readPng(bytes: Uint8Array): PNG {
  const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let png = decoded.get(key);
  if (png === undefined) decoded.set(key, (png = PNG.sync.read(Buffer.from(bytes))));
  return png;
}

/** Checks a PNG against the SVG it was drawn from: same size (times the zoom), every bar or span in its colour at its place. */
function expectPngShows(png: PNG, svg: string): { marks: number } {
  const root = xml.parse(svg) as XmlNode;
  const attrs = all(root, 'svg')[0]!;
  expect([png.width, png.height]).toEqual([Number(attrs.width) * ZOOM, Number(attrs.height) * ZOOM]);
  const marks = all(root, 'rect').filter((r) => r.class === 'bar' || r.class === 'span');
  for (const r of marks) {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(r[k]));
    const expected = over(hex(String(r.fill)), r['fill-opacity'] === undefined ? 1 : Number(r['fill-opacity']));
    const at = pixel(png, (x! + w! / 2) * ZOOM, (y! + h! / 2) * ZOOM);
    expect(near(at, expected), `${JSON.stringify(r)}: ${at} is not ${expected}`).toBe(true);
  }
  return { marks: marks.length };
}

let data: LoadedData;
let doc: Doc;
let images: Image[];
let bytes: Uint8Array;
beforeAll(async () => {
  data = await loadData({ data: RICH, asOf: AS_OF }, quietIo);
  doc = reportDocument(data.club, { ...yearPeriod(2019), year: 2019 });
  images = doc.blocks.filter((b): b is Image => b.kind === 'image');
  bytes = await toDocx(doc, { words: CATALOGUES.en.docx, date: AS_OF });
});

describe('the report\'s charts in Word: an SVG with a PNG of the same picture', () => {
  it('has the three charts: officers\' terms, representatives by country, meetings per year', () => {
    expect(images.map((i) => i.title)).toEqual(["Officers' terms", 'Representatives by member country', 'Meetings held per calendar year']);
    for (const i of images) expect(i.alt.startsWith(i.title!)).toBe(true);
  });

  it('each picture is an SVG part with a PNG part; the PNG shows every bar and span of the SVG in its colour and place', () => {
    const parts = unzipSync(bytes);
    const svgs = Object.keys(parts).filter((n) => /^word\/media\/.+\.svg$/.test(n)).map((n) => new TextDecoder().decode(parts[n]));
    const pngs = Object.keys(parts).filter((n) => /^word\/media\/.+\.png$/.test(n)).map((n) => readPng(parts[n]!));
    expect(svgs.sort()).toEqual(images.map((i) => i.svg).sort());
    expect(pngs.length).toBe(3);
    // Officers: 3 terms; membership: a segment per country and year with representatives
    // (China 4, Czechia 2, Finland 5, Germany 3, Russia 10); meetings: 1 year.
    const marks = images.map((i) => {
      const png = pngs.find((p) => p.width === Number(/width="(\d+)"/.exec(i.svg)![1]) * ZOOM && p.height === Number(/height="(\d+)"/.exec(i.svg)![1]) * ZOOM)!;
      return expectPngShows(png, i.svg).marks;
    });
    expect(marks).toEqual([3, 24, 1]);
  });

  it('the picture\'s title is the chart\'s title and its description the alt text (document.xml read by fast-xml-parser)', () => {
    const body = xml.parse(new TextDecoder().decode(unzipSync(bytes)['word/document.xml'])) as XmlNode;
    const pictures = all(body, 'wp:docPr');
    expect(pictures.map((p) => [p.title, p.descr])).toEqual(images.map((i) => [i.title, i.alt]));
  });

  it('mammoth shows each chart as its PNG with the alt text, in the document\'s order', async () => {
    const value = await docxHtml(bytes); // mammoth's convertToHtml, read once per worker (docx.test reads this report too)
    const imgs = htmlImages(value);
    expect(imgs.map((i) => i.alt)).toEqual(images.map((i) => i.alt));
    imgs.forEach((img, n) => {
      const src = img.src!;
      expect(src.startsWith('data:image/png;base64,')).toBe(true);
      const png = readPng(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'));
      expectPngShows(png, images[n]!.svg);
    });
  });

  it('the bars in the PNG are the data: as many coloured bars along the membership chart\'s axis as years with representatives', () => {
    const membership = images[1]!;
    const png = readPng(svgToPng(membership.svg));
    // The x axis is the dark line at the foot of the plot; just above it every bar has its lowest segment.
    const axis = all(xml.parse(membership.svg) as XmlNode, 'line').find((l) => l.stroke === '#333333')!;
    const row = (Number(axis.y1) - 2) * ZOOM;
    let runs = 0;
    for (let x = 0, inBar = false; x < png.width; x++) {
      const c = coloured(pixel(png, x, row));
      if (c && !inBar) runs++;
      inBar = c;
    }
    expect(runs).toBe(10); // 2010 to 2019, each with a representative
  });

  it('a picture\'s PNG is the same bytes every time, and so is the Word file', async () => {
    expect(Buffer.from(drawPng(images[1]!.svg)).equals(Buffer.from(drawPng(images[1]!.svg)))).toBe(true);
    const again = await toDocx(doc, { words: CATALOGUES.en.docx, date: AS_OF });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('club report --format docx (the built CLI, another process): the same bytes as rendered here', async () => {
    const run = await runClubBytesOnce(['report', '--year', '2019', '--format', 'docx', '--data', RICH, '--as-of', AS_OF]); // once per worker: packed-install compares with it too
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('LibreOffice reads the charts of a Word file', () => {
  const soffice = findSoffice();
  it.skipIf(soffice === undefined)('converts the report to HTML headless, writing each chart as its picture with the chart\'s title', async () => {
    // One LibreOffice run per worker for this and docx.test's PDFs; the Word file it read is this one.
    const read = await richFilesInLibreOffice(async () => ({ report: bytes, sheet: await toDocx(sheetDocument(data.club, data.club.byId.meetings.get('2019-03-14-moscow')!), { words: CATALOGUES.en.docx, date: AS_OF }) }));
    expect(Buffer.from(read.report).equals(Buffer.from(bytes))).toBe(true);
    const out = path.join(read.dir, 'html');
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    const imgs = htmlImages(html);
    // LibreOffice 7.4 takes the PNG; newer versions may take the SVG and write it as a picture of their own.
    expect(imgs.map((i) => i.alt)).toEqual(images.map((i) => i.title));
    const written = readdirSync(out).filter((f) => /\.(png|svg|gif|jpg)$/i.test(f));
    expect(written.length).toBe(3);
    for (const img of imgs) expect(written).toContain(img.src);
    const media = Object.entries(unzipSync(bytes)).filter(([n]) => n.endsWith('.png')).map(([, b]) => Buffer.from(b));
    const same = written.filter((f) => media.some((m) => m.equals(readFileSync(path.join(out, f)))));
    if (same.length > 0) expect(same.length).toBe(3);
  });
  if (soffice === undefined) {
    it('(skipped: LibreOffice is not installed; .ci/run installs libreoffice-writer-nogui)', () => {
      expect(soffice).toBeUndefined();
    });
  }
});
