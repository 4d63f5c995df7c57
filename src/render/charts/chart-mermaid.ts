import type { BarChart, Chart, Timeline } from './chart.js';
import { PALETTE } from './chart-svg.js';

/** A string inside Mermaid's double quotes: it has no escape for `"`, so quotes become typographic ones; no line breaks. */
const quoted = (s: string): string => `"${s.replace(/[\r\n\t\u0000-\u001f\u007f]+/g, ' ').replace(/"/g, '\u201d').replace(/`/g, '\u2019')}"`;

/** A task name or section of a Gantt chart: `:` and `#` and `;` would start a new field, a comment or an entity. */
const ganttName = (s: string): string => s.replace(/[\r\n\t\u0000-\u001f\u007f]+/g, ' ').replace(/[:#;%]/g, ' ').replace(/\s+/g, ' ').trim() || '-';

/**
 * Bars as Mermaid's xychart. xychart draws several bar series over one another
 * rather than stacked, so a stacked chart is drawn as running totals, the
 * tallest first: each series then shows as its own segment, in the palette's
 * colour of the same series in the SVG.
 */
function barsMermaid(c: BarChart): string {
  const totals = c.categories.map((_, i) => c.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const top = Math.max(1, ...totals);
  const running = c.series.map((_, k) => c.categories.map((__, i) => c.series.slice(0, k + 1).reduce((n, s) => n + (s.values[i] ?? 0), 0)));
  const palette = c.series.map((_, k) => PALETTE[k % PALETTE.length]).reverse().join(', ');
  return [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    `  title ${quoted(c.title)}`,
    `  x-axis [${c.categories.map(quoted).join(', ')}]`,
    `  y-axis ${quoted(c.unit)} 0 --> ${top}`,
    ...[...running].reverse().map((values) => `  bar [${values.join(', ')}]`),
  ].join('\n');
}

/** Terms as a Mermaid Gantt chart: a section per position, a bar per term. */
function timelineMermaid(c: Timeline): string {
  return [
    'gantt',
    `  title ${ganttName(c.title)}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y',
    ...c.rows.flatMap((r) => [`  section ${ganttName(r.label)}`, ...r.spans.map((s) => `  ${ganttName(s.label)} :${s.open ? 'active, ' : ''}${s.from}, ${s.to}`)]),
  ].join('\n');
}

/** The chart as Mermaid text, which GitHub draws in Markdown. */
export function chartMermaid(c: Chart): string {
  return c.kind === 'bars' ? barsMermaid(c) : timelineMermaid(c);
}
