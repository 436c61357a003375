import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectSmallLpOptimum, smallLp } from "../../../test/helpers/lp-problems.ts";
import { FREE_CAPACITY as free, makeSeries, sizingProblem, syntheticYear } from "../../../test/helpers/power-series.ts";
import { buildSizingLp } from "../../power/optimize/build.ts";
import { optimizePortfolio } from "../../power/optimize/optimize.ts";
import type { SizingProblem } from "../../power/optimize/problem.ts";
import { LpBuilder } from "../builder.ts";
import { createHighsSolver } from "../highs.ts";
import type { LpProblem } from "../lp.ts";
import { solveIpm } from "./ipm.ts";
import { createIpmSolver } from "./ipm-solver.ts";
import { toStandardForm } from "./standard-form.ts";

const highs = await createHighsSolver();
const ipm = createIpmSolver();
const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));


/** Every kind of bound: free, upper-only, fixed and boxed columns; equality, ≤, ≥ and ranged rows. */
function allBounds(): LpProblem {
  const b = new LpBuilder("bounds");
  const f = b.addColumn("free", -Infinity, Infinity, 1);
  const up = b.addColumn("upper_only", -Infinity, 5, -2);
  const fixed = b.addColumn("fixed", 3, 3, 4);
  const box = b.addColumn("box", -1, 2, 1);
  b.addRow("eq", 1, 1, [f, up, box], [1, 1, 1]);
  b.addRow("le", -Infinity, 6, [up, fixed], [1, 1]);
  b.addRow("ge", -4, Infinity, [f, box], [1, -1]);
  b.addRow("range", -2, 7, [f, up, fixed], [1, 2, 1]);
  return b.build();
}

/** Four synthetic weeks, hourly, every technology free to size, grid import up to 80 MW, with the given target. */
function fourWeekSizing(target?: SizingProblem["target"]): SizingProblem {
  const n = 24 * 28;
  const { pv, wind } = syntheticYear(n * 13, 5);
  const s = makeSeries({ loadMw: 100, pvCapacityFactor: [...pv.subarray(0, n)], windCapacityFactor: [...wind.subarray(0, n)], gridPriceUsdPerMwh: 60 }, n);
  return sizingProblem(s, {
    bounds: { pvMw: free, windMw: free, batteryMw: free, batteryMwh: free, gasMw: free, firmCleanMw: free },
    unitCosts: { pvUsdPerMwYear: 60_000, windUsdPerMwYear: 110_000, batteryPowerUsdPerMwYear: 20_000, batteryEnergyUsdPerMwhYear: 25_000, gasUsdPerMwYear: 90_000, firmCleanUsdPerMwYear: 600_000 },
    gridImportLimitMw: 80,
    ...(target ? { target } : {}),
  });
}

