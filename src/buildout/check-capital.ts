/** Can the capital plan pay for the phases at all? (Timing shortfalls become delays in the build stage.) */
import { phaseFacilityCapexUsdPerMwTotal, phaseInitialCapexBaseUsd } from "./costs.ts";
import { offPlanShares } from "./capital-plan.ts";
import { type Diagnostic, error } from "../core/diagnostics.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";

export function checkCapitalPlan(s: ResolvedScenario): Diagnostic[] {
  // what an SPV pays is not the plan's (counted as if it paid the covered classes in full: a lower bound)
  const offPlan = offPlanShares(s);
  let neededUsd = 0;
  s.phases.forEach((ph, pi) => {
    const off = offPlan[pi];
    const facilityUsd = ph.itPowerMw * phaseFacilityCapexUsdPerMwTotal(s, ph);
    neededUsd += phaseInitialCapexBaseUsd(s, ph) - (off ? facilityUsd * off.facilityFraction + (off.it ? phaseInitialCapexBaseUsd(s, ph) - facilityUsd : 0) : 0);
  });
  let planUsd = 0;
  for (const usd of s.capitalPlanUsdByYearIndex) planUsd += usd;
  // stated capex outside the modelled campuses comes first (program.unmodelledCapex.usdByYear)
  for (const usd of s.unmodelledCapex?.usdByYearIndex ?? []) planUsd -= usd;
  if (neededUsd > planUsd * (1 + 1e-9)) {
    const b = (usd: number): string => `$${(usd / 1e9).toFixed(1)}B`;
    return [
      error(
        "program.capitalPlanUsdByYear",
        `capital plan totals ${b(planUsd)} but the phases need ${b(neededUsd)} (facilities plus first accelerator fleet, base-year USD; the plan net of stated unmodelled capex); raise the plan or remove ${b(neededUsd - planUsd)} of phases`,
      ),
    ];
  }
  return [];
}
