import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaQuantile, incompleteBeta, logGamma } from "./special.ts";

describe("special functions", () => {
  it("log-gamma matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(1)).toBeCloseTo(0, 13);
  });

  it("incomplete beta: closed forms I_x(1,1) = x, I_x(a,1) = x^a, I_x(1,b) = 1 − (1−x)^b, symmetry at ½", () => {
    for (const x of [0.01, 0.3, 0.5, 0.77, 0.999]) {
      expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 14);
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(incompleteBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 13);
    }
    expect(incompleteBeta(0.5, 4.2, 4.2)).toBeCloseTo(0.5, 14);
    // R: pbeta(0.3, 2, 5) = 0.579825
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 6);
  });

  it("beta quantile inverts the incomplete beta (PERT shapes: a, b ≥ 1)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), (p, a, b) => {
        const x = betaQuantile(p, a, b);
        return Math.abs(incompleteBeta(x, a, b) - p) < 1e-10;
      }),
    );
  });

  it("beta quantile is accurate in x for U-shaped and J-shaped betas (a or b < 1)", () => {
    for (const [a, b] of [[0.5, 0.5], [9.2, 0.5], [0.3, 4]]) {
      for (const p of [1e-6, 0.01, 0.5, 0.99, 0.99994]) {
        const x = betaQuantile(p, a, b);
        const h = 1e-12;
        expect(incompleteBeta(Math.max(0, x - h), a, b)).toBeLessThanOrEqual(p + 1e-12);
        expect(incompleteBeta(Math.min(1, x + h), a, b)).toBeGreaterThanOrEqual(p - 1e-12);
      }
    }
  });
});
