/**
 * `compare`: build strategies under stochastic demand. The plan's phases come from the base model run (when
 * each phase starts and comes online); demand paths from the scenario's `uncertain.demand`; costs per MW-month
 * of shortfall and of idle capacity from `uncertain.strategies` or data/strategy.json. For each path every
 * strategy gets a capacity path and a discounted cost; regret is its cost minus the best strategy's on that
 * path. The newsvendor curve places the plan's capacity at the target year on the demand distribution.
 */
import { type Diagnostic, error, hasErrors } from "../core/diagnostics.ts";
import { monthIndex } from "../core/months.ts";
import { referenceData, type ReferenceData } from "../data/index.ts";
import { monthlyRate } from "../finance/returns.ts";
import { runModel } from "../buildout/model.ts";
import { prepareScenario } from "../pipeline/prepare.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type Distribution, checkDistribution, makeDistribution } from "../uncertainty/distributions.ts";
import { Sampler, type SamplingMethod, samplerProblems } from "../uncertainty/sampler.ts";
import { type ColumnStats, columnStats } from "../uncertainty/stats.ts";
import { type DemandModel, demandDistributions, demandPath } from "./demand.ts";
import { type NewsvendorReport, newsvendor } from "./newsvendor.ts";
import { type PlanPhase, STRATEGIES, type StrategyContext, type StrategyName, pathCost } from "./strategies.ts";

export interface CompareOptions {
  paths: number;
  seed: number;
  method: SamplingMethod;
  strategies: readonly StrategyName[];
}

export interface CompareSettings {
  startMonth: string;
  months: number;
  demand: DemandModel;
  context: StrategyContext;
  shortfallUsdPerMwMonth: number;
  idleUsdPerMwMonth: number;
  monthlyDiscountRate: number;
  /** month (on the demand grid) whose demand the newsvendor curve uses: December of the target year */
  targetMonth: number;
  targetYear: number;
  /** time-to-power delay drawn per path (months), or null without lead-time risk */
  powerDelay: Distribution | null;
}

