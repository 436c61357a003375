/**
 * `optimizePower`: LP sizing of one site's supply portfolio (PV, wind, battery power and energy, gas, firm clean)
 * for one year, minimizing annualized capex + fixed O&M + fuel + grid cost (+ carbon price) subject to hourly
 * balance, storage dynamics, sizing limits and a clean target (annual match or 24/7 CFE). The scenario is
 * prepared once; the site's weather and grid profiles come through `files`, as in `run`. Problems with the
 * options come back as diagnostics whose path is the option's name (`year`, `levelFraction`, …).
 */
import { siteGridWater } from "../power/site/site-power.ts";
import { type Diagnostic, error, hasErrors, warning } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { runModel } from "../buildout/model.ts";
import { type PreparedScenario, type ScenarioDocument, prepareDocument } from "../pipeline/prepare.ts";
import { type InputFiles, loadPowerProfiles } from "../pipeline/profiles.ts";
import { validResolutions } from "../power/optimize/aggregate.ts";
import { buildSizingLp } from "../power/optimize/build.ts";
import { optimizePortfolio } from "../power/optimize/optimize.ts";
import { type SweepPoint, sweepTargetLevels } from "../power/optimize/sweep.ts";
import type { TargetKind } from "../power/optimize/problem.ts";
import { type OptimizePowerReport, optimizePowerReport, withFixedCapacities } from "../power/optimize/site-result.ts";
import { type SiteSizingOptions, annualEnergyMwh, buildSiteSizing, defaultSizingYear } from "../power/optimize/site-sizing.ts";
import { yearSum } from "../power/site/load.ts";
import { sitePowerSchema } from "../scenario/power-schema.ts";
import type { ResolvedSitePower } from "../scenario/resolved-power.ts";
import { resolveSitePower } from "../scenario/resolve-power.ts";
import { writeLp } from "../solver/lp-writer.ts";
import { createLpSolver } from "../solver/choose.ts";
import type { LpSolver } from "../solver/lp.ts";

export interface OptimizePowerOptions {
  site: string;
  /** year whose load is served (default: the first year at full load) */
  year?: number;
  /** clean-energy target (default: the site's power.target) */
  target?: Exclude<TargetKind, "none">;
  /** target level, 0..1 (default: the site's power.target or data/power-costs.json) */
  levelFraction?: number;
  carbonPriceUsdPerTco2?: number;
  /** hours per time step (1 = hourly) */
  hoursPerStep?: number;
  /** model k representative weeks (hourly) instead of the whole year */
  representativeWeeks?: number;
  /** include the per-step dispatch of the optimum */
  hourly?: boolean;
  /** also solve the LP at each of these target levels (the CFE cost curve): `report.sweep` */
  sweepLevels?: number[];
  /** also return the LP as CPLEX LP text */
  writeLp?: boolean;
  files?: InputFiles;
  /** LP solver (default: src/solver/choose.ts `auto`: gigaplan's interior point for large sizing LPs, HiGHS otherwise) */
  solver?: LpSolver;
  /** a clock in milliseconds (e.g. performance.now) to time the solves in `log`; absent: no times */
  now?: () => number;
  /** called as each stage begins (HiGHS reports nothing while it solves: these are the only signs of life) */
  onStage?: (message: string) => void;
  ref?: ReferenceData;
}

export interface OptimizePowerOutcome {
  /** null when the inputs have errors or no optimal portfolio was found */
  report: (OptimizePowerReport & { sweep?: SweepPoint[] }) | null;
  /** the LP in CPLEX LP format, when asked for (written before solving, so present even when the solve fails) */
  lpText?: string;
  /** what the solver did, one line per solve (for a progress log) */
  log: string[];
  /** true when the solver itself failed (not the inputs) */
  solverFailed: boolean;
  diagnostics: Diagnostic[];
}

interface Case {
  prepared: PreparedScenario;
  si: number;
  power: ResolvedSitePower;
  facilityEnergyMwh: Float64Array;
  itEnergyMwh: Float64Array;
  year: number;
  sizing: SiteSizingOptions;
}

