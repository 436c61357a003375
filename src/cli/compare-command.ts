/** `gigaplan compare <scenario> --strategies aggressive,staged,just-in-time`: build strategies under demand uncertainty. */
import { type Command, Option } from "commander";
import { type Diagnostic, error, hasErrors } from "../core/diagnostics.ts";
import { compareSettings, optionProblems, runComparison } from "../strategy/compare.ts";
import { renderCompareReport } from "../text/compare.ts";
import { STRATEGY_NAMES, type StrategyName } from "../strategy/strategies.ts";
import { SAMPLING_METHODS, type SamplingMethod } from "../uncertainty/sampler.ts";
import { type CliIo, loadScenarioFile, printDiagnostics } from "./simulate-command.ts";

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

export function compareCommand(file: string, o: CompareCliOptions, io: CliIo): number {
  const scenario = loadScenarioFile(file, io);
  if (!scenario) return 2;
  const ds: Diagnostic[] = [];
  const strategies = parseStrategies(o.strategies, ds);
  const int = (s: string, flag: string): number => {
    if (!/^\d+$/.test(s.trim())) ds.push(error(flag, `must be a non-negative integer (got "${s}")`));
    return Number(s);
  };
  const options = { paths: int(o.paths, "--paths"), seed: int(o.seed, "--seed"), method: o.method, strategies };
  const settings = compareSettings(scenario);
  const all = [...settings.diagnostics, ...ds, ...(settings.value && !hasErrors(ds) ? optionProblems(settings.value, options) : [])];
  if (!settings.value || hasErrors(all)) {
    printDiagnostics(file, all, io);
    return 2;
  }
  printDiagnostics(file, all, io);
  const report = runComparison(settings.value, options);
  io.stdout(o.format === "json" ? `${JSON.stringify(report)}\n` : renderCompareReport(report));
  return 0;
}

export function registerCompare(program: Command, io: CliIo, setExit: (code: number) => void): void {
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
