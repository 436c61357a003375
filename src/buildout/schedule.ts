/**
 * Build schedule: place each phase on the monthly timeline, respecting construction lag, interconnection
 * dates, accelerator supply per year and the capital plan. Phases are placed in order of requested start
 * (ties: scenario order); earlier phases get capital and supply first. Every delay is reported with why.
 */
import type { ResolvedPhase, ResolvedScenario } from "../scenario/resolved.ts";
import {
  FACILITY_CLASSES,
  acceleratorCounts,
  escalationFactor,
  itCapexBaseUsd,
  phaseFacilityCapexUsdPerMw,
  phaseFacilityCapexUsdPerMwTotal,
  spreadOverConstruction,
} from "./costs.ts";
import { type OffPlanShare, isResidualYear, offPlanShares, statedUnmodelledUsdByYear, unmodelledUsdByYear } from "./capital-plan.ts";

export type DelayReason = "capital" | "interconnection" | "power" | "acceleratorSupply" | "horizon";

export interface PhaseSchedule {
  phaseIndex: number;
  /** -1 when the phase cannot start inside the horizon */
  startIndex: number;
  /** first month online; >= timeline.months when not online inside the horizon */
  onlineIndex: number;
  readyIndex: number;
  delayMonths: number;
  reasons: DelayReason[];
  /** accelerators bought at first fit-out by generation */
  counts: Map<string, number>;
  /** nominal facility capex by class, spread over construction */
  facilityCapexUsd: Record<(typeof FACILITY_CLASSES)[number], number>;
  itCapexUsd: number;
}

export interface BuildSchedule {
  phases: PhaseSchedule[];
  /** capital of the plan spent on first builds per timeline year (an SPV's spending after its close is not the plan's) */
  spentUsdByYearIndex: Float64Array;
  /** capex the plan pays for that no modelled campus explains, per timeline year (`program.unmodelledCapex`) */
  unmodelledUsdByYearIndex: Float64Array;
}

export function scheduleBuild(s: ResolvedScenario): BuildSchedule {
  const t = s.timeline;
  const nYears = t.years.length;
  // stated unmodelled capex comes first; the phases' spending is added as they are placed
  const spent = statedUnmodelledUsdByYear(s);
  const offPlan = offPlanShares(s);
  const supplyUsed: Record<string, Float64Array> = {};
  for (const gen of Object.keys(s.supplyUnitsByYearIndex)) supplyUsed[gen] = new Float64Array(nYears);
  const order = s.phases.map((_, i) => i).sort((a, b) => s.phases[a].requestedStartIndex - s.phases[b].requestedStartIndex || a - b);
  const out: PhaseSchedule[] = new Array(s.phases.length);
  for (const pi of order) {
    const ph = s.phases[pi];
    const counts = acceleratorCounts(s, ph.itPowerMw, ph.fleetMix);
    const itBaseUsd = itCapexBaseUsd(s, counts);
    let placed: PhaseSchedule | null = null;
    for (let start = ph.requestedStartIndex; start < t.months && placed === null; start++) {
      const ready = start + ph.constructionMonths;
      const powered = Math.max(ready, ph.interconnectionIndex) + ph.powerDelayMonths;
      const online = firstMonthWithSupply(s, powered, counts, supplyUsed);
      const spend = phaseSpendByYear(s, ph, start, online, itBaseUsd, offPlan[pi]);
      if (!fitsCapital(s, spent, spend)) continue;
      const reasons: DelayReason[] = [];
      if (start > ph.requestedStartIndex) reasons.push("capital");
      if (ph.interconnectionIndex > ready) reasons.push("interconnection");
      if (ph.powerDelayMonths > 0) reasons.push("power");
      if (online > powered) reasons.push("acceleratorSupply");
      if (online >= t.months) reasons.push("horizon");
      const facilityCapexUsd = { shellCore: 0, electricalMechanical: 0, siteLandOther: 0 };
      for (const cls of FACILITY_CLASSES) {
        facilityCapexUsd[cls] = spreadNominal(s, start, ph.constructionMonths, ph.itPowerMw * phaseFacilityCapexUsdPerMw(s, ph, cls));
      }
      placed = {
        phaseIndex: pi,
        startIndex: start,
        onlineIndex: online,
        readyIndex: ready,
        delayMonths: online - (ph.requestedStartIndex + ph.constructionMonths),
        reasons,
        counts,
        facilityCapexUsd,
        itCapexUsd: online < t.months ? itBaseUsd * escalationFactor(s, t.years[t.yearIndex[online]]) : 0,
      };
      for (let y = 0; y < nYears; y++) spent[y] += spend[y];
      if (online < t.months) {
        const yi = t.yearIndex[online];
        for (const [gen, n] of counts) if (supplyUsed[gen]) supplyUsed[gen][yi] += n;
      }
    }
    out[pi] = placed ?? {
      phaseIndex: pi,
      startIndex: -1,
      onlineIndex: t.months,
      readyIndex: t.months,
      delayMonths: t.months - (ph.requestedStartIndex + ph.constructionMonths),
      reasons: ["capital"],
      counts,
      facilityCapexUsd: { shellCore: 0, electricalMechanical: 0, siteLandOther: 0 },
      itCapexUsd: 0,
    };
  }
  const stated = statedUnmodelledUsdByYear(s);
  for (let y = 0; y < nYears; y++) spent[y] -= stated[y];
  return { phases: out, spentUsdByYearIndex: spent, unmodelledUsdByYearIndex: unmodelledUsdByYear(s, spent) };
}

