/**
 * Plot specifications the charts share: stacked bars by year, lines by year, percentile ranges by row. Small functions,
 * composed per chart.
 */
import * as Plot from "@observablehq/plot";
import type { Table } from "../core/table.ts";
import { distinct, num, yearAxis } from "./chart.ts";
import { type LegendItem, MUTED } from "./svg.ts";

export interface Series {
  /** key as it appears in the chart's table */
  key: string;
  label: string;
  color: string;
}

/** Points (year, series, value) read from a long table's columns. */
export function points(t: Table, yearCol: string, keyCol: string, valueCol: string, scale: (v: number) => number): { year: number; key: string; value: number }[] {
  const [iy, ik, iv] = [yearCol, keyCol, valueCol].map((c) => t.columns.indexOf(c));
  return t.rows.map((r) => ({ year: num(r[iy]), key: String(r[ik]), value: scale(num(r[iv])) }));
}

export const legendOf = (series: Series[], kind?: LegendItem["kind"]): LegendItem[] => series.map((s) => ({ label: s.label, color: s.color, kind }));

export const colorScale = (series: Series[]) => ({ domain: series.map((s) => s.key), range: series.map((s) => s.color) });

/** Bars by year stacked by series (order of `series`), a zero rule, y grid. */
export function stackedYearBars(data: { year: number; key: string; value: number }[], series: Series[], yLabel: string, widthPx: number, extra: Plot.Markish[] = []): Plot.PlotOptions {
  const years = distinct(data.map((d) => d.year)).sort((a, b) => a - b);
  const order = new Map(series.map((s, i) => [s.key, i]));
  const sorted = [...data].sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  return {
    height: 300,
    marginLeft: 56,
    x: { ...yearAxis(years, widthPx), type: "band", domain: years, paddingInner: 0.15 },
    y: { label: yLabel, grid: true, nice: true },
    color: colorScale(series),
    marks: [
      Plot.barY(sorted, { x: "year", y: "value", fill: "key", order: series.map((s) => s.key) }),
      Plot.ruleY([0]),
      ...extra,
    ],
  };
}

/** Lines (with dots at the years) by year, one per series; optional dashes per series key. */
export function yearLines(
  data: { year: number; key: string; value: number }[],
  series: Series[],
  yLabel: string,
  widthPx: number,
  options: { dashed?: string[]; zero?: boolean; extra?: Plot.Markish[]; percent?: boolean } = {},
): Plot.PlotOptions {
  const years = distinct(data.map((d) => d.year)).sort((a, b) => a - b);
  const dashed = new Set(options.dashed ?? []);
  const solid = data.filter((d) => !dashed.has(d.key));
  const dash = data.filter((d) => dashed.has(d.key));
  return {
    height: 280,
    marginLeft: 56,
    marginRight: 30,
    x: { ...yearAxis(years, widthPx), domain: [years[0], years[years.length - 1]], nice: false },
    y: { label: yLabel, grid: true, nice: true, ...(options.zero === false ? {} : { zero: true }), ...(options.percent ? { domain: [0, 100] } : {}) },
    color: colorScale(series),
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(solid, { x: "year", y: "value", stroke: "key", strokeWidth: 2 }),
      Plot.lineY(dash, { x: "year", y: "value", stroke: "key", strokeWidth: 2, strokeDasharray: "5 3" }),
      Plot.dot(data, { x: "year", y: "value", fill: "key", r: 2.5 }),
      ...(options.extra ?? []),
    ],
  };
}

/**
 * Layout of a chart with one row per label (phases, outputs, inputs): the labels in a left margin, or on narrow
 * charts (phones) above their rows, so the plot keeps its width.
 */
export function rowLayout(labels: string[], widthPx: number, rowPx: number): { marginLeft: number; marginTop?: number; marginBottom?: number; height: number; y: Plot.ScaleOptions; marks: Plot.Markish[] } {
  if (widthPx >= 520) {
    const marginLeft = Math.min(Math.round(widthPx * 0.42), Math.max(...labels.map((l) => l.length)) * 5.8 + 14);
    return { marginLeft, height: 50 + labels.length * rowPx, y: { label: null, domain: labels }, marks: [] };
  }
  // rows twice as tall: the upper half of each holds its label, the band (lower half) the marks
  const [marginTop, marginBottom, padding] = [10, 40, 0.5];
  const step = rowPx + 16;
  const height = marginTop + marginBottom + labels.length * step;
  const bandPx = step * (1 - padding);
  return {
    marginLeft: 12,
    marginTop,
    marginBottom,
    height,
    y: { label: null, domain: labels, axis: null, paddingInner: padding, paddingOuter: padding / 2, align: 1 },
    marks: [Plot.text(labels, { y: (d: string) => d, text: (d: string) => d, frameAnchor: "left", lineAnchor: "bottom", dy: -bandPx / 2 - 3, textAnchor: "start", fill: "#1f2328", fontSize: 10 })],
  };
}

/** One row of a percentile-range chart: its label and the mean and percentiles in the chart's x units. */
export interface RangeRow {
  label: string;
  mean: number;
  p5: number;
  p25: number;
  p75: number;
  p95: number;
}

/**
 * Legend and plot of a percentile-range chart, one row per output: p5–p95 and p25–p75 bars, a tick at the median
 * (`median`: a field or a fixed x), a dot at the mean, and a rule at `ruleX`.
 */
export function percentileRanges<R extends RangeRow>(
  rows: R[],
  widthPx: number,
  o: { xLabel: string; ruleX: number; median: keyof R & string | (() => number); medianLabel: string },
): { legend: LegendItem[]; plot: Plot.PlotOptions } {
  const layout = rowLayout(rows.map((x) => x.label), widthPx, 36);
  return {
    legend: [
      { label: "p5–p95", color: "#a9bdf0" },
      { label: "p25–p75", color: "#4269d0" },
      { label: o.medianLabel, color: "#1f2328", kind: "line" },
      { label: "mean", color: "#ff725c", kind: "dot" },
    ],
    plot: {
      ...layout,
      marginRight: 16,
      x: { label: o.xLabel, grid: true, nice: true },
      marks: [
        ...layout.marks,
        Plot.ruleX([o.ruleX], { stroke: MUTED }),
        Plot.barX(rows, { y: "label", x1: "p5", x2: "p95", fill: "#a9bdf0", insetTop: 8, insetBottom: 8 }),
        Plot.barX(rows, { y: "label", x1: "p25", x2: "p75", fill: "#4269d0", insetTop: 4, insetBottom: 4 }),
        Plot.tickX(rows, { y: "label", x: o.median, stroke: "#1f2328", strokeWidth: 2 }),
        Plot.dot(rows, { y: "label", x: "mean", fill: "#ff725c", r: 3.5 }),
      ],
    },
  };
}