/** Resolves demand, plan phases and costs from the scenario; every problem as a diagnostic. */
export function compareSettings(s: Scenario, ref: ReferenceData = referenceData): { value: CompareSettings | null; diagnostics: Diagnostic[] } {
  const { uncertain, ...rest } = s;
  const prepared = prepareScenario(rest as Scenario, ref);
  if (!prepared.value) return { value: null, diagnostics: prepared.diagnostics };
  const r = prepared.value;
  const t = r.timeline;
  const ds: Diagnostic[] = [];
  const demand = uncertain?.demand;
  const settings = uncertain?.strategies ?? {};
  if (!demand) return { value: null, diagnostics: [error("uncertain.demand", "compare needs a demand model: uncertain.demand with growthFractionPerYear (a number or a distribution)")] };
  const startMonth = demand.startMonth ?? `${s.program.currencyBaseYear}-01`;
  const t0 = monthIndex(t, startMonth);
  const planYears = Object.keys(s.program.capitalPlanUsdByYear).map(Number);
  const endYear = demand.endYear ?? Math.min(t.years[t.years.length - 1], Math.max(...planYears) + 4);
  const end = monthIndex(t, `${endYear}-12`);
  if (t0 < 0 || t0 >= t.months) ds.push(error("uncertain.demand.startMonth", `must lie inside the horizon (${t.monthLabels[0]} … ${t.monthLabels[t.months - 1]})`));
  if (end >= t.months || end <= t0) ds.push(error("uncertain.demand.endYear", `must be after the start and inside the horizon (≤ ${t.years[t.years.length - 1]})`));
  let growth: Distribution | null = null;
  if (typeof demand.growthFractionPerYear === "number") growth = makeDistribution({ dist: "fixed", value: demand.growthFractionPerYear });
  else {
    const problems = checkDistribution(demand.growthFractionPerYear, "uncertain.demand.growthFractionPerYear");
    ds.push(...problems);
    if (problems.length === 0) growth = makeDistribution(demand.growthFractionPerYear);
  }
  let powerDelay: Distribution | null = null;
  if (settings.powerDelayMonths) {
    const problems = checkDistribution(settings.powerDelayMonths, "uncertain.strategies.powerDelayMonths");
    ds.push(...problems);
    if (problems.length === 0) powerDelay = makeDistribution(settings.powerDelayMonths);
  }
  if (growth && !(growth.quantile(2 ** -53) > -1)) ds.push(error("uncertain.demand.growthFractionPerYear", "must stay above -1 (−100 %/yr) for every sample"));
  if (hasErrors(ds) || !growth) return { value: null, diagnostics: [...prepared.diagnostics, ...ds] };
  const build = runModel(r).build;
  const phases: PlanPhase[] = build.phases
    .filter((p) => p.startIndex >= 0)
    .map((p) => ({ itPowerMw: r.phases[p.phaseIndex].itPowerMw, startMonth: p.startIndex - t0, onlineMonth: p.onlineIndex - t0 }));
  const months = end - t0 + 1;
  const planAtStart = phases.filter((p) => p.onlineMonth <= 0).reduce((a, p) => a + p.itPowerMw, 0);
  const initialItMw = demand.initialItMw ?? planAtStart;
  if (!(initialItMw > 0)) ds.push(error("uncertain.demand.initialItMw", "the plan has no capacity online at the start of the demand paths: state the initial demand in IT MW"));
  const totalMw = r.phases.reduce((a, p) => a + p.itPowerMw, 0);
  const leadTimeMonths = settings.justInTimeLeadTimeMonths ?? Math.round(r.phases.reduce((a, p) => a + p.itPowerMw * p.constructionMonths, 0) / totalMw);
  const revenue = r.economics?.revenueUsdPerMwItYear ?? ref.strategy.fallbackShortfallCostUsdPerMwItYear;
  const targetYear = settings.targetYear ?? Math.min(endYear, Math.max(...planYears));
  const targetMonth = monthIndex(t, `${targetYear}-12`) - t0;
  if (targetMonth < 0 || targetMonth >= months) ds.push(error("uncertain.strategies.targetYear", `must be a year of the demand paths (${startMonth.slice(0, 4)}–${endYear})`));
  if (hasErrors(ds)) return { value: null, diagnostics: [...prepared.diagnostics, ...ds] };
  return {
    value: {
      startMonth,
      months,
      demand: { months, initialItMw, growth, volatilityFractionPerYear: demand.volatilityFractionPerYear },
      context: { months, phases, leadTimeMonths, gateFraction: settings.stagedGateFraction ?? ref.strategy.stagedGateFraction },
      shortfallUsdPerMwMonth: settings.shortfallCostUsdPerMwMonth ?? (revenue * (1 + ref.strategy.strategicPenaltyFractionOfRevenue)) / 12,
      idleUsdPerMwMonth: settings.idleCostUsdPerMwMonth ?? ref.strategy.idleCostUsdPerMwItYear / 12,
      monthlyDiscountRate: r.economics ? monthlyRate(r.economics.discountRateFractionPerYear) : 0,
      targetMonth,
      targetYear,
      powerDelay,
    },
    diagnostics: prepared.diagnostics,
  };
}

export interface StrategyResult {
  name: StrategyName;
  costUsd: ColumnStats;
  regretUsd: ColumnStats;
  /** share of paths on which this strategy has the lowest cost (ties shared) */
  probabilityBest: number;
  meanShortfallMwMonths: number;
  meanIdleMwMonths: number;
  /** capacity at the target month, mean over paths */
  meanCapacityAtTargetMw: number;
}

/** Version of the `compare --format json` contract. */
export const COMPARE_SCHEMA_VERSION = 1;

