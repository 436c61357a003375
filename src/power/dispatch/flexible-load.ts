/**
 * Rule-based flexible load for the hourly dispatch: within each window of consecutive steps, flexible load moves
 * out of the steps where clean supply (PV + wind + firm clean) falls short of the load and into the steps with
 * clean surplus, up to the flexible share of each step's load (out) and the spare capacity above it (in). The energy
 * of every window is conserved exactly; load is never dropped here (dropping is an LP decision with a cost). The
 * amount moved is the smaller of what the short steps can give and the surplus steps can take; each side is split
 * in proportion to its room. Pure; writes the new load into `out`.
 */

export interface FlexibleLoadRule {
  flexibleLoadFraction: number;
  /** steps per window */
  windowSteps: number;
  maxShiftUpFraction: number;
}

/** Moves flexible load toward clean surplus; returns the energy moved (MWh). `out` may be `loadMw` itself. */
export function shiftFlexibleLoad(loadMw: Float64Array, cleanMw: Float64Array, rule: FlexibleLoadRule, stepHours: number, out: Float64Array): number {
  const n = loadMw.length;
  if (out !== loadMw) out.set(loadMw);
  if (!(rule.flexibleLoadFraction > 0) || !(rule.maxShiftUpFraction > 0)) return 0;
  const w = Math.max(1, Math.floor(rule.windowSteps));
  const give = new Float64Array(w);
  const take = new Float64Array(w);
  let movedMwh = 0;
  for (let start = 0; start < n; start += w) {
    const end = Math.min(n, start + w);
    let giveSum = 0;
    let takeSum = 0;
    for (let t = start; t < end; t++) {
      const surplus = cleanMw[t] - loadMw[t];
      give[t - start] = surplus < 0 ? Math.min(rule.flexibleLoadFraction * loadMw[t], -surplus) : 0;
      take[t - start] = surplus > 0 ? Math.min(rule.maxShiftUpFraction * loadMw[t], surplus) : 0;
      giveSum += give[t - start];
      takeSum += take[t - start];
    }
    const moved = Math.min(giveSum, takeSum);
    if (!(moved > 0)) continue;
    for (let t = start; t < end; t++) {
      const k = t - start;
      out[t] = loadMw[t] - (give[k] > 0 ? (moved * give[k]) / giveSum : 0) + (take[k] > 0 ? (moved * take[k]) / takeSum : 0);
    }
    movedMwh += moved * stepHours;
  }
  return movedMwh;
}
