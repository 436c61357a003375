import { describe, expect, it } from "vitest";
import { expectSmallLpOptimum, smallLp } from "../../test/helpers/lp-problems.ts";
import fc from "fast-check";
import { LpBuilder } from "./builder.ts";
import { createHighsSolver } from "./highs.ts";


describe("HiGHS adapter", async () => {
  const arrays = await createHighsSolver({ input: "arrays" });
  const text = await createHighsSolver({ input: "lp-text" });

  it.each([["arrays", arrays], ["lp-text", text]] as const)("solves a hand-computed LP (%s)", (_, solver) => {
    expectSmallLpOptimum(solver.solve(smallLp()), 9);
  });

  it("reports infeasible and unbounded models as statuses, never as numbers", () => {
    const b = new LpBuilder("infeasible");
    const x = b.addColumn("x", 0, 1, 1);
    b.addRow("r", 2, Infinity, [x], [1]);
    const inf = arrays.solve(b.build());
    expect(inf.status).toMatch(/infeasible/);
    expect(Number.isNaN(inf.objective)).toBe(true);
    expect(inf.primal).toHaveLength(0);
    const u = new LpBuilder("unbounded");
    const z = u.addColumn("z", 0, Infinity, -1);
    u.addRow("r", 0, Infinity, [z], [1]);
    expect(arrays.solve(u.build()).status).toMatch(/unbounded/);
    expect(text.solve(u.build()).status).toMatch(/unbounded/);
  });

  it("gives the same optimum through LP text as through arrays (random feasible LPs)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 4, maxLength: 4 }),
        (rows, costs) => {
          // covering LP: min c·x s.t. A x ≥ 1, 0 ≤ x ≤ 10 (feasible when every row has a positive entry)
          const b = new LpBuilder("cover");
          const cols = costs.map((c, j) => b.addColumn(`x${j}`, 0, 10, c));
          rows.forEach((a, i) => b.addRow(`r${i}`, a.some((v) => v > 0) ? 1 : 0, Infinity, cols, a));
          const p = b.build();
          const ra = arrays.solve(p);
          const rt = text.solve(p);
          expect(ra.status).toBe("optimal");
          expect(rt.status).toBe("optimal");
          expect(Math.abs(ra.objective - rt.objective)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ra.objective)));
        },
      ),
      { numRuns: 25 },
    );
  });
});
