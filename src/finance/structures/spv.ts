/**
 * SPV/JV cash-flow engine, monthly. At financial close the debt is drawn, the partner pays in cash and the sponsor
 * contributes the assets it has built so far (in kind) and takes a one-time distribution. The SPV then pays the
 * remaining construction from its cash. Once the lease starts, each month's waterfall is:
 * lease revenue → SPV opex → interest → principal → reserve (cash is kept until it covers the debt service due in the
 * next N months) → distributions to partner and sponsor by equity share, from completion on (lease started,
 * construction paid, all covered capacity online). A shortfall at any step is met by an equity call split by equity
 * share. Every flow is recorded, so sources = uses + change in cash holds month by month.
 */
import type { DebtSchedule } from "./debt.ts";
import { trailingDscrAt } from "./debt-sizing.ts";

export interface SpvEngineInput {
  months: number;
  /** covered capex by month (the sponsor pays what falls before close, then contributes it in kind) */
  capexUsd: Float64Array;
  /** covered IT MW online / covered IT MW, by month */
  onlineFraction: Float64Array;
  closeIndex: number;
  leaseStartIndex: number;
  /** first month after the lease (exclusive end) */
  leaseEndIndex: number;
  debt: DebtSchedule;
  partnerEquityUsd: number;
  sponsorCashEquityUsd: number;
  sponsorDistributionAtCloseUsd: number;
  sponsorEquityFraction: number;
  opexUsdPerYear: number;
  debtServiceReserveMonths: number;
  /** first lease year's rent at full capacity; steps up each lease year by the escalation */
  annualRentUsd: number;
  escalationFractionPerYear: number;
  /** distributions are withheld (cash trapped in the SPV) while the trailing-12-month DSCR is below this; absent: never */
  lockUpDscr?: number;
  /**
   * Cash sweep: from completion on, this share of each month's new excess cash (what the waterfall would distribute,
   * or lock up) prepays the debt (inverse order of maturity: scheduled payments stay until the balance runs out);
   * interest then accrues monthly on the actual balance, the lock-up tests the actual debt service, and the reserve
   * holds at most what the debt still owes. Absent: no sweep.
   */
  cashSweep?: { fraction: number; couponFractionPerYear: number };
}

export interface SpvFlows {
  // sources
  debtDrawUsd: Float64Array;
  partnerEquityUsd: Float64Array;
  sponsorEquityCashUsd: Float64Array;
  sponsorInKindUsd: Float64Array;
  partnerEquityCallUsd: Float64Array;
  sponsorEquityCallUsd: Float64Array;
  rentUsd: Float64Array;
  // uses
  capexUsd: Float64Array;
  sponsorDistributionAtCloseUsd: Float64Array;
  opexUsd: Float64Array;
  interestUsd: Float64Array;
  principalUsd: Float64Array;
  distributionsPartnerUsd: Float64Array;
  distributionsSponsorUsd: Float64Array;
  // stocks (end of month)
  cashBalanceUsd: Float64Array;
  debtBalanceUsd: Float64Array;
  /** prepayments of the cash sweep, included in principalUsd */
  sweepUsd: Float64Array;
}

const SOURCE_KEYS = ["debtDrawUsd", "partnerEquityUsd", "sponsorEquityCashUsd", "sponsorInKindUsd", "partnerEquityCallUsd", "sponsorEquityCallUsd", "rentUsd"] as const;
const USE_KEYS = ["capexUsd", "sponsorDistributionAtCloseUsd", "opexUsd", "interestUsd", "principalUsd", "distributionsPartnerUsd", "distributionsSponsorUsd"] as const;
export const SPV_SOURCE_KEYS: readonly (keyof SpvFlows)[] = SOURCE_KEYS;
export const SPV_USE_KEYS: readonly (keyof SpvFlows)[] = USE_KEYS;

/** Rent factor per month: rent = annualRentUsd × factor (lease-year escalation × share of capacity online / 12). */
export function rentFactors(x: SpvEngineInput): Float64Array {
  const out = new Float64Array(x.months);
  for (let m = Math.max(0, x.leaseStartIndex); m < Math.min(x.months, x.leaseEndIndex); m++) {
    const leaseYear = Math.floor((m - x.leaseStartIndex) / 12);
    out[m] = ((1 + x.escalationFractionPerYear) ** leaseYear * x.onlineFraction[m]) / 12;
  }
  return out;
}