export interface CompareReport {
  schemaVersion: typeof COMPARE_SCHEMA_VERSION;
  paths: number;
  seed: number;
  method: SamplingMethod;
  startMonth: string;
  months: number;
  targetYear: number;
  initialItMw: number;
  shortfallUsdPerMwMonth: number;
  idleUsdPerMwMonth: number;
  leadTimeMonths: number;
  gateFraction: number;
  demandAtTargetMw: ColumnStats;
  strategies: StrategyResult[];
  newsvendor: NewsvendorReport;
  /** with `uncertain.strategies.powerDelayMonths`: the same comparison facing lead-time risk, and the plan's newsvendor position under it */
  leadTimeRisk?: {
    delayMonths: ColumnStats;
    planCapacityAtTargetMw: ColumnStats;
    planDemandQuantile: number;
    impliedRatio: number;
    impliedRatioIsLowerBound: boolean;
  };
}

export function optionProblems(settings: CompareSettings, o: CompareOptions): Diagnostic[] {
  const out = samplerProblems(1 + Math.ceil(settings.months / 12), { seed: o.seed, method: o.method, iterations: o.paths }).map((m) => error(m.startsWith("iterations") ? "--paths" : m.startsWith("seed") ? "--seed" : "--method", m.replace("iterations", "paths")));
  if (o.strategies.length === 0) out.push(error("--strategies", "name at least one strategy"));
  return out;
}

/** Runs every strategy on `paths` demand paths. */
export function runComparison(settings: CompareSettings, o: CompareOptions): CompareReport {
  const { months } = settings;
  const demandDists = demandDistributions(settings.demand);
  // the delay is the last dimension: the demand paths are the same with and without lead-time risk
  const dists = settings.powerDelay ? [...demandDists, settings.powerDelay] : demandDists;
  const sampler = new Sampler(dists, null, { seed: o.seed, method: o.method, iterations: o.paths });
  const delays = new Float64Array(settings.powerDelay ? o.paths : 0);
  const planAtTarget = new Float64Array(settings.powerDelay ? o.paths : 0);
  const planCapacity = new Float64Array(months);
  const block = 256;
  const cols = dists.map(() => new Float64Array(block));
  const values = new Float64Array(dists.length);
  const demand = new Float64Array(months);
  const capacity = new Float64Array(months);
  const k = o.strategies.length;
  const cost = o.strategies.map(() => new Float64Array(o.paths));
  const shortfall = new Float64Array(k);
  const idle = new Float64Array(k);
  const capAtTarget = new Float64Array(k);
  const demandAtTarget = new Float64Array(o.paths);
  for (let at = 0; at < o.paths; at += block) {
    const n = Math.min(block, o.paths - at);
    sampler.sample(at, n, cols);
    for (let j = 0; j < n; j++) {
      for (let d = 0; d < dists.length; d++) values[d] = cols[d][j];
      demandPath(settings.demand, values, demand);
      demandAtTarget[at + j] = demand[settings.targetMonth];
      let ctx = settings.context;
      if (settings.powerDelay) {
        const delay = Math.max(0, Math.round(values[demandDists.length]));
        delays[at + j] = delay;
        ctx = delayedContext(settings.context, delay);
        STRATEGIES.aggressive(ctx, demand, planCapacity);
        planAtTarget[at + j] = planCapacity[settings.targetMonth];
      }
      o.strategies.forEach((name, s) => {
        STRATEGIES[name](ctx, demand, capacity);
        const c = pathCost(demand, capacity, settings.shortfallUsdPerMwMonth, settings.idleUsdPerMwMonth, settings.monthlyDiscountRate);
        cost[s][at + j] = c.costUsd;
        shortfall[s] += c.shortfallMwMonths / o.paths;
        idle[s] += c.idleMwMonths / o.paths;
        capAtTarget[s] += capacity[settings.targetMonth] / o.paths;
      });
    }
  }
  const regret = o.strategies.map(() => new Float64Array(o.paths));
  const best = new Float64Array(k);
  for (let j = 0; j < o.paths; j++) {
    let min = Infinity;
    for (let s = 0; s < k; s++) min = Math.min(min, cost[s][j]);
    let ties = 0;
    for (let s = 0; s < k; s++) if (cost[s][j] === min) ties++;
    for (let s = 0; s < k; s++) {
      regret[s][j] = cost[s][j] - min;
      if (cost[s][j] === min) best[s] += 1 / ties / o.paths;
    }
  }
  const aggressiveCapacity = new Float64Array(months);
  STRATEGIES.aggressive(settings.context, demand, aggressiveCapacity);
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    paths: o.paths,
    seed: o.seed,
    method: o.method,
    startMonth: settings.startMonth,
    months,
    targetYear: settings.targetYear,
    initialItMw: settings.demand.initialItMw,
    shortfallUsdPerMwMonth: settings.shortfallUsdPerMwMonth,
    idleUsdPerMwMonth: settings.idleUsdPerMwMonth,
    leadTimeMonths: settings.context.leadTimeMonths,
    gateFraction: settings.context.gateFraction,
    demandAtTargetMw: columnStats(demandAtTarget),
    strategies: o.strategies.map((name, s) => ({
      name,
      costUsd: columnStats(cost[s]),
      regretUsd: columnStats(regret[s]),
      probabilityBest: best[s],
      meanShortfallMwMonths: shortfall[s],
      meanIdleMwMonths: idle[s],
      meanCapacityAtTargetMw: capAtTarget[s],
    })),
    newsvendor: newsvendor(demandAtTarget, aggressiveCapacity[settings.targetMonth], settings.shortfallUsdPerMwMonth / settings.idleUsdPerMwMonth),
    ...(settings.powerDelay ? { leadTimeRisk: leadTimeRisk(delays, planAtTarget, demandAtTarget) } : {}),
  };
}

