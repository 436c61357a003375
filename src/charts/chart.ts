/**
 * How a chart is made: `data(input)` builds the table behind it (raw units, named in the columns), and the figure
 * is drawn from that same table, so the CSV a reader downloads is exactly what is plotted. Plus the helpers every
 * chart uses: reading result tables by column name, unit scaling, year ticks, palettes.
 */
import type { Cell, Table } from "../core/table.ts";
import { type Figure, renderEmpty, renderFigure } from "./svg.ts";
import type { ChartOptions, ChartSpec } from "./types.ts";

export const DEFAULT_WIDTH_PX = 640;

export interface ChartDefinition<Input> {
  id: string;
  title: string;
  data(input: Input): Table;
  /** the figure drawn from the chart's own table; a string instead says why there is nothing to draw */
  figure(table: Table, input: Input, widthPx: number): Figure | string;
  /** what an empty table means (default: "no data") */
  empty?: string;
}

export function defineChart<Input>(d: ChartDefinition<Input>): ChartSpec<Input> {
  return {
    id: d.id,
    title: d.title,
    data: d.data,
    render(input: Input, options: ChartOptions): string {
      const widthPx = options.widthPx ?? DEFAULT_WIDTH_PX;
      const table = d.data(input);
      const fig = table.rows.length === 0 ? (d.empty ?? "No data for this chart in this run.") : d.figure(table, input, widthPx);
      return typeof fig === "string" ? renderEmpty(options.document, widthPx, d.title, fig) : renderFigure(options.document, widthPx, d.title, fig, `${d.id}-${widthPx}`);
    },
  };
}

/** Rows of a table as objects keyed by column name. */
export function records(t: Table | undefined): Record<string, Cell>[] {
  if (!t) return [];
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

/** A table from objects, with the columns in the given order. */
export function fromRecords(columns: string[], rows: Record<string, Cell>[]): Table {
  return { columns, rows: rows.map((r) => columns.map((c) => r[c] ?? null)) };
}

/** `{ "2024": x }` records (the summary's by-year maps) as [year, value] pairs, in year order. */
export function byYear(rec: Record<string, number> | undefined): [number, number][] {
  return Object.entries(rec ?? {})
    .map(([y, v]): [number, number] => [Number(y), v])
    .sort((a, b) => a[0] - b[0]);
}

export const num = (c: Cell): number => (typeof c === "number" ? c : c === null ? NaN : Number(c));

// ---------------------------------------------------------------- units shown on axes
export const BILLION = 1e9;
export const toBillions = (usd: number): number => usd / BILLION;
export const toTwh = (mwh: number): number => mwh / 1e6;
export const toMillions = (n: number): number => n / 1e6;
export const toPercent = (fraction: number): number => fraction * 100;

/** Year ticks that fit a chart `widthPx` wide (about 36 px a label): every year, or every 2nd, 5th or 10th. */
export function yearTicks(years: number[], widthPx = DEFAULT_WIDTH_PX): number[] {
  const fit = Math.max(2, Math.floor((widthPx - 80) / 36));
  const step = [1, 2, 5, 10].find((k) => Math.ceil(years.length / k) <= fit) ?? 10;
  return years.filter((y) => y % step === 0);
}

export const yearAxis = (years: number[], widthPx?: number) => ({ label: "Year", ticks: yearTicks(years, widthPx), tickFormat: (y: number) => String(y) });

/** Distinct values in first-seen order. */
export const distinct = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Plot's default categorical palette (observable10), for series without a fixed colour. */
export const CATEGORICAL = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];
export const colorsFor = (names: string[]): string[] => names.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]);

/** A number with thousands separators and at most `digits` decimals (en-US, as the text reports). */
export const fmt = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : "–");

/** USD in words with a scale: "$1.25 billion", "$658 thousand". */
export function usdText(usd: number): string {
  const a = Math.abs(usd);
  const [div, unit] = a >= 1e12 ? [1e12, "trillion"] : a >= 1e9 ? [1e9, "billion"] : a >= 1e6 ? [1e6, "million"] : a >= 1e3 ? [1e3, "thousand"] : [1, ""];
  const x = usd / div;
  return `${usd < 0 ? "−" : ""}$${fmt(Math.abs(x), Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ""}`;
}
