/**
 * The inputs a run actually used, after the schema's and data/'s defaults (issue 15 item 18): what an analyst
 * needs to reproduce or audit a result without reading the resolver. Plain JSON (months as YYYY-MM, lives in
 * years); accelerators are those the phases or the refreshes of this run use.
 */
import type { ModelState } from "../buildout/model.ts";
import { monthFromNumber } from "../core/months.ts";

export interface EffectiveInputs {
  program: { name: string; currencyBaseYear: number; horizonStartMonth: string; horizonEndMonth: string; capitalPlanUsdByYear: Record<string, number>; unspentCapitalCarriesOver: boolean; escalationFractionPerYear: number };
  sites: { name: string; state: string; gridRegion: string; gridRegionCo2KgPerMwh: number; hourlyPower: boolean }[];
  phases: { label: string; itPowerMw: number; pue: number; constructionStartMonth: string; constructionMonths: number; interconnectionMonth: string | null; fleetMix: Record<string, number> }[];
  accelerators: Record<string, { name: string; allInWPerAccelerator: number; denseBf16FlopPerS: number; unitPriceUsd: number; firstYearAvailable: number }>;
  facility: { utilizationFraction: number; wueLPerKwh: number };
  assetLives: { serverLifeYears: number; facilityLifeYears: number; electricalMechanicalLifeYears: number; refreshAtEndOfLife: boolean; refreshGeneration: string | null };
  capexPerMw: ModelState["scenario"]["capexPerMw"];
  opex: ModelState["scenario"]["opex"];
  jobs: ModelState["scenario"]["jobs"];
  embodiedCarbon: ModelState["scenario"]["embodiedCarbon"];
  company: { name: string; operatingCashFlowMarginFraction: number; fromReferenceData: boolean };
  economics: ModelState["scenario"]["economics"];
}

export function effectiveInputs(st: ModelState): EffectiveInputs {
  const s = st.scenario;
  const t = s.timeline;
  const month = (i: number): string | null => (i >= 0 && i < t.months ? t.monthLabels[i] : null);
  const used = new Set<string>([...s.phases.flatMap((p) => p.fleetMix.map((f) => f.generation)), ...st.fleet.map((v) => v.generation)]);
  const capitalPlanUsdByYear: Record<string, number> = {};
  t.years.forEach((y, i) => {
    if (s.capitalPlanUsdByYearIndex[i] > 0) capitalPlanUsdByYear[String(y)] = s.capitalPlanUsdByYearIndex[i];
  });
  return {
    program: { name: s.name, currencyBaseYear: s.currencyBaseYear, horizonStartMonth: t.monthLabels[0], horizonEndMonth: t.monthLabels[t.months - 1], capitalPlanUsdByYear, unspentCapitalCarriesOver: s.unspentCapitalCarriesOver, escalationFractionPerYear: s.escalationFractionPerYear },
    sites: s.sites.map((x) => ({ name: x.name, state: x.state, gridRegion: x.gridRegion, gridRegionCo2KgPerMwh: x.gridRegionCo2KgPerMwh, hourlyPower: x.power !== undefined })),
    phases: s.phases.map((p) => ({
      label: p.label,
      itPowerMw: p.itPowerMw,
      pue: p.pue,
      constructionStartMonth: monthFromNumber(t.startMonthNumber + p.requestedStartIndex),
      constructionMonths: p.constructionMonths,
      interconnectionMonth: month(p.interconnectionIndex),
      fleetMix: Object.fromEntries(p.fleetMix.map((f) => [f.generation, f.fraction])),
    })),
    accelerators: Object.fromEntries(
      [...used].sort().map((g) => {
        const a = s.accelerators[g];
        return [g, { name: a.name, allInWPerAccelerator: a.allInWPerAccelerator, denseBf16FlopPerS: a.denseBf16FlopPerS, unitPriceUsd: a.unitPriceUsd, firstYearAvailable: a.firstYearAvailable }];
      }),
    ),
    facility: { utilizationFraction: s.utilizationFraction, wueLPerKwh: s.wueLPerKwh },
    assetLives: { serverLifeYears: s.serverLifeMonths / 12, facilityLifeYears: s.facilityLifeMonths / 12, electricalMechanicalLifeYears: s.electricalMechanicalLifeMonths / 12, refreshAtEndOfLife: s.refreshAtEndOfLife, refreshGeneration: s.refreshGeneration },
    capexPerMw: s.capexPerMw,
    opex: s.opex,
    jobs: s.jobs,
    embodiedCarbon: s.embodiedCarbon,
    company: { name: s.company.name, operatingCashFlowMarginFraction: s.company.operatingCashFlowMarginFraction, fromReferenceData: s.company.fromReferenceData },
    economics: s.economics,
  };
}
