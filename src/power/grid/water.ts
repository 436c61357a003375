/**
 * Water consumed off site to generate the grid power a site imports, by fuel:
 *   hourly mix:  W_f = Σ_h import_h × share_f,h × factor_f
 *   annual mix:  W_f = Σ_h import_h × share_f × factor_f  (the region's annual generation mix)
 * with factors in L/MWh of net generation (data/grid-water.json, gal/MWh × 3.785 L/gal). Pure.
 */

export const LITERS_PER_US_GALLON = 3.785411784;

export interface GridWaterInputs {
  /** water consumed per MWh generated, L, by fuel code */
  factorsLPerMwh: Record<string, number>;
  /** the region's annual share of generation by fuel (sums to 1) */
  annualMixFraction: Record<string, number>;
  /** hourly share of generation by fuel (local standard time, each hour summing to 1), when an hourly fuel mix is read */
  hourlyMixFraction?: Record<string, Float64Array>;
}

/** gal/MWh by fuel → L/MWh by fuel. */
export function litersPerMwh(galPerMwhByFuel: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(galPerMwhByFuel).map(([f, gal]) => [f, gal * LITERS_PER_US_GALLON]));
}

/** Water intensity of a generation mix, L per MWh (fuels without a factor count as 0). */
export function mixIntensityLPerMwh(mixFraction: Record<string, number>, factorsLPerMwh: Record<string, number>): number {
  let l = 0;
  for (const [f, share] of Object.entries(mixFraction)) l += share * (factorsLPerMwh[f] ?? 0);
  return l;
}

/** Megalitres by fuel of `importMwh` of grid energy at an annual mix. */
export function annualMixWaterMegalitersByFuel(importMwh: number, g: GridWaterInputs): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f in g.annualMixFraction) if (Object.hasOwn(g.annualMixFraction, f)) out[f] = (importMwh * g.annualMixFraction[f] * (g.factorsLPerMwh[f] ?? 0)) / 1e6;
  return out;
}

/**
 * Megalitres by fuel of an hourly import series (MW per step of `stepHours`): at the hourly mix when it is given and
 * as long as the imports (a representative-week series is not), else at the annual mix.
 */
export function gridWaterMegalitersByFuel(importMw: Float64Array, stepHours: number, g: GridWaterInputs): Record<string, number> {
  const hourly = g.hourlyMixFraction;
  const n = importMw.length;
  if (!hourly || Object.values(hourly).some((a) => a.length !== n)) {
    let mwh = 0;
    for (let h = 0; h < n; h++) mwh += importMw[h] * stepHours;
    return annualMixWaterMegalitersByFuel(mwh, g);
  }
  const out: Record<string, number> = {};
  for (const [f, share] of Object.entries(hourly)) {
    let mwh = 0;
    for (let h = 0; h < n; h++) mwh += importMw[h] * stepHours * share[h];
    out[f] = (mwh * (g.factorsLPerMwh[f] ?? 0)) / 1e6;
  }
  return out;
}

export const sumValues = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
