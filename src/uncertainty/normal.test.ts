import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "./normal.ts";

describe("normal quantile (AS 241) and cdf (Cody)", () => {
  // Reference values: R qnorm/pnorm (double precision).
  it.each([
    [0.975, 1.959963984540054],
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
  ])("Φ⁻¹(%d) = %d", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  it.each([
    [1.96, 0.9750021048517795],
    [0, 0.5],
    [-1, 0.15865525393145707],
    [-8, 6.22096057427178e-16],
    [3, 0.9986501019683699],
  ])("Φ(%d) = %d", (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-15 + 1e-13 * p);
  });

  it("reaches the far tail consistently: Φ(Φ⁻¹(1e-300)) = 1e-300", () => {
    expect(normalCdf(normalQuantile(1e-300)) / 1e-300).toBeCloseTo(1, 10);
  });

  it("Φ(Φ⁻¹(p)) = p", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => Math.abs(normalCdf(normalQuantile(p)) - p) <= 1e-14 + 1e-12 * Math.min(p, 1 - p)),
    );
  });

  it("is monotone and antisymmetric", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 0.5, noNaN: true }), fc.double({ min: 1e-9, max: 0.5, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return normalQuantile(lo) <= normalQuantile(hi) && Math.abs(normalQuantile(a) + normalQuantile(1 - a)) < 1e-6;
      }),
    );
  });
});
