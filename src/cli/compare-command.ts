/** `gigaplan compare <scenario> --strategies aggressive,staged,just-in-time`: build strategies under demand uncertainty. */
import { type Command, Option } from "commander";
import { type Diagnostic, SAMPLING_METHODS, STRATEGY_NAMES, type SamplingMethod, type StrategyName, error, hasErrors, prepareComparison, renderCompareReport, runComparison } from "../index.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, printDiagnostics } from "./io.ts";

interface CompareCliOptions {
  strategies: string;
  paths: string;
  seed: string;
  method: SamplingMethod;
  format: "table" | "json";
}

function parseStrategies(text: string, ds: Diagnostic[]): StrategyName[] {
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const n of names) {
    if (!(STRATEGY_NAMES as readonly string[]).includes(n)) ds.push(error("--strategies", `unknown strategy "${n}" (choose from ${STRATEGY_NAMES.join(", ")})`));
  }
  return [...new Set(names)] as StrategyName[];
}

export function compareCommand(file: string, o: CompareCliOptions, io: Io): number {
  const doc = readScenarioFile(file);
  if (!doc.value) {
    io.stderr(`error: ${file}: ${doc.diagnostics[0].message}\n`);
    return EXIT_BAD_INPUT;
  }
  const ds: Diagnostic[] = [];
  const strategies = parseStrategies(o.strategies, ds);
  const int = (s: string, flag: string): number => {
    if (!/^\d+$/.test(s.trim())) ds.push(error(flag, `must be a non-negative integer (got "${s}")`));
    return Number(s);
  };
  const options = { paths: int(o.paths, "--paths"), seed: int(o.seed, "--seed"), method: o.method, strategies };
  const settings = prepareComparison(doc.value, options);
  const all = [...settings.diagnostics, ...ds];
  printDiagnostics(file, all, io);
  if (!settings.value || hasErrors(all)) return EXIT_BAD_INPUT;
  const report = runComparison(settings.value, options);
  io.stdout(o.format === "json" ? `${JSON.stringify(report)}\n` : renderCompareReport(report));
  return EXIT_OK;
}

export function registerCompare(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("compare")
    .description("compare build strategies under stochastic demand: expected cost, regret, the newsvendor curve")
    .argument("<scenario>", "scenario file with uncertain.demand")
    .option("--strategies <list>", `comma-separated: ${STRATEGY_NAMES.join(", ")}`, STRATEGY_NAMES.join(","))
    .option("--paths <n>", "number of demand paths", "10000")
    .option("--seed <s>", "seed of the counter-based RNG", "1")
    .addOption(new Option("--method <method>", "sampling method").choices([...SAMPLING_METHODS]).default("lhs"))
    .addOption(new Option("--format <format>", "report format").choices(["table", "json"]).default("table"))
    .action((file: string, opts: CompareCliOptions) => setExit(compareCommand(file, opts, io)));
}