/** An option checked by `ok`; a bad one pushes `path: must be <what>, got "x"` and gives undefined (absent: undefined). */
export function checked(x: number | undefined, path: string, ds: Diagnostic[], ok: (x: number) => boolean, what: string): number | undefined {
  if (x === undefined) return undefined;
  if (!Number.isFinite(x) || !ok(x)) {
    ds.push(error(path, `must be ${what}, got "${x}"`));
    return undefined;
  }
  return x;
}

/** Prepares the scenario and checks the options; every problem is collected into `ds`. */
function prepareCase(doc: ScenarioDocument, o: OptimizePowerOptions, ref: ReferenceData, ds: Diagnostic[]): Case | null {
  const prepared = prepareDocument(doc, ref);
  ds.push(...prepared.diagnostics);
  if (!prepared.value) return null;
  const s = prepared.value.resolved;
  const si = s.sites.findIndex((x) => x.name === o.site);
  if (si < 0) {
    ds.push(error("site", `unknown site "${o.site}" (sites: ${s.sites.map((x) => x.name).join(", ")})`));
    return null;
  }
  const power = s.sites[si].power ?? resolveSitePower(sitePowerSchema.parse({}), ref, `sites[${si}].power`, s.timeline.years, ds, s.opex.energyPriceUsdPerMwh);
  const energy = runModel(s).energy[si];
  const year = checked(o.year, "year", ds, Number.isInteger, "a year") ?? defaultSizingYear(s.timeline, energy.facilityEnergyMwh);
  const level = checked(o.levelFraction, "levelFraction", ds, (x) => x >= 0 && x <= 1, "a fraction between 0 and 1") ?? power.target.levelFraction;
  const carbon = checked(o.carbonPriceUsdPerTco2, "carbonPriceUsdPerTco2", ds, (x) => x >= 0, "a price ≥ 0");
  const hoursPerStep = checked(o.hoursPerStep, "hoursPerStep", ds, (x) => validResolutions().includes(x), `one of ${validResolutions().join(", ")} (hours per step)`) ?? 1;
  o.sweepLevels?.forEach((l, k) => checked(l, `sweepLevels[${k}]`, ds, (x) => x >= 0 && x <= 1, "a fraction between 0 and 1"));
  const weeks = checked(o.representativeWeeks, "representativeWeeks", ds, (x) => Number.isInteger(x) && x >= 1 && x <= 52, "a whole number of weeks, 1..52");
  if (weeks !== undefined && hoursPerStep > 1) ds.push(error("representativeWeeks", "cannot be combined with hoursPerStep (representative weeks are hourly)"));
  if (year === null) ds.push(error("site", `${o.site} never comes online inside the horizon: nothing to size`));
  else if (!((annualEnergyMwh(s.timeline, energy.facilityEnergyMwh).get(year) ?? 0) > 0)) ds.push(error("year", `${o.site} has no load in ${year}`));
  if (hasErrors(ds) || year === null) return null;
  const target = { kind: o.target ?? power.target.kind, levelFraction: level, countGridClean: power.target.countGridClean };
  const sizing = { year, target, carbonPriceUsdPerTco2: carbon, hoursPerStep, representativeWeeks: weeks, regionCo2KgPerMwh: s.sites[si].gridRegionCo2KgPerMwh };
  return { prepared: prepared.value, si, power, facilityEnergyMwh: energy.facilityEnergyMwh, itEnergyMwh: energy.itEnergyMwh, year, sizing };
}

const seconds = (now: (() => number) | undefined, t0: number): string => (now ? ` in ${((now() - t0) / 1000).toFixed(2)} s` : "");

