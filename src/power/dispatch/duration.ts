/**
 * The rule-based dispatch (dispatch.ts) from duration curves. Without a battery and without flexible load the
 * dispatch is separable by step: a step's gas, import, export, curtailment and unserved energy depend only on its load
 * and its clean supply c = firm + PV + wind. With the load flat within each month (site/load.ts), each month's steps
 * sorted by c with prefix sums of a weight w and of w·c turn every annual total into binary searches:
 *   Σ_h w_h · max(x − c_h, 0) = x · W(K) − WC(K) over the K steps with c_h < x.
 * Deficits stack gas and imports in merit order (gas first where it is cheaper than the step's import), so gas,
 * imports and unserved energy are differences of such ramps at x = L, L − first source, L − gas − import limit;
 * exports and curtailment are the mirror ramps above L and L + export limit. The totals equal the hourly
 * dispatch's up to rounding, in microseconds instead of milliseconds: what the Monte Carlo needs to dispatch every
 * site-year of every iteration. Steps are grouped per month by (gas before import, exports paid).
 */
import { MONTH_START_HOURS } from "../../core/calendar.ts";
import { countAtOrBelow, countBelow } from "../../core/search.ts";
import type { EnergyTotals } from "../metrics/energy.ts";
import { type Portfolio, type PowerSeries, type TechParams, gasVariableCostUsdPerMwh, importCostUsdPerMwh } from "./inputs.ts";

/** Offsets of the weights in `CurveGroup.sums`: each weight w has W (Σ w) at the offset and WC (Σ w·c) after it. */
const ONE = 0;
const CLEAN = 2;
const PRICE = 4;
const CO2 = 6;
const EXPORT = 8;
const SUM_ARRAYS = 10;

export interface CurveGroup {
  /** gas runs before grid imports in these steps (gas is cheaper than the step's import) */
  gasFirst: boolean;
  /** exports are paid in these steps (export price > 0) */
  exports: boolean;
  /** clean supply of the group's steps, ascending, MW */
  cleanMw: Float64Array;
  /**
   * prefix sums (length n + 1) of w and w·c for w = 1, grid clean share, grid price, grid CO2, export price, then the
   * caller's import weights in order
   */
  sums: Float64Array[];
}

export interface DurationCurves {
  stepHours: number;
  /** steps of the modelled period (8760 for a year of hours) */
  steps: number;
  /** per month: its number of steps and its groups */
  months: { steps: number; groups: CurveGroup[] }[];
  pvMwh: number;
  windMwh: number;
  firmCleanMwh: number;
  /** mean of the hourly grid intensity, kg/MWh (the market-based residual factor) */
  meanGridCo2KgPerMwh: number;
  /** how many per-step import weights the caller gave (their Σ import × weight come back in `importWeightedMwh`) */
  importWeights: number;
}

/** True when `durationCurves` reproduces `dispatch` for this portfolio: no battery (flexible load is the caller's to exclude). */
export const separableDispatch = (p: Portfolio): boolean => !(p.batteryMwh > 0 && p.batteryMw > 0);

/**
 * Sorts each month's steps by clean supply, grouped by merit order and export flag, with the weights' prefix sums.
 * `monthStarts`: first step of each month (default: the hours of a 365-day year). `importWeights`: per-step weights whose
 * Σ import × weight the dispatch also returns (e.g. each fuel's hourly share of grid generation). `gasFirst`: whether
 * step h runs gas before imports (default: gas is cheaper than the step's import, as `dispatch` decides).
 */
