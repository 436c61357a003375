/** The key outputs a sweep row or a diff shows for one model run (analysts' first questions, one number each). */
import type { RunResult } from "../pipeline/run.ts";

export const KEY_OUTPUTS = [
  "capexUsdTotal",
  "refreshCapexUsdTotal",
  "itPowerMwAtPlanEnd",
  "acceleratorsAtPlanEnd",
  "facilityEnergyMwhAtPlanEnd",
  "npvUsd",
  "irrFraction",
  "peakFundingGapUsd",
  "locationBasedTco2Total",
] as const;
export type KeyOutput = (typeof KEY_OUTPUTS)[number];

/** Last year of the capital plan with money in it (the pledge's end year for the Meta scenario). */
function planEndYear(r: RunResult): string {
  const years = Object.entries(r.summary.capitalPlanUsdByYear).filter(([, v]) => v > 0).map(([y]) => y);
  return years.length > 0 ? years[years.length - 1] : r.summary.horizon.endMonth.slice(0, 4);
}

export function keyOutputs(r: RunResult): Record<KeyOutput, number | null> {
  const s = r.summary;
  const y = planEndYear(r);
  const co2Years = Object.values(s.power.locationBasedTco2ByYear);
  const co2 = co2Years.length > 0 ? co2Years.reduce((a, b) => a + b, 0) : null;
  return {
    capexUsdTotal: s.capexUsdTotal,
    refreshCapexUsdTotal: s.refreshCapexUsdTotal,
    itPowerMwAtPlanEnd: s.itPowerMwByYear[y] ?? null,
    acceleratorsAtPlanEnd: s.acceleratorsByYear[y] ?? null,
    facilityEnergyMwhAtPlanEnd: s.facilityEnergyMwhByYear[y] ?? null,
    npvUsd: s.npvUsd,
    irrFraction: s.irrFraction,
    peakFundingGapUsd: s.financing.company.allOperatingCashFlow?.peakFundingGapUsd ?? null,
    locationBasedTco2Total: co2,
  };
}
