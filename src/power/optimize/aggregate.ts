/**
 * Time aggregation for the sizing LP: averages every `hoursPerStep` consecutive hours into one step (PyPSA's
 * "nH" resampling). Energy is preserved exactly; within-step variability (and battery cycling inside a step) is
 * lost, so results at coarse resolution are an approximation of the hourly LP.
 */
import type { PowerSeries } from "../dispatch/inputs.ts";

const KEYS = ["loadMw", "pvCapacityFactor", "windCapacityFactor", "gridPriceUsdPerMwh", "exportPriceUsdPerMwh", "gridCo2KgPerMwh", "gridCleanFraction"] as const;

export function aggregateSeries(s: PowerSeries, hoursPerStep: number): PowerSeries {
  const n = s.loadMw.length;
  if (!Number.isInteger(hoursPerStep) || hoursPerStep < 1 || n % hoursPerStep !== 0) {
    throw new Error(`hoursPerStep must be a whole divisor of ${n} (got ${hoursPerStep})`);
  }
  if (hoursPerStep === 1) return s;
  const m = n / hoursPerStep;
  const out = { stepHours: s.stepHours * hoursPerStep } as PowerSeries;
  for (const k of KEYS) {
    const a = s[k];
    const b = new Float64Array(m);
    for (let t = 0; t < m; t++) {
      let sum = 0;
      for (let h = t * hoursPerStep; h < (t + 1) * hoursPerStep; h++) sum += a[h];
      b[t] = sum / hoursPerStep;
    }
    out[k] = b;
  }
  return out;
}

/** Whole divisors of `n` up to `max` (the resolutions a year of `n` hours can be aggregated to). */
export function validResolutions(n = 8760, max = 24): number[] {
  const out: number[] = [];
  for (let k = 1; k <= max; k++) if (n % k === 0) out.push(k);
  return out;
}
