/**
 * What the capital plan pays for. The plan is the sponsor's own capex (Meta's reported capex): spending an SPV
 * takes over after its financial close is off the sponsor's books and does not draw on the plan; capex that no
 * modelled campus explains (`program.unmodelledCapex`: stated amounts, or the residual of a year whose plan is
 * reported capex) does.
 */
import { FACILITY_CLASSES, facilityCapexUsdPerMw, facilityCapexUsdPerMwTotal } from "./costs.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";

/** The part of a phase's spending an SPV pays from its close on (0 for a phase no SPV covers). */
export interface OffPlanShare {
  /** first month the SPV pays (its close) */
  fromIndex: number;
  /** share of the phase's facility spend the SPV pays from then on */
  facilityFraction: number;
  /** the SPV also buys the phase's IT */
  it: boolean;
}

export function offPlanShares(s: ResolvedScenario): (OffPlanShare | null)[] {
  const out: (OffPlanShare | null)[] = s.phases.map(() => null);
  const total = facilityCapexUsdPerMwTotal(s);
  for (const spv of s.financing.spvs) {
    let perMw = 0;
    for (const cls of FACILITY_CLASSES) if (spv.assetClasses.includes(cls)) perMw += facilityCapexUsdPerMw(s, cls);
    for (const pi of spv.phaseIndices) out[pi] = { fromIndex: spv.closeIndex, facilityFraction: total > 0 ? perMw / total : 0, it: spv.assetClasses.includes("it") };
  }
  return out;
}

/** Stated unmodelled capex per timeline year (spent before any phase). */
export function statedUnmodelledUsdByYear(s: ResolvedScenario): Float64Array {
  return s.unmodelledCapex ? Float64Array.from(s.unmodelledCapex.usdByYearIndex) : new Float64Array(s.timeline.years.length);
}

/** Whether a timeline year's unspent capital becomes the unmodelled residual (nothing carries out of it). */
export const isResidualYear = (s: ResolvedScenario, yearIndex: number): boolean => s.unmodelledCapex?.residualByYearIndex[yearIndex] ?? false;

/**
 * Unmodelled capex per timeline year once the phases are placed: the stated amounts plus, in residual years, all the
 * capital the year has (with carry-over: including what earlier years left) that the campuses did not spend.
 */
export function unmodelledUsdByYear(s: ResolvedScenario, spentUsdByYearIndex: Float64Array): Float64Array {
  const out = statedUnmodelledUsdByYear(s);
  let cumAvailable = 0;
  let cumSpent = 0;
  for (let y = 0; y < out.length; y++) {
    const plan = s.capitalPlanUsdByYearIndex[y];
    if (s.unspentCapitalCarriesOver) {
      cumAvailable += plan;
      cumSpent += spentUsdByYearIndex[y] + out[y];
      if (isResidualYear(s, y)) {
        out[y] += Math.max(0, cumAvailable - cumSpent);
        cumSpent = Math.max(cumSpent, cumAvailable);
      }
    } else if (isResidualYear(s, y)) out[y] += Math.max(0, plan - spentUsdByYearIndex[y] - out[y]);
  }
  return out;
}

/** Spreads yearly amounts evenly over each year's months inside the horizon. */
export function monthlyFromYearly(s: ResolvedScenario, usdByYearIndex: Float64Array): Float64Array {
  const t = s.timeline;
  const monthsInYear = new Float64Array(t.years.length);
  for (let m = 0; m < t.months; m++) monthsInYear[t.yearIndex[m]]++;
  const out = new Float64Array(t.months);
  for (let m = 0; m < t.months; m++) out[m] = usdByYearIndex[t.yearIndex[m]] / monthsInYear[t.yearIndex[m]];
  return out;
}
