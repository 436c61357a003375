import { describe, expect, it } from "vitest";
import { columnStats, convergence, meanSd, quantileSorted } from "./stats.ts";
import { pearson } from "../core/correlation.ts";
import { ranks, spearman, standardizedRegression } from "./sensitivity.ts";

describe("statistics", () => {
  it("percentiles interpolate between order statistics (type 7)", () => {
    const s = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(quantileSorted(s, 0.05)).toBe(5);
    expect(quantileSorted(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2.5);
    const st = columnStats(Float64Array.from([3, NaN, 1, 2]));
    expect(st).toMatchObject({ n: 3, mean: 2, sd: 1, min: 1, max: 3 });
    expect(st.percentiles.p50).toBe(2);
    expect(st.standardError).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it("Welford mean/sd are stable for large offsets", () => {
    const x = Float64Array.from([1e12 + 1, 1e12 + 2, 1e12 + 3]);
    expect(meanSd(x)).toEqual({ n: 3, mean: 1e12 + 2, sd: 1 });
  });

  it("convergence lists running means at powers of two", () => {
    const c = convergence(Float64Array.from({ length: 300 }, (_, i) => i));
    expect(c.map((p) => p.samples)).toEqual([64, 128, 256, 300]);
    expect(c[0].mean).toBe(31.5);
  });
});

describe("sensitivity measures", () => {
  it("ranks average ties; Spearman is 1 for monotone relations", () => {
    expect(Array.from(ranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    const x = Float64Array.from({ length: 50 }, (_, i) => i);
    expect(spearman(x, x.map((v) => Math.exp(v / 10)))).toBeCloseTo(1, 12);
    expect(pearson(x, x.map((v) => -2 * v))).toBeCloseTo(-1, 12);
  });

  it("standardized regression recovers an exact linear model", () => {
    const n = 200;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const b = Float64Array.from({ length: n }, (_, i) => Math.cos(3 * i));
    const c = new Float64Array(n).fill(4); // no variance: explains nothing (0, not NaN: issue 15 item 9)
    const y = a.map((v, i) => 2 * v - b[i] + 1);
    const r = standardizedRegression([a, b, c], y);
    const sd = (z: Float64Array): number => meanSd(z).sd;
    expect(r.coefficients[0]).toBeCloseTo((2 * sd(a)) / sd(y), 9);
    expect(r.coefficients[1]).toBeCloseTo(-sd(b) / sd(y), 9);
    expect(r.coefficients[2]).toBe(0);
    expect(r.rSquared).toBeCloseTo(1, 9);
  });
});
