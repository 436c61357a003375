/** Can the capital plan pay for the phases at all? (Timing shortfalls become delays in the build stage.) */
import { phaseInitialCapexBaseUsd } from "./costs.ts";
import { type Diagnostic, error } from "../core/diagnostics.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";

export function checkCapitalPlan(s: ResolvedScenario): Diagnostic[] {
  let neededUsd = 0;
  for (const ph of s.phases) neededUsd += phaseInitialCapexBaseUsd(s, ph);
  let planUsd = 0;
  for (const usd of s.capitalPlanUsdByYearIndex) planUsd += usd;
  if (neededUsd > planUsd * (1 + 1e-9)) {
    const b = (usd: number): string => `$${(usd / 1e9).toFixed(1)}B`;
    return [
      error(
        "program.capitalPlanUsdByYear",
        `capital plan totals ${b(planUsd)} but the phases need ${b(neededUsd)} (facilities plus first accelerator fleet, base-year USD); raise the plan or remove ${b(neededUsd - planUsd)} of phases`,
      ),
    ];
  }
  return [];
}