export function durationCurves(
  s: PowerSeries,
  p: Portfolio,
  t: TechParams,
  monthStarts: readonly number[] = MONTH_START_HOURS,
  importWeights: readonly Float64Array[] = [],
  gasFirst: (h: number) => boolean = (h) => gasVariableCostUsdPerMwh(t) < importCostUsdPerMwh(s, t, h),
): DurationCurves {
  const n = s.loadMw.length;
  const firmMw = p.firmCleanMw * t.firmClean.availabilityFraction;
  const clean = new Float64Array(n);
  let pvSum = 0;
  let windSum = 0;
  let co2Sum = 0;
  for (let h = 0; h < n; h++) {
    const pv = p.pvMw * s.pvCapacityFactor[h];
    const wind = p.windMw * s.windCapacityFactor[h];
    clean[h] = firmMw + pv + wind;
    pvSum += pv;
    windSum += wind;
    co2Sum += s.gridCo2KgPerMwh[h];
  }
  const weights = (h: number, k: number): number =>
    k === 0 ? 1 : k === 1 ? s.gridCleanFraction[h] : k === 2 ? s.gridPriceUsdPerMwh[h] : k === 3 ? s.gridCo2KgPerMwh[h] : k === 4 ? s.exportPriceUsdPerMwh[h] : importWeights[k - 5][h];
  const arrays = SUM_ARRAYS + 2 * importWeights.length;
  const months = monthStarts.map((start, m) => {
    const end = m + 1 < monthStarts.length ? monthStarts[m + 1] : n;
    const byKey = new Map<number, number[]>();
    for (let h = start; h < end; h++) {
      const key = (gasFirst(h) ? 1 : 0) + (s.exportPriceUsdPerMwh[h] > 0 ? 2 : 0);
      const list = byKey.get(key);
      if (list) list.push(h);
      else byKey.set(key, [h]);
    }
    const groups = [...byKey].sort((a, b) => a[0] - b[0]).map(([key, hours]): CurveGroup => {
      hours.sort((a, b) => clean[a] - clean[b] || a - b);
      const sums = Array.from({ length: arrays }, () => new Float64Array(hours.length + 1));
      hours.forEach((h, j) => {
        for (let k = 0; k < arrays / 2; k++) {
          const w = weights(h, k);
          sums[2 * k][j + 1] = sums[2 * k][j] + w;
          sums[2 * k + 1][j + 1] = sums[2 * k + 1][j] + w * clean[h];
        }
      });
      return { gasFirst: (key & 1) === 1, exports: (key & 2) === 2, cleanMw: Float64Array.from(hours, (h) => clean[h]), sums };
    });
    return { steps: end - start, groups };
  });
  const dt = s.stepHours;
  return { stepHours: dt, steps: n, months, pvMwh: pvSum * dt, windMwh: windSum * dt, firmCleanMwh: firmMw * n * dt, meanGridCo2KgPerMwh: n > 0 ? co2Sum / n : 0, importWeights: importWeights.length };
}

/** Σ over the first k steps of w·(x − c) (weight w's prefix sums at offset w of S). */
const below = (S: Float64Array[], k: number, x: number, w: number): number => (k === 0 ? 0 : x * S[w][k] - S[w + 1][k]);

/** Σ over the steps from k on (of n) of w·(c − x). */
const above = (S: Float64Array[], n: number, k: number, x: number, w: number): number => (k === n ? 0 : S[w + 1][n] - S[w + 1][k] - x * (S[w][n] - S[w][k]));

/**
 * Annual totals of a duration-curve dispatch (MWh, USD, kg), the sums the metrics are made of: the energy totals of
 * `energyTotals` a battery-free dispatch has (clean delivered follows from them), and the weighted sums.
 */
export interface DurationTotals extends Omit<EnergyTotals, "cleanDeliveredMwh" | "batteryChargeMwh" | "batteryDischargeMwh"> {
  /** Σ min(load, clean supply on site) */
  cfeMwh: number;
  /** Σ min(load, clean on site + clean share × import) */
  cfeWithGridMwh: number;
  /** Σ import × grid price */
  gridImportUsd: number;
  /** Σ import × hourly grid intensity */
  gridImportCo2Kg: number;
  /** Σ export × export price */
  exportUsd: number;
  /** Σ import × each of the curves' import weights (MWh × weight) */
  importWeightedMwh: number[];
}

/**
 * Dispatches the curves' portfolio against a load flat within each month (`loadMwByMonth[m]`, MW): the totals of
 * `dispatch` over the same steps. `p` must be the portfolio the curves were built for (its gas, import and export limits
 * are read here).
 */
