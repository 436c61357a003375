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
import { type DebtSchedule, paymentMonths } from "./debt.ts";

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

/**
 * The schedule of a declared principal D sculpted to CFADS: interest only on the payment dates up to the repayment
 * start, then debt service CFADS_p / τ in each period, with τ = PV(CFADS) / D at the coupon (the one constant DSCR
 * that repays exactly D by maturity). Principal never goes negative: in a period whose service would not cover its
 * interest (a ramp-up) the debt pays interest only, and τ is then found by bisection so that the last period's
 * service is still CFADS / τ (the debt repays at maturity, not before). Null when the CFADS before maturity is worth
 * nothing (no schedule can follow it).
 */
export function sculptedSchedule(principalUsd: number, x: Omit<SculptingInput, "targetMinDscr" | "levelFromIndex">, months: number): { schedule: DebtSchedule; dscr: number } | null {
  const unit = sculptDebt({ ...x, targetMinDscr: 1 });
  if (!(unit.maxDebtUsd > 0) || !(principalUsd > 0)) return null;
  const pays = paymentMonths({ principalUsd, couponFractionPerYear: x.couponFractionPerYear, drawIndex: x.drawIndex, amortizationStartIndex: x.repaymentStartIndex, maturityIndex: x.maturityIndex, paymentsPerYear: x.paymentsPerYear, amortization: "level" });
  const cfadsAt = new Map(unit.paymentIndices.map((m, k) => [m, Math.max(0, unit.cfadsUsd[k])]));
  /** interest and principal on each payment date at DSCR τ, and the last period's shortfall: balance due − its sculpted service */
  const walk = (dscr: number): { interest: number[]; principal: number[]; excessUsd: number } => {
    const interest: number[] = [];
    const principal: number[] = [];
    let balance = principalUsd;
    let last = x.drawIndex;
    let excessUsd = 0;
    for (const m of pays) {
      const i = (balance * x.couponFractionPerYear * (m - last)) / 12;
      const c = cfadsAt.get(m);
      let p = c === undefined ? 0 : Math.min(balance, Math.max(0, c / dscr - i));
      if (m === x.maturityIndex) {
        excessUsd = balance + i - (c ?? 0) / dscr;
        p = balance;
      }
      interest.push(i);
      principal.push(p);
      balance -= p;
      last = m;
    }
    return { interest, principal, excessUsd };
  };
  let dscr = unit.maxDebtUsd / principalUsd;
  let w = walk(dscr);
  if (Math.abs(w.excessUsd) > 1e-9 * principalUsd) {
    // clamped ramp-up periods capitalize nothing, so the debt would repay early; the shortfall rises with τ: bracket, bisect
    let lo = dscr;
    let hi = dscr;
    if (w.excessUsd < 0) while (walk(hi).excessUsd < 0 && hi < dscr * 1e6) hi *= 2;
    else while (walk(lo).excessUsd > 0 && lo > dscr * 1e-6) lo /= 2;
    for (let k = 0; k < 200 && hi - lo > 1e-13 * hi; k++) {
      const mid = (lo + hi) / 2;
      if (walk(mid).excessUsd > 0) hi = mid;
      else lo = mid;
    }
    dscr = hi;
    w = walk(dscr);
  }
  const out: DebtSchedule = { drawUsd: new Float64Array(months), interestUsd: new Float64Array(months), principalUsd: new Float64Array(months), balanceUsd: new Float64Array(months) };
  if (x.drawIndex < 0 || x.drawIndex >= months) return { schedule: out, dscr };
  out.drawUsd[x.drawIndex] = principalUsd;
  pays.forEach((m, k) => {
    if (m >= months) return;
    out.interestUsd[m] += w.interest[k];
    out.principalUsd[m] += w.principal[k];
  });
  let b = 0;
  for (let m = 0; m < months; m++) {
    b += out.drawUsd[m] - out.principalUsd[m];
    out.balanceUsd[m] = Math.abs(b) < 1e-6 ? 0 : b;
  }
  return { schedule: out, dscr };
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
  for (let m = Math.max(0, fromIndex) + 11; m < n; m++) out[m] = trailingDscrAt(cfadsUsd, debtServiceUsd, m);
  return out;
}

/** CFADS / debt service over the 12 months ending at month m (m ≥ 11); NaN when they hold no debt service. */
export function trailingDscrAt(cfadsUsd: ArrayLike<number>, debtServiceUsd: ArrayLike<number>, m: number): number {
  let cf = 0;
  let ds = 0;
  for (let k = m - 11; k <= m; k++) {
    cf += cfadsUsd[k];
    ds += debtServiceUsd[k];
  }
  return ds > 0 ? cf / ds : Number.NaN;
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
