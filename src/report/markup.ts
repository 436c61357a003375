/** HTML building blocks of the report: escaping, number formats with units, tables, CSV as a data: link. Pure strings. */
import type { Cell, Table } from "../core/table.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);

export const fmtNumber = (x: number, digits = 0): string =>
  Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–";

export const usdB = (usd: number, digits = 1): string => (Number.isFinite(usd) ? `${usd < 0 ? "−" : ""}$${fmtNumber(Math.abs(usd) / 1e9, digits)}B` : "–");
export const pct = (fraction: number, digits = 1): string => (Number.isFinite(fraction) ? `${fmtNumber(fraction * 100, digits)} %` : "–");

/** How one column of a result table is shown: header with its unit, source column, format. */
export interface ColumnView {
  header: string;
  source: string | ((row: Record<string, Cell>) => Cell);
  format?: (x: number) => string;
}

export const F = {
  int: (x: number) => fmtNumber(x, 0),
  one: (x: number) => fmtNumber(x, 1),
  two: (x: number) => fmtNumber(x, 2),
  billions: (x: number) => fmtNumber(x / 1e9, 2),
  millions: (x: number) => fmtNumber(x / 1e6, 2),
  thousands: (x: number) => fmtNumber(x / 1e3, 0),
  percent: (x: number) => fmtNumber(x * 100, 1),
};

/** A result table as an HTML table with chosen columns (first column left, numbers right-aligned), in a scroll box. */
export function htmlTable(t: Table | undefined, columns: ColumnView[], caption: string, filter: (row: Record<string, Cell>) => boolean = () => true): string {
  if (!t || t.rows.length === 0) return "";
  const rows = t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))).filter(filter);
  const cell = (row: Record<string, Cell>, c: ColumnView): string => {
    const v = typeof c.source === "function" ? c.source(row) : row[c.source];
    if (v === null || v === undefined || v === "") return "<td></td>";
    if (typeof v === "number" && c.format) return `<td class="n">${esc(c.format(v))}</td>`;
    return typeof v === "number" ? `<td class="n">${esc(v)}</td>` : `<td>${esc(v)}</td>`;
  };
  const head = columns.map((c) => `<th scope="col"${c.format ? "" : ' class="t"'}>${esc(c.header)}</th>`).join("");
  const body = rows.map((r) => `<tr>${columns.map((c) => cell(r, c)).join("")}</tr>`).join("\n");
  return `<p class="tcap">${esc(caption)}</p><div class="scroll"><table aria-label="${esc(caption)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** RFC 4180 CSV of a table (numbers in full precision). */
export function csv(t: Table): string {
  const q = (c: Cell): string => {
    if (c === null) return "";
    const s = String(c);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [t.columns, ...t.rows].map((r) => r.map(q).join(",")).join("\r\n") + "\r\n";
}

/** A download link carrying the CSV itself (a data: URL: nothing is fetched), or null when the table is large. */
export function csvLink(t: Table, fileName: string, maxBytes = 48_000): string | null {
  const text = csv(t);
  if (text.length > maxBytes) return null;
  return `<a class="csv" download="${esc(fileName)}" href="data:text/csv;charset=utf-8,${esc(encodeURIComponent(text))}">CSV</a>`;
}