function emptyFlows(n: number): SpvFlows {
  const f = {} as SpvFlows;
  for (const k of [...SOURCE_KEYS, ...USE_KEYS, "cashBalanceUsd", "debtBalanceUsd", "sweepUsd"] as const) f[k] = new Float64Array(n);
  return f;
}

export function runSpv(x: SpvEngineInput): SpvFlows {
  const n = x.months;
  const f = emptyFlows(n);
  const s = x.sponsorEquityFraction;
  const rent = rentFactors(x);
  const committedAfter = suffixSums(x.capexUsd);
  const reserveNeeded = forwardWindowSums(x.debt.interestUsd, x.debt.principalUsd, Math.round(x.debtServiceReserveMonths));
  const distributionStart = completionIndex(x, committedAfter);
  let cash = 0;
  let inKind = 0;
  for (let m = 0; m < Math.min(x.closeIndex, n); m++) inKind += x.capexUsd[m];
  // scheduled flows, which do not depend on the SPV's cash: debt, rent, opex
  const cfads = new Float64Array(n);
  for (let m = Math.max(0, x.closeIndex); m < n; m++) {
    f.debtDrawUsd[m] = x.debt.drawUsd[m];
    f.rentUsd[m] = x.annualRentUsd * rent[m];
    f.opexUsd[m] = m < x.leaseEndIndex ? (x.opexUsdPerYear * x.onlineFraction[m]) / 12 : 0;
    f.interestUsd[m] = x.debt.interestUsd[m];
    f.principalUsd[m] = x.debt.principalUsd[m];
    cfads[m] = f.rentUsd[m] - f.opexUsd[m];
  }
  const sweep = x.cashSweep !== undefined && x.cashSweep.fraction > 0 ? x.cashSweep : null;
  /** debt service paid each month, voluntary prepayments (the sweep) left out: what the lock-up tests */
  const service = new Float64Array(n);
  const lockUpFrom = Math.max(0, distributionStart) + 11;
  let balance = 0;
  let accrued = 0;
  /** cash held back by the lock-up (it was offered to the sweep in the month it arose, not again) */
  let trapped = 0;
  for (let m = Math.max(0, x.closeIndex); m < n; m++) {
    if (sweep) {
      // interest accrues on the actual balance; scheduled principal is paid until the balance runs out
      if (m > x.closeIndex) accrued += (balance * sweep.couponFractionPerYear) / 12;
      balance += f.debtDrawUsd[m];
      if (x.debt.interestUsd[m] > 0 || x.debt.principalUsd[m] > 0) {
        f.interestUsd[m] = accrued;
        f.principalUsd[m] = Math.min(balance, x.debt.principalUsd[m]);
        balance -= f.principalUsd[m];
        accrued = 0;
      }
    }
    if (m === x.closeIndex) {
      f.partnerEquityUsd[m] = x.partnerEquityUsd;
      f.sponsorEquityCashUsd[m] = x.sponsorCashEquityUsd;
      f.sponsorInKindUsd[m] = inKind;
      f.capexUsd[m] += inKind; // assets built so far, acquired in kind
      f.sponsorDistributionAtCloseUsd[m] = x.sponsorDistributionAtCloseUsd;
      cash += x.partnerEquityUsd + x.sponsorCashEquityUsd - x.sponsorDistributionAtCloseUsd;
    }
    f.capexUsd[m] += x.capexUsd[m];
    cash += f.debtDrawUsd[m] + f.rentUsd[m] - x.capexUsd[m] - f.opexUsd[m] - f.interestUsd[m] - f.principalUsd[m];
    if (cash < 0) {
      f.partnerEquityCallUsd[m] = -cash * (1 - s);
      f.sponsorEquityCallUsd[m] = -cash * s;
      cash = 0;
    }
    // lock-up: distributions wait while the trailing-12-month DSCR is below the lock-up level
    service[m] = f.interestUsd[m] + f.principalUsd[m];
    const lockedUp = x.lockUpDscr !== undefined && m >= lockUpFrom && trailingDscrAt(cfads, service, m) < x.lockUpDscr;
    if (m >= distributionStart) {
      // with a sweep, the reserve never holds more than the debt still owes (scheduled service may outlive a swept debt)
      const reserve = sweep ? Math.min(reserveNeeded[m], balance * (1 + (sweep.couponFractionPerYear * x.debtServiceReserveMonths) / 12)) : reserveNeeded[m];
      let distributable = Math.max(0, cash - reserve - committedAfter[m]);
      if (sweep && balance > 0) {
        // only this month's new excess cash is swept, so a share f sweeps f of it (not 1 − (1 − f)^k of trapped cash)
        const prepay = Math.min(balance, Math.max(0, distributable - trapped) * sweep.fraction);
        f.sweepUsd[m] = prepay;
        f.principalUsd[m] += prepay;
        balance -= prepay;
        cash -= prepay;
        distributable -= prepay;
      }
      if (!lockedUp) {
        f.distributionsPartnerUsd[m] = distributable * (1 - s);
        f.distributionsSponsorUsd[m] = distributable * s;
        cash -= distributable;
        trapped = 0;
      } else trapped = distributable;
    }
    f.cashBalanceUsd[m] = cash;
    f.debtBalanceUsd[m] = sweep ? (Math.abs(balance) < 1e-6 ? 0 : balance) : x.debt.balanceUsd[m];
  }
  return f;
}

