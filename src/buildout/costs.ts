/** Money helpers shared by the build and finance stages. */
import { FACILITY_CLASSES, type FacilityClass, type ResolvedPhase, type ResolvedScenario } from "../scenario/resolved.ts";

export { FACILITY_CLASSES, type FacilityClass };


/** Nominal price factor for a calendar year relative to the currency base year. */
export function escalationFactor(s: ResolvedScenario, year: number): number {
  // (1 + 0) ** k is 1 exactly: skip the power in the common no-escalation case (called per month in the hot loops)
  return s.escalationFractionPerYear === 0 ? 1 : (1 + s.escalationFractionPerYear) ** (year - s.currencyBaseYear);
}

/** The hard construction cost of a facility class per MW of IT (Cushman & Wakefield's basis: no land, no soft costs). */
export function facilityHardCostUsdPerMw(s: ResolvedScenario, cls: FacilityClass): number {
  const c = s.capexPerMw;
  if (cls === "shellCore") return c.shellCoreUsdPerMw;
  if (cls === "electricalMechanical") return c.electricalMechanicalUsdPerMw;
  return c.siteLandOtherUsdPerMw;
}

/** A facility class's development cost per MW of IT, by category: hard cost, soft costs on it, and land. */
export function facilityCostCategoriesUsdPerMw(s: ResolvedScenario, cls: FacilityClass): { hardUsdPerMw: number; softUsdPerMw: number; landUsdPerMw: number } {
  const hardUsdPerMw = facilityHardCostUsdPerMw(s, cls);
  return { hardUsdPerMw, softUsdPerMw: hardUsdPerMw * s.capexPerMw.softCostFractionOfHardCost, landUsdPerMw: cls === "siteLandOther" ? s.capexPerMw.landUsdPerMw : 0 };
}

/** What a facility class costs per MW of IT as capitalized: hard cost x (1 + soft costs), plus land in site/land/other. */
export function facilityCapexUsdPerMw(s: ResolvedScenario, cls: FacilityClass): number {
  const c = facilityCostCategoriesUsdPerMw(s, cls);
  return c.hardUsdPerMw + c.softUsdPerMw + c.landUsdPerMw;
}

export function facilityCapexUsdPerMwTotal(s: ResolvedScenario): number {
  let usd = 0;
  for (const cls of FACILITY_CLASSES) usd += facilityCapexUsdPerMw(s, cls);
  return usd;
}

/** What a phase's owner pays for a facility class per MW of IT: the class's cost, or 0 when a lessor owns the facility. */
export function phaseFacilityCapexUsdPerMw(s: ResolvedScenario, ph: ResolvedPhase, cls: FacilityClass): number {
  return ph.leased ? 0 : facilityCapexUsdPerMw(s, cls);
}

/** What a phase's owner pays for its facility per MW of IT, all classes (0 for a leased facility). */
export function phaseFacilityCapexUsdPerMwTotal(s: ResolvedScenario, ph: ResolvedPhase): number {
  return ph.leased ? 0 : facilityCapexUsdPerMwTotal(s);
}

/** Accelerators of each generation that fill `itPowerMw` in the given shares. */
export function acceleratorCounts(s: ResolvedScenario, itPowerMw: number, mix: ResolvedPhase["fleetMix"]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { generation, fraction } of mix) {
    out.set(generation, (itPowerMw * 1e6 * fraction) / s.accelerators[generation].allInWPerAccelerator);
  }
  return out;
}

/** IT capex (accelerator systems plus network/storage share) in base-year USD. */
export function itCapexBaseUsd(s: ResolvedScenario, counts: Map<string, number>): number {
  let usd = 0;
  for (const [gen, n] of counts) usd += n * s.accelerators[gen].unitPriceUsd;
  return usd * (1 + s.capexPerMw.itNonAcceleratorFraction);
}

/** First-build capex of a phase in base-year USD (facility, unless leased, plus first IT fleet). */
export function phaseInitialCapexBaseUsd(s: ResolvedScenario, ph: ResolvedPhase): number {
  return ph.itPowerMw * phaseFacilityCapexUsdPerMwTotal(s, ph) + itCapexBaseUsd(s, acceleratorCounts(s, ph.itPowerMw, ph.fleetMix));
}

/**
 * Facility spend spread evenly over the construction months from `start` (inside the horizon), each month's share
 * escalated to its year: `visit(month, usd)` for every month. The one spread the schedule, the capital check
 * and the capex stage share.
 */
export function spreadOverConstruction(s: ResolvedScenario, start: number, constructionMonths: number, baseUsd: number, visit: (month: number, usd: number) => void): void {
  const t = s.timeline;
  const perMonthBaseUsd = baseUsd / constructionMonths;
  for (let m = start; m < start + constructionMonths && m < t.months; m++) visit(m, perMonthBaseUsd * escalationFactor(s, t.years[t.yearIndex[m]]));
}
