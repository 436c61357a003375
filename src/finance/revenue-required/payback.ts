/** Payback of monthly cash flows: months until the (discounted) cumulative cash flow turns non-negative. */
import { monthlyRate } from "../returns.ts";

export interface Payback {
  /** years from the first non-zero flow to the month the cumulative flow is first ≥ 0; null if never */
  paybackYears: number | null;
  /** the same on flows discounted at the given rate */
  discountedPaybackYears: number | null;
  /** cumulative (undiscounted) flow at the last month */
  cumulativeCashFlowUsd: number;
}

function firstCrossing(flows: ArrayLike<number>, annualRate: number): { years: number | null; total: number } {
  const r = monthlyRate(annualRate);
  let start = -1;
  let cum = 0;
  let factor = 1;
  let wasNegative = false;
  let years: number | null = null;
  for (let m = 0; m < flows.length; m++) {
    if (start < 0 && flows[m] !== 0) start = m;
    cum += flows[m] * factor;
    factor /= 1 + r;
    if (cum < 0) wasNegative = true;
    else if (wasNegative && years === null) years = (m + 1 - start) / 12;
  }
  return { years, total: cum };
}

export function payback(flows: ArrayLike<number>, discountRateFractionPerYear: number): Payback {
  const plain = firstCrossing(flows, 0);
  return {
    paybackYears: plain.years,
    discountedPaybackYears: firstCrossing(flows, discountRateFractionPerYear).years,
    cumulativeCashFlowUsd: plain.total,
  };
}
