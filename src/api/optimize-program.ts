/**
 * `optimizeProgramPower` (`gigaplan optimize-power --sites all`): the supply portfolios of every site with a `power`
 * block and load in the year, sized in one LP with flexible load movable between sites each step (bounded by each
 * site's spare IT capacity and flexible share), each site on its own weather and grid profiles, all on UTC
 * (`sites[].location.utcOffsetHours`, else `power.grid.utcOffsetHours`, else US Central assumed with a note). The same LP is also
 * solved with the sites apart; the difference is the value of moving load between sites.
 */
import { type Diagnostic, error, hasErrors, info, warning } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { runModel } from "../buildout/model.ts";
import { type ScenarioDocument, prepareDocument } from "../pipeline/prepare.ts";
import { type InputFiles, loadPowerProfiles } from "../pipeline/profiles.ts";
import { validResolutions } from "../power/optimize/aggregate.ts";
import { checked } from "./optimize-power.ts";
import { type TargetKind, capacitiesOf } from "../power/optimize/problem.ts";
import { type ProgramSite, optimizeProgram } from "../power/optimize/program.ts";
import { annualEnergyMwh, buildSiteSizing, defaultSizingYear } from "../power/optimize/site-sizing.ts";
import { powerMetrics } from "../power/metrics/metrics.ts";
import { yearSum } from "../power/site/load.ts";
import type { ResolvedSitePower } from "../scenario/resolved-power.ts";
import { type SiteProfiles, siteGridWater } from "../power/site/site-power.ts";
import type { ProgramPowerReport, ProgramPowerSite } from "../results/program-power.ts";
import { createLpSolver } from "../solver/choose.ts";
import type { LpSolver } from "../solver/lp.ts";

export const PROGRAM_POWER_SCHEMA_VERSION = 1;

export type { ProgramPowerReport, ProgramPowerSite };

const isFraction = (x: number): boolean => x >= 0 && x <= 1;

export interface OptimizeProgramOptions {
  /** year whose load is served (default: the first year the sites' total load is highest) */
  year?: number;
  target?: Exclude<TargetKind, "none">;
  /** target level of every site, 0..1 (default: each site's own) */
  levelFraction?: number;
  /** hours per time step (1 = hourly; the whole year, every site's profiles moved to UTC so its steps are the same hours) */
  hoursPerStep?: number;
  /** flexible share of every site's load and its spare IT capacity, 0..1 (default: each site's `power.flexibility`) */
  flexibleLoadFraction?: number;
  files?: InputFiles;
  solver?: LpSolver;
  now?: () => number;
  onStage?: (message: string) => void;
  ref?: ReferenceData;
}

export interface OptimizeProgramOutcome {
  report: ProgramPowerReport | null;
  log: string[];
  solverFailed: boolean;
  diagnostics: Diagnostic[];
}


/** The UTC offset assumed for a site that states none (the middle of the contiguous US). */
const ASSUMED_UTC_OFFSET_HOURS = -6;

/**
 * The site's hourly profiles re-indexed from its local standard time to UTC: hour h (UTC) is local hour h + offset,
 * wrapped around the year. The load, flat within each month, stays on the local calendar (its month boundaries move
 * by the offset's few hours).
 */
function profilesInUtc(prof: SiteProfiles, utcOffsetHours: number): SiteProfiles {
  const rotate = (a: Float64Array | undefined): Float64Array | undefined => {
    if (!a) return a;
    const n = a.length;
    const out = new Float64Array(n);
    for (let h = 0; h < n; h++) out[h] = a[(((h + utcOffsetHours) % n) + n) % n];
    return out;
  };
  return { ...prof, pvCapacityFactor: rotate(prof.pvCapacityFactor), windCapacityFactor: rotate(prof.windCapacityFactor), gridCo2KgPerMwh: rotate(prof.gridCo2KgPerMwh), gridCleanFraction: rotate(prof.gridCleanFraction), gridPriceUsdPerMwh: rotate(prof.gridPriceUsdPerMwh) };
}

/** The site's power block with every site's flexible share and spare capacity set to `f` (temporal and spatial). */
const withFlexibility = (p: ResolvedSitePower, f: number | undefined): ResolvedSitePower =>
  f === undefined ? p : { ...p, flexibility: { ...p.flexibility, flexibleLoadFraction: f, maxShiftUpFraction: f } };

