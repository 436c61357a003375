/** Hand-made SPV and lease inputs shared by the finance tests. */
import { debtSchedule } from "../../src/finance/structures/debt.ts";
import type { SpvEngineInput } from "../../src/finance/structures/spv.ts";

/** CFADS of a lease: `annualUsd` a year from `start`, escalating `g` a year, to the end of `months`. */
export function lease(months: number, start: number, annualUsd: number, g = 0): Float64Array {
  const out = new Float64Array(months);
  for (let m = start; m < months; m++) out[m] = (annualUsd * (1 + g) ** Math.floor((m - start) / 12)) / 12;
  return out;
}

/**
 * The SPV worked case (three years, months 0..35; its arithmetic is spelled out in spv.test.ts): capex 100 at
 * close in month 0; debt 80 at 10 %/yr, straight-line over the yearly payments of months 12 and 24; partner 16 and
 * sponsor 4 cash (sponsor share 20 %); a 60/yr lease from month 0 to 36, no escalation, no opex; 12 months of
 * debt-service reserve.
 */
export function workedCase(): SpvEngineInput {
  const months = 36;
  const capexUsd = new Float64Array(months);
  capexUsd[0] = 100;
  return {
    months,
    capexUsd,
    onlineFraction: new Float64Array(months).fill(1),
    closeIndex: 0,
    leaseStartIndex: 0,
    leaseEndIndex: 36,
    debt: debtSchedule({ principalUsd: 80, couponFractionPerYear: 0.1, drawIndex: 0, amortizationStartIndex: 12, maturityIndex: 24, paymentsPerYear: 1, amortization: "straightLine" }, months),
    partnerEquityUsd: 16,
    sponsorCashEquityUsd: 4,
    sponsorDistributionAtCloseUsd: 0,
    sponsorEquityFraction: 0.2,
    opexUsdPerYear: 0,
    debtServiceReserveMonths: 12,
    annualRentUsd: 60,
    escalationFractionPerYear: 0,
  };
}
