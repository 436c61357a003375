/** `summary.financing`: the JSON contract of the financing stage (documented in README). */
import type { SiteProjectFinance } from "./project-finance.ts";
import type { Timeline } from "../../core/months.ts";
import { byYearRecord } from "../../core/series.ts";
import type { SequoiaCaseResult } from "../revenue-required/revenue-required.ts";
import type { RouteId } from "./company.ts";
import type { ResolvedFinancing } from "../../scenario/resolved-financing.ts";
import type { ProgramReturns, FinancingState } from "./run-financing.ts";
import type { SpvResult } from "./spv-model.ts";
import { SPV_SOURCE_KEYS, SPV_USE_KEYS } from "./spv.ts";

export interface SpvSummary {
  name: string;
  site: string;
  coveredItPowerMw: number;
  coveredCostUsd: number;
  /** development cost by category: hard + soft + land (= coveredCostUsd for facility classes) + interest capitalized during construction */
  developmentCost: { hardUsd: number; softUsd: number; landUsd: number; capitalizedInterestUsd: number; totalUsd: number };
  reportedDevelopmentCostUsd: number | null;
  closeMonth: string;
  leaseStartMonth: string | null;
  leaseEndMonth: string;
  debtUsd: number;
  couponFractionPerYear: number;
  maturityMonth: string;
  amortization: string;
  partnerEquityUsd: number;
  sponsorInKindEquityUsd: number;
  sponsorDistributionAtCloseUsd: number;
  equityCallsUsd: number;
  interestBeforeLeaseStartUsd: number;
  rent: { annualRentUsd: number; forPartnerReturnUsd: number; forDebtServiceCoverUsd: number; basis: string; escalationFractionPerYear: number };
  totalRentUsd: number;
  partnerIrrFraction: number | null;
  sponsorIrrFraction: number | null;
  minStabilizedDebtServiceCoverRatio: number | null;
  debtBalanceAtMaturityUsd: number;
  /** Σ sources and Σ uses over the SPV's life; they differ by the cash left at the end */
  sourcesUsd: number;
  usesUsd: number;
  cashAtEndUsd: number;
  /** the most debt the modelled rent supports (sculpted to a target DSCR) and the declared debt's covenant months */
  debtSizing: {
    method: "sculpted";
    targetMinDscr: number;
    maxDebtUsd: number;
    maxLevelDebtUsd: number;
    gearingCapUsd: number | null;
    declaredDebtUsd: number;
    /** smallest trailing-12-month DSCR of the declared debt */
    minDscr: number | null;
    lockUpDscr: number;
    defaultDscr: number;
    lockUpMonths: number;
    defaultMonths: number;
    firstLockUpMonth: string | null;
    firstDefaultMonth: string | null;
    financeable: boolean;
    /** debt service of the sculpted debt by calendar year */
    sculptedDebtServiceUsdByYear: Record<string, number>;
    /** how the declared debt repays (sculpted: along the lease's CFADS at one constant DSCR) */
    declaredAmortization: string;
    cashSweepFraction: number;
    /** prepayments of the cash sweep over the extended timeline */
    cashSweptUsd: number;
    /** first month after close with no declared debt outstanding (null: still outstanding at the end) */
    declaredDebtRepaidMonth: string | null;
  };
  residualValueGuarantee: {
    termYears: number;
    maxExposureUsd: number;
    maxExposureYear: number | null;
    exposureUsdByYear: Record<string, number>;
    exposureAtLeaseTermEnds: { month: string; exposureUsd: number }[];
  } | null;
}

export interface FinancingSummary {
  routes: RouteId[];
  remainderFundedBy: string;
  spvs: SpvSummary[];
  /** project-debt capacity of the sites in `financing.projectFinanceSizing` (empty without it) */
  projectFinance: SiteProjectFinance[];
  /** amountUsd: principal issued inside the horizon; a program-share bond lists its first issue and last maturity */
  bonds: { name: string; programCapexShareFraction: number | null; amountUsd: number; couponFractionPerYear: number; issueMonth: string; maturityMonth: string; amortization: string; debtAtHorizonEndUsd: number }[];
  company: Partial<Record<RouteId, { freeCashFlowUsdByYear: Record<string, number>; fundingGapUsdByYear: Record<string, number>; fundingGapUsdTotal: number; peakFundingGapUsd: number; leasePaymentsUsdTotal: number }>>;
  /** capex the SPVs pay or acquire / program capex over the horizon (first builds and IT refreshes) */
  spvShareOfProgramCapexFraction: number;
  /** the same against facility (non-IT) capex only */
  spvShareOfFacilityCapexFraction: number;
  fundingGapReductionUsd: number;
  pnl: {
    taxRateFraction: number;
    lifeChangeEffectUsdByYear: Record<string, number>;
    lifeChangeEffectAfterTaxUsdByYear: Record<string, number>;
    impairmentUsdTotal: number;
    netIncomeUsdByYear: Partial<Record<RouteId, Record<string, number>>>;
  };
  revenueRequired: {
    waccFractionPerYear: number;
    targetMarginFraction: number;
    sequoiaTcoMultiplier: number;
    sequoiaMarginMultiplier: number;
    sequoiaCases: SequoiaCaseResult[];
    sequoiaProgramRequiredRevenueUsdByYear: Record<string, number>;
    bottomUpRequiredRevenueUsdByYear: Record<string, number>;
    programRevenueUsdByYear: Record<string, number>;
  };
  returns: ProgramReturns | null;
}

