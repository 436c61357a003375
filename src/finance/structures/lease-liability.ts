/**
 * The sponsor's operating-lease liability (ASC 842 style): at the end of each month, the present value of the rent
 * still due in the current committed term (initial term, then each renewal once exercised), discounted monthly at the
 * sponsor's rate. Renewal options are not on the balance sheet before they are exercised.
 */
import { monthlyRate } from "../returns.ts";

export function leaseLiabilityUsd(rentUsd: Float64Array, termEnds: readonly number[], leaseStartIndex: number, annualRateFraction: number): Float64Array {
  const n = rentUsd.length;
  const out = new Float64Array(n);
  const r = monthlyRate(annualRateFraction);
  let termStart = leaseStartIndex;
  for (const last of termEnds) {
    // liability at the end of `last` is 0; walk back to the start of the term
    let acc = 0;
    for (let m = Math.min(last, n - 1); m >= Math.max(0, termStart); m--) {
      out[m] = acc;
      acc = (rentUsd[m] + acc) / (1 + r);
    }
    termStart = last + 1;
  }
  return out;
}
