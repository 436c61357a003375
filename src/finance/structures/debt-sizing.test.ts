import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { covenantTest, sculptDebt } from "./debt-sizing.ts";
import { debtSchedule } from "./debt.ts";
import { lease } from "../../../test/helpers/spv-cases.ts";


describe("sculpted debt", () => {
  const base = { couponFractionPerYear: 0.06, drawIndex: 0, repaymentStartIndex: 24, maturityIndex: 24 + 20 * 12, paymentsPerYear: 2, targetMinDscr: 1.3 };

  it("has a DSCR equal to its target in every period and repays to zero at maturity (hand-checked case)", () => {
    const cfads = lease(base.maturityIndex + 1, 24, 1.2e9, 0.02);
    const d = sculptDebt({ ...base, cfadsUsd: cfads });
    expect(d.paymentIndices).toHaveLength(40);
    d.paymentIndices.forEach((_, k) => expect(d.cfadsUsd[k] / (d.interestUsd[k] + d.principalUsd[k])).toBeCloseTo(1.3, 10));
    expect(d.balanceUsd.at(-1)).toBe(0);
    // flat CFADS: the sculpted debt is the level annuity, D = (C/τ) × (1 − (1 + r)^−n) / r
    const flat = sculptDebt({ ...base, cfadsUsd: lease(base.maturityIndex + 1, 24, 1.2e9) });
    const r = 0.03;
    expect(flat.maxDebtUsd).toBeCloseTo(((0.6e9 / 1.3) * (1 - (1 + r) ** -40)) / r, 0);
    expect(flat.maxLevelDebtUsd).toBeCloseTo(flat.maxDebtUsd, 0);
    // with escalating CFADS the sculpted debt carries more than level payments capped by the weakest period
    expect(d.maxDebtUsd).toBeGreaterThan(d.maxLevelDebtUsd);
  });

  it("a level schedule of the sculpted maximum at the same coupon would breach the target: sculpting is what allows it", () => {
    const cfads = lease(base.maturityIndex + 1, 24, 1.2e9, 0.03);
    const d = sculptDebt({ ...base, cfadsUsd: cfads });
    const level = debtSchedule({ principalUsd: d.maxDebtUsd, couponFractionPerYear: 0.06, drawIndex: 0, amortizationStartIndex: 24, maturityIndex: base.maturityIndex, paymentsPerYear: 2, amortization: "level" }, base.maturityIndex + 1);
    const first = d.paymentIndices[0];
    const service = level.interestUsd[first] + level.principalUsd[first];
    expect(d.cfadsUsd[0] / service).toBeLessThan(1.3);
  });

  it("scales with CFADS and falls as the target rises (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e7, max: 1e10, noNaN: true }), fc.double({ min: 1.0, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }), (annual, tau, g) => {
        const cfads = lease(base.maturityIndex + 1, 24, annual, g);
        const a = sculptDebt({ ...base, cfadsUsd: cfads, targetMinDscr: tau });
        const b = sculptDebt({ ...base, cfadsUsd: cfads, targetMinDscr: tau * 1.1 });
        const c = sculptDebt({ ...base, cfadsUsd: cfads.map((v) => v * 2), targetMinDscr: tau });
        return a.maxDebtUsd > b.maxDebtUsd && Math.abs(c.maxDebtUsd / a.maxDebtUsd - 2) < 1e-9 && a.maxDebtUsd > 0;
      }),
      { numRuns: 50 },
    );
  });

  it("carries no debt without cash flow", () => {
    const d = sculptDebt({ ...base, cfadsUsd: new Float64Array(base.maturityIndex + 1) });
    expect(d.maxDebtUsd).toBe(0);
    expect(d.maxLevelDebtUsd).toBe(0);
  });
});

describe("covenant test of a declared debt", () => {
  it("counts the months whose trailing-12-month DSCR is below the lock-up and default levels", () => {
    const n = 60;
    const cfads = new Float64Array(n).fill(110);
    const service = new Float64Array(n).fill(100);
    for (let m = 30; m < 36; m++) cfads[m] = 20; // six weak months
    const t = covenantTest(cfads, service, 0, 1.05, 1.0);
    // with k weak months in the window the DSCR is 1.1 − 0.075 k: below 1.05 for k ≥ 1 (windows ending 30…46: 17 months),
    // below 1.0 for k ≥ 2 (windows ending 31…45: 15 months)
    expect(t.minDscr).toBeCloseTo((110 * 6 + 20 * 6) / 1200, 12);
    expect(t.firstLockUpIndex).toBe(30);
    expect(t.firstDefaultIndex).toBe(31);
    expect(t.lockUpMonths).toBe(17);
    expect(t.defaultMonths).toBe(15);
    expect(t.testedMonths).toBe(n - 11);
  });
});
