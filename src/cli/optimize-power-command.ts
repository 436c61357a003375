/**
 * `gigaplan optimize-power <scenario> --site NAME`: LP sizing of one site's supply portfolio for one year (see
 * `optimizePower` in the API); `--sites all` sizes every site together (`optimizeProgramPower`). HiGHS solves it; `--write-lp` saves the same model as a CPLEX LP file for other
 * solvers.
 */
import { performance } from "node:perf_hooks";
import { type Command, Option } from "commander";
import { type Diagnostic, LP_SOLVER_CHOICES, type LpSolverChoice, type TargetKind, createLpSolver, error, formatDiagnostic, hasErrors, optimizePower, optimizePowerUnderUncertainty, optimizeProgramPower, renderOptimizePowerReport, renderProgramPowerReport, renderStochasticPowerReport, sweepLevels } from "../index.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { outputPathProblem } from "../io/output-path.ts";
import { writeFileAtomic } from "../io/write-file-atomic.ts";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type Io, withFlags } from "./io.ts";
import { shardFlag } from "./flags.ts";
import { type ProgressFlags, addProgressOptions, progressEnabled, stageReporter } from "./progress.ts";

interface Options extends ProgressFlags {
  site?: string;
  sites?: "all";
  flexibleLoad?: string;
  samples?: string;
  seed?: string;
  shard?: string;
  targetShortfallUsdPerMwh?: string;
  year?: string;
  target?: Exclude<TargetKind, "none">;
  level?: string;
  carbonPriceUsdPerT?: string;
  resolution: string;
  representativeWeeks?: string;
  writeLp?: string;
  format: "table" | "json";
  hourly?: boolean;
  sweepLevel?: string;
  solver: LpSolverChoice;
}

const FLAGS: Record<string, string> = {
  site: "--site",
  year: "--year",
  levelFraction: "--level",
  carbonPriceUsdPerTco2: "--carbon-price-usd-per-t",
  hoursPerStep: "--resolution",
  representativeWeeks: "--representative-weeks",
  sites: "--sites",
  flexibleLoadFraction: "--flexible-load",
  samples: "--samples",
  seed: "--seed",
  shard: "--shard",
};

/** A flag's value as a number (checked for range by the API); not a number is an error here. */
function numberFlag(raw: string | undefined, flag: string, ds: Diagnostic[]): number | undefined {
  if (raw === undefined) return undefined;
  const x = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(x)) ds.push(error(flag, `must be a number, got "${raw}"`));
  return Number.isFinite(x) ? x : undefined;
}

function fail(io: Io, ds: Diagnostic[], code = EXIT_BAD_INPUT): number {
  io.stderr(`optimize-power: ${ds.filter((d) => d.severity === "error").length} error(s); nothing was written\n`);
  for (const d of ds) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
  return code;
}

/** An error for each flag given that the mode cannot honour. */
function refuseFlags(given: [unknown, string][], why: string, ds: Diagnostic[]): void {
  for (const [v, flag] of given) if (v !== undefined) ds.push(error(flag, why));
}

/** Prints a use case's log and warnings, then its report as JSON or text; without a report, exit 2 (bad input) or 1 (solver). */
function printOutcome<R>(io: Io, o: Options, out: { report: R | null; log?: string[]; solverFailed: boolean; diagnostics: Diagnostic[] }, render: (r: R) => string): number {
  for (const line of out.log ?? []) io.stderr(`${line}\n`);
  const diagnostics = withFlags(out.diagnostics, FLAGS);
  if (!out.report) return fail(io, diagnostics, out.solverFailed ? EXIT_FAILURE : EXIT_BAD_INPUT);
  for (const d of diagnostics) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
  io.stdout(o.format === "json" ? `${JSON.stringify(out.report)}\n` : render(out.report));
  return EXIT_OK;
}

