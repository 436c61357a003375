/** Output adapters: CSV text and an all-or-nothing write of one CSV per table. */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import type { RunResult } from "../index.ts";
import type { Table } from "../index.ts";

export function tableToCsv(table: Table): string {
  return stringify([table.columns, ...table.rows.map((r) => r.map((c) => (c === null ? "" : c)))]);
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
    for (const f of files) renameSync(join(tmp, f), join(dir, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files;
}
