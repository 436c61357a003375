import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeDistribution } from "./distributions.ts";
import { sobolIndices, sobolIndicesProblems } from "./sobol-indices.ts";

// Ishigami (Ishigami & Homma 1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, xᵢ ~ U(−π, π), a = 7, b = 0.1.
// Analytic variances (Sobol' & Levitan 1999; Saltelli et al. 2008, "Global Sensitivity Analysis", §4.5):
const A = 7;
const B = 0.1;
const PI4 = Math.PI ** 4;
const V1 = 0.5 * (1 + (B * PI4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = (8 * B ** 2 * Math.PI ** 8) / 225;
const V = V1 + V2 + V13;
const EXPECTED = {
  first: [V1 / V, V2 / V, 0],
  total: [(V1 + V13) / V, V2 / V, V13 / V],
};
const uniform = makeDistribution({ dist: "uniform", min: -Math.PI, max: Math.PI });
const ishigami = (x: Float64Array, out: Float64Array): boolean => {
  out[0] = Math.sin(x[0]) + A * Math.sin(x[1]) ** 2 + B * x[2] ** 4 * Math.sin(x[0]);
  out[1] = x[0] + 2 * x[1]; // linear, additive: Sᵢ = Sᵀᵢ = coefficient² var / total var
  return true;
};

describe("Sobol indices (Saltelli design, Saltelli/Jansen estimators)", () => {
  const r = sobolIndices(ishigami, 2, [uniform, uniform, uniform], 8192, 42);

  it("recovers the Ishigami function's analytic first-order and total indices", () => {
    expect(EXPECTED.first[0]).toBeCloseTo(0.3139, 4);
    expect(EXPECTED.first[1]).toBeCloseTo(0.4424, 4);
    expect(EXPECTED.total[2]).toBeCloseTo(0.2437, 4);
    r.indices[0].forEach((ix, i) => {
      expect(Math.abs(ix.first - EXPECTED.first[i]), `S${i + 1}`).toBeLessThan(0.02);
      expect(Math.abs(ix.total - EXPECTED.total[i]), `ST${i + 1}`).toBeLessThan(0.02);
    });
    expect(r.variance[0]).toBeCloseTo(V, 0);
    expect(r.evaluations).toBe(8192 * 5);
  });

  it("shows the x1-x3 interaction that a one-at-a-time view misses: x3 has no first-order effect but a total one", () => {
    const x3 = r.indices[0][2];
    expect(Math.abs(x3.first)).toBeLessThan(0.02);
    expect(x3.interaction).toBeGreaterThan(0.2);
    expect(r.indices[0][0].interaction).toBeCloseTo(V13 / V, 1);
  });

  it("bootstrap intervals contain the estimate and the analytic value", () => {
    r.indices[0].forEach((ix, i) => {
      expect(ix.firstCi[0]).toBeLessThanOrEqual(ix.first);
      expect(ix.firstCi[1]).toBeGreaterThanOrEqual(ix.first);
      expect(ix.totalCi[0] - 0.01).toBeLessThanOrEqual(EXPECTED.total[i]);
      expect(ix.totalCi[1] + 0.01).toBeGreaterThanOrEqual(EXPECTED.total[i]);
    });
  });

  it("an additive model has first = total = its variance shares (1/5 and 4/5)", () => {
    const [x1, x2, x3] = r.indices[1];
    expect(x1.first).toBeCloseTo(0.2, 2);
    expect(x2.first).toBeCloseTo(0.8, 2);
    expect(x1.total).toBeCloseTo(0.2, 2);
    expect(x2.total).toBeCloseTo(0.8, 2);
    expect(Math.abs(x3.total)).toBeLessThan(1e-12);
  });

  it("is deterministic for a seed and drops rows the model could not evaluate, per output", () => {
    const again = sobolIndices(ishigami, 2, [uniform, uniform, uniform], 8192, 42);
    expect(again).toEqual(r);
    let calls = 0;
    const flaky = (x: Float64Array, out: Float64Array) => ishigami(x, out) && ++calls % 97 !== 0;
    const f = sobolIndices(flaky, 2, [uniform, uniform, uniform], 1024, 1, 50);
    expect(f.droppedRows[0]).toBeGreaterThan(0);
    expect(f.indices[0].every((ix) => Number.isFinite(ix.first) && Number.isFinite(ix.total))).toBe(true);
    // an output that is NaN in some rows loses only those rows; the other output keeps all
    const partial = (x: Float64Array, out: Float64Array) => {
      ishigami(x, out);
      if (x[0] > 3) out[0] = Number.NaN;
      return true;
    };
    const p = sobolIndices(partial, 2, [uniform, uniform, uniform], 1024, 1, 20);
    expect(p.droppedRows[0]).toBeGreaterThan(0);
    expect(p.droppedRows[1]).toBe(0);
  });

  it("total indices are never negative and refuse bad options", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const s = sobolIndices(ishigami, 1, [uniform, uniform, uniform], 64, seed, 20);
        return s.indices[0].every((ix) => ix.total >= 0);
      }),
      { numRuns: 20 },
    );
    expect(sobolIndicesProblems(3, 8)).toEqual(["the base sample size must be an integer from 16 to 1,048,576"]);
    expect(() => sobolIndices(ishigami, 1, [], 64, 1)).toThrow(/at least one uncertain input/);
  });
});
