/** A hand-computed LP shared by the solver adapters' tests. */
import { expect } from "vitest";
import { LpBuilder } from "../../src/solver/builder.ts";
import type { LpProblem, LpSolution } from "../../src/solver/lp.ts";

/** min 3x + 2y s.t. x + y ≥ 2, y ≤ 1: optimum x = y = 1, objective 5, duals 3 (≥ row) and −1 (≤ row). */
export function smallLp(): LpProblem {
  const b = new LpBuilder("small");
  const x = b.addColumn("x", 0, Infinity, 3);
  const y = b.addColumn("y", 0, 4, 2);
  b.addRow("need", 2, Infinity, [x, y], [1, 1]);
  b.addRow("cap", -Infinity, 1, [y], [1]);
  return b.build();
}

/** Asserts `smallLp`'s optimum, primal values and duals (LpSolver sign convention) to `digits` decimals. */
export function expectSmallLpOptimum(r: LpSolution, digits: number): void {
  expect(r.status).toBe("optimal");
  expect(r.objective).toBeCloseTo(5, digits);
  expect([...r.primal]).toEqual([1, 1].map((v) => expect.closeTo(v, digits)));
  expect(r.dual[0]).toBeCloseTo(3, digits);
  expect(r.dual[1]).toBeCloseTo(-1, digits);
}
