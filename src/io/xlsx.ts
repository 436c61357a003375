/**
 * A run's result as an Excel workbook (exceljs): an "About" sheet (scenario, run id, scenario hash, gigaplan
 * version, data vintage, where the reference numbers come from, the run's warnings), then one sheet per
 * result table with readable headers that carry the unit ("IT power online (MW)"; each header's cell note
 * holds the column's JSON/CSV name). Numbers are stored as numbers; null and empty text are empty cells.
 */
import type { Cell, RunResult, Table } from "../index.ts";
import { provenance } from "../index.ts";
import { readableHeader } from "./column-header.ts";

export interface RunAbout {
  scenarioName: string;
  runId?: number;
  scenarioSha256?: string;
  gigaplanVersion?: string;
  dataVintage?: string;
  /** ISO time the run was made */
  created?: string;
}

const SOURCES_NOTE =
  "Every reference number comes from gigaplan's data/*.json files; data/*.meta.json names the source URL, date and license of each number " +
  "(values marked sourced: false are estimates with their derivation). Table values are model results computed from the scenario and that data.";

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31);

/** A cell for exceljs: numbers stay numbers, null and "" stay empty, non-finite numbers become text. */
const cellValue = (c: Cell): string | number | null => (c === "" ? null : typeof c === "number" && !Number.isFinite(c) ? String(c) : c);

export async function runToXlsx(result: RunResult, about: RunAbout): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = "gigaplan";
  if (about.created) wb.created = new Date(about.created);

  const info = wb.addWorksheet("About");
  info.columns = [{ width: 24 }, { width: 70 }, { width: 14 }, { width: 40 }];
  info.addRow(["gigaplan run export"]).font = { bold: true, size: 14 };
  const facts: [string, string | number | undefined][] = [
    ["Scenario", about.scenarioName],
    ["Run id", about.runId],
    ["Scenario SHA-256", about.scenarioSha256],
    ["Created", about.created],
    ["gigaplan version", about.gigaplanVersion],
    ["Data vintage", about.dataVintage],
    ["Result schema version", result.schemaVersion],
  ];
  for (const [k, v] of facts) if (v !== undefined) info.addRow([k, v]).getCell(1).font = { bold: true };
  info.addRow([]);
  info.addRow(["Sources", SOURCES_NOTE]).getCell(1).font = { bold: true };
  info.addRow(["Headers", "Units are in parentheses; each header's note gives the column's name in the JSON and CSV output."]).getCell(1).font = { bold: true };
  info.addRow([]);
  info.addRow(["Reference data", "title", "retrieved", "license"]).font = { bold: true };
  for (const [file, meta] of Object.entries(provenance)) info.addRow([file, meta.title, meta.retrieved, meta.license]);
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  if (warnings.length > 0) {
    info.addRow([]);
    info.addRow(["Warnings", "message"]).font = { bold: true };
    for (const d of warnings) info.addRow([d.path, d.message]);
  }
  for (const [name, table] of Object.entries(result.tables)) addTableSheet(wb.addWorksheet(sheetName(name)), table);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Worksheet = ReturnType<InstanceType<typeof import("exceljs").Workbook>["addWorksheet"]>;

function addTableSheet(ws: Worksheet, table: Table): void {
  const header = ws.addRow(table.columns.map(readableHeader));
  header.font = { bold: true };
  table.columns.forEach((c, i) => {
    header.getCell(i + 1).note = c;
  });
  for (const row of table.rows) ws.addRow(row.map(cellValue));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(40, Math.max(10, readableHeader(c).length + 2));
    if (/Usd$/.test(c)) col.numFmt = "#,##0";
  });
}