/** `--sites all`: every site with a `power` block in one LP, flexible load movable between them. */
async function optimizeProgramCommand(file: string, o: Options, io: Io): Promise<number> {
  const ds: Diagnostic[] = [];
  const doc = readScenarioFile(file);
  if (!doc.value) return fail(io, doc.diagnostics);
  refuseFlags([[o.site, "--site"], [o.representativeWeeks, "--representative-weeks"], [o.sweepLevel, "--sweep-level"], [o.hourly, "--hourly"], [o.writeLp, "--write-lp"], [o.carbonPriceUsdPerT, "--carbon-price-usd-per-t"], [o.samples, "--samples"], [o.seed, "--seed"], [o.shard, "--shard"], [o.targetShortfallUsdPerMwh, "--target-shortfall-usd-per-mwh"]], "cannot be combined with --sites all (the program LP covers the whole year of every site at --resolution)", ds);
  const options = {
    year: numberFlag(o.year, "--year", ds),
    target: o.target,
    levelFraction: numberFlag(o.level, "--level", ds),
    hoursPerStep: numberFlag(o.resolution, "--resolution", ds),
    flexibleLoadFraction: numberFlag(o.flexibleLoad, "--flexible-load", ds),
  };
  if (hasErrors(ds)) return fail(io, ds);
  const stages = stageReporter("optimize-power", progressEnabled(o, io), io);
  const out = await optimizeProgramPower(doc.value, { ...options, solver: await createLpSolver(o.solver), files: nodeInputFiles(file), now: () => performance.now(), onStage: stages.stage });
  stages.done();
  return printOutcome(io, o, out, renderProgramPowerReport);
}

/** `--samples N`: the site sized under the scenario's `uncertain` block (per-sample optima, two-stage LP, VSS, EVPI). */
async function optimizeStochasticCommand(file: string, o: Options, io: Io): Promise<number> {
  const ds: Diagnostic[] = [];
  const doc = readScenarioFile(file);
  if (!doc.value) return fail(io, doc.diagnostics);
  refuseFlags([[o.representativeWeeks, "--representative-weeks"], [o.sweepLevel, "--sweep-level"], [o.hourly, "--hourly"], [o.writeLp, "--write-lp"], [o.carbonPriceUsdPerT, "--carbon-price-usd-per-t"], [o.flexibleLoad, "--flexible-load"]], "cannot be combined with --samples (every sample is the whole year at --resolution)", ds);
  const shard = shardFlag(o.shard, ds);
  const options = {
    site: o.site!,
    samples: numberFlag(o.samples, "--samples", ds) ?? 0,
    seed: numberFlag(o.seed, "--seed", ds) ?? 1,
    shard,
    year: numberFlag(o.year, "--year", ds),
    target: o.target,
    levelFraction: numberFlag(o.level, "--level", ds),
    hoursPerStep: numberFlag(o.resolution, "--resolution", ds),
    targetShortfallUsdPerMwh: numberFlag(o.targetShortfallUsdPerMwh, "--target-shortfall-usd-per-mwh", ds),
  };
  if (hasErrors(ds)) return fail(io, ds);
  const stages = stageReporter("optimize-power", progressEnabled(o, io), io);
  const out = await optimizePowerUnderUncertainty(doc.value, { ...options, solver: await createLpSolver(o.solver), files: nodeInputFiles(file), onStage: stages.stage });
  stages.done();
  return printOutcome(io, o, out, renderStochasticPowerReport);
}

