/**
 * Project-debt capacity of a site from its own program revenue (`financing.projectFinanceSizing`): CFADS = the
 * site's revenue − its opex (energy, staff, maintenance) − contributions to a maintenance reserve for its IT
 * refreshes (each fleet's own cost set aside evenly over its life), by month, before tax; interest during
 * construction is not funded here (the debt service starts at the first month online). The debt is drawn when the site's first phase starts construction, repaid from its first month
 * online over the tenor, and sculpted to CFADS at the target DSCR (`sculptDebt`, as for SPVs); the level alternative
 * (repaid once every phase of the site is online) and a gearing cap on the site's first-build capex are reported beside it. Past the horizon the mean CFADS of the
 * horizon's last 12 months is held flat. A sizing, not a structure: the funding routes are unchanged. Pure.
 */
import { type Diagnostic, info, warning } from "../../core/diagnostics.ts";
import { byYearRecord, sumByYear } from "../../core/series.ts";
import type { ModelState } from "../../buildout/model.ts";
import { type SculptedDebt, sculptDebt } from "./debt-sizing.ts";
import { usdB } from "./spv-model.ts";

export interface SiteProjectFinance {
  site: string;
  basis: "programRevenue";
  drawMonth: string | null;
  repaymentStartMonth: string | null;
  tenorYears: number;
  couponFractionPerYear: number;
  targetMinDscr: number;
  /** CFADS inside the horizon by year */
  cfadsUsdByYear: Record<string, number>;
  /** the site's capex other than IT refreshes, inside the horizon */
  firstBuildCapexUsd: number;
  /** sculpted maximum, capped by gearing */
  maxDebtUsd: number;
  maxLevelDebtUsd: number;
  gearingCapUsd: number | null;
  debtToFirstBuildCapexFraction: number | null;
  /** CFADS below zero from the repayment start to the horizon end: debt service a lender would need covered by sponsor support */
  negativeCfadsUsd: number;
  firstNegativeCfadsMonth: string | null;
  /** debt capacity above zero and no negative CFADS while the debt is outstanding inside the horizon */
  financeable: boolean;
}


