/**
 * Hourly time-series CSV (one timestamp column, then numeric columns), as EIA-930 extracts come. Timestamps
 * must step by exactly one hour; every bad timestamp, gap or cell is reported with `file:line:column`.
 */
import { type Diagnostic, type Outcome, error } from "../core/diagnostics.ts";

export const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const MAX_LISTED = 20;

/** `YYYY-MM-DD[ T]HH[:MM[:SS]]` with optional `Z` or `±HH:MM`; no zone means UTC. Returns epoch ms or null. */
export function parseUtcTimestamp(cell: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(cell.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5] ?? "0", m[6] ?? "0"].map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const zone = m[7];
  if (!zone || zone === "Z") return ms;
  const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const offsetMin = (Number(zm[2]) * 60 + Number(zm[3])) * (zm[1] === "-" ? -1 : 1);
  return ms - offsetMin * MS_PER_MINUTE;
}

export interface HourlyCsv {
  /** column names, in file order, without the time column */
  names: string[];
  timeColumn: string;
  /** epoch ms (UTC) of each row's timestamp, as written in the file */
  timestampsUtcMs: Float64Array;
  columns: Float64Array[];
}

interface Problems {
  ds: Diagnostic[];
  count: number;
}

function report(p: Problems, d: Diagnostic): void {
  p.count++;
  if (p.count <= MAX_LISTED) p.ds.push(d);
}

function parseRow(line: string, lineNo: number, r: number, out: HourlyCsv, file: string, p: Problems): void {
  const cells = line.split(",");
  if (cells.length !== out.names.length + 1) {
    report(p, error(`${file}:${lineNo}`, `expected ${out.names.length + 1} columns, found ${cells.length}`));
    return;
  }
  const t = parseUtcTimestamp(cells[0]);
  if (t === null) report(p, error(`${file}:${lineNo}:1`, `${out.timeColumn}: "${cells[0]}" is not a timestamp (YYYY-MM-DD HH:MM:SS[+00:00])`));
  else {
    out.timestampsUtcMs[r] = t;
    const prev = r > 0 ? out.timestampsUtcMs[r - 1] : NaN;
    if (r > 0 && !Number.isNaN(prev) && t - prev !== MS_PER_HOUR)
      report(p, error(`${file}:${lineNo}:1`, `${out.timeColumn}: "${cells[0]}" is ${(t - prev) / MS_PER_HOUR} h after the previous row (expected 1 h: gap, duplicate or disorder)`));
  }
  for (let c = 1; c < cells.length; c++) {
    const cell = cells[c];
    const v = cell.trim() === "" ? NaN : Number(cell);
    if (!Number.isFinite(v)) report(p, error(`${file}:${lineNo}:${c + 1}`, `${out.names[c - 1]}: "${cell.trim()}" is not a number`));
    else out.columns[c - 1][r] = v;
  }
}

/** Parses the CSV: header line, then one row per hour. */
export function parseHourlyCsv(text: string, file: string): Outcome<HourlyCsv | null> {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines.length < 2) return { value: null, diagnostics: [error(file, "expected a header line and at least one data row")] };
  const header = lines[0].split(",").map((h) => h.trim());
  if (header.length < 2) return { value: null, diagnostics: [error(`${file}:1`, "expected a time column and at least one data column")] };
  const n = lines.length - 1;
  const out: HourlyCsv = {
    names: header.slice(1),
    timeColumn: header[0],
    timestampsUtcMs: new Float64Array(n).fill(NaN),
    columns: header.slice(1).map(() => new Float64Array(n)),
  };
  const p: Problems = { ds: [], count: 0 };
  for (let r = 0; r < n; r++) {
    if (lines[r + 1].trim() === "") report(p, error(`${file}:${r + 2}`, "empty line"));
    else parseRow(lines[r + 1], r + 2, r, out, file, p);
  }
  if (p.count > MAX_LISTED) p.ds.push(error(file, `${p.count - MAX_LISTED} more problems not listed`));
  return p.ds.length > 0 ? { value: null, diagnostics: p.ds } : { value: out, diagnostics: [] };
}