/** Every phase not yet online at the start of the demand paths comes online `delay` months later; so do just-in-time orders. */
export function delayedContext(ctx: StrategyContext, delay: number): StrategyContext {
  if (delay === 0) return ctx;
  return { ...ctx, leadTimeMonths: ctx.leadTimeMonths + delay, phases: ctx.phases.map((p) => (p.onlineMonth > 0 ? { ...p, onlineMonth: p.onlineMonth + delay } : p)) };
}

/**
 * The asymmetric bet with lead-time risk: the plan's capacity at the target is now random (phases slip past it), so
 * its demand quantile is P(demand ≤ the plan's capacity on the same path) and its implied shortfall/idle cost ratio
 * F/(1 − F) moves; compare with `newsvendor.plan` (no lead-time risk, same demand paths).
 */
function leadTimeRisk(delays: Float64Array, planAtTarget: Float64Array, demandAtTarget: Float64Array): CompareReport["leadTimeRisk"] {
  let covered = 0;
  for (let j = 0; j < demandAtTarget.length; j++) if (demandAtTarget[j] <= planAtTarget[j]) covered++;
  const q = demandAtTarget.length > 0 ? covered / demandAtTarget.length : NaN;
  return {
    delayMonths: columnStats(delays),
    planCapacityAtTargetMw: columnStats(planAtTarget),
    planDemandQuantile: q,
    impliedRatio: q >= 1 ? demandAtTarget.length : q / (1 - q),
    impliedRatioIsLowerBound: q >= 1,
  };
}

/** Settings, option checks and the comparison together. */
export function compareStrategies(s: Scenario, o: CompareOptions, ref: ReferenceData = referenceData): { value: CompareReport | null; diagnostics: Diagnostic[] } {
  const settings = compareSettings(s, ref);
  if (!settings.value) return { value: null, diagnostics: settings.diagnostics };
  const problems = optionProblems(settings.value, o);
  if (hasErrors(problems)) return { value: null, diagnostics: [...settings.diagnostics, ...problems] };
  return { value: runComparison(settings.value, o), diagnostics: settings.diagnostics };
}