export async function optimizeProgramPower(doc: ScenarioDocument, o: OptimizeProgramOptions = {}): Promise<OptimizeProgramOutcome> {
  const ref = o.ref ?? referenceData;
  const ds: Diagnostic[] = [];
  const log: string[] = [];
  const fail = (solverFailed = false): OptimizeProgramOutcome => ({ report: null, log, solverFailed, diagnostics: ds });
  o.onStage?.("preparing the scenario and its build-out model");
  const prepared = prepareDocument(doc, ref);
  ds.push(...prepared.diagnostics);
  if (!prepared.value) return fail();
  const s = prepared.value.resolved;
  const t = s.timeline;
  const energy = runModel(s).energy;
  const hoursPerStep = o.hoursPerStep ?? 1;
  checked(hoursPerStep, "hoursPerStep", ds, (x) => validResolutions().includes(x), `one of ${validResolutions().join(", ")} (hours per step)`);
  checked(o.levelFraction, "levelFraction", ds, isFraction, "a fraction between 0 and 1");
  checked(o.flexibleLoadFraction, "flexibleLoadFraction", ds, isFraction, "a fraction between 0 and 1");
  const candidates = s.sites.map((site, si) => ({ site, si })).filter(({ site }) => site.power !== undefined);
  const total = new Float64Array(t.months);
  for (const { si } of candidates) for (let m = 0; m < t.months; m++) total[m] += energy[si].facilityEnergyMwh[m];
  const year = o.year ?? defaultSizingYear(t, total);
  if (o.year !== undefined && !t.years.includes(o.year)) ds.push(error("year", `must be a year of the horizon (${t.years[0]}-${t.years[t.years.length - 1]})`));
  const members = year === null ? [] : candidates.filter(({ si }) => (annualEnergyMwh(t, energy[si].facilityEnergyMwh).get(year) ?? 0) > 0);
  if (members.length < 2 && !hasErrors(ds)) ds.push(error("sites", `moving load between sites needs at least two sites with a \`power\` block and load in ${year ?? "the horizon"} (found ${members.map(({ site }) => site.name).join(", ") || "none"})`));
  if (hasErrors(ds) || year === null) return fail();
  const names = members.map(({ site }) => site.name);
  if (o.files) o.onStage?.(`reading weather and grid files for ${names.join(", ")}`);
  const profiles = o.files ? await loadPowerProfiles(prepared.value.scenario, o.files, { ref, sites: names, allTechnologies: true }) : { value: {}, diagnostics: [] };
  ds.push(...profiles.diagnostics);
  if (hasErrors(ds)) return fail();
  // every site's hourly profiles are in its own local standard time: move them to UTC, so step t is the same hour everywhere
  const offsets = members.map(({ si }) => {
    const sc = prepared.value!.scenario.sites[si];
    const off = sc.location?.utcOffsetHours ?? sc.power?.grid?.utcOffsetHours;
    if (off === undefined) ds.push(info(`sites[${si}].location.utcOffsetHours`, `${sc.name}: no UTC offset given; US Central time (UTC-6) assumed to align its hours with the other sites'`));
    return off ?? ASSUMED_UTC_OFFSET_HOURS;
  });
  const built = members.map(({ site, si }, i) => {
    const power = withFlexibility(site.power!, o.flexibleLoadFraction);
    const target = { kind: o.target ?? power.target.kind, levelFraction: o.levelFraction ?? power.target.levelFraction, countGridClean: power.target.countGridClean };
    const sizing = buildSiteSizing(t, energy[si].facilityEnergyMwh, power, profilesInUtc(profiles.value[site.name] ?? {}, offsets[i]), { year, target, hoursPerStep, regionCo2KgPerMwh: site.gridRegionCo2KgPerMwh });
    const water = { itEnergyMwh: yearSum(t, energy[si].itEnergyMwh, year), wueLPerKwh: s.wueLPerKwh, gasWaterConsumptionGalPerMwh: power.operation.gasWaterConsumptionGalPerMwh, certificateMatchingFraction: power.certificateMatchingFraction, gridWater: siteGridWater(s, site, undefined) };
    const programSite: ProgramSite = { name: site.name, problem: sizing.problem, outFraction: power.flexibility.flexibleLoadFraction, inFraction: power.flexibility.maxShiftUpFraction };
    return { power, programSite, water };
  });
  if (built.every((b) => b.programSite.outFraction === 0 || b.programSite.inFraction === 0)) {
    ds.push(warning("flexibleLoadFraction", "no site has flexible load and spare capacity (power.flexibility, or --flexible-load): nothing can move between sites"));
  }
  const solver = o.solver ?? (await createLpSolver());
  const steps = built[0].programSite.problem.series.loadMw.length;
  o.onStage?.(`solving the program LP (${names.length} sites, ${steps} steps of ${hoursPerStep} h) with the sites apart, then together; the solver reports nothing until it is done`);
  const t0 = o.now?.() ?? 0;
  const apart = optimizeProgram(built.map((b) => b.programSite), solver, false);
  const t1 = o.now?.() ?? 0;
  const together = optimizeProgram(built.map((b) => b.programSite), solver, true, ref.powerCosts.defaults.movedLoadCostUsdPerMwh);
  const secs = (a: number, b: number): string => (o.now ? ` in ${((b - a) / 1000).toFixed(2)} s` : "");
  log.push(`${solver.name}: sites apart ${apart.status}${secs(t0, t1)}; together ${together.status}${secs(t1, o.now?.() ?? 0)} (${together.lpColumns} columns, ${together.lpRows} rows)`);
  if (apart.status !== "optimal" || together.status !== "optimal" || !apart.sites || !together.sites) {
    ds.push(error("sites", `no optimal program portfolio (apart: ${apart.solverStatus}, together: ${together.solverStatus}): a site's target cannot be met within its sizing and grid limits`));
    return fail(apart.status === "error" || together.status === "error");
  }
  const sites = built.map((b, i): ProgramPowerSite => {
    const p = b.programSite.problem;
    const metricsOf = (d: NonNullable<typeof together.sites>[number]["dispatch"]) => powerMetrics(d.servedLoadMw ? { ...p.series, loadMw: d.servedLoadMw } : p.series, d, p.tech, p.unitCosts, b.water);
    const r = together.sites![i];
    const m = metricsOf(r.dispatch);
    const ma = metricsOf(apart.sites![i].dispatch);
    return {
      site: b.programSite.name,
      flexibleLoadFraction: b.programSite.outFraction,
      maxShiftUpFraction: b.programSite.inFraction,
      loadMwh: p.series.loadMw.reduce((a, x) => a + x * p.series.stepHours, 0),
      servedLoadMwh: m.energy.loadMwh,
      capacities: capacitiesOf(r.dispatch.portfolio),
      costUsd: m.cost.totalUsd,
      costUsdPerMwhServed: m.cost.costUsdPerMwhLoad,
      cfeScoreFraction: m.scores.cfeScoreFraction,
      locationBasedTco2: m.emissions.locationBasedTco2,
      movedInMwh: r.movedInMwh,
      movedOutMwh: r.movedOutMwh,
      netMovedMwhByHourOfDay: r.netMovedMwhByHourOfDay,
      netMovedMwhByMonth: r.netMovedMwhByMonth,
      apart: { costUsd: ma.cost.totalUsd, costUsdPerMwhServed: ma.cost.costUsdPerMwhLoad, cfeScoreFraction: ma.scores.cfeScoreFraction, capacities: capacitiesOf(apart.sites![i].dispatch.portfolio) },
    };
  });
  const loadMwh = sites.reduce((a, x) => a + x.loadMwh, 0);
  const spatialValueUsd = apart.objectiveUsd - together.objectiveUsd;
  const levels = new Set(built.map((b) => b.programSite.problem.target.levelFraction));
  return {
    report: {
      schemaVersion: PROGRAM_POWER_SCHEMA_VERSION,
      year,
      resolutionHours: hoursPerStep,
      target: { kind: built[0].programSite.problem.target.kind, levelFraction: levels.size === 1 ? [...levels][0] : null },
      sites,
      program: {
        loadMwh,
        objectiveUsd: together.objectiveUsd,
        objectiveApartUsd: apart.objectiveUsd,
        spatialValueUsd,
        spatialValueUsdPerMwh: loadMwh > 0 ? spatialValueUsd / loadMwh : 0,
        movedMwh: sites.reduce((a, x) => a + x.movedInMwh, 0),
        lp: { columns: together.lpColumns, rows: together.lpRows },
      },
      diagnostics: ds,
    },
    log,
    solverFailed: false,
    diagnostics: ds,
  };
}
