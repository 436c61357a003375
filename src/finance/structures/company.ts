/**
 * Company view by funding route, per horizon year: revenue, operating cash flow, capex, free cash flow, the funding
 * gap, and the sponsor's balance-sheet view (on- vs off-balance-sheet debt, lease liability, leverage, cover).
 *
 * - allOperatingCashFlow: the company pays all program capex from operating cash flow (nothing off balance sheet).
 * - declaredStructures: SPVs pay their covered capex from close on (the sponsor pays rent, receives distributions,
 *   puts in its equity); corporate bonds add proceeds and debt service.
 */
import type { ModelState } from "../../buildout/model.ts";
import type { ProgramMonthly } from "../../buildout/program.ts";
import { endOfYear, sumByYear } from "../../core/series.ts";
import { companyYearly } from "../company.ts";
import type { DebtSchedule } from "./debt.ts";
import { leaseLiabilityUsd } from "./lease-liability.ts";
import type { ResolvedBond } from "../../scenario/resolved-financing.ts";
import { leaseTermEnds } from "./rvg.ts";
import type { SpvResult } from "./spv-model.ts";

export const ROUTES = ["allOperatingCashFlow", "declaredStructures"] as const;
export type RouteId = (typeof ROUTES)[number];

export interface BondResult {
  bond: ResolvedBond;
  /** on the horizon timeline */
  schedule: DebtSchedule;
}

export interface CompanyRoute {
  revenueUsd: Float64Array;
  operatingCashFlowUsd: Float64Array;
  programCapexUsd: Float64Array;
  sponsorCapexUsd: Float64Array;
  spvFundedCapexUsd: Float64Array;
  leasePaymentsUsd: Float64Array;
  spvDistributionsToSponsorUsd: Float64Array;
  sponsorEquityToSpvUsd: Float64Array;
  bondProceedsUsd: Float64Array;
  bondInterestUsd: Float64Array;
  bondPrincipalUsd: Float64Array;
  freeCashFlowUsd: Float64Array;
  /**
   * external funding still needed in the year: the shortfall of free cash flow after the financing cash of the year
   * and what earlier financing left unspent (bond proceeds raised ahead of the capex they fund are held, not lost)
   */
  fundingGapUsd: Float64Array;
  /** financing cash raised but not yet spent at the end of the year (operating surpluses are not carried) */
  financingCashCarriedUsd: Float64Array;
  onBalanceSheetDebtUsd: Float64Array;
  leaseLiabilityUsd: Float64Array;
  offBalanceSheetDebtUsd: Float64Array;
  sponsorShareOfSpvDebtUsd: Float64Array;
  /** (on-balance debt + lease liability) / operating cash flow; NaN when OCF ≤ 0 */
  leverageDebtToOcf: Float64Array;
  /** as above, adding the SPV debt the sponsor guarantees through the lease and residual value guarantee */
  adjustedLeverageDebtToOcf: Float64Array;
  /** (OCF + interest) / interest; NaN without interest */
  interestCover: Float64Array;
  /** (OCF + interest + rent) / (interest + rent); NaN without either */
  fixedChargeCover: Float64Array;
}

const clip = (a: Float64Array, n: number): Float64Array => a.subarray(0, n);

/**
 * Year by year: financing cash c = carried + the year's net financing; gap = max(0, -(FCF + c)); what financing cash
 * the year does not spend is carried (an operating surplus pays the year's repayments but is not carried itself).
 */
export function fundingGap(freeCashFlowUsd: Float64Array, netFinancingUsd: (i: number) => number): { fundingGapUsd: Float64Array; financingCashCarriedUsd: Float64Array } {
  const n = freeCashFlowUsd.length;
  const fundingGapUsd = new Float64Array(n);
  const financingCashCarriedUsd = new Float64Array(n);
  let carried = 0;
  for (let i = 0; i < n; i++) {
    const c = carried + netFinancingUsd(i);
    const f = freeCashFlowUsd[i];
    fundingGapUsd[i] = Math.max(0, -(f + c));
    carried = Math.max(0, c + Math.min(0, f));
    financingCashCarriedUsd[i] = carried;
  }
  return { fundingGapUsd, financingCashCarriedUsd };
}

function ratio(num: Float64Array, den: Float64Array, valid: (i: number) => boolean): Float64Array {
  return num.map((x, i) => (valid(i) ? x / den[i] : Number.NaN));
}

/** Monthly sums over structures, on the horizon. */
function monthlySums(n: number, spvs: readonly SpvResult[], pick: (r: SpvResult) => Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (const r of spvs) {
    const a = pick(r);
    for (let m = 0; m < n; m++) out[m] += a[m];
  }
  return out;
}

