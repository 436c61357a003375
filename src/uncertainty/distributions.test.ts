import { describe, expect, it } from "vitest";
import { checkDistribution, makeDistribution, Z95 } from "./distributions.ts";
import { fillUniforms } from "./rng.ts";
import { type DistributionSpec, betaSchema, pertSchema } from "../scenario/uncertain-schema.ts";
import { betaQuantile } from "./special.ts";
import fc from "fast-check";

const N = 20_000;

function sample(spec: DistributionSpec, seed: number): Float64Array {
  const u = new Float64Array(N);
  fillUniforms(seed, 0, 0, N, u);
  const out = new Float64Array(N);
  makeDistribution(spec).fill(u, out, N);
  return out;
}

function moments(x: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const v of x) mean += v / x.length;
  let variance = 0;
  for (const v of x) variance += (v - mean) ** 2 / (x.length - 1);
  return { mean, variance };
}

/** Kolmogorov–Smirnov statistic of a sample against a continuous CDF. */
function ks(x: Float64Array, cdf: (v: number) => number): number {
  const s = Float64Array.from(x).sort();
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, Math.abs(f - i / s.length), Math.abs(f - (i + 1) / s.length));
  }
  return d;
}

// Each case: spec, theoretical mean, variance, and known quantiles [p, x] (closed forms or R's q-functions).
const cases: [string, DistributionSpec, number, number, [number, number][]][] = [
  ["uniform", { dist: "uniform", min: 2, max: 10 }, 6, 64 / 12, [[0.25, 4]]],
  ["normal", { dist: "normal", mean: 5, sd: 2 }, 5, 4, [[0.975, 5 + 2 * 1.959963984540054]]],
  ["normal p5/p95", { dist: "normal", p5: 10, p95: 20 }, 15, (5 / Z95) ** 2, [[0.05, 10], [0.95, 20]]],
  ["lognormal mu/sigma", { dist: "lognormal", mu: 1, sigma: 0.5 }, Math.exp(1.125), Math.expm1(0.25) * Math.exp(2.25), [[0.5, Math.E]]],
  ["lognormal mean/sd", { dist: "lognormal", mean: 100, sd: 30 }, 100, 900, []],
  ["lognormal p5/p95", { dist: "lognormal", p5: 40000, p95: 70000 }, NaN, NaN, [[0.05, 40000], [0.95, 70000], [0.5, Math.sqrt(40000 * 70000)]]],
  ["triangular", { dist: "triangular", min: 0, mode: 3, max: 12 }, 5, (0 + 9 + 144 - 0 - 0 - 36) / 18, [[0.25, 3], [0.5, 12 - Math.sqrt(0.5 * 12 * 9)]]],
  ["pert", { dist: "pert", min: 0, mode: 2, max: 10, lambda: 4 }, (0 + 4 * 2 + 10) / 6, NaN, []],
  ["beta", { dist: "beta", alpha: 2, beta: 5, min: 0, max: 1 }, 2 / 7, 10 / (49 * 8), [[0.579825, 0.3]]],
];

