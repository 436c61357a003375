/** The `gigaplan` command line. Exit codes: 0 ok, 1 internal failure, 2 bad input. */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { type Diagnostic, formatDiagnostic, hasErrors } from "../core/diagnostics.ts";
import { runTextWithFiles } from "../io/run-with-files.ts";
import { scenarioJsonSchema } from "../scenario/schema.ts";
import { registerCompare } from "./compare-command.ts";
import { registerMerge } from "./merge-command.ts";
import { registerProfileCommand } from "./profile-command.ts";
import { registerProfileWindCommand } from "./profile-wind-command.ts";
import { registerSimulate } from "./simulate-command.ts";
import { registerCheckClaims } from "./check-claims-command.ts";
import { registerPeers } from "./peers-command.ts";
import { registerOptimizePowerCommand } from "./optimize-power-command.ts";
import { renderTextReport } from "../text/run-report.ts";
import { tableToCsv, writeResultDir } from "../io/write-output.ts";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function readScenario(file: string, io: Io): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    io.stderr(`error: ${file}: cannot read scenario (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return null;
  }
}

function reportDiagnostics(file: string, ds: readonly Diagnostic[], io: Io): void {
  const errors = ds.filter((d) => d.severity === "error");
  if (errors.length > 0) io.stderr(`${file}: ${errors.length} error(s); nothing was written\n`);
  for (const d of ds) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
}

interface RunOptions {
  format: "table" | "json" | "csv";
  out?: string;
  table: string;
}

function runCommand(file: string, opts: RunOptions, io: Io): number {
  const text = readScenario(file, io);
  if (text === null) return EXIT_BAD_INPUT;
  const { result, diagnostics } = runTextWithFiles(text, file);
  if (!result || hasErrors(diagnostics)) {
    reportDiagnostics(file, diagnostics, io);
    return EXIT_BAD_INPUT;
  }
  reportDiagnostics(file, diagnostics.filter((d) => d.severity === "warning"), io);
  const table = opts.format === "csv" ? result.tables[opts.table] : undefined;
  if (opts.format === "csv" && !table) {
    io.stderr(`error: --table: unknown table "${opts.table}" (tables: ${Object.keys(result.tables).join(", ")}); nothing was written\n`);
    return EXIT_BAD_INPUT;
  }
  if (opts.out) {
    const files = writeResultDir(result, opts.out);
    io.stderr(`wrote ${files.length} files to ${opts.out}: ${files.join(", ")}\n`);
  }
  if (opts.format === "json") io.stdout(`${JSON.stringify(result)}\n`);
  else if (table) io.stdout(tableToCsv(table));
  else io.stdout(renderTextReport(result));
  return EXIT_OK;
}

function validateCommand(file: string, io: Io): number {
  const text = readScenario(file, io);
  if (text === null) return EXIT_BAD_INPUT;
  const { diagnostics } = runTextWithFiles(text, file);
  reportDiagnostics(file, diagnostics, io);
  if (hasErrors(diagnostics)) return EXIT_BAD_INPUT;
  io.stdout(`${file}: valid\n`);
  return EXIT_OK;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("gigaplan")
    .description("Planner and simulator for gigawatt-scale AI-infrastructure programs")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program
    .command("run")
    .description("run a scenario: build schedule, fleet, energy, finance, jobs, water")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .option("--table <name>", "table printed by --format csv", "yearly")
    .option("--out <dir>", "also write one CSV per table and summary.json into DIR")
    .action((file: string, opts: RunOptions) => setExit(runCommand(file, opts, io)));
  program
    .command("validate")
    .description("check a scenario and list every problem")
    .argument("<scenario>")
    .action((file: string) => setExit(validateCommand(file, io)));
  program
    .command("schema")
    .description("print the scenario JSON Schema (for editor validation and autocomplete)")
    .action(() => {
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      setExit(EXIT_OK);
    });
  registerSimulate(program, io, setExit);
  registerMerge(program, io, setExit);
  registerCompare(program, io, setExit);
  registerProfileCommand(program, io, setExit);
  registerProfileWindCommand(program, io, setExit);
  registerPeers(program, io, setExit);
  registerOptimizePowerCommand(program, io, setExit);
  registerCheckClaims(program, io, setExit);
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    io.stderr(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT_FAILURE;
  }
  return code;
}
