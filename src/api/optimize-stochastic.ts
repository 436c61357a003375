/**
 * `optimizePowerUnderUncertainty` (`gigaplan optimize-power --site NAME --samples N --seed S [--shard k/n]`): one
 * site's portfolio sized under the scenario's `uncertain` block. Sample i (counter-based RNG: the same values for a
 * seed whatever the shard split) is the scenario with its inputs drawn, run through the build-out model for the
 * site's load, its power block for prices and costs; the site's weather is the same in every sample (one weather
 * year is bundled). (a) Each sample's own optimum; (b) without --shard, the two-stage LP over all samples, the
 * mean-problem (EV) portfolio dispatched in every sample, VSS and EVPI. Every LP prices a shortfall of the clean target
 * (default data/power-costs.json), so a portfolio planned for one sample can be judged in another.
 */
import { type Diagnostic, error, hasErrors, warning } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { runModel } from "../buildout/model.ts";
import { type ScenarioDocument, prepareDocument } from "../pipeline/prepare.ts";
import { type InputFiles, loadPowerProfiles } from "../pipeline/profiles.ts";
import { validResolutions } from "../power/optimize/aggregate.ts";
import { checked } from "./optimize-power.ts";
import type { SizingProblem, TargetKind } from "../power/optimize/problem.ts";
import { annualEnergyMwh, buildSiteSizing, defaultSizingYear } from "../power/optimize/site-sizing.ts";
import { type Capacities, sampleOptimum, stochasticSizing } from "../power/optimize/stochastic.ts";
import { resolveScenario } from "../scenario/resolve.ts";
import type { Stats, StochasticPowerReport } from "../results/stochastic-power.ts";
import { createLpSolver } from "../solver/choose.ts";
import type { LpSolver } from "../solver/lp.ts";
import { makeSampler, sampledScenario } from "../uncertainty/evaluate.ts";
import { buildPlan } from "../uncertainty/plan.ts";
import { shardRange } from "../uncertainty/simulate.ts";

export const STOCHASTIC_POWER_SCHEMA_VERSION = 1;
export type { StochasticPowerReport };

export interface StochasticPowerOptions {
  site: string;
  samples: number;
  seed: number;
  /** compute only shard k of n of the per-sample optima (the two-stage LP needs every sample: skipped) */
  shard?: { index: number; count: number };
  year?: number;
  target?: Exclude<TargetKind, "none">;
  levelFraction?: number;
  /** hours per step (every sample is the same calendar year, so the two-stage LP can share it) */
  hoursPerStep?: number;
  /** price of each MWh a sample's clean target falls short (default data/power-costs.json) */
  targetShortfallUsdPerMwh?: number;
  files?: InputFiles;
  solver?: LpSolver;
  onStage?: (message: string) => void;
  ref?: ReferenceData;
}

export interface StochasticPowerOutcome {
  report: StochasticPowerReport | null;
  solverFailed: boolean;
  diagnostics: Diagnostic[];
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
  return { mean: s.reduce((a, x) => a + x, 0) / s.length, p5: q(0.05), p50: q(0.5), p95: q(0.95) };
}

