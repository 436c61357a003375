/**
 * The sizing problem of one site-year built from the scenario: load from the monthly model, profiles read at the
 * edge, costs and bounds from the site's `power` block (portfolio as lower bounds with `sizing.keepPortfolio`,
 * `sizing.*MaxMw` as upper bounds), grid limits of the portfolio in effect that year.
 */
import type { Timeline } from "../../core/months.ts";
import type { Portfolio } from "../dispatch/inputs.ts";
import { allocateSeries, fillHourlyLoad } from "../site/load.ts";
import { techParams } from "../site/params.ts";
import type { ResolvedSitePower } from "../../scenario/resolved-power.ts";
import { portfolioForYear } from "../site/portfolio.ts";
import type { SiteProfiles } from "../site/site-power.ts";
import { aggregateSeries } from "./aggregate.ts";
import { HOURS_PER_WEEK, representativeWeeks } from "./representative.ts";
import type { CapacityBounds, CleanTarget, LpFlexibility, SizingProblem } from "./problem.ts";

export interface SiteSizingOptions {
  year: number;
  target: CleanTarget;
  carbonPriceUsdPerTco2?: number;
  hoursPerStep?: number;
  /** model only this many representative weeks (hourly), instead of the whole year */
  representativeWeeks?: number;
  /** flat grid intensity used when no hourly carbon profile is supplied (the region's annual mean) */
  regionCo2KgPerMwh: number;
}

export interface SiteSizing {
  problem: SizingProblem;
  /** the hourly problem before aggregation (same as `problem` at hourly resolution) */
  hourlyProblem: SizingProblem;
  /** the portfolio the scenario states for the year */
  scenarioPortfolio: Portfolio;
  /** with representative weeks: the chosen weeks and the step standing for each hour of the year */
  representative: { weeks: number[]; hourToStep: Int32Array } | null;
}

/** Annual facility MWh of each year of the timeline. */
export function annualEnergyMwh(t: Timeline, monthlyMwh: Float64Array): Map<number, number> {
  const out = new Map<number, number>();
  for (let m = 0; m < t.months; m++) out.set(t.years[t.yearIndex[m]], (out.get(t.years[t.yearIndex[m]]) ?? 0) + monthlyMwh[m]);
  return out;
}

/**
 * Default sizing year: the first year in which the site's average load (MWh over the hours of the year, so leap
 * years do not count double) reaches its maximum; null when the site never comes online.
 */
export function defaultSizingYear(t: Timeline, monthlyMwh: Float64Array): number | null {
  const hours = new Map<number, number>();
  for (let m = 0; m < t.months; m++) hours.set(t.years[t.yearIndex[m]], (hours.get(t.years[t.yearIndex[m]]) ?? 0) + t.hours[m]);
  let best: number | null = null;
  let bestMw = 0;
  for (const [y, mwh] of annualEnergyMwh(t, monthlyMwh)) {
    const mw = mwh / (hours.get(y) ?? 1);
    if (mw > bestMw * (1 + 1e-9)) [best, bestMw] = [y, mw];
  }
  return best;
}

export function buildSiteSizing(t: Timeline, facilityEnergyMwh: Float64Array, p: ResolvedSitePower, prof: SiteProfiles, o: SiteSizingOptions): SiteSizing {
  const series = allocateSeries();
  fillHourlyLoad(t, facilityEnergyMwh, o.year, series.loadMw);
  const copy = (a: Float64Array | undefined, out: Float64Array, fallback: number): void => {
    if (a) out.set(a);
    else out.fill(fallback);
  };
  copy(prof.pvCapacityFactor, series.pvCapacityFactor, 0);
  copy(prof.windCapacityFactor, series.windCapacityFactor, 0);
  copy(prof.gridCo2KgPerMwh, series.gridCo2KgPerMwh, o.regionCo2KgPerMwh);
  copy(prof.gridCleanFraction, series.gridCleanFraction, 0);
  copy(prof.gridPriceUsdPerMwh, series.gridPriceUsdPerMwh, p.prices.gridPriceUsdPerMwh);
  series.exportPriceUsdPerMwh.fill(p.prices.exportPriceUsdPerMwh);
  const pf = portfolioForYear(p, o.year);
  const lim = p.sizing;
  const keep = lim.keepPortfolio;
  const b = (have: number, max: number | undefined, profileMissing = false): CapacityBounds => {
    const upper = profileMissing ? 0 : (max ?? Infinity);
    return { min: keep ? Math.min(have, upper) : 0, max: Math.max(upper, keep ? have : 0) };
  };
  const hourlyProblem: SizingProblem = {
    series,
    tech: techParams(p, o.year, o.carbonPriceUsdPerTco2 ?? p.prices.carbonPriceUsdPerTco2),
    unitCosts: p.unitCosts,
    bounds: {
      pvMw: b(pf.pvMw, lim.pvMaxMw, !prof.pvCapacityFactor),
      windMw: b(pf.windMw, lim.windMaxMw, !prof.windCapacityFactor),
      batteryMw: b(pf.batteryMw, lim.batteryMaxMw),
      batteryMwh: b(pf.batteryMwh, lim.batteryMaxMwh),
      gasMw: b(pf.gasMw, lim.gasMaxMw),
      firmCleanMw: b(pf.firmCleanMw, lim.firmCleanMaxMw),
    },
    gridImportLimitMw: pf.gridImportLimitMw,
    exportLimitMw: pf.exportLimitMw,
    target: o.target,
    storageBoundary: "cyclic",
    ...(p.flexibility.flexibleLoadFraction > 0 ? { flexibility: lpFlexibility(p, 1) } : {}),
  };
  if (o.representativeWeeks !== undefined) {
    const rep = representativeWeeks(series, o.representativeWeeks);
    // representative weeks are hourly: the hourly problem's flexibility carries over with the spread
    const problem: SizingProblem = { ...hourlyProblem, series: rep.series, stepWeight: rep.stepWeight, periodSteps: HOURS_PER_WEEK };
    return { problem, hourlyProblem, scenarioPortfolio: pf, representative: { weeks: rep.weeks, hourToStep: rep.hourToStep } };
  }
  const k = o.hoursPerStep ?? 1;
  const problem: SizingProblem = k === 1 ? hourlyProblem : { ...hourlyProblem, series: aggregateSeries(series, k) };
  if (k !== 1 && hourlyProblem.flexibility) problem.flexibility = lpFlexibility(p, k);
  return { problem, hourlyProblem, scenarioPortfolio: pf, representative: null };
}

/** The site's flexible load for an LP with steps of `stepHours` (windows in whole steps, at least one). */
function lpFlexibility(p: ResolvedSitePower, stepHours: number): LpFlexibility {
  const f = p.flexibility;
  return {
    flexibleLoadFraction: f.flexibleLoadFraction,
    windowSteps: Math.max(1, Math.round(f.shiftWindowHours / stepHours)),
    maxShiftUpFraction: f.maxShiftUpFraction,
    curtailmentCostUsdPerMwh: f.curtailmentCostUsdPerMwh,
  };
}
