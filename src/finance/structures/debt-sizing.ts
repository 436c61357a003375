/**
 * Debt sized and sculpted by cover ratios, and the covenants of a declared debt. CFADS (cash flow available for
 * debt service) is the SPV's rent less its opex, by month. On the debt's payment dates from the start of repayment
 * to maturity, a sculpted debt pays CFADS_p / τ in each period p (τ the target minimum DSCR): its principal follows
 * the cash flow, so the DSCR is exactly τ in every period with cash flow, and the most debt the cash flow supports
 * is the present value of those payments at the coupon (period rates as the debt schedule charges them). Interest
 * before repayment starts is paid from the sources raised at close, as in the modelled SPV. The level (annuity)
 * alternative pays the same amount each period, capped by the weakest period: it supports less whenever CFADS
 * grows (a ramp-up, rent escalation). Covenants of the declared debt are tested monthly on trailing-12-month
 * CFADS / debt service, from completion (all covered capacity online) on.
 */
import { paymentMonths } from "./debt.ts";

export interface SculptingInput {
  /** CFADS by month (rent − opex; 0 outside the lease) */
  cfadsUsd: Float64Array;
  couponFractionPerYear: number;
  /** month the debt is drawn */
  drawIndex: number;
  /** first month principal may be repaid (the lease start) */
  repaymentStartIndex: number;
  maturityIndex: number;
  paymentsPerYear: number;
  targetMinDscr: number;
  /** first month of the level alternative's repayment (e.g. completion); interest only before it; default repaymentStartIndex */
  levelFromIndex?: number;
}

export interface SculptedDebt {
  maxDebtUsd: number;
  /** the level-payment debt (repaid from levelFromIndex, interest only before) the weakest repayment period supports at the same DSCR */
  maxLevelDebtUsd: number;
  /** per payment of the sculpted debt */
  paymentIndices: number[];
  cfadsUsd: number[];
  interestUsd: number[];
  principalUsd: number[];
  balanceUsd: number[];
}

/** Periods from the first payment after the repayment start to maturity, with their CFADS and period rates. */
function periods(x: SculptingInput): { months: number[]; cfads: number[]; rate: number[] } {
  const pays = paymentMonths({ principalUsd: 1, couponFractionPerYear: x.couponFractionPerYear, drawIndex: x.drawIndex, amortizationStartIndex: x.repaymentStartIndex, maturityIndex: x.maturityIndex, paymentsPerYear: x.paymentsPerYear, amortization: "level" });
  const months: number[] = [];
  const cfads: number[] = [];
  const rate: number[] = [];
  let last = x.drawIndex;
  for (const m of pays) {
    if (m > x.repaymentStartIndex) {
      let c = 0;
      for (let k = Math.max(last + 1, x.repaymentStartIndex); k <= m && k < x.cfadsUsd.length; k++) c += x.cfadsUsd[k];
      months.push(m);
      cfads.push(c);
      rate.push((x.couponFractionPerYear * (m - last)) / 12);
    }
    last = m;
  }
  return { months, cfads, rate };
}

/** The largest debt whose sculpted service is CFADS / τ, its schedule, and the level-payment alternative. */
export function sculptDebt(x: SculptingInput): SculptedDebt {
  const p = periods(x);
  const service = p.cfads.map((c) => Math.max(0, c) / x.targetMinDscr);
  // D = Σ service_p / Π_{q ≤ p} (1 + r_q); the balance is D until the first period (interest before it paid at close)
  let discount = 1;
  let maxDebtUsd = 0;
  for (let k = 0; k < service.length; k++) {
    discount /= 1 + p.rate[k];
    maxDebtUsd += service[k] * discount;
  }
  // level alternative: interest only until levelFromIndex, then equal payments A ≤ the weakest service from there
  const levelFrom = x.levelFromIndex ?? x.repaymentStartIndex;
  let annuity = 0;
  let levelDiscount = 1;
  let weakest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < service.length; k++) {
    if (p.months[k] <= levelFrom) continue;
    levelDiscount /= 1 + p.rate[k];
    annuity += levelDiscount;
    weakest = Math.min(weakest, service[k]);
  }
  if (!Number.isFinite(weakest)) weakest = 0;
  const interestUsd: number[] = [];
  const principalUsd: number[] = [];
  const balanceUsd: number[] = [];
  let balance = maxDebtUsd;
  for (let k = 0; k < service.length; k++) {
    const interest = balance * p.rate[k];
    const principal = k === service.length - 1 ? balance : service[k] - interest;
    balance -= principal;
    interestUsd.push(interest);
    principalUsd.push(principal);
    balanceUsd.push(Math.abs(balance) < 1e-6 * Math.max(1, maxDebtUsd) ? 0 : balance);
  }
  return { maxDebtUsd, maxLevelDebtUsd: weakest * annuity, paymentIndices: p.months, cfadsUsd: p.cfads, interestUsd, principalUsd, balanceUsd };
}

export interface CovenantTest {
  /** smallest trailing-12-month DSCR over the tested months, null when nothing was tested */
  minDscr: number | null;
  lockUpMonths: number;
  defaultMonths: number;
  firstLockUpIndex: number;
  firstDefaultIndex: number;
  testedMonths: number;
}

/**
 * Trailing-12-month CFADS / debt service at each month, tested from a year after `fromIndex` on (the window never
 * reaches back before it); NaN where nothing is tested: earlier months, or no debt service in the window. The one
 * test behind the covenant months reported here and the lock-up the SPV waterfall applies.
 */
export function trailingDscr(cfadsUsd: ArrayLike<number>, debtServiceUsd: ArrayLike<number>, fromIndex: number): Float64Array {
  const n = cfadsUsd.length;
  const out = new Float64Array(n).fill(Number.NaN);
  for (let m = Math.max(0, fromIndex) + 11; m < n; m++) {
    let cf = 0;
    let ds = 0;
    for (let k = m - 11; k <= m; k++) {
      cf += cfadsUsd[k];
      ds += debtServiceUsd[k];
    }
    if (ds > 0) out[m] = cf / ds;
  }
  return out;
}

/**
 * Trailing-12-month DSCR of a declared debt at each month from a year after `fromIndex` to the last month with
 * debt service: months below `lockUpDscr` would lock up distributions, below `defaultDscr` the debt would default.
 */
export function covenantTest(cfadsUsd: Float64Array, debtServiceUsd: Float64Array, fromIndex: number, lockUpDscr: number, defaultDscr: number): CovenantTest {
  const out: CovenantTest = { minDscr: null, lockUpMonths: 0, defaultMonths: 0, firstLockUpIndex: -1, firstDefaultIndex: -1, testedMonths: 0 };
  trailingDscr(cfadsUsd, debtServiceUsd, fromIndex).forEach((dscr, m) => {
    if (Number.isNaN(dscr)) return;
    out.testedMonths++;
    out.minDscr = out.minDscr === null ? dscr : Math.min(out.minDscr, dscr);
    if (dscr < lockUpDscr) {
      out.lockUpMonths++;
      if (out.firstLockUpIndex < 0) out.firstLockUpIndex = m;
    }
    if (dscr < defaultDscr) {
      out.defaultMonths++;
      if (out.firstDefaultIndex < 0) out.firstDefaultIndex = m;
    }
  });
  return out;
}
