import type { BarChart, Chart, Timeline } from './chart.js';
import { ADVANCE_MAX, KERN_WIDER, NOTDEF, OVERHANG, RUNS, UNITS_PER_EM } from './title-font.js';

// Colour-blind-safe palette (Okabe–Ito), in a fixed order so the same data gives the same picture.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const colour = (i: number): string => PALETTE[i % PALETTE.length]!;

/** XML text and attribute values: nothing from the data can open a tag or end an attribute. */
export function xmlEscape(text: string): string {
  // Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Numbers as SVG wants them: no exponent, at most two decimals, no trailing zeros. Same input, same text. */
const num = (n: number): string => String(Math.round(n * 100) / 100);

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

/** The title's size and room: 16 px bold, clear of the picture's sides by TITLE_MARGIN, a second line TITLE_LINE below the first. */
const TITLE_SIZE = 16;
export const TITLE_MARGIN = 12;
const TITLE_LINE = 20;

const advances = new Map<number, number>(RUNS.flatMap(([from, widths]) => widths.map((w, i) => [from + i, w] as [number, number])));

/**
 * How wide `text` is drawn in DejaVu Sans Bold at `size` px, never less than resvg draws it: each
 * letter's advance (a letter the font lacks is its missing-glyph box, a letter outside the table
 * the font's widest advance), plus every pair that kerning moves apart (the pairs it moves
 * closer are left as they are), plus the ink a letter puts out of its advance («f» at the end of
 * a line, «j» at its start).
 */
export function titleWidth(text: string, size = TITLE_SIZE): number {
  const letters = [...text];
  let units = 0;
  let left = 0;
  let right = 0;
  letters.forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (i > 0) units += KERN_WIDER.get(letters[i - 1]! + ch) ?? 0;
    const w = advances.get(code);
    const [out, past] = OVERHANG.get(code) ?? [0, 0];
    left = Math.max(left, out - units);
    units += w === undefined ? ADVANCE_MAX : w < 0 ? NOTDEF : w;
    right = Math.max(right, units + past);
  });
  return ((left + Math.max(units, right)) / UNITS_PER_EM) * size;
}

/**
 * A title laid out to fit a picture `width` px wide with TITLE_MARGIN each side. One line at
 * 16 px when it fits. Else two lines, broken at the space that makes the wider line narrowest
 * (a no-break space keeps a date whole), at 16 px if they fit. Only a title that two lines
 * cannot hold (a long word, a long title in a narrow chart) is made smaller, to fit its wider
 * line: a title is never cut, and it shrinks no more than it must. Wrapping first keeps the
 * title the size of the other charts' titles where it can.
 */
export function titleLayout(title: string, width: number): { lines: string[]; size: number } {
  const room = width - 2 * TITLE_MARGIN;
  const text = title.replace(/[\t\r\n ]+/g, ' ').trim();
  let lines = [text];
  if (titleWidth(text) > room) {
    const words = text.split(' ');
    let best = Infinity;
    for (let i = 1; i < words.length; i++) {
      const pair = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
      const wider = Math.max(...pair.map((l) => titleWidth(l)));
      if (wider < best) [best, lines] = [wider, pair];
    }
  }
  const widest = Math.max(...lines.map((l) => titleWidth(l)));
  // Quarter pixels, rounded down: the size is short to write and the lines still fit.
  const size = widest <= room ? TITLE_SIZE : Math.floor((TITLE_SIZE * room / widest) * 4) / 4;
  return { lines, size };
}

/** How much lower than a one-line title's chart the plot starts under this title. */
const titleExtra = (t: { lines: string[] }): number => TITLE_LINE * (t.lines.length - 1);

