/** The `gigaplan` command line. Exit codes: 0 ok, 1 internal failure, 2 bad input. */
import { Command, CommanderError, Option } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { hasErrors, renderTextReport, run, scenarioJsonSchema, validate } from "../index.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { outputDirProblem, tableToCsv, writeResultDir } from "../io/write-output.ts";
import { registerCheckClaims } from "./check-claims-command.ts";
import { registerCompare } from "./compare-command.ts";
import { registerSweepDiffInit } from "./sweep-command.ts";
import { caseInsensitiveChoicesEverywhere } from "./flags.ts";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type Io, printDiagnostics } from "./io.ts";
import { registerMerge } from "./merge-command.ts";
import { registerOptimizePowerCommand } from "./optimize-power-command.ts";
import { registerPeers } from "./peers-command.ts";
import { registerProfileCommand } from "./profile-command.ts";
import { registerProfileWindCommand } from "./profile-wind-command.ts";
import { type ProgressFlags, addProgressOptions, progressEnabled, stageReporter } from "./progress.ts";
import { registerReport } from "./report-command.ts";
import { registerRuns } from "./runs-command.ts";
import { registerServe } from "./serve-command.ts";
import { registerSimulate } from "./simulate-command.ts";
import { registerSources } from "./sources-command.ts";

export { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type Io };

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTty: process.stderr.isTTY === true,
};

/** The package's version (package.json, bundled into dist/cli.cjs by scripts/build.mjs like the data files). */
export const VERSION: string = packageJson.version;

interface RunOptions extends ProgressFlags {
  format: "table" | "json" | "csv";
  out?: string;
  table: string;
}

async function runCommand(file: string, opts: RunOptions, io: Io): Promise<number> {
  const doc = readScenarioFile(file);
  if (!doc.value) return fail(doc.diagnostics, io);
  // an unusable --out is found before the model runs, not after
  const outProblem = opts.out ? outputDirProblem(opts.out) : null;
  if (outProblem) {
    io.stderr(`error: --out ${outProblem}; nothing was written\n`);
    return EXIT_BAD_INPUT;
  }
  const stages = stageReporter("run", progressEnabled(opts, io), io);
  const { result, diagnostics } = await run(doc.value, { files: nodeInputFiles(file), onStage: stages.stage });
  stages.done();
  if (!result || hasErrors(diagnostics)) {
    printDiagnostics(file, diagnostics, io);
    return EXIT_BAD_INPUT;
  }
  printDiagnostics(file, diagnostics.filter((d) => d.severity === "warning"), io);
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
  // warnings went to stderr above: the report lists only the notes (else a terminal shows each warning twice)
  else io.stdout(renderTextReport({ ...result, diagnostics: result.diagnostics.filter((d) => d.severity === "info") }));
  return EXIT_OK;
}

/** An unreadable scenario file: `error: FILE: cannot read scenario: no such file` (the reason in words). */
function fail(ds: { path: string; message: string }[], io: Io): number {
  for (const d of ds) io.stderr(`error: ${d.path}: ${d.message}\n`);
  return EXIT_BAD_INPUT;
}

async function validateCommand(file: string, io: Io): Promise<number> {
  const doc = readScenarioFile(file);
  if (!doc.value) return fail(doc.diagnostics, io);
  const { valid, diagnostics } = await validate(doc.value, { files: nodeInputFiles(file) });
  printDiagnostics(file, diagnostics, io);
  if (!valid) return EXIT_BAD_INPUT;
  io.stdout(`${file}: valid\n`);
  return EXIT_OK;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("gigaplan")
    .description("Planner and simulator for gigawatt-scale AI-infrastructure programs")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .version(VERSION, "-v, --version", "print the version of gigaplan");
  const runCmd = program
    .command("run")
    .description("run a scenario: build schedule, fleet, energy, finance, jobs, water")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .option("--table <name>", "table printed by --format csv", "yearly")
    .option("--out <dir>", "also write one CSV per table and summary.json into DIR")
    .action(async (file: string, opts: RunOptions) => setExit(await runCommand(file, opts, io)));
  addProgressOptions(runCmd);
  program
    .command("validate")
    .description("check a scenario and list every problem")
    .argument("<scenario>")
    .action(async (file: string) => setExit(await validateCommand(file, io)));
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
  registerSources(program, io, setExit);
  registerOptimizePowerCommand(program, io, setExit);
  registerCheckClaims(program, io, setExit);
  registerReport(program, io, setExit);
  registerServe(program, io, setExit);
  registerRuns(program, io, setExit);
  registerSweepDiffInit(program, io, setExit);
  caseInsensitiveChoicesEverywhere(program); // keep last: applies to every command registered above
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
