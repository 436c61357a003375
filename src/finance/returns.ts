/** NPV and IRR of monthly cash flows; rates are annual, compounding monthly. */

export function monthlyRate(annualRate: number): number {
  return (1 + annualRate) ** (1 / 12) - 1;
}

/** Net present value at month 0, discounting the flow of month m by (1 + r)^m. */
export function npvUsd(flows: ArrayLike<number>, annualRate: number): number {
  const r = monthlyRate(annualRate);
  let v = 0;
  let f = 1;
  for (let m = 0; m < flows.length; m++) {
    v += flows[m] * f;
    f /= 1 + r;
  }
  return v;
}

/**
 * Internal rate of return (annual) by bisection on the monthly rate; null when the flows do not change sign
 * or NPV has no root in (-99 %, +1000 %) per year.
 */
export function irrFraction(flows: ArrayLike<number>): number | null {
  let pos = false;
  let neg = false;
  for (let m = 0; m < flows.length; m++) {
    if (flows[m] > 0) pos = true;
    if (flows[m] < 0) neg = true;
  }
  if (!pos || !neg) return null;
  let lo = -0.99;
  let hi = 10;
  let fLo = npvUsd(flows, lo);
  const fHi = npvUsd(flows, hi);
  if (Math.sign(fLo) === Math.sign(fHi)) return null;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const fMid = npvUsd(flows, mid);
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
    if (hi - lo < 1e-12) break;
  }
  return (lo + hi) / 2;
}