export function durationDispatch(c: DurationCurves, loadMwByMonth: ArrayLike<number>, p: Portfolio): DurationTotals {
  const gasMw = p.gasMw;
  const importMw = p.gridImportLimitMw;
  const exportMw = p.exportLimitMw;
  let load = 0, gas = 0, imp = 0, exp = 0, curt = 0, unserved = 0, cfe = 0, impClean = 0, impUsd = 0, impCo2 = 0, expUsd = 0;
  let peakImport = 0;
  let peakLoad = 0;
  const weighted = new Array<number>(c.importWeights).fill(0);
  for (let m = 0; m < c.months.length; m++) {
    const month = c.months[m];
    const L = loadMwByMonth[m];
    if (month.steps > 0 && L > peakLoad) peakLoad = L;
    load += L * month.steps;
    for (const g of month.groups) {
      const a = g.cleanMw;
      const n = a.length;
      const S = g.sums;
      const first = g.gasFirst ? gasMw : importMw;
      const x1 = L - first;
      const x2 = L - gasMw - importMw;
      const k0 = countBelow(a, L);
      const k1 = Number.isFinite(x1) ? countBelow(a, x1) : 0;
      const k2 = Number.isFinite(x2) ? countBelow(a, x2) : 0;
      const d0 = below(S, k0, L, ONE);
      const d1 = below(S, k1, x1, ONE);
      const d2 = below(S, k2, x2, ONE);
      gas += g.gasFirst ? d0 - d1 : d1 - d2;
      imp += g.gasFirst ? d1 - d2 : d0 - d1;
      unserved += d2;
      cfe += L * n - d0;
      // imports are the first source's band (grid first) or the second's (gas first)
      if (g.gasFirst) {
        impClean += below(S, k1, x1, CLEAN) - below(S, k2, x2, CLEAN);
        impUsd += below(S, k1, x1, PRICE) - below(S, k2, x2, PRICE);
        impCo2 += below(S, k1, x1, CO2) - below(S, k2, x2, CO2);
        for (let w = 0; w < weighted.length; w++) weighted[w] += below(S, k1, x1, SUM_ARRAYS + 2 * w) - below(S, k2, x2, SUM_ARRAYS + 2 * w);
      } else {
        impClean += below(S, k0, L, CLEAN) - below(S, k1, x1, CLEAN);
        impUsd += below(S, k0, L, PRICE) - below(S, k1, x1, PRICE);
        impCo2 += below(S, k0, L, CO2) - below(S, k1, x1, CO2);
        for (let w = 0; w < weighted.length; w++) weighted[w] += below(S, k0, L, SUM_ARRAYS + 2 * w) - below(S, k1, x1, SUM_ARRAYS + 2 * w);
      }
      const j0 = countAtOrBelow(a, L);
      const s0 = above(S, n, j0, L, ONE);
      if (g.exports) {
        const y1 = L + exportMw;
        const j1 = Number.isFinite(y1) ? countAtOrBelow(a, y1) : n;
        const sE = above(S, n, j1, y1, ONE);
        exp += s0 - sE;
        curt += sE;
        expUsd += above(S, n, j0, L, EXPORT) - above(S, n, j1, y1, EXPORT);
      } else curt += s0;
      if (n > 0) {
        const d = L - a[0];
        const peak = g.gasFirst ? Math.min(importMw, Math.max(d - gasMw, 0)) : Math.min(importMw, Math.max(d, 0));
        if (peak > peakImport) peakImport = peak;
      }
    }
  }
  const dt = c.stepHours;
  return {
    loadMwh: load * dt,
    pvMwh: c.pvMwh,
    windMwh: c.windMwh,
    firmCleanMwh: c.firmCleanMwh,
    gasMwh: gas * dt,
    gridImportMwh: imp * dt,
    exportMwh: exp * dt,
    curtailmentMwh: curt * dt,
    unservedMwh: unserved * dt,
    peakGridImportMw: peakImport,
    peakLoadMw: peakLoad,
    cfeMwh: cfe * dt,
    cfeWithGridMwh: (cfe + impClean) * dt,
    gridImportUsd: impUsd * dt,
    gridImportCo2Kg: impCo2 * dt,
    exportUsd: expUsd * dt,
    importWeightedMwh: weighted.map((x) => x * dt),
  };
}
