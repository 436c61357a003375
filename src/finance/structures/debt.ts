/**
 * Debt schedules by month: one draw, interest paid on payment dates, principal repaid bullet, level (annuity) or
 * straight-line from the amortization start to maturity. Pure; Float64Array per month.
 */

import type { Amortization } from "../../scenario/resolved-financing.ts";

export type { Amortization };

export interface DebtTerms {
  principalUsd: number;
  couponFractionPerYear: number;
  /** month the whole principal is drawn */
  drawIndex: number;
  /** first month a principal payment may fall in (bullet ignores it) */
  amortizationStartIndex: number;
  /** month of the last payment; the balance is zero after it */
  maturityIndex: number;
  paymentsPerYear: number;
  amortization: Amortization;
}

export interface DebtSchedule {
  drawUsd: Float64Array;
  interestUsd: Float64Array;
  principalUsd: Float64Array;
  /** balance at the end of each month */
  balanceUsd: Float64Array;
}

/**
 * Payment months: every 12/paymentsPerYear months counted back from maturity (the bond convention), so only the
 * first period after the draw may be short.
 */
export function paymentMonths(t: DebtTerms): number[] {
  const step = Math.max(1, Math.round(12 / t.paymentsPerYear));
  const out: number[] = [];
  for (let m = t.maturityIndex; m > t.drawIndex; m -= step) out.push(m);
  return out.reverse();
}

export function debtSchedule(t: DebtTerms, months: number): DebtSchedule {
  const out: DebtSchedule = {
    drawUsd: new Float64Array(months),
    interestUsd: new Float64Array(months),
    principalUsd: new Float64Array(months),
    balanceUsd: new Float64Array(months),
  };
  if (t.principalUsd <= 0 || t.drawIndex < 0 || t.drawIndex >= months) return out;
  const pays = paymentMonths(t);
  const amortizing = pays.filter((m) => m >= t.amortizationStartIndex);
  let balance = t.principalUsd;
  let last = t.drawIndex;
  let levelPaymentUsd = Number.NaN;
  let straightUsd = Number.NaN;
  out.drawUsd[t.drawIndex] = t.principalUsd;
  let k = 0;
  for (const m of pays) {
    if (m >= months) break;
    const interest = (balance * t.couponFractionPerYear * (m - last)) / 12;
    let principal = 0;
    if (m === t.maturityIndex) principal = balance;
    else if (m >= t.amortizationStartIndex && t.amortization !== "bullet") {
      const remaining = amortizing.length - k;
      if (t.amortization === "level") {
        if (Number.isNaN(levelPaymentUsd)) levelPaymentUsd = annuityPaymentUsd(balance, t.couponFractionPerYear / t.paymentsPerYear, remaining);
        principal = Math.min(balance, Math.max(0, levelPaymentUsd - interest));
      } else {
        if (Number.isNaN(straightUsd)) straightUsd = balance / remaining;
        principal = Math.min(balance, straightUsd);
      }
    }
    if (m >= t.amortizationStartIndex) k++;
    out.interestUsd[m] += interest;
    out.principalUsd[m] += principal;
    balance -= principal;
    last = m;
  }
  let b = 0;
  for (let m = 0; m < months; m++) {
    b += out.drawUsd[m] - out.principalUsd[m];
    out.balanceUsd[m] = Math.abs(b) < 1e-6 ? 0 : b;
  }
  return out;
}

/** Level payment that repays `principalUsd` in `n` periods at `ratePerPeriod`. */
export function annuityPaymentUsd(principalUsd: number, ratePerPeriod: number, n: number): number {
  if (n <= 0) return principalUsd;
  if (Math.abs(ratePerPeriod) < 1e-12) return principalUsd / n; // avoids 0/0 when (1 + r)^-n rounds to 1
  return (principalUsd * ratePerPeriod) / (1 - (1 + ratePerPeriod) ** -n);
}

/** Capital recovery factor: the level annual payment per USD of capital over `years` at `rate`. */
export function capitalRecoveryFactor(rateFractionPerYear: number, years: number): number {
  return annuityPaymentUsd(1, rateFractionPerYear, years);
}
