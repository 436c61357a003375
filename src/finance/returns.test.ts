import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { irrFraction, monthlyRate, npvUsd } from "./returns.ts";

describe("NPV and IRR", () => {
  it("discounts a flow 12 months out by one year", () => {
    const flows = new Float64Array(13);
    flows[12] = 110;
    expect(npvUsd(flows, 0.1)).toBeCloseTo(100, 9);
    expect(monthlyRate(0.1)).toBeCloseTo(1.1 ** (1 / 12) - 1, 15);
  });
  it("finds the IRR of a one-year loan", () => {
    const flows = new Float64Array(13);
    flows[0] = -100;
    flows[12] = 112;
    expect(irrFraction(flows)).toBeCloseTo(0.12, 9);
  });
  it("returns null without a sign change", () => {
    expect(irrFraction([1, 2, 3])).toBeNull();
    expect(irrFraction([-1, -2])).toBeNull();
  });
  it("NPV at the IRR is ~0 (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e8, noNaN: true }), { minLength: 2, maxLength: 120 }),
        (investment, inflows) => {
          const flows = [-investment, ...inflows];
          const irr = irrFraction(flows);
          if (irr === null) return true;
          return Math.abs(npvUsd(flows, irr)) <= 1e-6 * (investment + inflows.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});

describe("irrFraction with several sign changes", () => {
  it("finds the root where NPV falls through zero even when the last flow is a reinvestment", () => {
    // invest, earn, reinvest, earn, and a final reinvestment: NPV at -99 % and +1000 % share a sign
    const flows = [-100, ...Array(24).fill(6), -50, ...Array(24).fill(6), -30];
    const irr = irrFraction(flows)!;
    expect(irr).not.toBeNull();
    expect(Math.abs(npvUsd(flows, irr))).toBeLessThan(1e-6);
    expect(npvUsd(flows, irr - 0.01)).toBeGreaterThan(0);
    expect(npvUsd(flows, irr + 0.01)).toBeLessThan(0);
  });
});
