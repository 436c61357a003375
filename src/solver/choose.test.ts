import { describe, expect, it } from "vitest";
import { FREE_CAPACITY as free, makeSeries, sizingProblem, syntheticYear } from "../../test/helpers/power-series.ts";
import { buildSizingLp } from "../power/optimize/build.ts";
import { fixedPortfolioBounds } from "../power/optimize/site-result.ts";
import { LpBuilder } from "./builder.ts";
import { AUTO_IPM_MIN_ROWS, createLpSolver, hasDenseColumn, prefersIpm } from "./choose.ts";
import { IPM_SOLVER_NAME } from "./ipm/ipm-solver.ts";

const hourlyYear = (bounds: ReturnType<typeof sizingProblem>["bounds"]) => {
  const { pv, wind } = syntheticYear(8760, 2);
  return buildSizingLp(sizingProblem(makeSeries({ loadMw: 100, pvCapacityFactor: [...pv], windCapacityFactor: [...wind] }, 8760), { bounds, target: { kind: "cfe-247", levelFraction: 0.8, countGridClean: false } })).lp;
};

describe("LP solver choice", () => {
  it("sends only large sizing LPs (capacities free over many steps) to the interior point under auto", () => {
    const sizing = hourlyYear({ pvMw: free, windMw: free, batteryMw: free, batteryMwh: free, gasMw: free, firmCleanMw: free });
    expect(sizing.numRows).toBeGreaterThanOrEqual(AUTO_IPM_MIN_ROWS);
    expect(hasDenseColumn(sizing)).toBe(true);
    expect(prefersIpm(sizing)).toBe(true);
    // the same year with the capacities fixed: a dispatch LP, no dense column (HiGHS)
    const dispatch = hourlyYear(fixedPortfolioBounds({ pvMw: 100, windMw: 100, batteryMw: 20, batteryMwh: 80, gasMw: 50, firmCleanMw: 0 }));
    expect(hasDenseColumn(dispatch)).toBe(false);
    expect(prefersIpm(dispatch)).toBe(false);
  });

  it("names the solver that produced each solution", async () => {
    const b = new LpBuilder("small");
    const x = b.addColumn("x", 0, Infinity, 3);
    b.addRow("need", 2, Infinity, [x], [1]);
    const small = b.build();
    const auto = await createLpSolver("auto");
    expect(auto.solve(small).solverName).toMatch(/^HiGHS/);
    const ipm = await createLpSolver("ipm");
    const r = ipm.solve(small);
    expect(r.solverName).toBe(IPM_SOLVER_NAME);
    expect(r.objective).toBeCloseTo(6, 6);
    expect((await createLpSolver("highs")).solve(small).solverName).toBeUndefined();
  });
});