describe("distributions: moments, quantiles, Kolmogorov–Smirnov at fixed seeds (n = 20,000)", () => {
  it.each(cases)("%s", (_name, spec, mean, variance, quantiles) => {
    const d = makeDistribution(spec);
    if (!Number.isNaN(mean)) expect(d.mean).toBeCloseTo(mean, 9);
    if (!Number.isNaN(variance)) expect(d.variance).toBeCloseTo(variance, 9);
    for (const [p, x] of quantiles) expect(d.quantile(p)).toBeCloseTo(x, 5);
    for (const seed of [1, 2]) {
      const x = sample(spec, seed);
      const m = moments(x);
      expect(Math.abs(m.mean - d.mean)).toBeLessThan(4 * Math.sqrt(d.variance / N));
      expect(Math.abs(m.variance / d.variance - 1)).toBeLessThan(0.05);
      expect(ks(x, (v) => d.cdf(v))).toBeLessThan(1.628 / Math.sqrt(N)); // 1 % critical value
    }
  });

  it("beta sampling table matches the exact inverse to 1e-10 of the range (PERT and beta shapes)", () => {
    const u = new Float64Array(20000);
    fillUniforms(5, 0, 0, u.length, u);
    u[0] = 1e-13; // beyond the table: exact
    u[1] = 1 - 1e-13;
    for (const spec of [
      { dist: "pert", min: 0, mode: 2, max: 10, lambda: 4 },
      { dist: "beta", alpha: 14, beta: 6, min: 0, max: 1 },
      { dist: "beta", alpha: 0.7, beta: 2.5, min: 0, max: 1 },
      { dist: "pert", min: 5, mode: 5, max: 6, lambda: 4 },
    ] as DistributionSpec[]) {
      const d = makeDistribution(spec);
      const out = new Float64Array(u.length);
      d.fill(u, out, u.length);
      let worst = 0;
      for (let i = 0; i < u.length; i++) worst = Math.max(worst, Math.abs(out[i] - d.quantile(u[i])));
      expect(worst / (d.upper - d.lower)).toBeLessThan(1e-10);
    }
  });

  it("PERT variance follows the beta it is built on: (μ − min)(max − μ)/(λ + 3)", () => {
    const d = makeDistribution({ dist: "pert", min: 0, mode: 2, max: 10, lambda: 4 });
    expect(d.variance).toBeCloseTo((d.mean * (10 - d.mean)) / 7, 9);
  });

  it("discrete and empirical: probabilities by weight", () => {
    const d = makeDistribution({ dist: "discrete", values: [3, 1, 2], weights: [1, 2, 1] });
    expect(d.mean).toBeCloseTo((3 + 2 + 2) / 4, 12);
    const x = sample({ dist: "discrete", values: [3, 1, 2], weights: [1, 2, 1] }, 3);
    const share = (v: number): number => x.filter((y) => y === v).length / N;
    expect(share(1)).toBeCloseTo(0.5, 1);
    expect(share(2)).toBeCloseTo(0.25, 1);
    expect(d.quantile(0.5)).toBe(1);
    expect(d.quantile(0.5000001)).toBe(2);
    const e = makeDistribution({ dist: "empirical", values: [10, 20, 30, 40] });
    expect(e.mean).toBe(25);
    expect(e.cdf(20)).toBe(0.5);
  });

  it("fixed is a constant", () => {
    expect(Array.from(sample({ dist: "fixed", value: 7 }, 1).subarray(0, 5))).toEqual([7, 7, 7, 7, 7]);
  });
});

describe("checkDistribution", () => {
  it("reports inconsistent parameters with their path", () => {
    expect(checkDistribution({ dist: "uniform", min: 5, max: 5 }, "u")).toEqual([{ path: "u.max", severity: "error", message: "must be > min (5); use {dist: fixed} for a constant" }]);
    expect(checkDistribution({ dist: "triangular", min: 0, mode: 11, max: 10 }, "t")[0].path).toBe("t.mode");
    expect(checkDistribution({ dist: "normal", mean: 1 }, "n")[0].message).toMatch(/exactly one parameter pair/);
    expect(checkDistribution({ dist: "lognormal", mu: 1, sigma: 1, p5: 1, p95: 2 }, "l")).toHaveLength(1);
    expect(checkDistribution({ dist: "lognormal", p5: 3, p95: 2 }, "l")[0].path).toBe("l.p95");
    expect(checkDistribution({ dist: "discrete", values: [1, 2], weights: [1] }, "d")[0].path).toBe("d.weights");
    expect(checkDistribution({ dist: "pert", min: 0, mode: 1, max: 2, lambda: 4 }, "p")).toEqual([]);
  });
});

describe("beta/PERT fast path over the whole valid parameter range (issue 15 item 8)", () => {
  it("is within 1e-6 of the exact inverse CDF and never leaves [min, max]", () => {
    const shape = fc.double({ min: Math.log(0.01), max: Math.log(1e5), noNaN: true }).map(Math.exp);
    fc.assert(
      fc.property(shape, shape, fc.array(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), { minLength: 20, maxLength: 20 }), (alpha, beta, us) => {
        const d = makeDistribution({ dist: "beta", alpha, beta, min: 10, max: 20 });
        const u = Float64Array.from(us);
        const out = new Float64Array(us.length);
        d.fill(u, out, us.length);
        for (let i = 0; i < us.length; i++) {
          expect(out[i]).toBeGreaterThanOrEqual(10);
          expect(out[i]).toBeLessThanOrEqual(20);
          expect(Math.abs(out[i] - (10 + 10 * betaQuantile(us[i], alpha, beta)))).toBeLessThanOrEqual(1e-5); // 1e-6 of the range
        }
      }),
      { seed: 15, numRuns: 40 },
    );
  });
  it("the schema refuses shapes it cannot serve (alpha 1e-300) and PERT weights beyond 1,000", () => {
    expect(betaSchema.safeParse({ dist: "beta", alpha: 1e-300, beta: 2 }).success).toBe(false);
    expect(betaSchema.safeParse({ dist: "beta", alpha: 0.5, beta: 2e5 }).success).toBe(false);
    expect(pertSchema.safeParse({ dist: "pert", min: 0, mode: 1, max: 2, lambda: 1e6 }).success).toBe(false);
  });
});
