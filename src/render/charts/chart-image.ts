import type { Image } from '../doc-tree.js';
import type { Chart } from './chart.js';
import { chartMermaid } from './chart-mermaid.js';
import { chartSvg } from './chart-svg.js';

/**
 * A chart as a picture of the document: the SVG (Word embeds it), the same
 * chart as Mermaid text (GitHub draws it from the Markdown), and the words
 * that say what it shows for those who cannot see it.
 */
export function chartImage(chart: Chart, alt: string): Image {
  const svg = chartSvg(chart);
  const size = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  // SVG pixels are 1/96 inch; the page wants points (1/72 inch), and at most a text width of 450 points.
  const width = Number(size?.[1] ?? 640) * 0.75;
  const height = Number(size?.[2] ?? 360) * 0.75;
  const scale = Math.min(1, 450 / width);
  return { kind: 'image', alt, title: chart.title, svg, width: Math.round(width * scale), height: Math.round(height * scale), mermaid: chartMermaid(chart) };
}