describe("interior-point LP solver", () => {
  it("solves a hand-computed LP: primal values and duals with the LpSolver sign convention", () => {
    expectSmallLpOptimum(ipm.solve(smallLp()), 6);
  });

  it("handles every kind of column and row bound as HiGHS does", () => {
    const p = allBounds();
    const a = ipm.solve(p);
    const h = highs.solve(p);
    expect(h.status).toBe("optimal");
    expect(a.status).toBe("optimal");
    expect(a.objective).toBeCloseTo(h.objective, 6);
    p.colLower.forEach((lo, j) => {
      expect(a.primal[j]).toBeGreaterThanOrEqual(lo - 1e-7);
      expect(a.primal[j]).toBeLessThanOrEqual(p.colUpper[j] + 1e-7);
    });
    expect(a.primal[2]).toBe(3);
  });

  it("gives HiGHS's optimum on random feasible LPs (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -3, max: 9 }), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 5, maxLength: 5 }),
        (rows, costs, uppers) => {
          // min c·x s.t. A x ≥ rhs, 0 ≤ x ≤ u, with rhs met by x = u/2 (so feasible); bounded as c > 0 and x ≤ u
          const b = new LpBuilder("random");
          const cols = costs.map((c, j) => b.addColumn(`x${j}`, 0, uppers[j], c));
          rows.forEach((a, i) => b.addRow(`r${i}`, a.reduce((s, v, j) => s + (v * uppers[j]) / 2, 0) - 1, Infinity, cols, a));
          const p = b.build();
          const h = highs.solve(p);
          const r = ipm.solve(p);
          expect(r.status).toBe("optimal");
          expect(relDiff(r.objective, h.objective)).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("returns duals HiGHS's sign convention makes consistent: mixed bounds and row kinds, random (fast-check)", () => {
    const bound = fc.constantFrom(-Infinity, -5, 0, 4, 7, 10, Infinity);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(bound, bound, fc.integer({ min: -3, max: 7 })), { minLength: 2, maxLength: 5 }),
        fc.array(fc.tuple(fc.array(fc.integer({ min: -2, max: 4 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -4, max: 4 })), { minLength: 1, maxLength: 4 }),
        (colSpecs, rowSpecs) => {
          const b = new LpBuilder("mixed");
          const cols = colSpecs.map(([l, u, c], j) => b.addColumn(`x${j}`, Math.min(l, u), Math.max(l, u), c));
          rowSpecs.forEach(([a, kind, v], i) => {
            const [lo, up] = kind === 0 ? [v, v] : kind === 1 ? [v, Infinity] : kind === 2 ? [-Infinity, v] : [v - 3, v + 3];
            b.addRow(`r${i}`, lo, up, cols, a.slice(0, cols.length));
          });
          const p = b.build();
          const h = highs.solve(p);
          fc.pre(h.status === "optimal");
          const r = ipm.solve(p);
          expect(r.status).toBe("optimal");
          expect(relDiff(r.objective, h.objective)).toBeLessThan(1e-6);
          const activity = (i: number): number => {
            let s = 0;
            for (let k = p.rowStart[i]; k < p.rowStart[i + 1]; k++) s += p.value[k] * r.primal[p.colIndex[k]];
            return s;
          };
          // a row's dual is ≥ 0 unless its upper bound binds, ≤ 0 unless its lower bound binds
          for (let i = 0; i < p.numRows; i++) {
            const s = activity(i);
            expect(s).toBeGreaterThanOrEqual(p.rowLower[i] - 1e-6);
            expect(s).toBeLessThanOrEqual(p.rowUpper[i] + 1e-6);
            if (p.rowUpper[i] - s > 1e-5) expect(r.dual[i]).toBeGreaterThanOrEqual(-1e-4);
            if (s - p.rowLower[i] > 1e-5) expect(r.dual[i]).toBeLessThanOrEqual(1e-4);
          }
          // reduced costs c − Aᵀy: ≥ 0 off the upper bound, ≤ 0 off the lower bound
          for (let j = 0; j < p.numCols; j++) {
            let d = p.colCost[j];
            for (let i = 0; i < p.numRows; i++) for (let k = p.rowStart[i]; k < p.rowStart[i + 1]; k++) if (p.colIndex[k] === j) d -= p.value[k] * r.dual[i];
            if (p.colUpper[j] - r.primal[j] > 1e-5) expect(d).toBeGreaterThanOrEqual(-1e-4);
            if (r.primal[j] - p.colLower[j] > 1e-5) expect(d).toBeLessThanOrEqual(1e-4);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("cannot prove infeasibility itself: without a fallback it reports no optimum, with HiGHS as fallback the exact status", () => {
    const b = new LpBuilder("infeasible");
    const x = b.addColumn("x", 0, 1, 1);
    b.addRow("r", 2, Infinity, [x], [1]);
    const alone = createIpmSolver({ maxIterations: 50 }).solve(b.build());
    expect(alone.status).not.toBe("optimal");
    expect(Number.isNaN(alone.objective)).toBe(true);
    expect(createIpmSolver({ maxIterations: 50, fallback: highs }).solve(b.build()).status).toMatch(/infeasible/);
  });

  it("sizes a four-week hourly portfolio to HiGHS's optimum: objective, capacities and the target's dual", () => {
    const p = fourWeekSizing({ kind: "cfe-247", levelFraction: 0.9, countGridClean: false });
    const h = optimizePortfolio(p, highs);
    const r = optimizePortfolio(p, ipm);
    expect(h.status).toBe("optimal");
    expect(r.status).toBe("optimal");
    expect(relDiff(r.objectiveUsd, h.objectiveUsd)).toBeLessThan(1e-7);
    expect(relDiff(r.targetMarginalCostUsdPerMwh!, h.targetMarginalCostUsdPerMwh!)).toBeLessThan(1e-4);
    // the capacities of a unique optimum; the load is served every hour by the interior dispatch too
    const hp = h.dispatch!.portfolio;
    const rp = r.dispatch!.portfolio;
    for (const k of ["pvMw", "windMw", "batteryMw", "batteryMwh", "gasMw", "firmCleanMw"] as const) expect(Math.abs(rp[k] - hp[k])).toBeLessThan(1e-3 * Math.max(1, hp[k]));
  });

  it("stops early on an LP where its primal residual diverges, and the fallback solves it exactly", () => {
    // four weeks, no target: round-off drives the primal residual from 1e-8 up (found by a reviewer)
    const lp = buildSizingLp(fourWeekSizing()).lp;
    const alone = solveIpm(toStandardForm(lp));
    expect(alone.status).toBe("stalled");
    expect(alone.iterations).toBeLessThan(40);
    const h = highs.solve(lp);
    const r = createIpmSolver({ fallback: highs }).solve(lp);
    expect(r.status).toBe("optimal");
    expect(r.solverName).toBe(highs.name);
    expect(r.solverStatus).toMatch(/after the interior point stalled/);
    expect(r.objective).toBe(h.objective);
  });

  it("reports its iterations, ending at the tolerances", () => {
    const lp = buildSizingLp(sizingProblem(makeSeries({ loadMw: [100, 50, 80], gridPriceUsdPerMwh: [30, 90, 50] }), { bounds: { ...sizingProblem(makeSeries({ loadMw: 1 })).bounds, gasMw: free } })).lp;
    const seen: number[] = [];
    const r = solveIpm(toStandardForm(lp), { onIteration: (i) => seen.push(i.iteration) });
    expect(r.status).toBe("optimal");
    expect(seen).toEqual([...Array(r.iterations).keys()]);
    expect(r.primalInfeasibility).toBeLessThanOrEqual(1e-8);
    expect(r.dualInfeasibility).toBeLessThanOrEqual(1e-8);
    expect(r.relativeGap).toBeLessThanOrEqual(1e-8);
  });
});
