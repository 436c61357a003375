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

/** Annual rates scanned for a sign change of NPV, low to high. */
const RATE_GRID = [-0.99, -0.9, -0.75, -0.5, -0.3, -0.2, -0.1, -0.05, 0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10];

/**
 * Internal rate of return (annual) by bisection on the monthly rate; null when the flows do not change sign or NPV
 * has no root in (-99 %, +1000 %) per year. Flows with several sign changes (a fleet refreshed every few years) can
 * have several roots: the highest is returned, where NPV falls through zero as the rate rises (the usual reading).
 */
export function irrFraction(flows: ArrayLike<number>): number | null {
  let pos = false;
  let neg = false;
  for (let m = 0; m < flows.length; m++) {
    if (flows[m] > 0) pos = true;
    if (flows[m] < 0) neg = true;
  }
  if (!pos || !neg) return null;
  let fHi = npvUsd(flows, RATE_GRID[RATE_GRID.length - 1]);
  for (let i = RATE_GRID.length - 1; i > 0; i--) {
    const fLoGrid = npvUsd(flows, RATE_GRID[i - 1]);
    if (fLoGrid > 0 && fHi <= 0) return bisect(flows, RATE_GRID[i - 1], RATE_GRID[i], fLoGrid);
    fHi = fLoGrid;
  }
  return null;
}

function bisect(flows: ArrayLike<number>, lo: number, hi: number, fLo: number): number {
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
