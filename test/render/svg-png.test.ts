import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawPng, svgToPng } from '../../src/render/svg-png.js';

const label = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-size="20" font-family="DejaVu Sans, Arial, sans-serif">${text}</text></svg>`;
/** The picture's pixels, decoded by pngjs. */
const pixels = (text: string) => PNG.sync.read(Buffer.from(svgToPng(label(text)))).data;
const inked = (data: Buffer) => data.filter((v, i) => i % 4 === 0 && v < 128).length;

describe('svgToPng draws with the bundled DejaVu Sans', () => {
  it('draws Latin and Cyrillic letters as themselves: different words, different pixels, ink on the page', () => {
    for (const [a, b] of [['Members', 'Meetings'], ['Представители', 'Заседания'], ['ПППП', 'ЖЖЖЖ']]) {
      expect(inked(pixels(a!))).toBeGreaterThan(0);
      expect(pixels(a!).equals(pixels(b!)), `${a} / ${b}`).toBe(false);
    }
  });

  it('draws a Han character DejaVu Sans lacks as the same box as any other (the text beside a chart still says it)', () => {
    expect(pixels('王王').equals(pixels('李李'))).toBe(true);
  });

  it('is the same bytes for the same picture, drawn again (drawPng draws every time)', () => {
    expect(Buffer.from(drawPng(label('Ж'))).equals(Buffer.from(drawPng(label('Ж'))))).toBe(true);
  });

  it('svgToPng remembers a picture: drawPng\'s bytes for each SVG and zoom, a copy each caller may change', () => {
    const [a, b] = [label('Ж'), label('Ю')];
    for (let round = 0; round < 2; round++) {
      for (const [svg, zoom] of [[a, 2], [b, 2], [a, 1]] as const) {
        expect(Buffer.from(svgToPng(svg, zoom)).equals(Buffer.from(drawPng(svg, zoom))), `${svg} x${zoom}`).toBe(true);
      }
    }
    svgToPng(a).fill(0);
    expect(Buffer.from(svgToPng(a)).equals(Buffer.from(drawPng(a)))).toBe(true);
    // More pictures than it keeps: the first ones are drawn again, the same bytes.
    for (let i = 0; i < 20; i++) svgToPng(label(String(i)));
    expect(Buffer.from(svgToPng(a)).equals(Buffer.from(drawPng(a)))).toBe(true);
  });
});
