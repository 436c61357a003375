/**
 * Revenue required to justify the spending, two ways, both with their inputs:
 * (a) Sequoia's top-down "$600B question": GPU data-centre revenue run-rate × TCO multiplier (GPUs are about half of
 *     the cost of ownership) × margin multiplier (a 50 % gross margin for the GPU's end user). Applied to the public
 *     run-rates in data/financing.json and, per year, to the program's own IT capex (its "GPU spend").
 * (b) Bottom-up from the scenario: capital annualized at a WACC over each asset's life (capital recovery factor),
 *     plus energy and other opex, divided by (1 − target margin).
 */
import type { ModelState } from "../../buildout/model.ts";
import type { ProgramMonthly } from "../../buildout/program.ts";
import { sumByYear } from "../../core/series.ts";
import { capitalRecoveryFactor } from "../structures/debt.ts";
import type { ResolvedFinancing } from "../../scenario/resolved-financing.ts";

export interface SequoiaCaseResult {
  id: string;
  label: string;
  asOf: string;
  nvidiaDataCenterRunRateUsd: number;
  totalCostOfOwnershipUsd: number;
  requiredRevenueUsd: number;
  publishedRequiredRevenueUsd: number | null;
}

export interface RevenueRequiredYearly {
  itCapexUsd: Float64Array;
  sequoiaTotalCostUsd: Float64Array;
  sequoiaRequiredRevenueUsd: Float64Array;
  annualizedCapitalUsd: Float64Array;
  energyCostUsd: Float64Array;
  otherOpexUsd: Float64Array;
  totalCostUsd: Float64Array;
  bottomUpRequiredRevenueUsd: Float64Array;
  programRevenueUsd: Float64Array;
  /** program revenue / bottom-up required revenue; NaN when nothing is required */
  revenueCoverageFraction: Float64Array;
}

export function sequoiaRequiredRevenueUsd(runRateUsd: number, f: Pick<ResolvedFinancing, "sequoiaTcoMultiplier" | "sequoiaMarginMultiplier">): number {
  return runRateUsd * f.sequoiaTcoMultiplier * f.sequoiaMarginMultiplier;
}

export function sequoiaCases(f: ResolvedFinancing): SequoiaCaseResult[] {
  return f.sequoiaCases.map((c) => ({
    id: c.id,
    label: c.label,
    asOf: c.asOf,
    nvidiaDataCenterRunRateUsd: c.nvidiaDataCenterRunRateUsd,
    totalCostOfOwnershipUsd: c.nvidiaDataCenterRunRateUsd * f.sequoiaTcoMultiplier,
    requiredRevenueUsd: sequoiaRequiredRevenueUsd(c.nvidiaDataCenterRunRateUsd, f),
    publishedRequiredRevenueUsd: c.publishedRequiredRevenueUsd,
  }));
}

/** Capital charge per month: each asset's cost × CRF(wacc, life) / 12 for the months it is in service. */
export function annualizedCapitalMonthlyUsd(st: ModelState, waccFractionPerYear: number): Float64Array {
  const n = st.scenario.timeline.months;
  const out = new Float64Array(n);
  for (const a of st.capex.assets) {
    const perMonth = (a.costUsd * capitalRecoveryFactor(waccFractionPerYear, a.lifeMonths / 12)) / 12;
    const end = Math.min(n, a.inServiceIndex + a.lifeMonths);
    for (let m = Math.max(0, a.inServiceIndex); m < end; m++) out[m] += perMonth;
  }
  return out;
}

export function revenueRequiredYearly(st: ModelState, pm: ProgramMonthly): RevenueRequiredYearly {
  const t = st.scenario.timeline;
  const f = st.scenario.financing;
  const yr = (a: Float64Array): Float64Array => sumByYear(t, a);
  const itCapexUsd = yr(pm.capexUsdByClass.it);
  const sequoiaTotalCostUsd = itCapexUsd.map((c) => c * f.sequoiaTcoMultiplier);
  const sequoiaRequired = itCapexUsd.map((c) => sequoiaRequiredRevenueUsd(c, f));
  const annualizedCapitalUsd = yr(annualizedCapitalMonthlyUsd(st, f.waccFractionPerYear));
  const energyCostUsd = yr(pm.energyCostUsd);
  const maintenanceUsd = yr(pm.maintenanceCostUsd);
  const leaseUsd = yr(pm.facilityLeaseCostUsd);
  const otherOpexUsd = yr(pm.staffCostUsd).map((v, i) => v + maintenanceUsd[i] + leaseUsd[i]);
  const totalCostUsd = annualizedCapitalUsd.map((c, i) => c + energyCostUsd[i] + otherOpexUsd[i]);
  const bottomUp = totalCostUsd.map((c) => c / (1 - f.targetMarginFraction));
  const programRevenueUsd = yr(pm.revenueUsd);
  return {
    itCapexUsd,
    sequoiaTotalCostUsd,
    sequoiaRequiredRevenueUsd: sequoiaRequired,
    annualizedCapitalUsd,
    energyCostUsd,
    otherOpexUsd,
    totalCostUsd,
    bottomUpRequiredRevenueUsd: bottomUp,
    programRevenueUsd,
    revenueCoverageFraction: programRevenueUsd.map((r, i) => (bottomUp[i] > 0 ? r / bottomUp[i] : Number.NaN)),
  };
}
