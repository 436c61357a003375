/** Small hand-made series and parameters for power tests (synthetic, for tests and benchmarks only). */
import type { Portfolio, PowerSeries, TechParams, UnitFixedCosts } from "../../src/power/dispatch/inputs.ts";
import { type CapacityBounds, type SizingBounds, type SizingProblem, fixedBounds } from "../../src/power/optimize/problem.ts";

export interface SeriesSpec {
  loadMw: number[] | number;
  pvCapacityFactor?: number[] | number;
  windCapacityFactor?: number[] | number;
  gridPriceUsdPerMwh?: number[] | number;
  exportPriceUsdPerMwh?: number[] | number;
  gridCo2KgPerMwh?: number[] | number;
  gridCleanFraction?: number[] | number;
  stepHours?: number;
}

export function makeSeries(spec: SeriesSpec, n = Array.isArray(spec.loadMw) ? spec.loadMw.length : 1): PowerSeries {
  const arr = (v: number[] | number | undefined, dflt: number): Float64Array =>
    Array.isArray(v) ? Float64Array.from(v) : new Float64Array(n).fill(v ?? dflt);
  return {
    stepHours: spec.stepHours ?? 1,
    loadMw: arr(spec.loadMw, 0),
    pvCapacityFactor: arr(spec.pvCapacityFactor, 0),
    windCapacityFactor: arr(spec.windCapacityFactor, 0),
    gridPriceUsdPerMwh: arr(spec.gridPriceUsdPerMwh, 50),
    exportPriceUsdPerMwh: arr(spec.exportPriceUsdPerMwh, 0),
    gridCo2KgPerMwh: arr(spec.gridCo2KgPerMwh, 400),
    gridCleanFraction: arr(spec.gridCleanFraction, 0),
  };
}

export const noPortfolio: Portfolio = { pvMw: 0, windMw: 0, batteryMw: 0, batteryMwh: 0, gasMw: 0, firmCleanMw: 0, gridImportLimitMw: Infinity, exportLimitMw: 0 };

/** Round numbers that make hand calculations easy: one-way battery efficiency 0.9, gas at 30 USD/MWh. */
export const simpleTech: TechParams = {
  battery: { roundTripEfficiency: 0.81, socMinFraction: 0, socMaxFraction: 1 },
  gas: { heatRateMmbtuPerMwh: 7, fuelPriceUsdPerMmbtu: 4, variableOmUsdPerMwh: 2, co2KgPerMmbtu: 50 },
  firmClean: { availabilityFraction: 0.9, variableCostUsdPerMwh: 10 },
  carbonPriceUsdPerTco2: 0,
};

export const zeroCosts: UnitFixedCosts = {
  pvUsdPerMwYear: 0,
  windUsdPerMwYear: 0,
  batteryPowerUsdPerMwYear: 0,
  batteryEnergyUsdPerMwhYear: 0,
  gasUsdPerMwYear: 0,
  firmCleanUsdPerMwYear: 0,
};

/** A deterministic pseudo-random year of hourly PV (diurnal) and wind (random walk) capacity factors. */
export function syntheticYear(n: number, seed = 1): { pv: Float64Array; wind: Float64Array } {
  let s = seed;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const dt = 8760 / n;
  const pv = new Float64Array(n);
  const wind = new Float64Array(n);
  let w = 0.4;
  for (let t = 0; t < n; t++) {
    const h = t * dt;
    pv[t] = Math.max(0, Math.sin((((h % 24) - 6) / 12) * Math.PI)) * (0.8 + 0.2 * Math.cos((h / 8760) * 2 * Math.PI));
    w = Math.min(1, Math.max(0, w + (rnd() - 0.5) * 0.15));
    wind[t] = w;
  }
  return { pv, wind };
}

/** A capacity the sizing LP may choose freely. */
export const FREE_CAPACITY: CapacityBounds = { min: 0, max: Infinity };
/** Every capacity fixed at zero: a test frees the ones it needs. */
export const NO_CAPACITY: SizingBounds = { pvMw: fixedBounds(0), windMw: fixedBounds(0), batteryMw: fixedBounds(0), batteryMwh: fixedBounds(0), gasMw: fixedBounds(0), firmCleanMw: fixedBounds(0) };

/** Unit costs per MW for the modelled period of `hours` (LP fixed costs scale with hours / 8760). */
export const perPeriodUsd = (usd: number, hours: number): number => (usd * 8760) / hours;

/** A sizing problem on `series` with the simple technology, no fixed costs, no capacity, an unlimited grid and no target, overridden by `over`. */
export function sizingProblem(series: PowerSeries, over: Partial<SizingProblem> = {}): SizingProblem {
  return {
    series,
    tech: simpleTech,
    unitCosts: zeroCosts,
    bounds: NO_CAPACITY,
    gridImportLimitMw: Infinity,
    exportLimitMw: 0,
    target: { kind: "none", levelFraction: 0, countGridClean: false },
    storageBoundary: "cyclic",
    ...over,
  };
}
