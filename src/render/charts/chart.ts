import type { IsoDate } from '../../model/types.js';

/** Bars over categories (years); with several series the bars are stacked, one segment per series. */
export interface BarChart {
  kind: 'bars';
  /** A short file-name-safe name: the chart's file is `<document>-<name>.svg`. */
  name: string;
  title: string;
  /** Categories along the x axis, e.g. years. */
  categories: string[];
  /** One value per category each; a series is a country, or the one series of a plain bar chart. */
  series: { key: string; label: string; values: number[] }[];
  /** What the y axis counts, e.g. "representatives". */
  unit: string;
}

/** Spans of time on labelled rows: officers' terms by position. */
export interface Timeline {
  kind: 'timeline';
  name: string;
  title: string;
  from: IsoDate;
  to: IsoDate;
  rows: { key: string; label: string; spans: { label: string; from: IsoDate; to: IsoDate; open: boolean }[] }[];
}

export type Chart = BarChart | Timeline;

/** A chart's total, for tests and captions: the sum of every bar, or the number of spans. */
export const chartCount = (c: Chart): number =>
  c.kind === 'bars' ? c.series.reduce((n, s) => n + s.values.reduce((a, b) => a + b, 0), 0) : c.rows.reduce((n, r) => n + r.spans.length, 0);
