/** The financing block after defaults from data/financing.json: every number present, months as timeline indices. */
import type { AssetClass } from "./asset-classes.ts";

/** How a loan repays its principal. */
export type Amortization = "bullet" | "level" | "straightLine";
/** An SPV's debt may also be sculpted to its lease's cash flow. */
export type SpvAmortization = Amortization | "sculpted";

export interface ResolvedBond {
  name: string;
  path: string;
  /** single issue: its principal; program share: 0 */
  amountUsd: number;
  couponFractionPerYear: number;
  issueIndex: number;
  maturityIndex: number;
  amortization: Amortization;
  amortizationStartIndex: number;
  paymentsPerYear: number;
  /** null for a single issue; else the share of each month's program capex borrowed in [issueIndex, untilIndex] */
  programCapexShareFraction: number | null;
  untilIndex: number;
  termMonths: number;
}

export interface ResolvedLease {
  /** -1: first month a covered phase is online */
  startIndex: number;
  initialTermMonths: number;
  renewalTermMonths: number;
  /** -1: as many renewals as needed to reach debt maturity */
  renewals: number;
  escalationFractionPerYear: number;
  /** null: sized from debt service and the partner's target return */
  annualRentUsd: number | null;
  partnerTargetIrrFraction: number;
  minDebtServiceCoverRatio: number;
  sponsorDiscountRateFractionPerYear: number;
}

export interface ResolvedRvg {
  termMonths: number;
  basis: "debtOutstanding" | "cost";
  guaranteedFraction: number;
  marketValueDeclineFractionPerYear: number;
  marketValueFloorFraction: number;
  vacancyHaircutFraction: number;
}

export interface ResolvedSpv {
  name: string;
  path: string;
  siteIndex: number;
  phaseIndices: number[];
  assetClasses: AssetClass[];
  sponsorEquityFraction: number;
  closeIndex: number;
  debtUsd: number;
  couponFractionPerYear: number;
  maturityIndex: number;
  amortization: SpvAmortization;
  /** -1: lease start */
  amortizationStartIndex: number;
  paymentsPerYear: number;
  partnerEquityUsd: number;
  sponsorCashEquityUsd: number;
  sponsorDistributionAtCloseUsd: number;
  opexFractionOfCostPerYear: number;
  debtServiceReserveMonths: number;
  /** published cost for comparison, null when not given */
  reportedDevelopmentCostUsd: number | null;
  lease: ResolvedLease;
  /** tenanted market value of the campus: cost × max(floor, (1 − decline)^years since lease start) */
  marketValueDeclineFractionPerYear: number;
  marketValueFloorFraction: number;
  rvg: ResolvedRvg | null;
  debtSizing: { targetMinDscr: number; maxGearingFraction: number | null; lockUpDscr: number; defaultDscr: number; cashSweepFraction: number };
}

export interface ResolvedLifeChange {
  assetClass: AssetClass;
  effectiveIndex: number;
  lifeMonths: number;
  /** null: the model's asset life */
  previousLifeMonths: number | null;
}

export interface ResolvedImpairment {
  /** idle share of the fleet per timeline year */
  idleFractionByYearIndex: Float64Array;
  triggerIdleFraction: number;
  assetClasses: AssetClass[];
}

export interface SequoiaCase {
  id: string;
  label: string;
  asOf: string;
  nvidiaDataCenterRunRateUsd: number;
  publishedRequiredRevenueUsd: number | null;
}

/** Sites whose project-debt capacity is sized from their program revenue (`financing.projectFinanceSizing`). */
export interface ResolvedProjectFinanceSizing {
  path: string;
  siteIndices: number[];
  couponFractionPerYear: number;
  tenorMonths: number;
  paymentsPerYear: number;
  targetMinDscr: number;
  maxGearingFraction: number | null;
}

export interface ResolvedFinancing {
  /** true when the scenario declares at least one bond or SPV (the "declared structures" route differs) */
  hasStructures: boolean;
  remainderName: string;
  bonds: ResolvedBond[];
  spvs: ResolvedSpv[];
  /** null when the scenario asks for none */
  projectFinanceSizing: ResolvedProjectFinanceSizing | null;
  lifeChanges: ResolvedLifeChange[];
  impairment: ResolvedImpairment | null;
  taxRateFraction: number;
  waccFractionPerYear: number;
  targetMarginFraction: number;
  sequoiaTcoMultiplier: number;
  sequoiaMarginMultiplier: number;
  sequoiaCases: SequoiaCase[];
}