function firstMonthWithSupply(
  s: ResolvedScenario,
  online: number,
  counts: Map<string, number>,
  used: Record<string, Float64Array>,
): number {
  const t = s.timeline;
  let m = online;
  while (m < t.months) {
    const yi = t.yearIndex[m];
    let ok = true;
    for (const [gen, n] of counts) {
      const cap = s.supplyUnitsByYearIndex[gen];
      if (cap && used[gen][yi] + n > cap[yi] * (1 + 1e-12)) ok = false;
    }
    if (ok) return m;
    m = nextJanuary(s, m);
  }
  return m;
}

function nextJanuary(s: ResolvedScenario, m: number): number {
  const t = s.timeline;
  let k = m + 1;
  while (k < t.months && t.yearIndex[k] === t.yearIndex[m]) k++;
  return k;
}

/**
 * The plan's share of a phase's spend per timeline year, nominal USD: facility spend evenly over the construction
 * months plus IT at fit-out, less what an SPV pays from its close on (off the sponsor's books).
 */
function phaseSpendByYear(s: ResolvedScenario, ph: ResolvedPhase, start: number, online: number, itBaseUsd: number, off: OffPlanShare | null): Float64Array {
  const t = s.timeline;
  const spend = new Float64Array(t.years.length);
  spreadOverConstruction(s, start, ph.constructionMonths, ph.itPowerMw * phaseFacilityCapexUsdPerMwTotal(s, ph), (m, usd) => {
    spend[t.yearIndex[m]] += off && m >= off.fromIndex ? usd * (1 - off.facilityFraction) : usd;
  });
  if (online < t.months && !(off?.it && online >= off.fromIndex)) spend[t.yearIndex[online]] += itBaseUsd * escalationFactor(s, t.years[t.yearIndex[online]]);
  return spend;
}

function spreadNominal(s: ResolvedScenario, start: number, months: number, baseUsd: number): number {
  let total = 0;
  spreadOverConstruction(s, start, months, baseUsd, (_, usd) => {
    total += usd;
  });
  return total;
}

function fitsCapital(s: ResolvedScenario, spent: Float64Array, spend: Float64Array): boolean {
  const slack = (available: number): number => available * 1e-12 + 1e-3;
  if (!s.unspentCapitalCarriesOver) {
    for (let y = 0; y < spent.length; y++) {
      if (spend[y] > 0 && spent[y] + spend[y] > s.capitalPlanUsdByYearIndex[y] + slack(s.capitalPlanUsdByYearIndex[y])) return false;
    }
    return true;
  }
  // With carry-over, cumulative spending must stay within cumulative capital in every year from the first spend on;
  // a residual year (program.unmodelledCapex) spends what is left of it, so nothing carries out of it.
  let cumAvailable = 0;
  let cumSpent = 0;
  let spending = false;
  for (let y = 0; y < spent.length; y++) {
    cumAvailable += s.capitalPlanUsdByYearIndex[y];
    cumSpent += spent[y] + spend[y];
    if (spend[y] > 0) spending = true;
    if (spending && cumSpent > cumAvailable + slack(cumAvailable)) return false;
    if (isResidualYear(s, y)) cumSpent = Math.max(cumSpent, cumAvailable);
  }
  return true;
}
