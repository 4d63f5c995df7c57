// The metrics of a DejaVu Sans font file that club's measures of text need, read from the font itself
// (src/build/title-font.mjs and table-font.mjs write them out as TypeScript tables).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * `file` (e.g. DejaVuSans-Bold.ttf) of dejavu-fonts-ttf: units per em, the widest advance, the missing glyph's advance,
 * the letter pairs kerning moves apart, the letters whose ink reaches out of their advance, and the advances of the
 * letters of RANGES as runs of TypeScript source.
 */
export function readFont(file) {
  const font = readFileSync(path.join(dir, file));
  const tables = {};
  for (let i = 0; i < font.readUInt16BE(4); i++) tables[font.toString('latin1', 12 + 16 * i, 16 + 16 * i)] = font.readUInt32BE(20 + 16 * i);

  const unitsPerEm = font.readUInt16BE(tables.head + 18);
  const advanceMax = font.readUInt16BE(tables.hhea + 10);
  const metrics = font.readUInt16BE(tables.hhea + 34);
  const advance = (glyph) => font.readUInt16BE(tables.hmtx + 4 * Math.min(glyph, metrics - 1));

  // cmap: the Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
  let sub;
  for (let i = 0; i < font.readUInt16BE(tables.cmap + 2); i++) {
    const rec = tables.cmap + 4 + 8 * i;
    if (font.readUInt16BE(rec) === 3 && font.readUInt16BE(rec + 2) === 1) sub = tables.cmap + font.readUInt32BE(rec + 4);
  }
  if (sub === undefined || font.readUInt16BE(sub) !== 4) throw new Error('no format-4 Unicode cmap');
  const segs = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const offsets = deltas + 2 * segs;
  function glyphOf(code) {
    for (let s = 0; s < segs; s++) {
      const end = font.readUInt16BE(ends + 2 * s);
      if (code > end) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (code < start) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const ro = font.readUInt16BE(offsets + 2 * s);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = font.readUInt16BE(offsets + 2 * s + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  }

  // Latin, Greek, Cyrillic and punctuation (with the no-break and narrow spaces, dashes, quotes, №).
  const RANGES = [[0x20, 0x24f], [0x370, 0x3ff], [0x400, 0x52f], [0x2000, 0x206f], [0x20a0, 0x20bf], [0x2116, 0x2116]];
  const lettersOf = new Map();
  for (const [from, to] of RANGES) for (let c = from; c <= to; c++) { const g = glyphOf(c); if (g !== 0) lettersOf.set(g, [...(lettersOf.get(g) ?? []), c]); }

  // The pairs of those letters that kerning moves apart (legacy kern table, format 0): a measure
  // that adds these and ignores the pairs kerning moves closer is never short.
  const kernWider = [];
  if (tables.kern !== undefined) {
    let at = tables.kern + 4;
    for (let t = 0; t < font.readUInt16BE(tables.kern + 2); t++) {
      if (font.readUInt16BE(at + 4) >> 8 === 0) {
        for (let p = 0; p < font.readUInt16BE(at + 6); p++) {
          const o = at + 14 + 6 * p;
          const [left, right, value] = [font.readUInt16BE(o), font.readUInt16BE(o + 2), font.readInt16BE(o + 4)];
          if (value <= 0) continue;
          for (const l of lettersOf.get(left) ?? []) for (const r of lettersOf.get(right) ?? []) kernWider.push([String.fromCodePoint(l) + String.fromCodePoint(r), value]);
        }
      }
      at += font.readUInt16BE(at + 2);
    }
  }
  kernWider.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  // How far each letter's ink reaches out of its advance, left of its origin and right of its advance (glyf's xMin and
  // xMax against hmtx): «f» reaches right of its advance, «j» left of its origin. Only the letters that do are listed.
  const loca = tables.loca;
  const longLoca = font.readInt16BE(tables.head + 50) === 1;
  const glyphAt = (g) => (longLoca ? font.readUInt32BE(loca + 4 * g) : 2 * font.readUInt16BE(loca + 2 * g));
  const overhangs = [];
  for (const [from, to] of RANGES) {
    for (let c = from; c <= to; c++) {
      const g = glyphOf(c);
      if (g === 0 || glyphAt(g) === glyphAt(g + 1)) continue; // no letter, or no ink (a space)
      const at = tables.glyf + glyphAt(g);
      const [xMin, xMax] = [font.readInt16BE(at + 2), font.readInt16BE(at + 6)];
      const [left, right] = [Math.max(0, -xMin), Math.max(0, xMax - advance(g))];
      if (left > 0 || right > 0) overhangs.push([c, left, right]);
    }
  }

  const runs = RANGES.map(([from, to]) => {
    const widths = [];
    for (let c = from; c <= to; c++) { const g = glyphOf(c); widths.push(g === 0 ? -1 : advance(g)); }
    return `  [0x${from.toString(16)}, [${widths.join(',')}]],`;
  });
  return { unitsPerEm, advanceMax, notdef: advance(0), kernWider, overhangs, runs };
}
