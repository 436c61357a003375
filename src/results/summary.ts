/** The JSON summary: the stable contract documented in README.md. */
import type { Diagnostic } from "../core/diagnostics.ts";
import { ASSET_CLASSES, type AssetClass } from "../buildout/capex.ts";
import { irrFraction, npvUsd } from "../finance/returns.ts";
import type { ModelState } from "../buildout/model.ts";
import { byYearRecord, endOfYear, max, sumByYear, total } from "../core/series.ts";
import type { ProgramMonthly } from "../buildout/program.ts";
import { companyYearly } from "../finance/company.ts";


export interface Summary {
  scenarioName: string;
  currencyBaseYear: number;
  horizon: { startMonth: string; endMonth: string };
  capexUsdTotal: number;
  /** the campuses' classes, and `unmodelled`: capex the capital plan pays for that no modelled campus explains */
  capexUsdByCategory: Record<AssetClass | "unmodelled", number>;
  capexUsdByYear: Record<string, number>;
  /** program.unmodelledCapex: what the category stands for (null: none) and its capex by year (in capexUsdByYear) */
  unmodelledCapex: { description: string; usdByYear: Record<string, number> } | null;
  /** IT capex of end-of-life refreshes, included in the capex above; the rest is first builds */
  refreshCapexUsdTotal: number;
  refreshCapexUsdByYear: Record<string, number>;
  capitalPlanUsdByYear: Record<string, number>;
  /** whose revenue and cash flow fund the program (the reference company when the scenario states none) */
  company: { name: string; fromReferenceData: boolean };
  itPowerMwByYear: Record<string, number>;
  facilityPowerMwByYear: Record<string, number>;
  acceleratorsByYear: Record<string, number>;
  acceleratorsByGenerationByYear: Record<string, Record<string, number>>;
  acceleratorsPerGwIt: number | null;
  denseBf16FlopPerSByYear: Record<string, number>;
  facilityEnergyMwhByYear: Record<string, number>;
  itEnergyMwhByYear: Record<string, number>;
  depreciationUsdByYear: Record<string, number>;
  opexUsdByYear: Record<string, number>;
  programCashFlowUsdByYear: Record<string, number>;
  companyFreeCashFlowUsdByYear: Record<string, number>;
  fundingGapUsdByYear: Record<string, number>;
  npvUsd: number | null;
  irrFraction: number | null;
  jobs: { constructionPeak: number; constructionJobYears: number; permanent: number; indirect: number };
  waterMegalitersByYear: Record<string, number>;
  /**
   * Each site's facility energy in a year as a share of annual load: of its grid region (interconnection or market)
   * and of the utility or sub-region that serves it (null when the scenario names none)
   */
  gridLoadShareBySite: Record<string, GridLoadShare>;
  delays: { phase: string; delayMonths: number; reasons: string[] }[];
  diagnostics: Diagnostic[];
}

export interface GridLoadShare {
  gridRegion: string;
  gridServingUtility: string | null;
  regionLoadShareFractionByYear: Record<string, number>;
  servingUtilityLoadShareFractionByYear: Record<string, number> | null;
}

/** Facility energy by year over the region's and the serving utility's annual load, per site. */
export function gridLoadShares(st: ModelState): Record<string, GridLoadShare> {
  const s = st.scenario;
  const t = s.timeline;
  return Object.fromEntries(
    s.sites.map((site, si) => {
      const energy = sumByYear(t, st.energy[si].facilityEnergyMwh);
      const u = site.gridServingUtility;
      const share: GridLoadShare = {
        gridRegion: site.gridRegion,
        gridServingUtility: u?.name ?? null,
        regionLoadShareFractionByYear: byYearRecord(t, energy.map((e) => e / site.gridRegionAnnualLoadMwh)),
        servingUtilityLoadShareFractionByYear: u ? byYearRecord(t, energy.map((e) => e / u.annualLoadMwh)) : null,
      };
      return [site.name, share];
    }),
  );
}

