/**
 * Corporate bond cash flows on the model horizon: one issue, or a program share (each month's program capex × share
 * borrowed as a tranche with the same coupon, term and amortization). Tranche schedules are summed.
 */
import { type DebtSchedule, debtSchedule } from "./debt.ts";
import type { ResolvedBond } from "../../scenario/resolved-financing.ts";

export function bondSchedule(b: ResolvedBond, programCapexUsd: Float64Array, months: number): DebtSchedule {
  const terms = { couponFractionPerYear: b.couponFractionPerYear, paymentsPerYear: b.paymentsPerYear, amortization: b.amortization };
  if (b.programCapexShareFraction === null) {
    return debtSchedule({ ...terms, principalUsd: b.amountUsd, drawIndex: b.issueIndex, amortizationStartIndex: b.amortizationStartIndex, maturityIndex: b.maturityIndex }, months);
  }
  const out: DebtSchedule = { drawUsd: new Float64Array(months), interestUsd: new Float64Array(months), principalUsd: new Float64Array(months), balanceUsd: new Float64Array(months) };
  for (let m = Math.max(0, b.issueIndex); m <= Math.min(b.untilIndex, months - 1); m++) {
    const principalUsd = b.programCapexShareFraction * programCapexUsd[m];
    if (principalUsd <= 0) continue;
    const d = debtSchedule({ ...terms, principalUsd, drawIndex: m, amortizationStartIndex: m, maturityIndex: m + b.termMonths }, months);
    for (let k = m; k < months; k++) {
      out.drawUsd[k] += d.drawUsd[k];
      out.interestUsd[k] += d.interestUsd[k];
      out.principalUsd[k] += d.principalUsd[k];
      out.balanceUsd[k] += d.balanceUsd[k];
    }
  }
  return out;
}
