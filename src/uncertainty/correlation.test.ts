import { describe, expect, it } from "vitest";
import { applyCopula, cholesky, makeCopula, repairCorrelation, symmetricEigen } from "./correlation.ts";
import { makeDistribution } from "./distributions.ts";
import { fillUniforms } from "./rng.ts";
import { spearman } from "./sensitivity.ts";

describe("Cholesky and eigen", () => {
  it("factor a known matrix", () => {
    const l = cholesky(Float64Array.from([4, 2, 2, 3]), 2);
    expect(Array.from(l ?? [])).toEqual([2, 0, 1, Math.SQRT2]);
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(Array.from(values).sort()).toEqual([expect.closeTo(1, 12), expect.closeTo(3, 12)]);
  });

  it("repair gives a positive-definite matrix with unit diagonal", () => {
    const bad = Float64Array.from([1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]);
    expect(cholesky(bad, 3)).toBeNull();
    const fixed = repairCorrelation(bad, 3);
    expect(cholesky(fixed, 3)).not.toBeNull();
    for (let i = 0; i < 3; i++) expect(fixed[i * 4]).toBeCloseTo(1, 12);
  });
});

describe("Gaussian copula", () => {
  it("reaches the target rank correlations within ±0.02 at n = 10,000 (non-normal marginals)", () => {
    const n = 10_000;
    const target = [1, 0.7, -0.4, 0.7, 1, 0.2, -0.4, 0.2, 1];
    const { copula, diagnostics } = makeCopula([0, 1, 2], Float64Array.from(target), "m");
    expect(diagnostics).toEqual([]);
    const cols = [0, 1, 2].map((d) => {
      const u = new Float64Array(n);
      fillUniforms(11, d, 0, n, u);
      return u;
    });
    applyCopula(copula!, cols, n, new Float64Array(3), new Float64Array(3));
    const dists = [makeDistribution({ dist: "lognormal", mu: 0, sigma: 1 }), makeDistribution({ dist: "triangular", min: 0, mode: 1, max: 5 }), makeDistribution({ dist: "pert", min: 0, mode: 8, max: 10, lambda: 4 })];
    const x = cols.map((u, d) => {
      const out = new Float64Array(n);
      dists[d].fill(u, out, n);
      return out;
    });
    expect(Math.abs(spearman(x[0], x[1]) - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(spearman(x[0], x[2]) + 0.4)).toBeLessThan(0.02);
    expect(Math.abs(spearman(x[1], x[2]) - 0.2)).toBeLessThan(0.02);
    // marginals unchanged: the triangular column still has its mean
    let mean = 0;
    for (const v of x[1]) mean += v / n;
    expect(mean).toBeCloseTo(2, 1);
  });

  it("repairs a non-positive-definite matrix with a warning, rejects a non-symmetric one", () => {
    const bad = makeCopula([0, 1, 2], Float64Array.from([1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]), "uncertain.correlations");
    expect(bad.copula).not.toBeNull();
    expect(bad.diagnostics).toEqual([{ path: "uncertain.correlations", severity: "warning", message: expect.stringMatching(/not positive definite: repaired/) }]);
    const asym = makeCopula([0, 1], Float64Array.from([1, 0.5, 0.4, 1]), "m");
    expect(asym.copula).toBeNull();
    expect(asym.diagnostics[0]).toMatchObject({ path: "m[1][0]", severity: "error" });
  });
});
