/**
 * A chart of gigaplan: the data behind it as a table (what a "CSV" button downloads) and its SVG, drawn with
 * Observable Plot. Charts are pure: the caller passes the DOM `document` to draw with (the browser's own, or
 * jsdom's on Node) and gets standalone SVG markup back (with `xmlns`, units on the axes).
 */
import type { Table } from "../core/table.ts";

export interface ChartOptions {
  /** a DOM document to create elements with */
  document: Document;
  /** width of the chart, CSS pixels (default 640) */
  widthPx?: number;
}

export interface ChartSpec<Input> {
  /** stable id, used in file names and element ids ("mw-online-by-site") */
  id: string;
  /** a title that says what is shown and in which unit */
  title: string;
  /** the data behind the chart, one row per plotted value, units in the column names */
  data(input: Input): Table;
  /** standalone SVG markup; a chart without data says so in the SVG instead of failing */
  render(input: Input, options: ChartOptions): string;
}