const label = (t: Timeline, i: number): string | null => (i >= 0 && i < t.months ? t.monthLabels[i] : null);
const sum = (a: ArrayLike<number>, end = a.length): number => {
  let s = 0;
  for (let i = 0; i < Math.min(end, a.length); i++) s += a[i];
  return s;
};

/** Month of the last repayment: the declared maturity, or for tranches the last principal paid inside the horizon. */
function lastRepayment(t: Timeline, maturityIndex: number, principalUsd: Float64Array, balanceUsd: Float64Array): string {
  const beyond = `beyond ${t.monthLabels[t.months - 1]}`;
  if (maturityIndex >= 0) return label(t, maturityIndex) ?? beyond;
  if (balanceUsd[t.months - 1] > 0) return beyond;
  for (let m = t.months - 1; m >= 0; m--) if (principalUsd[m] > 0) return t.monthLabels[m];
  return beyond;
}

function spvSummary(r: SpvResult, site: string): SpvSummary {
  const t = r.timeline;
  const fl = r.flows;
  const rvg = r.rvgByYearIndex;
  let maxExposureUsd = 0;
  let maxExposureYear: number | null = null;
  // year ends and lease-term ends (when the sponsor may actually walk away)
  for (const p of [...(rvg ?? []), ...r.rvgAtTermEnds]) {
    if (p.exposureUsd > maxExposureUsd) {
      maxExposureUsd = p.exposureUsd;
      maxExposureYear = t.years[t.yearIndex[p.index]];
    }
  }
  let sourcesUsd = 0;
  let usesUsd = 0;
  for (const k of SPV_SOURCE_KEYS) sourcesUsd += sum(fl[k]);
  for (const k of SPV_USE_KEYS) usesUsd += sum(fl[k]);
  const L = r.input.leaseStartIndex;
  return {
    name: r.spv.name,
    site,
    coveredItPowerMw: r.coveredItPowerMw,
    coveredCostUsd: r.coveredCostUsd,
    developmentCost: { ...r.developmentCost },
    reportedDevelopmentCostUsd: r.spv.reportedDevelopmentCostUsd,
    closeMonth: t.monthLabels[r.spv.closeIndex],
    leaseStartMonth: label(t, L),
    leaseEndMonth: t.monthLabels[Math.min(t.months - 1, r.leaseEndIndex - 1)],
    debtUsd: r.spv.debtUsd,
    couponFractionPerYear: r.spv.couponFractionPerYear,
    maturityMonth: t.monthLabels[r.spv.maturityIndex],
    amortization: r.spv.amortization,
    partnerEquityUsd: r.spv.partnerEquityUsd,
    sponsorInKindEquityUsd: sum(fl.sponsorInKindUsd),
    sponsorDistributionAtCloseUsd: r.spv.sponsorDistributionAtCloseUsd,
    equityCallsUsd: sum(fl.partnerEquityCallUsd) + sum(fl.sponsorEquityCallUsd),
    interestBeforeLeaseStartUsd: sum(fl.interestUsd, L),
    rent: { ...r.rent, escalationFractionPerYear: r.spv.lease.escalationFractionPerYear },
    totalRentUsd: sum(fl.rentUsd),
    partnerIrrFraction: r.partnerIrrFraction,
    sponsorIrrFraction: r.sponsorIrrFraction,
    minStabilizedDebtServiceCoverRatio: r.minStabilizedDscr,
    debtBalanceAtMaturityUsd: fl.debtBalanceUsd[r.spv.maturityIndex],
    sourcesUsd,
    usesUsd,
    cashAtEndUsd: fl.cashBalanceUsd[t.months - 1],
    debtSizing: debtSizingSummary(r),
    residualValueGuarantee:
      rvg && r.spv.rvg
        ? {
            termYears: r.spv.rvg.termMonths / 12,
            maxExposureUsd,
            maxExposureYear,
            exposureUsdByYear: byYearRecord(t, rvg.map((p) => p.exposureUsd)),
            exposureAtLeaseTermEnds: r.rvgAtTermEnds.map((p) => ({ month: t.monthLabels[p.index], exposureUsd: p.exposureUsd })),
          }
        : null,
  };
}