export async function optimizePowerUnderUncertainty(doc: ScenarioDocument, o: StochasticPowerOptions): Promise<StochasticPowerOutcome> {
  const ref = o.ref ?? referenceData;
  const ds: Diagnostic[] = [];
  const fail = (solverFailed = false): StochasticPowerOutcome => ({ report: null, solverFailed, diagnostics: ds });
  o.onStage?.("preparing the scenario and its uncertain inputs");
  const prepared = prepareDocument(doc, ref);
  ds.push(...prepared.diagnostics);
  if (!prepared.value) return fail();
  const s = prepared.value.resolved;
  const si = s.sites.findIndex((x) => x.name === o.site);
  if (si < 0) ds.push(error("site", `unknown site "${o.site}" (sites: ${s.sites.map((x) => x.name).join(", ")})`));
  else if (!s.sites[si].power) ds.push(error("site", `${o.site} has no \`power\` block to size`));
  if (!Number.isInteger(o.samples) || o.samples < 1 || o.samples > 10_000) ds.push(error("samples", `must be a whole number from 1 to 10,000, got "${o.samples}"`));
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) ds.push(error("seed", `must be an integer from 0 to 2^53 − 1, got "${o.seed}"`));
  const hoursPerStep = o.hoursPerStep ?? 1;
  checked(hoursPerStep, "hoursPerStep", ds, (x) => validResolutions().includes(x), `one of ${validResolutions().join(", ")} (hours per step)`);
  if (o.shard && !(Number.isInteger(o.shard.count) && o.shard.count >= 1 && Number.isInteger(o.shard.index) && o.shard.index >= 0 && o.shard.index < o.shard.count)) {
    ds.push(error("shard", `must be k/n with n ≥ 1 and 0 ≤ k < n (got ${o.shard.index}/${o.shard.count})`));
  }
  const plan = buildPlan(prepared.value.scenario, ref);
  // the plan's note that power-block inputs move no Monte Carlo output does not hold here: this command samples them
  ds.push(...plan.diagnostics.filter((d) => d.severity !== "info" && !/changes no simulate or compare output/.test(d.message)));
  if (hasErrors(ds) || !plan.value || si < 0) return fail();
  const site = s.sites[si];
  const baseEnergy = runModel(s).energy[si];
  const year = o.year ?? defaultSizingYear(s.timeline, baseEnergy.facilityEnergyMwh);
  if (year === null || !((annualEnergyMwh(s.timeline, baseEnergy.facilityEnergyMwh).get(year) ?? 0) > 0)) {
    ds.push(error("year", `${o.site} has no load in ${year ?? "the horizon"}`));
    return fail();
  }
  if (o.files) o.onStage?.(`reading weather and grid files for ${o.site}`);
  const profiles = o.files ? await loadPowerProfiles(prepared.value.scenario, o.files, { ref, sites: [o.site], allTechnologies: true }) : { value: {}, diagnostics: [] };
  ds.push(...profiles.diagnostics);
  if (hasErrors(ds)) return fail();
  const prof = profiles.value[o.site] ?? {};
  const penalty = o.targetShortfallUsdPerMwh ?? ref.powerCosts.defaults.cleanTargetShortfallUsdPerMwh;
  const sampler = makeSampler(plan.value, { seed: o.seed, method: "mc", iterations: o.samples });
  const range = o.shard ? shardRange(o.samples, o.shard.index, o.shard.count) : { start: 0, end: o.samples };
  const count = range.end - range.start;
  const columns = plan.value.inputs.map(() => new Float64Array(Math.max(1, count)));
  if (count > 0) sampler.sample(range.start, count, columns);
  const problems: SizingProblem[] = [];
  const sampleIndices: number[] = [];
  let unresolved = 0;
  let target = { kind: o.target ?? site.power!.target.kind, levelFraction: o.levelFraction ?? site.power!.target.levelFraction };
  for (let j = 0; j < count; j++) {
    const values = columns.map((c) => c[j]);
    const r = resolveScenario(sampledScenario(plan.value, values), ref);
    const rs = r.value;
    const power = rs?.sites[si].power;
    const energy = rs ? runModel(rs).energy[si] : null;
    if (!rs || !power || !energy || !((annualEnergyMwh(rs.timeline, energy.facilityEnergyMwh).get(year) ?? 0) > 0)) {
      unresolved++;
      continue;
    }
    target = { kind: o.target ?? power.target.kind, levelFraction: o.levelFraction ?? power.target.levelFraction };
    const sizing = buildSiteSizing(rs.timeline, energy.facilityEnergyMwh, power, prof, { year, target: { ...target, countGridClean: power.target.countGridClean, shortfallPenaltyUsdPerMwh: penalty }, hoursPerStep, regionCo2KgPerMwh: rs.sites[si].gridRegionCo2KgPerMwh });
    problems.push(sizing.problem);
    sampleIndices.push(range.start + j);
  }
  if (unresolved > 0) ds.push(warning("samples", `${unresolved} sample(s) did not resolve or leave ${o.site} without load in ${year}; they are left out`));
  if (problems.length === 0) {
    ds.push(error("samples", "no sample gives the site a problem to size"));
    return fail();
  }
  const solver = o.solver ?? (await createLpSolver());
  o.onStage?.(`solving ${problems.length} sample LPs${o.shard ? "" : ", the two-stage LP and the mean problem"} (${problems[0].series.loadMw.length} steps each)`);
  const perSample = problems.map((p) => sampleOptimum(p, solver));
  const optimal = perSample.filter((p) => p.status === "optimal");
  if (optimal.length < perSample.length) ds.push(warning("samples", `${perSample.length - optimal.length} sample(s) have no optimal portfolio (their load cannot be served within the sizing and grid limits)`));
  const capKeys = ["pvMw", "windMw", "batteryMw", "batteryMwh", "gasMw", "firmCleanMw"] as const;
  const perSampleStats = optimal.length
    ? { objectiveUsd: stats(optimal.map((p) => p.objectiveUsd)), capacities: Object.fromEntries(capKeys.map((k) => [k, stats(optimal.map((p) => p.capacities![k]))])) as Record<keyof Capacities, Stats> }
    : null;
  const full = o.shard ? null : stochasticSizing(problems, solver, perSample);
  if (full && full.robust.status !== "optimal") ds.push(error("samples", `the two-stage LP has no optimal solution (${full.robust.solverStatus}): no single portfolio serves every sample's load within the sizing and grid limits`));
  if (full && full.eevInfeasibleSamples > 0) ds.push(warning("samples", `the mean-problem portfolio cannot serve the load of ${full.eevInfeasibleSamples} sample(s) within the grid limits: planning for the mean is infeasible there, so the VSS is unbounded (reported as null)`));
  if (o.shard) ds.push(warning("shard", "a shard gives the per-sample optima only: the two-stage LP, VSS and EVPI need every sample (run without --shard)"));
  const report: StochasticPowerReport = {
    schemaVersion: STOCHASTIC_POWER_SCHEMA_VERSION,
    site: o.site,
    year,
    resolutionHours: hoursPerStep,
    target: { ...target, shortfallPenaltyUsdPerMwh: penalty },
    seed: o.seed,
    inputs: plan.value.inputs.map((i) => i.path),
    stochastic: {
      samples: o.samples,
      sampleRange: range,
      perSample: perSample.map((p, j) => ({ sample: sampleIndices[j], ...p })),
      perSampleStats,
      robust: full ? { capacities: full.robust.capacities, expectedCostUsd: full.robust.expectedCostUsd, status: full.robust.status, lp: { columns: full.robust.lpColumns, rows: full.robust.lpRows } } : null,
      expectedValue: full ? { capacities: full.expectedValue.capacities, objectiveUsd: full.expectedValue.objectiveUsd } : null,
      waitAndSeeUsd: full ? full.waitAndSeeUsd : null,
      eevUsd: full ? full.eevUsd : null,
      eevInfeasibleSamples: full ? full.eevInfeasibleSamples : null,
      vssUsd: full ? full.vssUsd : null,
      evpiUsd: full ? full.evpiUsd : null,
    },
    diagnostics: ds,
  };
  return { report, solverFailed: full !== null && full.robust.status === "error", diagnostics: ds };
}