export function projectFinanceSizing(st: ModelState): { sites: SiteProjectFinance[]; diagnostics: Diagnostic[] } {
  const s = st.scenario;
  const pf = s.financing.projectFinanceSizing;
  if (!pf) return { sites: [], diagnostics: [] };
  const t = s.timeline;
  const n = t.months;
  const ds: Diagnostic[] = [];
  if (s.economics === null) ds.push(warning(pf.path, "no `economics` block: the sites earn no program revenue, so they carry no project debt"));
  const sites = pf.siteIndices.map((si): SiteProjectFinance => {
    const site = s.sites[si];
    const phases = st.build.phases.filter((p) => s.phases[p.phaseIndex].siteIndex === si && p.startIndex >= 0);
    const drawIndex = phases.length ? Math.min(...phases.map((p) => p.startIndex)) : -1;
    const onlineIndex = phases.length ? Math.min(...phases.map((p) => p.onlineIndex)) : -1;
    const completeIndex = phases.length ? Math.max(...phases.map((p) => p.onlineIndex)) : -1;
    // every fleet sets aside its own replacement over its life (a maintenance reserve), so the reserve runs on to the
    // end of the horizon and into the held tail, where the next refreshes are not modelled; a refresh is costed at
    // the fleet it replaces
    const refresh = new Float64Array(n);
    const reserve = new Float64Array(n);
    for (const v of st.fleet) {
      if (v.siteIndex !== si || v.installIndex >= n) continue;
      if (v.refresh) refresh[v.installIndex] += v.itCapexUsd;
      if (!s.refreshAtEndOfLife) continue;
      const life = v.retireIndex - v.installIndex;
      for (let m = Math.max(0, v.installIndex); m < Math.min(n, v.retireIndex); m++) reserve[m] += v.itCapexUsd / life;
    }
    const o = st.opex[si];
    const cfads = new Float64Array(n);
    for (let m = 0; m < n; m++) cfads[m] = o.revenueUsd[m] - o.energyCostUsd[m] - o.staffCostUsd[m] - o.maintenanceCostUsd[m] - o.facilityLeaseCostUsd[m] - reserve[m];
    let firstBuildCapexUsd = 0;
    const cap = st.capex.sites[si];
    for (const c of Object.values(cap)) for (let m = 0; m < n; m++) firstBuildCapexUsd += c[m];
    for (let m = 0; m < n; m++) firstBuildCapexUsd -= refresh[m];
    const base = {
      site: site.name,
      basis: "programRevenue" as const,
      tenorYears: pf.tenorMonths / 12,
      couponFractionPerYear: pf.couponFractionPerYear,
      targetMinDscr: pf.targetMinDscr,
      cfadsUsdByYear: byYearRecord(t, sumByYear(t, cfads)),
      firstBuildCapexUsd,
    };
    if (drawIndex < 0 || onlineIndex >= n) {
      ds.push(warning(pf.path, `${site.name}: no phase is built and online inside the horizon: no project debt to size`));
      return { ...base, drawMonth: null, repaymentStartMonth: null, maxDebtUsd: 0, maxLevelDebtUsd: 0, gearingCapUsd: null, debtToFirstBuildCapexFraction: null, negativeCfadsUsd: 0, firstNegativeCfadsMonth: null, financeable: false };
    }
    const maturityIndex = onlineIndex + pf.tenorMonths;
    const extended = new Float64Array(Math.max(n, maturityIndex + 1));
    extended.set(cfads);
    let tail = 0;
    for (let m = Math.max(0, n - 12); m < n; m++) tail += cfads[m] / Math.min(12, n);
    extended.fill(tail, n);
    const sculpted: SculptedDebt = sculptDebt({ cfadsUsd: extended, couponFractionPerYear: pf.couponFractionPerYear, drawIndex, repaymentStartIndex: onlineIndex, maturityIndex, paymentsPerYear: pf.paymentsPerYear, targetMinDscr: pf.targetMinDscr, levelFromIndex: Math.min(maturityIndex, completeIndex) });
    const gearingCapUsd = pf.maxGearingFraction === null ? null : pf.maxGearingFraction * firstBuildCapexUsd;
    const maxDebtUsd = Math.min(sculpted.maxDebtUsd, gearingCapUsd ?? Number.POSITIVE_INFINITY);
    let negativeCfadsUsd = 0;
    let firstNegative = -1;
    for (let m = onlineIndex; m < Math.min(n, maturityIndex + 1); m++) {
      if (cfads[m] >= 0) continue;
      negativeCfadsUsd -= cfads[m];
      if (firstNegative < 0) firstNegative = m;
    }
    const financeable = maxDebtUsd > 0 && negativeCfadsUsd === 0;
    const share = firstBuildCapexUsd > 0 ? maxDebtUsd / firstBuildCapexUsd : null;
    if (negativeCfadsUsd > 0) {
      ds.push(warning(pf.path, `${site.name}: its cash flow after opex and the IT-refresh reserve is negative from ${t.monthLabels[firstNegative]} (${usdB(negativeCfadsUsd)} in all inside the horizon): project debt would need sponsor support, so it cannot be project-financed on its own revenue as modelled; the sculpted figure counts only the positive periods`));
    }
    if (maxDebtUsd > 0) {
      ds.push(info(pf.path, `${site.name}: its program revenue after opex and an IT-refresh reserve, before tax, supports ${usdB(maxDebtUsd)} of project debt sculpted to a DSCR of ${pf.targetMinDscr} at ${(pf.couponFractionPerYear * 100).toFixed(2)} % over ${pf.tenorMonths / 12} years from ${t.monthLabels[onlineIndex]}${share === null ? "" : ` (${(share * 100).toFixed(0)} % of its first-build capex ${usdB(firstBuildCapexUsd)})`}`));
    } else ds.push(warning(pf.path, `${site.name}: its cash flow after opex and IT refreshes carries no debt at a DSCR of ${pf.targetMinDscr}: it cannot be project-financed as modelled`));
    return { ...base, drawMonth: t.monthLabels[drawIndex], repaymentStartMonth: t.monthLabels[onlineIndex], maxDebtUsd, maxLevelDebtUsd: Math.min(sculpted.maxLevelDebtUsd, gearingCapUsd ?? Number.POSITIVE_INFINITY), gearingCapUsd, debtToFirstBuildCapexFraction: share, negativeCfadsUsd, firstNegativeCfadsMonth: firstNegative < 0 ? null : t.monthLabels[firstNegative], financeable };
  });
  return { sites, diagnostics: ds };
}
