/** `gigaplan compare <scenario> --strategies aggressive,staged,just-in-time`: build strategies under demand uncertainty. */
import { performance } from "node:perf_hooks";
import { type Command, Option } from "commander";
import { type Diagnostic, SAMPLING_METHODS, STRATEGY_NAMES, type SamplingMethod, type StrategyName, error, estimateComparison, hasErrors, prepareComparison, renderCompareReport, runComparison } from "../index.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { numberFlag, printProblems } from "./flags.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "./io.ts";
import { type ProgressFlags, addProgressOptions, progressEnabled, stageReporter } from "./progress.ts";
import { estimateText, limitProblem } from "./run-limits.ts";

interface CompareCliOptions extends ProgressFlags {
  strategies: string;
  paths: string;
  seed: string;
  method: SamplingMethod;
  format: "table" | "json";
  force?: boolean;
}

function parseStrategies(text: string, ds: Diagnostic[]): StrategyName[] {
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const n of names) {
    if (!(STRATEGY_NAMES as readonly string[]).includes(n)) ds.push(error("--strategies", `unknown strategy "${n}" (choose from ${STRATEGY_NAMES.join(", ")})`));
  }
  return [...new Set(names)] as StrategyName[];
}

export function compareCommand(file: string, o: CompareCliOptions, io: Io): number {
  const ds: Diagnostic[] = [];
  const strategies = parseStrategies(o.strategies, ds);
  const paths = numberFlag(o.paths, "--paths", { integer: true, min: 1 }, ds);
  const seed = numberFlag(o.seed, "--seed", { integer: true, min: 0 }, ds);
  // a bad flag is reported once, here: the API checks harmless stand-ins instead
  const options = { paths: paths ?? 1, seed: seed ?? 0, method: o.method, strategies };
  const doc = readScenarioFile(file);
  if (!doc.value) {
    printProblems(file, [...ds, ...doc.diagnostics], io);
    return EXIT_BAD_INPUT;
  }
  const settings = prepareComparison(doc.value, options);
  const all = [...ds, ...settings.diagnostics];
  printProblems(file, all, io);
  if (!settings.value || hasErrors(all)) return EXIT_BAD_INPUT;
  const showProgress = progressEnabled(o, io);
  const estimate = estimateComparison(settings.value, options, { now: () => performance.now() });
  const advice = (): string => "use fewer paths (the standard error of each figure falls only as 1/√paths)";
  const tooBig = limitProblem(estimate, { flag: "--paths", force: o.force === true, advice });
  if (showProgress || tooBig) io.stderr(`compare: ${estimateText(estimate, "demand paths", "one thread")}\n`);
  if (tooBig) {
    printProblems(file, [tooBig], io);
    return EXIT_BAD_INPUT;
  }
  const stages = stageReporter("compare", showProgress, io);
  stages.stage(`${strategies.length} strategies on ${options.paths.toLocaleString("en-US")} demand paths`);
  const report = runComparison(settings.value, options);
  stages.done();
  io.stdout(o.format === "json" ? `${JSON.stringify(report)}\n` : renderCompareReport(report));
  return EXIT_OK;
}

export function registerCompare(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("compare")
    .description("compare build strategies under stochastic demand: expected cost, regret, the newsvendor curve")
    .argument("<scenario>", "scenario file with uncertain.demand")
    .option("--strategies <list>", `comma-separated: ${STRATEGY_NAMES.join(", ")}`, STRATEGY_NAMES.join(","))
    .option("--paths <n>", "number of demand paths", "10000")
    .option("--seed <s>", "seed of the counter-based RNG", "1")
    .addOption(new Option("--method <method>", "sampling method").choices([...SAMPLING_METHODS]).default("lhs"))
    .addOption(new Option("--format <format>", "report format").choices(["table", "json"]).default("table"))
    .option("--force", "run even beyond 4 GB of memory or an hour (estimated)")
    .action((file: string, opts: CompareCliOptions) => setExit(compareCommand(file, opts, io)));
  addProgressOptions(command);
}
