/**
 * Stochastic compute-demand paths in IT MW: a growth rate drawn once per path (uncertain trend) and a yearly
 * log-normal shock (volatility), compounded geometrically month by month:
 *   ln D(m) = ln D0 + Σ_{j<k} g_j + (m mod 12)/12 · g_k,  k = ⌊m/12⌋,  g_j = ln(1 + g) + σ·z_j − σ²/2.
 * The −σ²/2 keeps E[D] on the trend. Uniforms come from the shared sampler (dimension 0: growth rate,
 * dimensions 1…Y: the yearly shocks as standard normals), so paths are reproducible by index.
 */
import { type Distribution, makeDistribution } from "../uncertainty/distributions.ts";

export interface DemandModel {
  months: number;
  initialItMw: number;
  growth: Distribution;
  volatilityFractionPerYear: number;
}

export function demandYears(model: DemandModel): number {
  return Math.ceil(model.months / 12);
}

/** The sampler's distributions for one path: growth rate, then one standard normal per year. */
export function demandDistributions(model: DemandModel): Distribution[] {
  const normal = makeDistribution({ dist: "normal", mean: 0, sd: 1 });
  return [model.growth, ...Array.from({ length: demandYears(model) }, () => normal)];
}

/** Fills out[0 … months−1] with the demand path of one sample (values[0] = growth, values[1+k] = z_k). */
export function demandPath(model: DemandModel, values: ArrayLike<number>, out: Float64Array): void {
  const s = model.volatilityFractionPerYear;
  const trend = Math.log1p(values[0]);
  let logBase = Math.log(model.initialItMw);
  for (let m = 0; m < model.months; m++) {
    const k = Math.floor(m / 12);
    const g = trend + s * values[1 + k] - 0.5 * s * s;
    out[m] = Math.exp(logBase + ((m % 12) / 12) * g);
    if (m % 12 === 11) logBase += g;
  }
}
