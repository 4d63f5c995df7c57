import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FAMILY = 'DejaVu Sans';

let fontFiles: string[] | undefined;

/**
 * The fonts a picture is drawn with: DejaVu Sans (Latin, Cyrillic, Greek), two files of the
 * package `dejavu-fonts-ttf`, never the machine's own fonts, so the same SVG gives the same
 * pixels on every machine. (Read-only files, like a module being loaded.) The built tool has
 * its copies beside it: src/build/bundle.ts copies these two to .build/bundle/fonts/ and reads
 * that folder here, so an install does not fetch the package's other 20 fonts.
 */
function fonts(): string[] {
  if (fontFiles === undefined) {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(dir, f));
  }
  return fontFiles;
}

/**
 * An SVG drawn as PNG, `zoom` times its own size in pixels (2: sharp when printed at the SVG's
 * size), on white. Deterministic: resvg draws without a clock or randomness, and only the
 * bundled fonts are looked at. Glyphs DejaVu Sans lacks (Han characters) are left out of the
 * picture; the text beside a chart still says them. Draws every time: see svgToPng.
 */
export function drawPng(svg: string, zoom = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: FAMILY, sansSerifFamily: FAMILY, serifFamily: FAMILY, monospaceFamily: FAMILY },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The last pictures drawn, by zoom and SVG text: a PNG is ~20 ms of CPU, mostly its encoding. */
const drawn = new Map<string, Uint8Array>();
const DRAWN_KEPT = 16;

/**
 * drawPng, remembered for the last few pictures (it is a pure function of its arguments): a
 * process that puts the same chart into several Word files (the test suite renders one report
 * dozens of times) draws it once. Each caller gets its own copy of the bytes.
 */
export function svgToPng(svg: string, zoom = 2): Uint8Array {
  const key = `${zoom}\n${svg}`;
  let png = drawn.get(key);
  if (png === undefined) {
    png = drawPng(svg, zoom);
    if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, png);
  }
  return png.slice();
}
