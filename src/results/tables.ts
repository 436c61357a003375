/** Result tables (one CSV each with --out): phases, yearly, sites by year, accelerators by year, monthly by site, vintages. */
import { monthFromNumber } from "../core/months.ts";
import type { Cell, Table } from "../core/table.ts";
import { ASSET_CLASSES } from "../buildout/capex.ts";
import type { ModelState } from "../buildout/model.ts";
import { endOfYear, maxByYear, sumByYear } from "../core/series.ts";
import type { ProgramMonthly } from "../buildout/program.ts";
import { companyYearly } from "../finance/company.ts";

export type { Cell, Table };

const monthLabel = (st: ModelState, i: number): string | null => (i >= 0 && i < st.scenario.timeline.months ? st.scenario.timeline.monthLabels[i] : null);

export function phasesTable(st: ModelState): Table {
  const s = st.scenario;
  const columns = ["site", "phase", "itPowerMw", "pue", "requestedStartMonth", "startMonth", "readyMonth", "onlineMonth", "delayMonths", "delayReasons", "facilityCapexUsd", "firstFleetItCapexUsd", "firstFleetAccelerators"];
  const rows = st.build.phases.map((p): Cell[] => {
    const ph = s.phases[p.phaseIndex];
    const fac = p.facilityCapexUsd.shellCore + p.facilityCapexUsd.electricalMechanical + p.facilityCapexUsd.siteLandOther;
    let count = 0;
    for (const n of p.counts.values()) count += n;
    return [ph.siteName, ph.name, ph.itPowerMw, ph.pue, monthLabel(st, ph.requestedStartIndex), monthLabel(st, p.startIndex), monthLabel(st, p.readyIndex), monthLabel(st, p.onlineIndex), p.delayMonths, p.reasons.join(" "), fac, p.itCapexUsd, count];
  });
  return { columns, rows };
}

export function yearlyTable(st: ModelState, pm: ProgramMonthly): Table {
  const t = st.scenario.timeline;
  const company = companyYearly(st, pm);
  const cols: [string, Float64Array][] = [
    ["capitalPlanUsd", st.scenario.capitalPlanUsdByYearIndex],
    ["capexUsd", sumByYear(t, pm.capexUsd)],
    ...ASSET_CLASSES.map((c): [string, Float64Array] => [`capex_${c}Usd`, sumByYear(t, pm.capexUsdByClass[c])]),
    ["capex_unmodelledUsd", sumByYear(t, pm.unmodelledCapexUsd)],
    ["capex_itRefreshUsd", sumByYear(t, pm.itRefreshCapexUsd)],
    ["itPowerMwUnderConstruction", endOfYear(t, pm.itPowerMwUnderConstruction)],
    ["itPowerMwOnline", endOfYear(t, pm.itPowerMwOnline)],
    ["facilityPowerMwOnline", endOfYear(t, pm.facilityPowerMwOnline)],
    ["accelerators", endOfYear(t, pm.accelerators)],
    ["denseBf16FlopPerS", endOfYear(t, pm.denseBf16FlopPerS)],
    ["itEnergyMwh", sumByYear(t, pm.itEnergyMwh)],
    ["facilityEnergyMwh", sumByYear(t, pm.facilityEnergyMwh)],
    ...ASSET_CLASSES.map((c): [string, Float64Array] => [`depreciation_${c}Usd`, sumByYear(t, pm.depreciationUsdByClass[c])]),
    ["depreciationUsd", sumByYear(t, pm.depreciationUsd)],
    ["energyCostUsd", sumByYear(t, pm.energyCostUsd)],
    ["staffCostUsd", sumByYear(t, pm.staffCostUsd)],
    ["maintenanceCostUsd", sumByYear(t, pm.maintenanceCostUsd)],
    ["facilityLeaseCostUsd", sumByYear(t, pm.facilityLeaseCostUsd)],
    ["programRevenueUsd", sumByYear(t, pm.revenueUsd)],
    ["programCashFlowUsd", sumByYear(t, pm.cashFlowUsd)],
    ["companyRevenueUsd", company.revenueUsd],
    ["companyOperatingCashFlowUsd", company.operatingCashFlowUsd],
    ["companyFreeCashFlowUsd", company.freeCashFlowUsd],
    ["fundingGapUsd", company.fundingGapUsd],
    ["constructionJobsPeak", maxByYear(t, pm.constructionJobs)],
    ["permanentJobs", endOfYear(t, pm.permanentJobs)],
    ["waterMegaliters", sumByYear(t, pm.waterLiters).map((l) => l / 1e6)],
  ];
  return {
    columns: ["year", ...cols.map(([c]) => c)],
    rows: t.years.map((y, i) => [y, ...cols.map(([, a]) => a[i])]),
  };
}

