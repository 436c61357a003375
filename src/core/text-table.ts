/**
 * Plain-text tables for the terminal: every column padded to its widest cell, columns joined by a gap,
 * an optional dashed rule under the header. Pure, no dependencies.
 *
 * Widths are `String.length` (UTF-16 code units), so columns line up for text whose characters are one
 * code unit and one terminal cell wide (ASCII, "→", "ρ", "—"); emoji or East Asian wide characters will not.
 */

export interface TextTableOptions {
  /**
   * Columns aligned left (padded on the right): the first `n` columns, or exactly these column indices.
   * Every other column is right-aligned (padded on the left), as numbers are. Default 1: a label column, then numbers.
   */
  leftColumns?: number | readonly number[];
  /** Between two columns. Default two spaces. */
  gap?: string;
  /** A line of "-" under the header, each run as wide as its column, joined by the gap. Default false. */
  rule?: boolean;
  /** Remove trailing whitespace from every line (the padding of a left-aligned or empty last cell). Default false. */
  trimEnd?: boolean;
  /** Least width of each column (a fixed layout whatever the values); default 0. */
  minWidths?: readonly number[];
}

/**
 * The lines of a table: the header, the rule (if asked for), then one line per row; join them with "\n".
 * Every row must have one cell per header. With no rows the table is just the header (and rule).
 */
export function renderTextTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TextTableOptions = {}): string[] {
  const { leftColumns = 1, gap = "  ", rule = false, trimEnd = false, minWidths = [] } = options;
  rows.forEach((row, r) => {
    if (row.length !== headers.length) throw new Error(`text table: row ${r} has ${row.length} cells, the header has ${headers.length}`);
  });
  const widths = headers.map((h, c) => rows.reduce((w, row) => Math.max(w, row[c].length), Math.max(h.length, minWidths[c] ?? 0)));
  const isLeft = (c: number): boolean => (typeof leftColumns === "number" ? c < leftColumns : leftColumns.includes(c));
  const finish = (line: string): string => (trimEnd ? line.trimEnd() : line);
  const line = (cells: readonly string[]): string =>
    finish(cells.map((cell, c) => (isLeft(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(gap));
  return [line(headers), ...(rule ? [finish(widths.map((w) => "-".repeat(w)).join(gap))] : []), ...rows.map(line)];
}

/** A number for a table cell: `digits` decimals, thousands separators; a value that rounds to zero prints as 0, not -0. */
export function fixedCell(x: number, digits = 0): string {
  return (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
