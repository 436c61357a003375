/** Output adapters: CSV text and an all-or-nothing write of one CSV per table. */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import type { RunResult } from "../index.ts";
import type { Table } from "../index.ts";

/**
 * CSV of a table: numbers to 10 significant digits (the model's precision; no float noise such as
 * 0.30000000000000004 or 12 digits of a dollar figure), empty cells for null.
 */
export function tableToCsv(table: Table): string {
  return stringify([table.columns, ...table.rows.map((r) => r.map(csvCell))]);
}

export function csvCell(c: string | number | null): string | number {
  if (c === null) return "";
  if (typeof c !== "number" || Number.isInteger(c) || !Number.isFinite(c)) return c;
  return Number(c.toPrecision(10));
}

/**
 * Writes `<table>.csv` for every table plus `summary.json` into `dir`. Files are first written to a
 * temporary directory inside `dir`, then renamed into place, so a failure leaves no half-written file.
 */
export function writeResultDir(result: RunResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(dir, ".gigaplan-tmp-"));
  const files: string[] = [];
  try {
    for (const [name, table] of Object.entries(result.tables)) {
      writeFileSync(join(tmp, `${name}.csv`), tableToCsv(table));
      files.push(`${name}.csv`);
    }
    writeFileSync(join(tmp, "summary.json"), `${JSON.stringify(result.summary, null, 2)}\n`);
    files.push("summary.json");
    writeFileSync(join(tmp, "inputs.json"), `${JSON.stringify(result.inputs, null, 2)}\n`);
    files.push("inputs.json");
    for (const f of files) renameSync(join(tmp, f), join(dir, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files;
}
