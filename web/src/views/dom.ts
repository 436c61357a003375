/** Tiny DOM helpers: elements with attributes and children, downloads, number formats. */
import type { Table } from "../../../src/index.ts";
import { tableToCsv } from "./csv.ts";

type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Saves text as a file through a temporary object URL (nothing is uploaded). */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const downloadCsv = (fileName: string, t: Table): void => download(fileName, tableToCsv(t), "text/csv;charset=utf-8");

/** A button that downloads a table as CSV; the table is computed on click. */
export function csvButton(fileName: string, table: () => Table, label = "CSV"): HTMLButtonElement {
  return h("button", { type: "button", class: "small", "data-csv": fileName, "aria-label": `Download ${fileName}`, onclick: () => downloadCsv(fileName, table()) }, label);
}

const nf = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const fmt = (v: number | null | undefined, digits = 0): string => (v === null || v === undefined || !Number.isFinite(v) ? "–" : nf(digits).format(v));
export const fmtUsdB = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? "–" : `${v < 0 ? "−" : ""}$${fmt(Math.abs(v) / 1e9, 1)}B`);
export const fmtPct = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? "–" : `${fmt(v * 100, digits)} %`);

/** How a cell of column `column` is shown: years plain, USD in billions, fractions in percent. */
export function formatCell(column: string, v: number): string {
  if (/^(year|fiscalYear)$|Year$/.test(column)) return String(v);
  if (/Usd$/.test(column)) return fmtUsdB(v);
  if (/Fraction$/.test(column)) return fmtPct(v);
  return fmt(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 2 : 0);
}

/** An HTML table of a result table (numbers right-aligned and formatted), at most `maxRows` rows. */
export function htmlTable(t: Table, o: { caption?: string; maxRows?: number; format?: (column: string, v: number) => string } = {}): HTMLElement {
  const rows = t.rows.slice(0, o.maxRows ?? t.rows.length);
  const format = o.format ?? formatCell;
  return h(
    "div",
    { class: "table-wrap", tabindex: 0, role: "region", "aria-label": o.caption ?? "table" },
    h(
      "table",
      { class: "data" },
      o.caption ? h("caption", {}, o.caption) : null,
      h("thead", {}, h("tr", {}, ...t.columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((v, i) => (typeof v === "number" ? h("td", { class: "num" }, format(t.columns[i], v)) : h("td", {}, v === null ? "" : String(v))))))),
    ),
  );
}
