/**
 * A tiny reader for small numeric CSV tables (turbine power curves, layouts): an optional header line of names,
 * then rows of numbers. Blank lines and lines starting with `#` are skipped. Every bad cell is reported with
 * `file:line:column`; nothing is filled in.
 */
import { type Diagnostic, type Outcome, error } from "../../../core/diagnostics.ts";

export interface NumericTable {
  /** lower-cased header names, or [] when the first line is already data */
  header: string[];
  /** selected columns, one Float64Array per requested column */
  columns: Float64Array[];
  /** 1-based line number of each row */
  lineNumbers: number[];
}

export interface ColumnSpec {
  /** header names accepted for this column (lower-case) */
  names: readonly string[];
  /** column used when the file has no header (0-based) */
  fallbackIndex: number;
  label: string;
}

const isNumber = (cell: string): boolean => cell.trim() !== "" && Number.isFinite(Number(cell));

function locateColumns(header: string[], specs: readonly ColumnSpec[], file: string, ds: Diagnostic[]): number[] {
  if (header.length === 0) return specs.map((s) => s.fallbackIndex);
  return specs.map((s) => {
    const i = header.findIndex((h) => s.names.includes(h));
    if (i < 0) ds.push(error(`${file}:1`, `no ${s.label} column (expected one of: ${s.names.join(", ")})`));
    return i;
  });
}

/** Reads the columns described by `specs` from CSV `text`. */
export function parseNumericCsv(text: string, specs: readonly ColumnSpec[], file: string): Outcome<NumericTable | null> {
  const ds: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  let first = lines.findIndex((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  if (first < 0) return { value: null, diagnostics: [error(file, "no data rows")] };
  const firstCells = lines[first].split(",");
  const header = firstCells.every(isNumber) ? [] : firstCells.map((c) => c.trim().toLowerCase());
  const index = locateColumns(header, specs, file, ds);
  if (ds.length > 0) return { value: null, diagnostics: ds };
  if (header.length > 0) first++;
  const values: number[][] = specs.map(() => []);
  const lineNumbers: number[] = [];
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const cells = line.split(",");
    let ok = true;
    const row = index.map((c, k) => {
      const cell = cells[c];
      if (cell === undefined || !isNumber(cell)) {
        ds.push(error(`${file}:${i + 1}:${c + 1}`, `${specs[k].label}: "${(cell ?? "").trim()}" is not a number`));
        ok = false;
        return 0;
      }
      return Number(cell);
    });
    if (!ok) continue;
    row.forEach((v, k) => values[k].push(v));
    lineNumbers.push(i + 1);
  }
  if (ds.length > 0) return { value: null, diagnostics: ds };
  if (lineNumbers.length === 0) return { value: null, diagnostics: [error(file, "no data rows")] };
  return { value: { header, columns: values.map((v) => Float64Array.from(v)), lineNumbers }, diagnostics: [] };
}