async function optimizePowerCommand(file: string, o: Options, io: Io): Promise<number> {
  if (o.sites === "all") return optimizeProgramCommand(file, o, io);
  if (o.site !== undefined && o.samples !== undefined) return optimizeStochasticCommand(file, o, io);
  const stray: [unknown, string][] = [[o.seed, "--seed"], [o.shard, "--shard"], [o.targetShortfallUsdPerMwh, "--target-shortfall-usd-per-mwh"]];
  for (const [v, flag] of stray) if (v !== undefined) return fail(io, [error(flag, "applies to --samples (sizing under uncertainty)")]);
  const ds: Diagnostic[] = [];
  if (o.site === undefined) return fail(io, [error("--site", "name the site to size (--site NAME), or size every site together with --sites all")]);
  if (o.flexibleLoad !== undefined) return fail(io, [error("--flexible-load", "applies to --sites all; for one site set power.flexibility in the scenario")]);
  const doc = readScenarioFile(file);
  if (!doc.value) return fail(io, doc.diagnostics);
  let sweepLevelsValue: number[] | undefined;
  if (o.sweepLevel !== undefined) {
    const parts = o.sweepLevel.split(":").map((x) => (x.trim() === "" ? Number.NaN : Number(x)));
    const levels = parts.length === 3 ? sweepLevels(parts[0], parts[1], parts[2]) : "must be written from:to:step, e.g. 0.7:1.0:0.05";
    if (typeof levels === "string") ds.push(error("--sweep-level", `${levels} (got "${o.sweepLevel}")`));
    else sweepLevelsValue = levels;
  }
  const options = {
    site: o.site,
    year: numberFlag(o.year, "--year", ds),
    target: o.target,
    levelFraction: numberFlag(o.level, "--level", ds),
    carbonPriceUsdPerTco2: numberFlag(o.carbonPriceUsdPerT, "--carbon-price-usd-per-t", ds),
    hoursPerStep: numberFlag(o.resolution, "--resolution", ds),
    representativeWeeks: numberFlag(o.representativeWeeks, "--representative-weeks", ds),
    hourly: o.hourly === true,
    writeLp: o.writeLp !== undefined,
    sweepLevels: sweepLevelsValue,
  };
  if (o.writeLp !== undefined) {
    // the LP file's directory must exist (it is not created), checked before the solve
    const problem = existsSync(dirname(resolve(o.writeLp))) ? outputPathProblem(o.writeLp, "file") : `${o.writeLp}: the directory ${dirname(o.writeLp)} does not exist`;
    if (problem) ds.push(error("--write-lp", problem));
  }
  if (hasErrors(ds)) return fail(io, ds);
  const stages = stageReporter("optimize-power", progressEnabled(o, io), io);
  const out = await optimizePower(doc.value, { ...options, solver: await createLpSolver(o.solver), files: nodeInputFiles(file), now: () => performance.now(), onStage: stages.stage });
  stages.done();
  if (out.lpText !== undefined && o.writeLp) {
    writeFileAtomic(o.writeLp, out.lpText, { createDirectory: false });
    io.stderr(`wrote the LP to ${o.writeLp}\n`);
  }
  return printOutcome(io, o, out, renderOptimizePowerReport);
}

/** Adds `optimize-power` to `program`. */
export function registerOptimizePowerCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("optimize-power")
    .description("LP sizing of one site's power portfolio (or of every site together) for a clean-energy target (HiGHS, or gigaplan's interior point for the large LPs)")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .option("--site <name>", "site to size")
    .addOption(new Option("--sites <which>", "size every site with a power block in one LP, flexible load movable between sites").choices(["all"]))
    .option("--samples <n>", "size --site under the scenario's uncertain block: N samples, the two-stage LP, VSS and EVPI")
    .option("--seed <s>", "with --samples: seed of the counter-based RNG (same seed → same samples in any shard split)")
    .option("--shard <k/n>", "with --samples: only shard k of n of the per-sample optima")
    .option("--target-shortfall-usd-per-mwh <usd>", "with --samples: price of a MWh short of the clean target (default data/power-costs.json)")
    .option("--flexible-load <fraction>", "with --sites all: flexible share of every site's load and its spare IT capacity, 0..1 (default: each site's power.flexibility)")
    .option("--year <year>", "year whose load is served (default: first year at full load)")
    .addOption(new Option("--target <kind>", "clean-energy target (default: the site's power.target)").choices(["annual-match", "cfe-247"]))
    .option("--level <fraction>", "target level, 0..1 (default: the site's power.target or data/power-costs.json)")
    .option("--carbon-price-usd-per-t <usd>", "carbon price on gas and grid CO2")
    .option("--resolution <hours>", "hours per time step (1 = hourly; coarser steps solve faster, approximately)", "1")
    .option("--representative-weeks <k>", "model k representative weeks (hourly, k-medoids on load/PV/wind) instead of the whole year")
    .option("--write-lp <file>", "also write the LP as a CPLEX LP file (readable by HiGHS, CBC, CPLEX, Gurobi)")
    .option("--hourly", "include the hourly (per-step) dispatch of the optimum in the JSON output")
    .option("--sweep-level <from:to:step>", "also solve at each target level of the range (the CFE cost curve), e.g. 0.7:1.0:0.05")
    .addOption(new Option("--solver <name>", "LP solver: auto (gigaplan's interior point for sizing LPs of 20,000 rows or more, HiGHS otherwise), highs (dual simplex: a vertex optimum) or ipm (interior point, HiGHS when it does not reach an optimum)").choices([...LP_SOLVER_CHOICES]).default("auto"))
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(async (file: string, opts: Options) => setExit(await optimizePowerCommand(file, opts, io)));
  addProgressOptions(command);
}
