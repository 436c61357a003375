/**
 * The CFE cost curve: the sizing LP solved at each level of the clean target (the curve 24/7 CFE studies publish:
 * cost per MWh of load, capacities, emissions and the marginal cost of the target against the level). Each level is
 * its own LP on the same series; the objective can only rise with the level (the feasible set shrinks), which the
 * tests check. The marginal cost is the dual of the target row at each level.
 */
import type { LpSolver } from "../../solver/lp.ts";
import { optimizePortfolio } from "./optimize.ts";
import type { SiteSizing } from "./site-sizing.ts";
import { type OptimizePowerReport, optimizePowerReport } from "./site-result.ts";

type WaterInputs = Parameters<typeof optimizePowerReport>[4];

export interface SweepPoint {
  levelFraction: number;
  status: string;
  /** LP objective, annual USD (null when not optimal) */
  objectiveUsd: number | null;
  costUsdPerMwhLoad: number | null;
  capacities: OptimizePowerReport["capacities"];
  locationBasedTco2: number | null;
  cfeScoreFraction: number | null;
  annualMatchFraction: number | null;
  /** dual of the target row: USD per extra MWh of required clean energy */
  targetMarginalCostUsdPerMwh: number | null;
}

/** Levels from a `from:to:step` range (inclusive, rounded to 1e-9; at most 201 levels). */
export function sweepLevels(from: number, to: number, step: number): number[] | string {
  if (![from, to, step].every(Number.isFinite)) return "from, to and step must be numbers";
  if (from < 0 || to > 1 || from > to) return "levels must satisfy 0 ≤ from ≤ to ≤ 1";
  if (!(step > 0)) return "step must be > 0";
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > 201) return `${n} levels: at most 201`;
  return Array.from({ length: n }, (_, k) => Math.round((from + k * step) * 1e9) / 1e9);
}

/** Solves the sizing LP of `sizing` at each level (capacities chosen by the LP; metrics of its dispatch). */
export function sweepTargetLevels(sizing: SiteSizing, levels: readonly number[], solver: LpSolver, site: string, year: number, water: WaterInputs, path: string): SweepPoint[] {
  return levels.map((levelFraction) => {
    const problem = { ...sizing.problem, target: { ...sizing.problem.target, levelFraction } };
    const at: SiteSizing = { ...sizing, problem, hourlyProblem: sizing.problem === sizing.hourlyProblem ? problem : sizing.hourlyProblem };
    const result = optimizePortfolio(problem, solver);
    if (result.status !== "optimal" || !result.dispatch) {
      return { levelFraction, status: result.status, objectiveUsd: null, costUsdPerMwhLoad: null, capacities: null, locationBasedTco2: null, cfeScoreFraction: null, annualMatchFraction: null, targetMarginalCostUsdPerMwh: null };
    }
    const r = optimizePowerReport(site, year, at, result, water, { hourly: false, diagnostics: [], hourlyCheck: null, path });
    return {
      levelFraction,
      status: result.status,
      objectiveUsd: result.objectiveUsd,
      costUsdPerMwhLoad: r.optimum?.cost.costUsdPerMwhLoad ?? null,
      capacities: r.capacities,
      locationBasedTco2: r.optimum?.emissions.locationBasedTco2 ?? null,
      cfeScoreFraction: r.optimum?.scores.cfeScoreFraction ?? null,
      annualMatchFraction: r.optimum?.scores.annualMatchFraction ?? null,
      targetMarginalCostUsdPerMwh: result.targetMarginalCostUsdPerMwh,
    };
  });
}
