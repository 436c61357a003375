/** The funding gap carries financing cash raised ahead of the capex it funds (issue 12 item 13 follow-up). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fundingGap } from "./company.ts";

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);

describe("fundingGap", () => {
  it("bond proceeds raised in a surplus year fund the next years' shortfalls", () => {
    // $30B raised in year 0 (FCF +5); shortfalls of 10, 15, 10 later; a 2B coupon is inside FCF already
    const r = fundingGap(f64([5, -10, -15, -10]), (i) => (i === 0 ? 30 : 0));
    expect([...r.financingCashCarriedUsd]).toEqual([30, 20, 5, 0]);
    expect([...r.fundingGapUsd]).toEqual([0, 0, 0, 5]);
  });
  it("a repayment is paid from the year's operating surplus first, then needs funding", () => {
    const r = fundingGap(f64([3, -1]), (i) => (i === 0 ? -5 : 0));
    expect([...r.fundingGapUsd]).toEqual([2, 1]);
    expect([...r.financingCashCarriedUsd]).toEqual([0, 0]);
  });
  it("without financing it is the year's shortfall; carrying never raises the total gap", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 30, maxLength: 30 }), (fcf, fin) => {
        const plain = fundingGap(f64(fcf), () => 0);
        expect([...plain.fundingGapUsd]).toEqual(fcf.map((x) => Math.max(0, -x)));
        const perYear = fcf.reduce((s, x, i) => s + Math.max(0, -(x + fin[i])), 0);
        const carried = fundingGap(f64(fcf), (i) => fin[i]).fundingGapUsd.reduce((s, x) => s + x, 0);
        expect(carried).toBeLessThanOrEqual(perYear + 1e-9);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