function svg(width: number, height: number, title: string, layout: { lines: string[]; size: number }, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xmlEscape(title)}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...layout.lines.map((line, i) => `<text class="title" x="${num(width / 2)}" y="${24 + TITLE_LINE * i}" text-anchor="middle" font-size="${num(layout.size)}" font-weight="bold" ${FONT}>${xmlEscape(line)}</text>`),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** A step for the axis that gives at most about five ticks of whole numbers. */
function tickStep(max: number): number {
  const raw = Math.max(1, Math.ceil(max / 5));
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

function barsSvg(c: BarChart): string {
  const legend = c.series.length > 1;
  const labelWidth = legend ? Math.min(220, 40 + 7 * Math.max(...c.series.map((s) => [...s.label].length))) : 0;
  const left = 56;
  const bottom = 44;
  const plotW = Math.max(240, 40 * c.categories.length);
  const plotH = 240;
  const width = left + plotW + 24 + labelWidth;
  const title = titleLayout(c.title, width);
  const top = 44 + titleExtra(title);
  const height = top + plotH + bottom + Math.max(0, 18 * c.series.length - plotH);
  const totals = c.categories.map((_, i) => c.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const step = tickStep(Math.max(0, ...totals));
  // Room above the highest bar for its total.
  const yMax = step * (Math.floor(Math.max(0, ...totals) / step) + 1);
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const band = plotW / Math.max(1, c.categories.length);
  const barW = Math.min(band * 0.7, 48);
  const out: string[] = [];

  out.push(`<g class="axis" ${FONT} font-size="11">`);
  for (let v = 0; v <= yMax; v += step) {
    out.push(`<line x1="${left}" y1="${num(y(v))}" x2="${num(left + plotW)}" y2="${num(y(v))}" stroke="#dddddd"/>`);
    out.push(`<text x="${left - 6}" y="${num(y(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  out.push(`<text x="14" y="${num(top + plotH / 2)}" text-anchor="middle" transform="rotate(-90 14 ${num(top + plotH / 2)})">${xmlEscape(c.unit)}</text>`);
  const every = Math.ceil(c.categories.length / 16);
  c.categories.forEach((cat, i) => {
    if (i % every === 0) out.push(`<text x="${num(left + band * i + band / 2)}" y="${top + plotH + 18}" text-anchor="middle">${xmlEscape(cat)}</text>`);
  });
  out.push(`<line x1="${left}" y1="${top + plotH}" x2="${num(left + plotW)}" y2="${top + plotH}" stroke="#333333"/>`);
  out.push('</g>');

  out.push('<g class="bars">');
  c.categories.forEach((cat, i) => {
    let base = 0;
    c.series.forEach((s, si) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      out.push(`<rect class="bar" data-category="${xmlEscape(cat)}" data-series="${xmlEscape(s.key)}" data-value="${v}" x="${num(left + band * i + (band - barW) / 2)}" y="${num(y(base + v))}" width="${num(barW)}" height="${num(y(base) - y(base + v))}" fill="${colour(si)}"><title>${xmlEscape(`${cat}, ${s.label}: ${v}`)}</title></rect>`);
      base += v;
    });
    if (base > 0) out.push(`<text class="total" x="${num(left + band * i + band / 2)}" y="${num(y(base) - 4)}" text-anchor="middle" font-size="11" ${FONT}>${base}</text>`);
  });
  out.push('</g>');

  if (legend) {
    out.push(`<g class="legend" ${FONT} font-size="12">`);
    [...c.series.keys()].reverse().forEach((si, row) => {
      const s = c.series[si]!;
      const ly = top + 18 * row;
      out.push(`<rect x="${num(left + plotW + 24)}" y="${ly}" width="12" height="12" fill="${colour(si)}"/>`);
      out.push(`<text x="${num(left + plotW + 42)}" y="${ly + 10}">${xmlEscape(s.label)}</text>`);
    });
    out.push('</g>');
  }
  return svg(width, height, c.title, title, out);
}

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

function timelineSvg(c: Timeline): string {
  // One lane per term, its position and holder on the left, so no name is cut by a short span.
  const lanes = c.rows.flatMap((r) => r.spans.map((s, i) => ({ row: r, span: s, label: `${r.label}: ${s.label}`, first: i === 0 })));
  const left = Math.min(320, 24 + 7 * Math.max(8, ...lanes.map((l) => [...l.label].length)));
  const laneH = 26;
  const firstYear = Number(c.from.slice(0, 4));
  const lastYear = Number(c.to.slice(0, 4));
  const plotW = Math.max(360, 56 * (lastYear - firstYear + 1));
  const width = left + plotW + 24;
  const title = titleLayout(c.title, width);
  const top = 44 + titleExtra(title);
  const axisY = top + laneH * Math.max(1, lanes.length);
  const height = axisY + 40;
  const start = dayNumber(c.from);
  const span = Math.max(1, dayNumber(c.to) + 1 - start);
  const x = (date: string, endOfDay = false) => left + ((dayNumber(date) + (endOfDay ? 1 : 0) - start) / span) * plotW;
  const out: string[] = [];
  out.push(`<g class="axis" ${FONT} font-size="11">`);
  const every = Math.ceil((lastYear - firstYear + 1) / 14);
  for (let yr = firstYear; yr <= lastYear; yr += every) {
    const xx = x(`${yr}-01-01`);
    out.push(`<line x1="${num(xx)}" y1="${top - 4}" x2="${num(xx)}" y2="${axisY}" stroke="#dddddd"/>`);
    out.push(`<text x="${num(xx + 2)}" y="${axisY + 16}">${yr}</text>`);
  }
  out.push(`<line x1="${left}" y1="${axisY}" x2="${num(left + plotW)}" y2="${axisY}" stroke="#333333"/>`);
  out.push('</g>');
  out.push(`<g class="lanes" ${FONT} font-size="12">`);
  const rowIndex = new Map(c.rows.map((r, i) => [r.key, i]));
  lanes.forEach((l, li) => {
    const ly = top + laneH * li;
    if (l.first && li > 0) out.push(`<line x1="8" y1="${ly}" x2="${num(left + plotW)}" y2="${ly}" stroke="#999999"/>`);
    out.push(`<text x="${left - 8}" y="${ly + 17}" text-anchor="end">${xmlEscape(l.label)}</text>`);
    const x1 = x(l.span.from);
    const x2 = x(l.span.to, true);
    out.push(`<rect class="span" data-row="${xmlEscape(l.row.key)}" data-from="${l.span.from}" data-to="${l.span.to}" data-open="${l.span.open}" x="${num(x1)}" y="${ly + 5}" width="${num(Math.max(1, x2 - x1))}" height="${laneH - 10}" fill="${colour(rowIndex.get(l.row.key) ?? 0)}" fill-opacity="${l.span.open ? '0.6' : '0.9'}"><title>${xmlEscape(`${l.label}, ${l.span.from} – ${l.span.open ? '…' : l.span.to}`)}</title></rect>`);
  });
  out.push('</g>');
  return svg(width, height, c.title, title, out);
}

/** The chart as a standalone SVG file: fixed size, fixed palette, no clock, no randomness. */
export function chartSvg(c: Chart): string {
  return c.kind === 'bars' ? barsSvg(c) : timelineSvg(c);
}