export function companyRoute(st: ModelState, pm: ProgramMonthly, route: RouteId, spvsAll: readonly SpvResult[], bondsAll: readonly BondResult[]): CompanyRoute {
  const s = st.scenario;
  const t = s.timeline;
  const n = t.months;
  const spvs = route === "declaredStructures" ? spvsAll : [];
  const bonds = route === "declaredStructures" ? bondsAll : [];
  const yr = (monthly: Float64Array): Float64Array => sumByYear(t, monthly);
  const eoy = (monthly: Float64Array): Float64Array => endOfYear(t, monthly);
  const spvCashCapex = monthlySums(n, spvs, (r) => r.flows.capexUsd.map((v, m) => (m === r.spv.closeIndex ? v - r.flows.sponsorInKindUsd[m] : v)));
  const rent = monthlySums(n, spvs, (r) => r.flows.rentUsd);
  const dist = monthlySums(n, spvs, (r) => r.flows.distributionsSponsorUsd);
  const closeDist = monthlySums(n, spvs, (r) => r.flows.sponsorDistributionAtCloseUsd);
  const equityOut = monthlySums(n, spvs, (r) => r.flows.sponsorEquityCashUsd.map((v, m) => v + r.flows.sponsorEquityCallUsd[m]));
  const spvDebt = monthlySums(n, spvs, (r) => r.flows.debtBalanceUsd);
  const spvDebtShare = monthlySums(n, spvs, (r) => r.flows.debtBalanceUsd.map((v) => v * r.spv.sponsorEquityFraction));
  const liability = monthlySums(n, spvs, (r) =>
    leaseLiabilityUsd(r.flows.rentUsd, leaseTermEnds(r.input.leaseStartIndex, r.spv.lease.initialTermMonths, r.spv.lease.renewalTermMonths, r.leaseEndIndex), r.input.leaseStartIndex, r.spv.lease.sponsorDiscountRateFractionPerYear),
  );
  const bond = (pick: (d: DebtSchedule) => Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (const b of bonds) for (let m = 0; m < n; m++) out[m] += pick(b.schedule)[m];
    return out;
  };
  const base = companyYearly(st, pm);
  const revenueUsd = base.revenueUsd;
  const baseOcf = base.operatingCashFlowUsd;
  const programCapexUsd = base.capexUsd;
  const spvFundedCapexUsd = yr(spvCashCapex);
  const leasePaymentsUsd = yr(rent);
  const spvDistributionsToSponsorUsd = yr(dist);
  const bondProceedsUsd = yr(bond((d) => d.drawUsd));
  const bondInterestUsd = yr(bond((d) => d.interestUsd));
  const bondPrincipalUsd = yr(bond((d) => d.principalUsd));
  const sponsorEquityToSpvUsd = yr(equityOut);
  const closeDistUsd = yr(closeDist);
  const operatingCashFlowUsd = baseOcf.map((o, i) => o - leasePaymentsUsd[i] + spvDistributionsToSponsorUsd[i] - bondInterestUsd[i]);
  const sponsorCapexUsd = programCapexUsd.map((c, i) => c - spvFundedCapexUsd[i]);
  const freeCashFlowUsd = operatingCashFlowUsd.map((o, i) => o - sponsorCapexUsd[i]);
  const { fundingGapUsd, financingCashCarriedUsd } = fundingGap(freeCashFlowUsd, (i) => bondProceedsUsd[i] - bondPrincipalUsd[i] + closeDistUsd[i] - sponsorEquityToSpvUsd[i]);
  const onBalanceSheetDebtUsd = eoy(bond((d) => d.balanceUsd));
  const leaseLiability = eoy(clip(liability, n));
  const offBalanceSheetDebtUsd = eoy(spvDebt);
  const okOcf = (i: number): boolean => operatingCashFlowUsd[i] > 0;
  return {
    revenueUsd,
    operatingCashFlowUsd,
    programCapexUsd,
    sponsorCapexUsd,
    spvFundedCapexUsd,
    leasePaymentsUsd,
    spvDistributionsToSponsorUsd,
    sponsorEquityToSpvUsd,
    bondProceedsUsd,
    bondInterestUsd,
    bondPrincipalUsd,
    freeCashFlowUsd,
    fundingGapUsd,
    financingCashCarriedUsd,
    onBalanceSheetDebtUsd,
    leaseLiabilityUsd: leaseLiability,
    offBalanceSheetDebtUsd,
    sponsorShareOfSpvDebtUsd: eoy(spvDebtShare),
    leverageDebtToOcf: ratio(onBalanceSheetDebtUsd.map((d, i) => d + leaseLiability[i]), operatingCashFlowUsd, okOcf),
    adjustedLeverageDebtToOcf: ratio(onBalanceSheetDebtUsd.map((d, i) => d + leaseLiability[i] + offBalanceSheetDebtUsd[i]), operatingCashFlowUsd, okOcf),
    interestCover: ratio(operatingCashFlowUsd.map((o, i) => o + bondInterestUsd[i]), bondInterestUsd, (i) => bondInterestUsd[i] > 0),
    fixedChargeCover: ratio(
      operatingCashFlowUsd.map((o, i) => o + bondInterestUsd[i] + leasePaymentsUsd[i]),
      bondInterestUsd.map((x, i) => x + leasePaymentsUsd[i]),
      (i) => bondInterestUsd[i] + leasePaymentsUsd[i] > 0,
    ),
  };
}