/**
 * Distributions are locked up until completion: the lease has started, nothing remains to be built and all covered
 * capacity is online (surplus proceeds first carry the SPV through the ramp-up).
 */
export function completionIndex(x: SpvEngineInput, committedAfter: Float64Array = suffixSums(x.capexUsd)): number {
  for (let m = Math.max(0, x.leaseStartIndex, x.closeIndex); m < x.months; m++) {
    if (committedAfter[m] <= 0 && x.onlineFraction[m] >= 1 - 1e-9) return m;
  }
  return x.months;
}

/** Σ sources − Σ uses in month m (equals the change in cash). */
export function netSourcesUsd(f: SpvFlows, m: number): { sourcesUsd: number; usesUsd: number } {
  let sourcesUsd = 0;
  let usesUsd = 0;
  for (const k of SOURCE_KEYS) sourcesUsd += f[k][m];
  for (const k of USE_KEYS) usesUsd += f[k][m];
  return { sourcesUsd, usesUsd };
}

/** out[m] = Σ a[k] for k > m. */
function suffixSums(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  let acc = 0;
  for (let m = a.length - 1; m >= 0; m--) {
    out[m] = acc;
    acc += a[m];
  }
  return out;
}

/** out[m] = Σ (a[k] + b[k]) for m < k ≤ m + w. */
function forwardWindowSums(a: Float64Array, b: Float64Array, w: number): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  let acc = 0;
  for (let k = 1; k <= w && k < n; k++) acc += a[k] + b[k];
  for (let m = 0; m < n; m++) {
    out[m] = acc;
    const leaving = m + 1;
    const entering = m + 1 + w;
    if (leaving < n) acc -= a[leaving] + b[leaving];
    if (entering < n) acc += a[entering] + b[entering];
  }
  return out;
}

/** Monthly cash flows of each equity holder, ending with its share of the SPV's value at the last month. */
export function equityFlows(x: SpvEngineInput, f: SpvFlows, terminalAssetValueUsd: number): { partnerUsd: Float64Array; sponsorUsd: Float64Array } {
  const n = x.months;
  const s = x.sponsorEquityFraction;
  const partnerUsd = new Float64Array(n);
  const sponsorUsd = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    partnerUsd[m] = f.distributionsPartnerUsd[m] - f.partnerEquityUsd[m] - f.partnerEquityCallUsd[m];
    sponsorUsd[m] = f.distributionsSponsorUsd[m] + f.sponsorDistributionAtCloseUsd[m] - f.sponsorEquityCashUsd[m] - f.sponsorInKindUsd[m] - f.sponsorEquityCallUsd[m];
  }
  const last = n - 1;
  const equityValueUsd = terminalAssetValueUsd + f.cashBalanceUsd[last] - f.debtBalanceUsd[last];
  partnerUsd[last] += (1 - s) * equityValueUsd;
  sponsorUsd[last] += s * equityValueUsd;
  return { partnerUsd, sponsorUsd };
}