export function financingSummary(fs: FinancingState, t: Timeline, f: ResolvedFinancing, siteNames: readonly string[]): FinancingSummary {
  const company: FinancingSummary["company"] = {};
  for (const route of fs.routes) {
    const c = fs.company[route]!;
    company[route] = {
      freeCashFlowUsdByYear: byYearRecord(t, c.freeCashFlowUsd),
      fundingGapUsdByYear: byYearRecord(t, c.fundingGapUsd),
      fundingGapUsdTotal: sum(c.fundingGapUsd),
      peakFundingGapUsd: Math.max(0, ...c.fundingGapUsd),
      leasePaymentsUsdTotal: sum(c.leasePaymentsUsd),
    };
  }
  const a = company.allOperatingCashFlow!;
  const d = company.declaredStructures;
  const programCapexUsd = sum(fs.company.allOperatingCashFlow!.programCapexUsd);
  const facilityCapexUsd = programCapexUsd - sum(fs.revenueRequired.itCapexUsd);
  const spvCapexUsd = sum(fs.spvs.map((r) => sum(r.input.capexUsd, t.months)));
  const base = fs.pnl.allOperatingCashFlow!;
  const netIncomeUsdByYear: FinancingSummary["pnl"]["netIncomeUsdByYear"] = {};
  for (const route of fs.routes) netIncomeUsdByYear[route] = byYearRecord(t, fs.pnl[route]!.netIncomeUsd);
  const rr = fs.revenueRequired;
  return {
    routes: fs.routes,
    remainderFundedBy: f.remainderName,
    spvs: fs.spvs.map((r) => spvSummary(r, siteNames[r.spv.siteIndex])),
    projectFinance: fs.projectFinance,
    bonds: fs.bonds.map(({ bond: b, schedule }) => ({
      name: b.name,
      programCapexShareFraction: b.programCapexShareFraction,
      amountUsd: sum(schedule.drawUsd),
      couponFractionPerYear: b.couponFractionPerYear,
      issueMonth: t.monthLabels[Math.max(b.issueIndex, schedule.drawUsd.findIndex((v) => v > 0))],
      maturityMonth: lastRepayment(t, b.programCapexShareFraction === null ? b.maturityIndex : -1, schedule.principalUsd, schedule.balanceUsd),
      amortization: b.amortization,
      debtAtHorizonEndUsd: schedule.balanceUsd[t.months - 1],
    })),
    company,
    spvShareOfProgramCapexFraction: programCapexUsd > 0 ? spvCapexUsd / programCapexUsd : 0,
    spvShareOfFacilityCapexFraction: facilityCapexUsd > 0 ? spvCapexUsd / facilityCapexUsd : 0,
    fundingGapReductionUsd: d ? a.fundingGapUsdTotal - d.fundingGapUsdTotal : 0,
    pnl: {
      taxRateFraction: f.taxRateFraction,
      lifeChangeEffectUsdByYear: byYearRecord(t, base.lifeChangeEffectUsd),
      lifeChangeEffectAfterTaxUsdByYear: byYearRecord(t, base.lifeChangeEffectUsd.map((x) => x * (1 - f.taxRateFraction))),
      impairmentUsdTotal: sum(base.impairmentUsd),
      netIncomeUsdByYear,
    },
    revenueRequired: {
      waccFractionPerYear: f.waccFractionPerYear,
      targetMarginFraction: f.targetMarginFraction,
      sequoiaTcoMultiplier: f.sequoiaTcoMultiplier,
      sequoiaMarginMultiplier: f.sequoiaMarginMultiplier,
      sequoiaCases: fs.sequoia,
      sequoiaProgramRequiredRevenueUsdByYear: byYearRecord(t, rr.sequoiaRequiredRevenueUsd),
      bottomUpRequiredRevenueUsdByYear: byYearRecord(t, rr.bottomUpRequiredRevenueUsd),
      programRevenueUsdByYear: byYearRecord(t, rr.programRevenueUsd),
    },
    returns: fs.returns,
  };
}

function debtSizingSummary(r: SpvResult): SpvSummary["debtSizing"] {
  const d = r.debtSizing;
  const t = r.timeline;
  const byYear: Record<string, number> = {};
  d.sculpted.paymentIndices.forEach((m, k) => {
    const y = String(t.years[t.yearIndex[m]]);
    byYear[y] = (byYear[y] ?? 0) + d.sculpted.interestUsd[k] + d.sculpted.principalUsd[k];
  });
  return {
    method: "sculpted",
    targetMinDscr: d.targetMinDscr,
    maxDebtUsd: d.maxDebtUsd,
    maxLevelDebtUsd: d.sculpted.maxLevelDebtUsd,
    gearingCapUsd: d.gearingCapUsd,
    declaredDebtUsd: r.spv.debtUsd,
    minDscr: d.covenants.minDscr,
    lockUpDscr: d.lockUpDscr,
    defaultDscr: d.defaultDscr,
    lockUpMonths: d.covenants.lockUpMonths,
    defaultMonths: d.covenants.defaultMonths,
    firstLockUpMonth: label(t, d.covenants.firstLockUpIndex),
    firstDefaultMonth: label(t, d.covenants.firstDefaultIndex),
    financeable: d.financeable,
    sculptedDebtServiceUsdByYear: byYear,
    declaredAmortization: r.spv.amortization,
    cashSweepFraction: r.spv.debtSizing.cashSweepFraction,
    cashSweptUsd: r.flows.sweepUsd.reduce((a, b) => a + b, 0),
    declaredDebtRepaidMonth: label(t, r.flows.debtBalanceUsd.findIndex((b, m) => m > r.spv.closeIndex && b === 0)),
  };
}
