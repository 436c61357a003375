/**
 * The asymmetric bet as a newsvendor problem: with cost c_u per MW-month of shortfall and c_o per MW-month of
 * idle capacity, the capacity minimizing expected cost is the critical-ratio quantile of demand,
 * q* = F⁻¹(c_u / (c_u + c_o)). A plan with capacity C sits at demand quantile F(C); it is the optimum when
 * shortfall costs F/(1 − F) times as much as idle capacity (its implied ratio).
 */
import { countAtOrBelow } from "../core/search.ts";
import { quantileSorted } from "../uncertainty/stats.ts";

export const CURVE_RATIOS = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 10, 15, 20] as const;

export interface CurvePoint {
  /** shortfall cost / idle cost */
  ratio: number;
  criticalRatio: number;
  optimalCapacityMw: number;
}

export interface NewsvendorReport {
  curve: CurvePoint[];
  plan: {
    capacityMw: number;
    demandQuantile: number;
    /**
     * shortfall cost / idle cost at which the plan is optimal; when the plan is at or above every demand path the
     * ratio is unbounded and this is its lower bound with N paths (q ≤ N/(N+1) gives N), flagged below
     */
    impliedRatio: number;
    /** true when the plan covers every demand path, so `impliedRatio` is only a lower bound */
    impliedRatioIsLowerBound: boolean;
  };
  atCosts: CurvePoint;
}

/** Fraction of demand samples ≤ x (empirical CDF). */
export function empiricalCdf(sorted: Float64Array, x: number): number {
  return sorted.length > 0 ? countAtOrBelow(sorted, x) / sorted.length : NaN;
}

export function newsvendor(demandAtTarget: Float64Array, planCapacityMw: number, costRatio: number): NewsvendorReport {
  const sorted = Float64Array.from(demandAtTarget).sort();
  const point = (ratio: number): CurvePoint => {
    const criticalRatio = ratio / (1 + ratio);
    return { ratio, criticalRatio, optimalCapacityMw: quantileSorted(sorted, criticalRatio) };
  };
  const q = empiricalCdf(sorted, planCapacityMw);
  return {
    curve: CURVE_RATIOS.map(point),
    plan: { capacityMw: planCapacityMw, demandQuantile: q, impliedRatio: q >= 1 ? sorted.length : q / (1 - q), impliedRatioIsLowerBound: q >= 1 },
    atCosts: point(costRatio),
  };
}