export function buildSummary(st: ModelState, pm: ProgramMonthly, diagnostics: Diagnostic[]): Summary {
  const s = st.scenario;
  const t = s.timeline;
  const yr = (monthly: ArrayLike<number>): Record<string, number> => byYearRecord(t, sumByYear(t, monthly));
  const eoy = (monthly: ArrayLike<number>): Record<string, number> => byYearRecord(t, endOfYear(t, monthly));
  const capexUsdByCategory = {} as Record<AssetClass | "unmodelled", number>;
  for (const c of ASSET_CLASSES) capexUsdByCategory[c] = total(pm.capexUsdByClass[c]);
  capexUsdByCategory.unmodelled = total(pm.unmodelledCapexUsd);
  const byGen: Record<string, Record<string, number>> = {};
  for (const [gen, arr] of Object.entries(st.capacity.acceleratorsByGeneration).sort(([a], [b]) => a.localeCompare(b))) byGen[gen] = eoy(arr);
  const company = companyYearly(st, pm);
  const last = t.months - 1;
  const econ = s.economics;
  return {
    scenarioName: s.name,
    currencyBaseYear: s.currencyBaseYear,
    horizon: { startMonth: t.monthLabels[0], endMonth: t.monthLabels[last] },
    capexUsdTotal: total(pm.capexUsd),
    capexUsdByCategory,
    capexUsdByYear: yr(pm.capexUsd),
    unmodelledCapex: s.unmodelledCapex ? { description: s.unmodelledCapex.description, usdByYear: yr(pm.unmodelledCapexUsd) } : null,
    refreshCapexUsdTotal: total(pm.itRefreshCapexUsd),
    refreshCapexUsdByYear: yr(pm.itRefreshCapexUsd),
    capitalPlanUsdByYear: byYearRecord(t, s.capitalPlanUsdByYearIndex),
    company: { name: s.company.name, fromReferenceData: s.company.fromReferenceData },
    itPowerMwByYear: eoy(pm.itPowerMwOnline),
    facilityPowerMwByYear: eoy(pm.facilityPowerMwOnline),
    acceleratorsByYear: eoy(pm.accelerators),
    acceleratorsByGenerationByYear: byGen,
    acceleratorsPerGwIt: pm.acceleratorItPowerMw[last] > 0 ? (pm.accelerators[last] / pm.acceleratorItPowerMw[last]) * 1000 : null,
    denseBf16FlopPerSByYear: eoy(pm.denseBf16FlopPerS),
    facilityEnergyMwhByYear: yr(pm.facilityEnergyMwh),
    itEnergyMwhByYear: yr(pm.itEnergyMwh),
    depreciationUsdByYear: yr(pm.depreciationUsd),
    opexUsdByYear: yr(pm.opexUsd),
    programCashFlowUsdByYear: yr(pm.cashFlowUsd),
    companyFreeCashFlowUsdByYear: byYearRecord(t, company.freeCashFlowUsd),
    fundingGapUsdByYear: byYearRecord(t, company.fundingGapUsd),
    npvUsd: econ ? npvUsd(pm.cashFlowUsd, econ.discountRateFractionPerYear) : null,
    irrFraction: econ ? irrFraction(pm.cashFlowUsd) : null,
    jobs: {
      constructionPeak: max(pm.constructionJobs),
      constructionJobYears: total(pm.constructionJobs) / 12,
      permanent: max(pm.permanentJobs),
      indirect: max(pm.indirectJobs),
    },
    waterMegalitersByYear: byYearRecord(t, sumByYear(t, pm.waterLiters).map((l) => l / 1e6)),
    gridLoadShareBySite: gridLoadShares(st),
    delays: st.build.phases
      .filter((p) => p.delayMonths > 0 || p.reasons.length > 0)
      .map((p) => ({ phase: s.phases[p.phaseIndex].label, delayMonths: p.delayMonths, reasons: [...p.reasons] })),
    diagnostics,
  };
}
