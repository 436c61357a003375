/**
 * Program P&L by funding route and year: revenue − energy − other opex − rent − book depreciation − impairment = EBIT;
 * − interest on corporate bonds + the sponsor's share of SPV net income = pretax income; tax at the effective rate
 * (a negative tax is the shield the loss gives the rest of the company); net income. Depreciation is also computed
 * without the scenario's useful-life changes, so their effect on reported earnings is explicit.
 */
import type { ModelState } from "../../buildout/model.ts";
import type { ProgramMonthly } from "../../buildout/program.ts";
import { sumByYear } from "../../core/series.ts";
import type { Asset } from "../../buildout/capex.ts";
import type { BondResult, RouteId } from "../structures/company.ts";
import type { ResolvedLifeChange } from "../../scenario/resolved-financing.ts";
import type { SpvResult } from "../structures/spv-model.ts";
import { bookDepreciation } from "./book-depreciation.ts";

export interface PnlRoute {
  revenueUsd: Float64Array;
  energyCostUsd: Float64Array;
  otherOpexUsd: Float64Array;
  leaseExpenseUsd: Float64Array;
  depreciationUsd: Float64Array;
  depreciationBeforeLifeChangesUsd: Float64Array;
  /** depreciation avoided (+) or added (−) by the useful-life changes: pretax earnings effect */
  lifeChangeEffectUsd: Float64Array;
  impairmentUsd: Float64Array;
  ebitUsd: Float64Array;
  interestExpenseUsd: Float64Array;
  equityIncomeUsd: Float64Array;
  pretaxIncomeUsd: Float64Array;
  taxUsd: Float64Array;
  netIncomeUsd: Float64Array;
}

/** The counterfactual: each class keeps the life it had before its first change, for good. */
export function withoutChanges(changes: readonly ResolvedLifeChange[]): ResolvedLifeChange[] {
  const first = new Map<string, ResolvedLifeChange>();
  for (const c of changes) if (!first.has(c.assetClass)) first.set(c.assetClass, c);
  return [...first.values()].flatMap((c) =>
    c.previousLifeMonths === null ? [] : [{ assetClass: c.assetClass, effectiveIndex: Number.NEGATIVE_INFINITY, lifeMonths: c.previousLifeMonths, previousLifeMonths: null }],
  );
}

/** Does an SPV own this asset (its site, phases and classes)? */
export function coveredBy(spvs: readonly SpvResult[]): (a: Asset) => boolean {
  const keys = new Set<string>();
  for (const r of spvs) for (const p of r.spv.phaseIndices) for (const c of r.spv.assetClasses) keys.add(`${p}/${c}`);
  return (a) => keys.has(`${a.phaseIndex}/${a.assetClass}`);
}

/** The sponsor's share of each SPV's net income: rent − opex − interest after lease start − depreciation. */
function equityIncomeMonthly(st: ModelState, spvs: readonly SpvResult[]): Float64Array {
  const s = st.scenario;
  const n = s.timeline.months;
  const out = new Float64Array(n);
  for (const r of spvs) {
    const own = coveredBy([r]);
    const dep = bookDepreciation({ assets: st.capex.assets, months: n, yearIndex: s.timeline.yearIndex, lifeChanges: s.financing.lifeChanges, impairment: null, include: own });
    for (let m = 0; m < n; m++) {
      const interest = m >= r.input.leaseStartIndex ? r.flows.interestUsd[m] : 0;
      out[m] += r.spv.sponsorEquityFraction * (r.flows.rentUsd[m] - r.flows.opexUsd[m] - interest - dep.depreciationUsd[m]);
    }
  }
  return out;
}

export function pnlRoute(st: ModelState, pm: ProgramMonthly, route: RouteId, spvsAll: readonly SpvResult[], bondsAll: readonly BondResult[]): PnlRoute {
  const s = st.scenario;
  const t = s.timeline;
  const n = t.months;
  const f = s.financing;
  const spvs = route === "declaredStructures" ? spvsAll : [];
  const bonds = route === "declaredStructures" ? bondsAll : [];
  const covered = coveredBy(spvs);
  const include = (a: Asset): boolean => !covered(a);
  const book = bookDepreciation({ assets: st.capex.assets, months: n, yearIndex: t.yearIndex, lifeChanges: f.lifeChanges, impairment: f.impairment, include });
  const before = f.lifeChanges.length === 0 ? book : bookDepreciation({ assets: st.capex.assets, months: n, yearIndex: t.yearIndex, lifeChanges: withoutChanges(f.lifeChanges), impairment: f.impairment, include });
  const rent = new Float64Array(n);
  for (const r of spvs) for (let m = 0; m < n; m++) rent[m] += r.flows.rentUsd[m];
  const interest = new Float64Array(n);
  for (const b of bonds) for (let m = 0; m < n; m++) interest[m] += b.schedule.interestUsd[m];
  const yr = (a: Float64Array): Float64Array => sumByYear(t, a);
  const revenueUsd = yr(pm.revenueUsd);
  const energyCostUsd = yr(pm.energyCostUsd);
  const maintenanceUsd = yr(pm.maintenanceCostUsd);
  const otherOpexUsd = yr(pm.staffCostUsd).map((v, i) => v + maintenanceUsd[i]);
  // operating leases: the SPV's rent (declared structures only) and the rent of leased facilities (both routes)
  for (let m = 0; m < n; m++) rent[m] += pm.facilityLeaseCostUsd[m];
  const leaseExpenseUsd = yr(rent);
  const depreciationUsd = yr(book.depreciationUsd);
  const depreciationBeforeLifeChangesUsd = yr(before.depreciationUsd);
  const impairmentUsd = yr(book.impairmentUsd);
  const ebitUsd = revenueUsd.map((r, i) => r - energyCostUsd[i] - otherOpexUsd[i] - leaseExpenseUsd[i] - depreciationUsd[i] - impairmentUsd[i]);
  const interestExpenseUsd = yr(interest);
  const equityIncomeUsd = spvs.length > 0 ? yr(equityIncomeMonthly(st, spvs)) : new Float64Array(t.years.length);
  const pretaxIncomeUsd = ebitUsd.map((e, i) => e - interestExpenseUsd[i] + equityIncomeUsd[i]);
  const taxUsd = pretaxIncomeUsd.map((p) => p * f.taxRateFraction);
  return {
    revenueUsd,
    energyCostUsd,
    otherOpexUsd,
    leaseExpenseUsd,
    depreciationUsd,
    depreciationBeforeLifeChangesUsd,
    lifeChangeEffectUsd: depreciationBeforeLifeChangesUsd.map((d, i) => d - depreciationUsd[i]),
    impairmentUsd,
    ebitUsd,
    interestExpenseUsd,
    equityIncomeUsd,
    pretaxIncomeUsd,
    taxUsd,
    netIncomeUsd: pretaxIncomeUsd.map((p, i) => p - taxUsd[i]),
  };
}