export function sitesYearlyTable(st: ModelState): Table {
  const s = st.scenario;
  const t = s.timeline;
  const columns = ["year", "site", "state", "gridRegion", "gridServingUtility", "itPowerMwOnline", "facilityPowerMwOnline", "accelerators", "facilityEnergyMwh", "gridRegionLoadShareFraction", "servingUtilityLoadShareFraction", "capexUsd", "constructionJobsPeak", "permanentJobs", "waterMegaliters"];
  const rows: Cell[][] = [];
  s.sites.forEach((site, si) => {
    const c = st.capacity.sites[si];
    const capexMonthly = new Float64Array(t.months);
    for (const cls of ASSET_CLASSES) for (let m = 0; m < t.months; m++) capexMonthly[m] += st.capex.sites[si][cls][m];
    const mw = endOfYear(t, c.itPowerMwOnline);
    const fmw = endOfYear(t, c.facilityPowerMwOnline);
    const acc = endOfYear(t, c.accelerators);
    const energy = sumByYear(t, st.energy[si].facilityEnergyMwh);
    const capex = sumByYear(t, capexMonthly);
    const cj = maxByYear(t, st.impacts[si].constructionJobs);
    const pj = endOfYear(t, st.impacts[si].permanentJobs);
    const water = sumByYear(t, st.impacts[si].waterLiters);
    const utility = site.gridServingUtility;
    t.years.forEach((y, i) => {
      const utilityShare = utility ? energy[i] / utility.annualLoadMwh : null;
      rows.push([y, site.name, site.state, site.gridRegion, utility?.name ?? null, mw[i], fmw[i], acc[i], energy[i], energy[i] / site.gridRegionAnnualLoadMwh, utilityShare, capex[i], cj[i], pj[i], water[i] / 1e6]);
    });
  });
  return { columns, rows };
}

export function acceleratorsYearlyTable(st: ModelState): Table {
  const t = st.scenario.timeline;
  const rows: Cell[][] = [];
  for (const gen of Object.keys(st.capacity.acceleratorsByGeneration).sort()) {
    const installed = endOfYear(t, st.capacity.acceleratorsByGeneration[gen]);
    const spec = st.scenario.accelerators[gen];
    t.years.forEach((y, i) => {
      rows.push([y, gen, installed[i], installed[i] * spec.denseBf16FlopPerS, (installed[i] * spec.allInWPerAccelerator) / 1e6]);
    });
  }
  return { columns: ["year", "generation", "acceleratorsInstalled", "denseBf16FlopPerS", "acceleratorItPowerMw"], rows };
}

export function monthlySitesTable(st: ModelState): Table {
  const s = st.scenario;
  const t = s.timeline;
  const rows: Cell[][] = [];
  s.sites.forEach((site, si) => {
    const c = st.capacity.sites[si];
    const o = st.opex[si];
    for (let m = 0; m < t.months; m++) {
      let capex = 0;
      let dep = 0;
      for (const cls of ASSET_CLASSES) {
        capex += st.capex.sites[si][cls][m];
        dep += st.depreciation[si][cls][m];
      }
      rows.push([t.monthLabels[m], site.name, c.itPowerMwUnderConstruction[m], c.itPowerMwOnline[m], c.facilityPowerMwOnline[m], c.accelerators[m], c.denseBf16FlopPerS[m], st.energy[si].facilityEnergyMwh[m], capex, dep, o.energyCostUsd[m] + o.staffCostUsd[m] + o.maintenanceCostUsd[m] + o.facilityLeaseCostUsd[m]]);
    }
  });
  return {
    columns: ["month", "site", "itPowerMwUnderConstruction", "itPowerMwOnline", "facilityPowerMwOnline", "accelerators", "denseBf16FlopPerS", "facilityEnergyMwh", "capexUsd", "depreciationUsd", "opexUsd"],
    rows,
  };
}

export function vintagesTable(st: ModelState): Table {
  const s = st.scenario;
  const rows = st.fleet.map((v): Cell[] => [s.phases[v.phaseIndex].label, v.generation, v.count, monthLabel(st, v.installIndex), monthFromNumber(s.timeline.startMonthNumber + v.retireIndex), v.itPowerMw, v.itCapexUsd, v.refresh ? "refresh" : "initial"]);
  return { columns: ["phase", "generation", "count", "installMonth", "retireMonth", "itPowerMw", "itCapexUsd", "kind"], rows };
}
