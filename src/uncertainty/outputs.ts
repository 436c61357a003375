/**
 * Key outputs of one model run, read straight from the model state (no tables, no summary records), so a
 * Monte Carlo iteration costs only the model itself. Names carry units; NaN marks "not defined" (NPV without
 * an `economics` block, IRR without a sign change).
 */
import { irrFraction, npvUsd } from "../finance/returns.ts";
import type { ModelState } from "../buildout/model.ts";
import { programMonthly } from "../buildout/program.ts";
import { companyYearly } from "../finance/company.ts";
import { endOfYear } from "../core/series.ts";
import type { SiteYearPower } from "../power/site/site-power.ts";

export const OUTPUT_NAMES = [
  "capexUsdTotal",
  "capexUsdThroughTargetYear",
  "itPowerMwTargetYear",
  "itPowerMwShortfallTargetYear",
  "acceleratorsTargetYear",
  "facilityEnergyMwhTargetYear",
  "npvUsd",
  "irrFraction",
  "peakFundingGapUsd",
  "companyFcfUsdThroughTargetYear",
  // hourly power of every dispatched site-year (the sites with a `power` block), as summary.power of `run`
  "powerCostUsdTargetYear",
  "powerCostUsdPerMwhTargetYear",
  "cfeScoreFractionTargetYear",
  "locationBasedTco2TargetYear",
  "marketBasedTco2TargetYear",
  "locationBasedTco2Total",
  "waterMegalitersTargetYear",
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
export const OUTPUT_COUNT = OUTPUT_NAMES.length;

/** Prefix of the per-site outputs: months the site's first phase comes online after its requested month. */
export const FIRST_PHASE_DELAY_PREFIX = "firstPhaseDelayMonths:";

/** Prefix of the per-year outputs: IT MW online at the end of each year of the horizon (the fan chart). */
export const IT_MW_END_OF_YEAR_PREFIX = "itPowerMwEndOfYear:";

/** Every output of a plan: the fixed ones, one first-phase delay per site (scenario order), then IT MW at each year end. */
export function outputNamesOf(siteNames: readonly string[], years: readonly number[] = []): string[] {
  return [...OUTPUT_NAMES, ...siteNames.map((s) => `${FIRST_PHASE_DELAY_PREFIX}${s}`), ...years.map((y) => `${IT_MW_END_OF_YEAR_PREFIX}${y}`)];
}

export interface OutputContext {
  /** index of the target year in timeline.years */
  targetYearIndex: number;
  /** IT MW the base plan asks to have online at the end of the target year */
  plannedItMwAtTarget: number;
}

/**
 * Writes the outputs of one run into out[offset …] in the order of `outputNamesOf`: the OUTPUT_COUNT fixed outputs,
 * then the sites' first-phase delays and the IT MW at each year end, as far as `out` has room (callers that need only
 * the fixed ones pass a shorter array).
 */
export function writeOutputs(st: ModelState, ctx: OutputContext, out: Float64Array, offset = 0, power: readonly SiteYearPower[] = []): void {
  const s = st.scenario;
  const t = s.timeline;
  const pm = programMonthly(st);
  let lastMonth = -1;
  let capexThrough = 0;
  let capexTotal = 0;
  let energy = 0;
  for (let m = 0; m < t.months; m++) {
    const y = t.yearIndex[m];
    capexTotal += pm.capexUsd[m];
    if (y <= ctx.targetYearIndex) {
      capexThrough += pm.capexUsd[m];
      lastMonth = m;
    }
    if (y === ctx.targetYearIndex) energy += pm.facilityEnergyMwh[m];
  }
  const company = companyYearly(st, pm);
  let peakGap = 0;
  let fcfThrough = 0;
  for (let y = 0; y < t.years.length; y++) {
    peakGap = Math.max(peakGap, company.fundingGapUsd[y]);
    if (y <= ctx.targetYearIndex) fcfThrough += company.freeCashFlowUsd[y];
  }
  const itMw = lastMonth >= 0 ? pm.itPowerMwOnline[lastMonth] : 0;
  const econ = s.economics;
  const irr = econ ? irrFraction(pm.cashFlowUsd) : null;
  out[offset] = capexTotal;
  out[offset + 1] = capexThrough;
  out[offset + 2] = itMw;
  out[offset + 3] = Math.max(0, ctx.plannedItMwAtTarget - itMw);
  out[offset + 4] = lastMonth >= 0 ? pm.accelerators[lastMonth] : 0;
  out[offset + 5] = energy;
  out[offset + 6] = econ ? npvUsd(pm.cashFlowUsd, econ.discountRateFractionPerYear) : NaN;
  out[offset + 7] = irr ?? NaN;
  out[offset + 8] = peakGap;
  out[offset + 9] = fcfThrough;
  writePowerOutputs(power, t.years[ctx.targetYearIndex], out, offset + 10);
  // per site: delay of the phase with the earliest requested start (its first power), in months
  const first = new Map<number, { start: number; delay: number }>();
  for (const ps of st.build.phases) {
    const ph = s.phases[ps.phaseIndex];
    const f = first.get(ph.siteIndex);
    if (!f || ph.requestedStartIndex < f.start) first.set(ph.siteIndex, { start: ph.requestedStartIndex, delay: ps.delayMonths });
  }
  for (let si = 0; si < s.sites.length && offset + OUTPUT_COUNT + si < out.length; si++) out[offset + OUTPUT_COUNT + si] = first.get(si)?.delay ?? NaN;
  // IT MW online at the end of each year
  const at = offset + OUTPUT_COUNT + s.sites.length;
  if (at < out.length) {
    const eoy = endOfYear(t, pm.itPowerMwOnline);
    for (let y = 0; y < eoy.length && at + y < out.length; y++) out[at + y] = eoy[y];
  }
}

/**
 * The power outputs (from powerCostUsdTargetYear on) over the dispatched site-years, with summary.power's definitions:
 * cost per MWh and CFE score weighted by load; NaN when no site-year of the target year was dispatched (CO2 over the
 * horizon: when none was).
 */
function writePowerOutputs(power: readonly SiteYearPower[], targetYear: number, out: Float64Array, at: number): void {
  let load = 0, cost = 0, cfe = 0, location = 0, market = 0, water = 0, locationTotal = 0;
  for (const sy of power) {
    const m = sy.metrics;
    locationTotal += m.emissions.locationBasedTco2;
    if (sy.year !== targetYear) continue;
    load += m.energy.loadMwh;
    cost += m.cost.totalUsd;
    cfe += m.scores.cfeScoreFraction * m.energy.loadMwh;
    location += m.emissions.locationBasedTco2;
    market += m.emissions.marketBasedTco2;
    water += m.water.totalMegaliters;
  }
  const inTarget = load > 0;
  out[at] = inTarget ? cost : NaN;
  out[at + 1] = inTarget ? cost / load : NaN;
  out[at + 2] = inTarget ? cfe / load : NaN;
  out[at + 3] = inTarget ? location : NaN;
  out[at + 4] = inTarget ? market : NaN;
  out[at + 5] = power.length > 0 ? locationTotal : NaN;
  out[at + 6] = inTarget ? water : NaN;
}
