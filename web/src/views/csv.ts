/** A result table as CSV (RFC 4180: comma, CRLF-free "\n" lines, quotes doubled; empty cell for null). */
import type { Table } from "../../../src/index.ts";

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function tableToCsv(t: Table): string {
  return [t.columns, ...t.rows].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

/** CSV text back into rows of strings (for tests; quotes handled, no multi-line cells). */
export function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => {
      const out: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
          else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") out.push(cur), (cur = "");
        else cur += c;
      }
      out.push(cur);
      return out;
    });
}