export async function optimizePower(doc: ScenarioDocument, o: OptimizePowerOptions): Promise<OptimizePowerOutcome> {
  const ref = o.ref ?? referenceData;
  const ds: Diagnostic[] = [];
  const log: string[] = [];
  const fail = (solverFailed = false): OptimizePowerOutcome => ({ report: null, log, solverFailed, diagnostics: ds });
  o.onStage?.("preparing the scenario and its build-out model");
  const c = prepareCase(doc, o, ref, ds);
  if (!c) return fail();
  if (o.files) o.onStage?.(`reading weather and grid files for ${o.site}`);
  const s = c.prepared.resolved;
  const profiles = o.files
    ? await loadPowerProfiles(c.prepared.scenario, o.files, { ref, sites: [o.site], allTechnologies: true, powerDefaults: sitePowerSchema.parse({}) })
    : { value: {}, diagnostics: [] };
  ds.push(...profiles.diagnostics);
  if (hasErrors(ds)) return fail();
  const sizing = buildSiteSizing(s.timeline, c.facilityEnergyMwh, c.power, profiles.value[o.site] ?? {}, c.sizing);
  const fx = sizing.problem.flexibility;
  if (fx && fx.windowSteps <= 1 && fx.maxShiftUpFraction > 0)
    ds.push(warning(`${c.power.path}.flexibility.shiftWindowHours`, `a shift window of ${c.power.flexibility.shiftWindowHours} h is one step at ${c.sizing.hoursPerStep}-hour steps: flexible load cannot move (use a finer --resolution or representative weeks)`));
  const stepCount = sizing.problem.series.loadMw.length;
  const span = c.sizing.representativeWeeks === undefined ? `${stepCount} steps of ${c.sizing.hoursPerStep} h` : `${c.sizing.representativeWeeks} representative weeks, ${stepCount} hourly steps`;
  o.onStage?.(`building the LP (${span}) and solving it with ${o.solver?.name ?? "HiGHS or gigaplan IPM (auto)"}; the solver reports nothing until it is done`);
  const lpText = o.writeLp ? writeLp(buildSizingLp(sizing.problem).lp).text : undefined;
  const solver = o.solver ?? (await createLpSolver());
  const t0 = o.now?.() ?? 0;
  const result = optimizePortfolio(sizing.problem, solver);
  const steps = c.sizing.representativeWeeks === undefined ? `${c.sizing.hoursPerStep}-hour steps` : `${c.sizing.representativeWeeks} representative weeks, hourly`;
  log.push(`${result.solverName}: ${result.status}${seconds(o.now, t0)} (${result.lpColumns} columns, ${result.lpRows} rows, ${steps})`);
  if (result.status !== "optimal") {
    const why = result.status === "infeasible" ? "the target cannot be met within the sizing limits and grid limits" : `solver status ${result.solverStatus}`;
    ds.push(error(c.power.path, `no optimal portfolio: ${why}`));
    return { ...fail(result.status === "error"), lpText };
  }
  let check = null;
  if (sizing.problem !== sizing.hourlyProblem && result.dispatch) {
    const t1 = o.now?.() ?? 0;
    o.onStage?.(`checking the chosen capacities on the real hourly year (dispatch LP on ${sizing.hourlyProblem.series.loadMw.length} h)`);
    check = optimizePortfolio(withFixedCapacities(sizing.hourlyProblem, result.dispatch.portfolio), solver);
    log.push(`hourly check of the chosen capacities (dispatch LP on 8760 h): ${check.status}${seconds(o.now, t1)}`);
  }
  const water = { itEnergyMwh: yearSum(s.timeline, c.itEnergyMwh, c.year), wueLPerKwh: s.wueLPerKwh, gasWaterConsumptionGalPerMwh: c.power.operation.gasWaterConsumptionGalPerMwh, certificateMatchingFraction: c.power.certificateMatchingFraction, gridWater: siteGridWater(s, s.sites[c.si], undefined) };
  const report: OptimizePowerReport & { sweep?: SweepPoint[] } = optimizePowerReport(o.site, c.year, sizing, result, water, { hourly: o.hourly === true, diagnostics: ds, hourlyCheck: check, path: c.power.path });
  if (o.sweepLevels && o.sweepLevels.length > 0) {
    const t2 = o.now?.() ?? 0;
    o.onStage?.(`solving the LP at ${o.sweepLevels.length} target levels (the CFE cost curve)`);
    report.sweep = sweepTargetLevels(sizing, o.sweepLevels, solver, o.site, c.year, water, c.power.path);
    log.push(`${solver.name}: target-level sweep, ${o.sweepLevels.length} LPs${seconds(o.now, t2)}`);
  }
  return { report, lpText, log, solverFailed: false, diagnostics: report.diagnostics };
}
