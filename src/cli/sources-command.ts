/**
 * `gigaplan sources <scenario> [--format table|json|csv]`: every number a run of the scenario uses with its source
 * (reference data with its data/*.meta.json entry, scenario numbers with their comments), the inputs that matter
 * most (tornado of the `uncertain` block) and each site's weather and grid files (station, distance, period,
 * local or proxy).
 */
import { type Command, Option } from "commander";
import { hasErrors, renderSourcesText, sources, sourcesTable } from "../index.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { tableToCsv } from "../io/write-output.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, printDiagnostics } from "./io.ts";

export interface SourcesOptions {
  format: "table" | "json" | "csv";
}

export async function sourcesCommand(file: string, opts: SourcesOptions, io: Io): Promise<number> {
  const doc = readScenarioFile(file);
  if (!doc.value) {
    for (const d of doc.diagnostics) io.stderr(`error: ${d.path}: ${d.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const r = await sources(doc.value, { files: nodeInputFiles(file) });
  if (!r.value || hasErrors(r.diagnostics)) {
    printDiagnostics(file, r.diagnostics, io);
    return EXIT_BAD_INPUT;
  }
  printDiagnostics(file, r.diagnostics.filter((d) => d.severity === "warning"), io);
  if (opts.format === "json") io.stdout(`${JSON.stringify(r.value, null, 1)}\n`);
  else if (opts.format === "csv") io.stdout(tableToCsv(sourcesTable(r.value)));
  else io.stdout(renderSourcesText(r.value, file));
  return EXIT_OK;
}

export function registerSources(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("sources")
    .description("where every number of a run comes from: reference data and scenario numbers with their sources, the inputs that matter most, each site's weather and grid files")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .addOption(new Option("--format <format>", "output format (csv: one row per number)").choices(["table", "json", "csv"]).default("table"))
    .action(async (file: string, opts: SourcesOptions) => setExit(await sourcesCommand(file, opts, io)));
}
