/**
 * One capex/finance model with 10 uncertain inputs, written three ways for the benchmark: in Squiggle, through
 * gigaplan's sampler (distributions + counter-based RNG, block by block), and as a hand-written Float64Array
 * loop over the same RNG and inverse CDFs. NPV = (revenue − energy cost) × annuity(rate, server life) − capex.
 */
import type { DistributionSpec } from "../../src/scenario/uncertain-schema.ts";

export const HOURS_PER_YEAR = 8760;

/** Inputs in a fixed order (the sampler's dimensions). Squiggle's `a to b` is the lognormal with p5 = a, p95 = b. */
export const INPUTS: [string, DistributionSpec, string][] = [
  ["itMw", { dist: "triangular", min: 8000, mode: 10000, max: 12000 }, "triangular(8000, 10000, 12000)"],
  ["facilityCapexUsdPerMw", { dist: "lognormal", p5: 9.3e6, p95: 15e6 }, "9.3e6 to 15e6"],
  ["gpuPriceUsd", { dist: "triangular", min: 41667, mode: 48611, max: 55556 }, "triangular(41667, 48611, 55556)"],
  ["gpusPerMw", { dist: "normal", mean: 600, sd: 40 }, "normal(600, 40)"],
  ["pue", { dist: "uniform", min: 1.06, max: 1.2 }, "uniform(1.06, 1.2)"],
  ["utilizationFraction", { dist: "beta", alpha: 14, beta: 6, min: 0, max: 1 }, "beta(14, 6)"],
  ["energyPriceUsdPerMwh", { dist: "lognormal", p5: 50, p95: 110 }, "50 to 110"],
  ["revenueUsdPerMwYear", { dist: "triangular", min: 8.5e6, mode: 12e6, max: 17e6 }, "triangular(8.5e6, 12e6, 17e6)"],
  ["serverLifeYears", { dist: "uniform", min: 4.5, max: 6.5 }, "uniform(4.5, 6.5)"],
  ["discountRateFraction", { dist: "uniform", min: 0.07, max: 0.11 }, "uniform(0.07, 0.11)"],
];

export const SQUIGGLE_CODE = `${INPUTS.map(([name, , sq]) => `${name} = ${sq}`).join("\n")}
capexUsd = itMw * (facilityCapexUsdPerMw + gpusPerMw * gpuPriceUsd)
energyCostUsdPerYear = itMw * pue * utilizationFraction * ${HOURS_PER_YEAR} * energyPriceUsdPerMwh
revenueUsdPerYear = itMw * revenueUsdPerMwYear
annuityYears = (1 - (1 + discountRateFraction) ^ (-serverLifeYears)) / discountRateFraction
npvUsd = (revenueUsdPerYear - energyCostUsdPerYear) * annuityYears - capexUsd
{ npvMean: mean(npvUsd), npvSd: stdev(npvUsd), capexMean: mean(capexUsd) }
`;

/** NPV of one sample (arguments in INPUTS order). */
export function modelNpv(
  itMw: number,
  facilityCapexUsdPerMw: number,
  gpuPriceUsd: number,
  gpusPerMw: number,
  pue: number,
  utilization: number,
  energyPrice: number,
  revenuePerMwYear: number,
  lifeYears: number,
  rate: number,
): number {
  const capex = itMw * (facilityCapexUsdPerMw + gpusPerMw * gpuPriceUsd);
  const energy = itMw * pue * utilization * HOURS_PER_YEAR * energyPrice;
  const annuity = -Math.expm1(-lifeYears * Math.log1p(rate)) / rate; // (1 − (1 + r)^−L) / r
  return (itMw * revenuePerMwYear - energy) * annuity - capex;
}
