/**
 * `gigaplan optimize-power <scenario> --site NAME`: LP sizing of one site's supply portfolio (PV, wind, battery
 * power and energy, gas, firm clean) for one year, minimizing annualized capex + fixed O&M + fuel + grid cost
 * (+ carbon price) subject to hourly balance, storage dynamics, sizing limits and a clean target (annual match or
 * 24/7 CFE). HiGHS solves it; `--write-lp` saves the same model as a CPLEX LP file for other solvers.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import { type Command, Option } from "commander";
import { type Diagnostic, error, formatDiagnostic, hasErrors } from "../core/diagnostics.ts";
import { referenceData } from "../data/index.ts";
import { loadPowerProfiles } from "../pipeline/profiles.ts";
import { runModel } from "../buildout/model.ts";
import { validResolutions } from "../power/optimize/aggregate.ts";
import { buildSizingLp } from "../power/optimize/build.ts";
import { optimizePortfolio } from "../power/optimize/optimize.ts";
import type { TargetKind } from "../power/optimize/problem.ts";
import { type OptimizePowerReport, optimizePowerReport, withFixedCapacities } from "../power/optimize/site-result.ts";
import { type SiteSizingOptions, annualEnergyMwh, buildSiteSizing, defaultSizingYear } from "../power/optimize/site-sizing.ts";
import { sitePowerSchema } from "../scenario/power-schema.ts";
import { yearSum } from "../power/site/load.ts";
import { type ResolvedSitePower, resolveSitePower } from "../scenario/resolve-power.ts";
import { prepareScenario } from "../pipeline/run.ts";
import { parseScenarioText } from "../scenario/load.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { SiteEnergy } from "../buildout/energy.ts";
import { writeLp } from "../solver/lp-writer.ts";
import { createHighsSolver } from "../solver/highs.ts";
import type { Io } from "./main.ts";

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_BAD_INPUT = 2;

interface Options {
  site: string;
  year?: string;
  target?: Exclude<TargetKind, "none">;
  level?: string;
  carbonPriceUsdPerT?: string;
  resolution: string;
  representativeWeeks?: string;
  writeLp?: string;
  format: "table" | "json";
  hourly?: boolean;
}

function numberOption(raw: string | undefined, name: string, ds: Diagnostic[], ok: (x: number) => boolean, what: string): number | undefined {
  if (raw === undefined) return undefined;
  const x = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(x) || !ok(x)) {
    ds.push(error(name, `must be ${what}, got "${raw}"`));
    return undefined;
  }
  return x;
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function fail(io: Io, ds: Diagnostic[], code = EXIT_BAD_INPUT): number {
  io.stderr(`optimize-power: ${ds.filter((d) => d.severity === "error").length} error(s); nothing was written\n`);
  for (const d of ds) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
  return code;
}

interface Prepared {
  parsed: Scenario;
  s: ResolvedScenario;
  si: number;
  power: ResolvedSitePower;
  energy: SiteEnergy;
  year: number;
  options: SiteSizingOptions;
  weeks: number | undefined;
}

/** Reads and checks the scenario and the options; every problem is collected into `ds`. */
function prepare(file: string, o: Options, ds: Diagnostic[]): Prepared | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    ds.push(error(file, `cannot read scenario (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
    return null;
  }
  const parsed = parseScenarioText(text, file);
  ds.push(...parsed.diagnostics);
  if (!parsed.value) return null;
  const prepared = prepareScenario(parsed.value, referenceData);
  ds.push(...prepared.diagnostics);
  if (!prepared.value) return null;
  const s = prepared.value;
  const si = s.sites.findIndex((x) => x.name === o.site);
  if (si < 0) {
    ds.push(error("--site", `unknown site "${o.site}" (sites: ${s.sites.map((x) => x.name).join(", ")})`));
    return null;
  }
  const power = s.sites[si].power ?? resolveSitePower(sitePowerSchema.parse({}), referenceData, `sites[${si}].power`, s.timeline.years, ds);
  const energy = runModel(s).energy[si];
  const year = numberOption(o.year, "--year", ds, Number.isInteger, "a year") ?? defaultSizingYear(s.timeline, energy.facilityEnergyMwh);
  const level = numberOption(o.level, "--level", ds, (x) => x >= 0 && x <= 1, "a fraction between 0 and 1") ?? power.target.levelFraction;
  const carbon = numberOption(o.carbonPriceUsdPerT, "--carbon-price-usd-per-t", ds, (x) => x >= 0, "a price ≥ 0");
  const hoursPerStep = numberOption(o.resolution, "--resolution", ds, (x) => validResolutions().includes(x), `one of ${validResolutions().join(", ")} (hours per step)`) ?? 1;
  const weeks = numberOption(o.representativeWeeks, "--representative-weeks", ds, (x) => Number.isInteger(x) && x >= 1 && x <= 52, "a whole number of weeks, 1..52");
  if (weeks !== undefined && hoursPerStep > 1) ds.push(error("--representative-weeks", "cannot be combined with --resolution (representative weeks are hourly)"));
  if (year === null) ds.push(error("--site", `${o.site} never comes online inside the horizon: nothing to size`));
  else if (!((annualEnergyMwh(s.timeline, energy.facilityEnergyMwh).get(year) ?? 0) > 0)) ds.push(error("--year", `${o.site} has no load in ${year}`));
  if (hasErrors(ds) || year === null) return null;
  const target = { kind: o.target ?? power.target.kind, levelFraction: level, countGridClean: power.target.countGridClean };
  const options = { year, target, carbonPriceUsdPerTco2: carbon, hoursPerStep, representativeWeeks: weeks, regionCo2KgPerMwh: s.sites[si].gridRegionCo2KgPerMwh };
  return { parsed: parsed.value, s, si, power, energy, year, options, weeks };
}

async function optimizePower(file: string, o: Options, io: Io): Promise<number> {
  const ds: Diagnostic[] = [];
  const c = prepare(file, o, ds);
  if (!c) return fail(io, ds);
  const profiles = loadPowerProfiles(c.parsed, file, { sites: [o.site], allTechnologies: true, powerDefaults: sitePowerSchema.parse({}) });
  ds.push(...profiles.diagnostics);
  if (hasErrors(ds)) return fail(io, ds);
  const sizing = buildSiteSizing(c.s.timeline, c.energy.facilityEnergyMwh, c.power, profiles.value[o.site] ?? {}, c.options);
  if (o.writeLp) {
    writeAtomically(o.writeLp, writeLp(buildSizingLp(sizing.problem).lp).text);
    io.stderr(`wrote the LP to ${o.writeLp}\n`);
  }
  const solver = await createHighsSolver();
  const t0 = performance.now();
  const result = optimizePortfolio(sizing.problem, solver);
  const steps = c.weeks === undefined ? `${c.options.hoursPerStep}-hour steps` : `${c.weeks} representative weeks, hourly`;
  io.stderr(`${solver.name}: ${result.status} in ${((performance.now() - t0) / 1000).toFixed(2)} s (${result.lpColumns} columns, ${result.lpRows} rows, ${steps})\n`);
  if (result.status !== "optimal") {
    for (const d of ds) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
    const why = result.status === "infeasible" ? "the target cannot be met within the sizing limits and grid limits" : `solver status ${result.solverStatus}`;
    io.stderr(`error: ${c.power.path}: no optimal portfolio: ${why}\n`);
    return result.status === "error" ? EXIT_FAILURE : EXIT_BAD_INPUT;
  }
  let check = null;
  if (sizing.problem !== sizing.hourlyProblem && result.dispatch) {
    const t1 = performance.now();
    check = optimizePortfolio(withFixedCapacities(sizing.hourlyProblem, result.dispatch.portfolio), solver);
    io.stderr(`hourly check of the chosen capacities (dispatch LP on 8760 h): ${check.status} in ${((performance.now() - t1) / 1000).toFixed(2)} s\n`);
  }
  const water = { itEnergyMwh: yearSum(c.s.timeline, c.energy.itEnergyMwh, c.year), wueLPerKwh: c.s.wueLPerKwh, gasWaterConsumptionGalPerMwh: c.power.operation.gasWaterConsumptionGalPerMwh };
  const report = optimizePowerReport(o.site, c.year, sizing, result, water, { hourly: o.hourly === true, diagnostics: ds, hourlyCheck: check, path: c.power.path });
  for (const d of report.diagnostics) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
  io.stdout(o.format === "json" ? `${JSON.stringify(report)}\n` : renderReport(report));
  return EXIT_OK;
}

const fmt = (x: number, digits = 0): string => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const musd = (x: number): string => fmt(x / 1e6, 1);

function renderReport(r: OptimizePowerReport): string {
  const opt = r.optimum!;
  const base = r.scenarioPortfolio.metrics;
  const c = r.capacities!;
  const sc = r.scenarioPortfolio.capacities;
  const target = `${r.target.kind} ≥ ${pct(r.target.levelFraction)}${r.target.countGridClean ? " (grid clean share counted)" : ""}`;
  const rows: [string, string, string][] = [
    ["PV MW", fmt(c.pvMw), fmt(sc.pvMw)],
    ["wind MW", fmt(c.windMw), fmt(sc.windMw)],
    ["battery MW", fmt(c.batteryMw), fmt(sc.batteryMw)],
    ["battery MWh", fmt(c.batteryMwh), fmt(sc.batteryMwh)],
    ["gas MW", fmt(c.gasMw), fmt(sc.gasMw)],
    ["firm clean MW", fmt(c.firmCleanMw), fmt(sc.firmCleanMw)],
    ["cost $M/yr", musd(opt.cost.totalUsd), musd(base.cost.totalUsd)],
    ["  fixed (capex + O&M)", musd(opt.cost.pvFixedUsd + opt.cost.windFixedUsd + opt.cost.batteryFixedUsd + opt.cost.gasFixedUsd + opt.cost.firmCleanFixedUsd), musd(base.cost.pvFixedUsd + base.cost.windFixedUsd + base.cost.batteryFixedUsd + base.cost.gasFixedUsd + base.cost.firmCleanFixedUsd)],
    ["  gas fuel + O&M", musd(opt.cost.gasFuelUsd + opt.cost.gasVariableOmUsd), musd(base.cost.gasFuelUsd + base.cost.gasVariableOmUsd)],
    ["  grid imports", musd(opt.cost.gridImportUsd), musd(base.cost.gridImportUsd)],
    ["  carbon", musd(opt.cost.carbonCostUsd), musd(base.cost.carbonCostUsd)],
    ["cost $/MWh", fmt(opt.cost.costUsdPerMwhLoad ?? 0, 1), fmt(base.cost.costUsdPerMwhLoad ?? 0, 1)],
    ["24/7 CFE score", pct(opt.scores.cfeScoreFraction), pct(base.scores.cfeScoreFraction)],
    ["annual match", pct(opt.scores.annualMatchFraction), pct(base.scores.annualMatchFraction)],
    ["CO2 location-based kt", fmt(opt.emissions.locationBasedTco2 / 1e3), fmt(base.emissions.locationBasedTco2 / 1e3)],
    ["CO2 market-based kt", fmt(opt.emissions.marketBasedTco2 / 1e3), fmt(base.emissions.marketBasedTco2 / 1e3)],
    ["peak grid import MW", fmt(opt.energy.peakGridImportMw), fmt(base.energy.peakGridImportMw)],
    ["curtailment GWh", fmt(opt.energy.curtailmentMwh / 1e3, 1), fmt(base.energy.curtailmentMwh / 1e3, 1)],
    ["water ML", fmt(opt.water.totalMegaliters), fmt(base.water.totalMegaliters)],
  ];
  const w = [Math.max(...rows.map((x) => x[0].length)), 12, 12];
  const line = (a: string, b: string, d: string): string => `${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${d.padStart(w[2])}`;
  const mc = r.targetMarginalCostUsdPerMwh;
  return [
    `optimize-power — ${r.site}, ${r.year}, target ${target}, ${r.representativeWeeks ? `${r.representativeWeeks.length} representative weeks (hourly)` : `${r.resolutionHours}-hour steps`}, carbon price $${fmt(r.carbonPriceUsdPerTco2)}/t`,
    `load ${fmt(opt.energy.loadMwh / 1e3)} GWh, peak ${fmt(opt.energy.peakLoadMw)} MW; ${r.solver}; LP ${fmt(r.lp.columns)} columns × ${fmt(r.lp.rows)} rows`,
    `marginal cost of the clean target: ${mc === null ? "n/a" : `$${fmt(mc, 2)}/MWh (≈ $${fmt((mc * opt.energy.loadMwh) / 100 / 1e6, 2)}M per percentage point)`}`,
    ...(r.hourlyCheck
      ? [`approximate LP objective $${musd(r.objectiveUsd ?? 0)}M/yr; hourly check of its capacities: ${r.hourlyCheck.status}${r.hourlyCheck.objectiveUsd === null ? " (target missed hour by hour; metrics below: rule-based dispatch of these capacities on the real year)" : `, $${musd(r.hourlyCheck.objectiveUsd)}M/yr (metrics below are hourly)`}`]
      : []),
    "",
    line("", "optimum", "scenario"),
    ...rows.map(([a, b, d]) => line(a, b, d)),
    "",
  ].join("\n");
}

/** Adds `optimize-power` to `program`. */
export function registerOptimizePowerCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("optimize-power")
    .description("LP sizing of one site's power portfolio for a clean-energy target (HiGHS)")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .requiredOption("--site <name>", "site to size")
    .option("--year <year>", "year whose load is served (default: first year at full load)")
    .addOption(new Option("--target <kind>", "clean-energy target (default: the site's power.target)").choices(["annual-match", "cfe-247"]))
    .option("--level <fraction>", "target level, 0..1 (default: the site's power.target or data/power-costs.json)")
    .option("--carbon-price-usd-per-t <usd>", "carbon price on gas and grid CO2")
    .option("--resolution <hours>", "hours per time step (1 = hourly; coarser steps solve faster, approximately)", "1")
    .option("--representative-weeks <k>", "model k representative weeks (hourly, k-medoids on load/PV/wind) instead of the whole year")
    .option("--write-lp <file>", "also write the LP as a CPLEX LP file (readable by HiGHS, CBC, CPLEX, Gurobi)")
    .option("--hourly", "include the hourly (per-step) dispatch of the optimum in the JSON output")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(async (file: string, opts: Options) => setExit(await optimizePower(file, opts, io)));
}
