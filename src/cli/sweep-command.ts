/**
 * `gigaplan sweep <scenario> --set PATH=V1,V2,...`: parametric runs (the cartesian product of the value lists);
 * `gigaplan diff A B`: what differs after defaults and how the key outputs move;
 * `gigaplan init [--template minimal|meta] [FILE]`: a commented starter scenario.
 */
import { existsSync, readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { type Diagnostic, type SweepSet, diff, hasErrors, parseSetFlag, renderDiffReport, renderSweepReport, sweep, sweepTable } from "../index.ts";
import { bundledPath, nodeInputFiles } from "../io/input-files.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { tableToCsv } from "../io/write-output.ts";
import { writeFileAtomic } from "../io/write-file-atomic.ts";
import { fileErrorMessage } from "../io/file-error.ts";
import { printProblems } from "./flags.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "./io.ts";

interface SweepCliOptions {
  set: string[];
  format: "table" | "json" | "csv";
  hourly?: boolean;
  force?: boolean;
}

export async function sweepCommand(file: string, o: SweepCliOptions, io: Io): Promise<number> {
  const ds: Diagnostic[] = [];
  const sets: SweepSet[] = [];
  for (const text of o.set ?? []) {
    const p = parseSetFlag(text);
    ds.push(...p.diagnostics);
    if (p.value) sets.push(p.value);
  }
  const doc = readScenarioFile(file);
  if (!doc.value || hasErrors(ds)) {
    printProblems(file, [...ds, ...doc.diagnostics], io);
    return EXIT_BAD_INPUT;
  }
  const out = await sweep(doc.value, sets, { hourlyPower: o.hourly === true, force: o.force === true, files: nodeInputFiles(file) });
  printProblems(file, out.diagnostics, io);
  if (!out.value) return EXIT_BAD_INPUT;
  const r = out.value;
  io.stdout(o.format === "json" ? `${JSON.stringify(r)}\n` : o.format === "csv" ? tableToCsv(sweepTable(r)) : renderSweepReport(r));
  return EXIT_OK;
}

export async function diffCommand(fileA: string, fileB: string, o: { format: "table" | "json"; hourly?: boolean }, io: Io): Promise<number> {
  const a = readScenarioFile(fileA);
  const b = readScenarioFile(fileB);
  if (!a.value || !b.value) {
    printProblems(`${fileA}, ${fileB}`, [...a.diagnostics, ...b.diagnostics], io);
    return EXIT_BAD_INPUT;
  }
  const out = await diff(a.value, b.value, { hourlyPower: o.hourly === true, filesA: nodeInputFiles(fileA), filesB: nodeInputFiles(fileB) });
  printProblems(`${fileA} vs ${fileB}`, out.diagnostics, io);
  if (!out.value) return EXIT_BAD_INPUT;
  io.stdout(o.format === "json" ? `${JSON.stringify(out.value)}\n` : renderDiffReport(out.value));
  return EXIT_OK;
}

/** Starter scenarios: commented files that validate (test/init.test.ts checks both). */
export const TEMPLATES = { minimal: "web/src/presets/minimal.yaml", meta: "scenarios/meta-600b.yaml" } as const;

export function initCommand(file: string | undefined, o: { template: keyof typeof TEMPLATES; force?: boolean }, io: Io): number {
  const text = readFileSync(bundledPath(TEMPLATES[o.template]), "utf8");
  if (file === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  if (existsSync(file) && o.force !== true) {
    io.stderr(`${file}: already exists; nothing was written (use --force to replace it)\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    writeFileAtomic(file, text);
  } catch (e) {
    io.stderr(`${file}: cannot write: ${fileErrorMessage(e)}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stderr(`wrote ${file} (template ${o.template}); check it with: gigaplan validate ${file}\n`);
  return EXIT_OK;
}

export function registerSweepDiffInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("sweep")
    .description("run the model for every combination of values of one or more scenario numbers (SAM-style parametrics)")
    .argument("<scenario>")
    .option("--set <PATH=V1,V2,...>", "a scenario number and its values, e.g. facility.pue=1.1,1.2,1.3 (repeat for a grid)", (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option("--format <format>", "report format").choices(["table", "json", "csv"]).default("table"))
    .option("--hourly", "simulate hourly power for sites with a power block (slower)")
    .option("--force", "run more than 1,000 cases")
    .action(async (file: string, opts: SweepCliOptions) => setExit(await sweepCommand(file, opts, io)));
  program
    .command("diff")
    .description("compare two scenarios: the inputs that differ after defaults and the key outputs")
    .argument("<a>")
    .argument("<b>")
    .addOption(new Option("--format <format>", "report format").choices(["table", "json"]).default("table"))
    .option("--hourly", "simulate hourly power for sites with a power block (slower)")
    .action(async (a: string, b: string, opts: { format: "table" | "json"; hourly?: boolean }) => setExit(await diffCommand(a, b, opts, io)));
  program
    .command("init")
    .description("write a commented starter scenario that validates (to FILE, or to stdout)")
    .argument("[file]")
    .addOption(new Option("--template <name>", "starter").choices(Object.keys(TEMPLATES)).default("minimal"))
    .option("--force", "replace an existing FILE")
    .action((file: string | undefined, opts: { template: keyof typeof TEMPLATES; force?: boolean }) => setExit(initCommand(file, opts, io)));
}
