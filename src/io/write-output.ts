/** Output adapters: CSV text and an all-or-nothing write of one CSV per table. */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { foreignFiles, outputPathProblem } from "./output-path.ts";
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

/** Names a run's --out directory may hold: its tables, summary.json and inputs.json. */
export const isRunOutputFile = (name: string): boolean =>
  /^[A-Za-z0-9]+\.csv$/.test(name) || name === "summary.json" || name === "inputs.json" || name.startsWith(".gigaplan-tmp-");

/** Temporary siblings of `dir` (`.<name>.gigaplan-tmp-<pid>-*`, `.<name>.gigaplan-old-<pid>-*`) of processes no longer running. */
function staleSiblings(dir: string): string[] {
  const parent = dirname(dir);
  if (!existsSync(parent)) return [];
  const prefix = `.${basename(dir)}.gigaplan-`;
  return readdirSync(parent)
    .filter((f) => f.startsWith(prefix))
    .filter((f) => {
      const pid = Number(/gigaplan-(?:tmp|old)-(\d+)-/.exec(f)?.[1]);
      if (!Number.isInteger(pid) || pid === process.pid) return false;
      try {
        process.kill(pid, 0);
        return false; // still running: not ours to remove
      } catch {
        return true;
      }
    })
    .map((f) => join(parent, f));
}

/**
 * Writes `<table>.csv` for every table plus `summary.json` and `inputs.json` as one set: everything goes into a
 * sibling temporary directory, which then replaces `dir` by renames (old set aside, new in, old removed), so `dir`
 * holds either the complete old set or the complete new one. Stale temporary siblings of killed runs are removed.
 * A `dir` holding files gigaplan does not write is refused (the caller checks first, see outputDirProblem).
 */
export function writeResultDir(result: RunResult, dir: string): string[] {
  for (const stale of staleSiblings(dir)) rmSync(stale, { recursive: true, force: true });
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tag = `.${basename(dir)}.gigaplan-`;
  const tmp = mkdtempSync(join(parent, `${tag}tmp-${process.pid}-`));
  // mkdtemp makes the directory private (0700): give the set the old directory's mode, or the default one
  chmodSync(tmp, existsSync(dir) ? statSync(dir).mode & 0o7777 : 0o777 & ~process.umask());
  const files: string[] = [];
  let old: string | null = null;
  try {
    for (const [name, table] of Object.entries(result.tables)) {
      writeFileSync(join(tmp, `${name}.csv`), tableToCsv(table));
      files.push(`${name}.csv`);
    }
    writeFileSync(join(tmp, "summary.json"), `${JSON.stringify(result.summary, null, 2)}\n`);
    files.push("summary.json");
    writeFileSync(join(tmp, "inputs.json"), `${JSON.stringify(result.inputs, null, 2)}\n`);
    files.push("inputs.json");
    if (result.provenance) {
      writeFileSync(join(tmp, "provenance.json"), `${JSON.stringify(result.provenance, null, 1)}\n`);
      files.push("provenance.json");
    }
    if (existsSync(dir)) {
      old = `${join(parent, tag)}old-${process.pid}-${basename(tmp).slice(-6)}`;
      renameSync(dir, old);
    }
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (old) renameSync(old, dir); // put the old set back
      old = null;
      throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (old) rmSync(old, { recursive: true, force: true });
  }
  return files;
}

/** The problem with `dir` as a run's --out directory, checked before the model runs (null when fine). */
export function outputDirProblem(dir: string): string | null {
  const p = outputPathProblem(dir, "directory");
  if (p) return p;
  const foreign = foreignFiles(dir, isRunOutputFile);
  return foreign.length > 0 ? `${dir}: holds files gigaplan did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""}); choose a new or empty directory` : null;
}
