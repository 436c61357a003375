import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Amortization, annuityPaymentUsd, capitalRecoveryFactor, debtSchedule, paymentMonths } from "./debt.ts";

describe("debt schedules", () => {
  it("straight-line, annual payments (hand-computed)", () => {
    // 80 drawn at month 0, 10 %/yr, payments at months 12 and 24 (counted back from maturity 24), amortizing from 12:
    // month 12: interest 80 × 10 % = 8, principal 80 / 2 = 40; month 24: interest 40 × 10 % = 4, principal 40.
    const d = debtSchedule({ principalUsd: 80, couponFractionPerYear: 0.1, drawIndex: 0, amortizationStartIndex: 12, maturityIndex: 24, paymentsPerYear: 1, amortization: "straightLine" }, 30);
    expect(d.drawUsd[0]).toBe(80);
    expect(d.interestUsd[12]).toBeCloseTo(8, 12);
    expect(d.principalUsd[12]).toBeCloseTo(40, 12);
    expect(d.interestUsd[24]).toBeCloseTo(4, 12);
    expect(d.principalUsd[24]).toBeCloseTo(40, 12);
    expect(d.balanceUsd[11]).toBe(80);
    expect(d.balanceUsd[12]).toBeCloseTo(40, 12);
    expect(d.balanceUsd[24]).toBe(0);
    expect(d.balanceUsd[29]).toBe(0);
  });

  it("level payments equal the annuity (hand-computed)", () => {
    // 1,000 at 12 %/yr paid monthly over 12 months: 1000 × 0.01 / (1 − 1.01^−12) = 88.8488 per month.
    const d = debtSchedule({ principalUsd: 1000, couponFractionPerYear: 0.12, drawIndex: 0, amortizationStartIndex: 1, maturityIndex: 12, paymentsPerYear: 12, amortization: "level" }, 13);
    expect(annuityPaymentUsd(1000, 0.01, 12)).toBeCloseTo(88.8488, 4);
    for (let m = 1; m <= 12; m++) expect(d.interestUsd[m] + d.principalUsd[m]).toBeCloseTo(88.8488, 4);
    expect(d.interestUsd[1]).toBeCloseTo(10, 12);
    expect(d.balanceUsd[12]).toBe(0);
  });

  it("bullet pays interest only until maturity", () => {
    const d = debtSchedule({ principalUsd: 500, couponFractionPerYear: 0.06, drawIndex: 3, amortizationStartIndex: 3, maturityIndex: 27, paymentsPerYear: 2, amortization: "bullet" }, 40);
    expect(paymentMonths({ principalUsd: 500, couponFractionPerYear: 0.06, drawIndex: 3, amortizationStartIndex: 3, maturityIndex: 27, paymentsPerYear: 2, amortization: "bullet" })).toEqual([9, 15, 21, 27]);
    for (const m of [9, 15, 21]) {
      expect(d.interestUsd[m]).toBeCloseTo(15, 12); // 500 × 6 % / 2
      expect(d.principalUsd[m]).toBe(0);
    }
    expect(d.principalUsd[27]).toBe(500);
  });

  it("capital recovery factor: 1 year at 10 % is 1.1; 0 % is 1/n", () => {
    expect(capitalRecoveryFactor(0.1, 1)).toBeCloseTo(1.1, 12);
    expect(capitalRecoveryFactor(0, 4)).toBeCloseTo(0.25, 12);
  });

  it("amortizing debt reaches zero at maturity and repays exactly the principal (property)", () => {
    const kinds: Amortization[] = ["bullet", "level", "straightLine"];
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e11, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e-15, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true })),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 1, max: 360 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(1, 2, 4, 12),
        fc.constantFrom(...kinds),
        (principalUsd, coupon, drawIndex, term, amortOffset, paymentsPerYear, amortization) => {
          const maturityIndex = drawIndex + term;
          const amortizationStartIndex = drawIndex + Math.min(term, amortOffset);
          const d = debtSchedule({ principalUsd, couponFractionPerYear: coupon, drawIndex, amortizationStartIndex, maturityIndex, paymentsPerYear, amortization }, maturityIndex + 6);
          let repaid = 0;
          for (let m = 0; m < d.principalUsd.length; m++) {
            repaid += d.principalUsd[m];
            if (d.principalUsd[m] < 0 || d.interestUsd[m] < 0) return false;
            if (m < maturityIndex && m >= drawIndex && d.balanceUsd[m] <= 0 && amortization === "bullet") return false;
          }
          return d.balanceUsd[maturityIndex] === 0 && Math.abs(repaid - principalUsd) <= 1e-9 * principalUsd;
        },
      ),
    );
  });
});
