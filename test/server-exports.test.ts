/**
 * Exports of a stored Meta run through the HTTP API, read back by other tools and compared with the run's own
 * table values: Parquet with DuckDB (read_parquet), XLSX with exceljs, CSV with csv-parse.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunResult, Table } from "../src/index.ts";
import { readableHeader } from "../src/io/column-header.ts";
import { META_YAML, type TestApp, testApp } from "./helpers/server.ts";

let t: TestApp;
let id: number;
let result: RunResult;
const dir = mkdtempSync(join(tmpdir(), "gigaplan-exports-"));
beforeAll(async () => {
  t = testApp();
  const created = await (await t.post("/api/runs", META_YAML, "application/yaml")).json();
  id = created.id;
  result = created.result;
});
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const nonEmpty = (): [string, Table][] => Object.entries(result.tables).filter(([, tb]) => tb.rows.length > 0);

describe("run exports", () => {
  it("Parquet: DuckDB reads every table back with the same columns and values", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    try {
      expect(nonEmpty().length).toBeGreaterThanOrEqual(10);
      for (const [name, table] of nonEmpty()) {
        const r = await t.request(`/api/runs/${id}/export.parquet?table=${name}`);
        expect(r.status).toBe(200);
        const file = join(dir, `${name}.parquet`);
        writeFileSync(file, new Uint8Array(await r.arrayBuffer()));
        const read = await db.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
        expect(read.columnNames(), name).toEqual(table.columns);
        const rows = read.getRowsJS().map((row) => row.map((v) => (typeof v === "bigint" ? Number(v) : v)));
        const expected = table.rows.map((row) => row.map((v, j) => (v === null ? null : typeof v === "number" && isTextColumn(table, j) ? String(v) : v)));
        expect(rows, name).toEqual(expected);
      }
      const meta = await db.runAndReadAll(`SELECT value FROM parquet_kv_metadata('${join(dir, "yearly.parquet")}') WHERE key = 'gigaplan.run'`);
      expect(JSON.parse(String(meta.getRowsJS()[0][0]))).toMatchObject({ runId: id, table: "yearly" });
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });

  it("XLSX: exceljs reads one sheet per table with unit headers and numbers stored as numbers, plus an About sheet", async () => {
    const r = await t.request(`/api/runs/${id}/export.xlsx`);
    expect(r.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["About", ...Object.keys(result.tables)]);
    for (const [name, table] of Object.entries(result.tables)) {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(name);
      const header = ws.getRow(1);
      table.columns.forEach((c, j) => {
        expect(header.getCell(j + 1).value).toBe(readableHeader(c));
        expect(header.getCell(j + 1).note).toBe(c);
      });
      table.rows.forEach((row, i) => {
        const got = ws.getRow(i + 2);
        row.forEach((v, j) => expect(got.getCell(j + 1).value ?? null, `${name}[${i}].${table.columns[j]}`).toBe(v === "" ? null : v));
      });
      expect(ws.rowCount).toBe(table.rows.length + 1);
    }
    expect(wb.getWorksheet("yearly")?.getRow(1).getCell(result.tables.yearly.columns.indexOf("itPowerMwOnline") + 1).value).toBe("IT power online (MW)");
    const about = wb.getWorksheet("About");
    const values = (about?.getSheetValues() ?? []).flat().map(String);
    expect(values).toEqual(expect.arrayContaining([result.summary.scenarioName, String(id), "Sources"]));
    expect(values.some((v) => /^[0-9a-f]{64}$/.test(v))).toBe(true);
  });

  it("CSV: one table by ?table=, yearly by default; an unknown table is a 400", async () => {
    const yearly = parseCsv(await (await t.request(`/api/runs/${id}/export.csv`)).text()) as string[][];
    expect(yearly[0]).toEqual(result.tables.yearly.columns);
    // numbers to 10 significant digits (CSV rounding), equal to the table within that precision
    yearly.slice(1).forEach((r, i) => r.forEach((v, j) => expect(Number(v)).toBeCloseTo(Number(result.tables.yearly.rows[i][j]), 9 - Math.floor(Math.log10(Math.abs(Number(v)) || 1)))));
    const phases = await t.request(`/api/runs/${id}/export.csv?table=phases`);
    expect(phases.headers.get("content-disposition")).toBe(`attachment; filename="gigaplan-run-${id}-phases.csv"`);
    const bad = await t.request(`/api/runs/${id}/export.parquet?table=nope`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).diagnostics[0]).toMatchObject({ path: "table", message: expect.stringContaining("yearly") });
  });
});

/** A column with any text cell is written as text. */
function isTextColumn(table: Table, j: number): boolean {
  return table.rows.some((r) => typeof r[j] === "string");
}
