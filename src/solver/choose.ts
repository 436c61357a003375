/**
 * Which LP solver gigaplan uses. `auto` (the default): gigaplan's interior-point method (src/solver/ipm) for
 * large sizing LPs (at least AUTO_IPM_MIN_ROWS rows and a dense column, i.e. capacities free to size over many
 * time steps: the exact hourly LP, where it is several times faster than the simplex), HiGHS everywhere else
 * (small LPs, fixed-capacity dispatch LPs, and whenever the interior point does not reach an optimum).
 */
import { createHighsSolver } from "./highs.ts";
import { createIpmSolver } from "./ipm/ipm-solver.ts";
import { denseColumnThreshold } from "./ipm/normal-equations.ts";
import type { LpProblem, LpSolver } from "./lp.ts";

export const LP_SOLVER_CHOICES = ["auto", "highs", "ipm"] as const;
export type LpSolverChoice = (typeof LP_SOLVER_CHOICES)[number];

/** Under `auto`, LPs with at least this many rows (and a dense column) go to the interior point. */
export const AUTO_IPM_MIN_ROWS = 20_000;

/** A column free to move (not fixed) with more entries than the interior point's dense threshold: a capacity that bounds every hour. */
export function hasDenseColumn(p: LpProblem): boolean {
  const count = new Int32Array(p.numCols);
  const limit = denseColumnThreshold(p.numRows);
  for (let k = 0; k < p.colIndex.length; k++) {
    const j = p.colIndex[k];
    if (++count[j] > limit && p.colLower[j] !== p.colUpper[j]) return true;
  }
  return false;
}

export const prefersIpm = (p: LpProblem): boolean => p.numRows >= AUTO_IPM_MIN_ROWS && hasDenseColumn(p);

export async function createLpSolver(choice: LpSolverChoice = "auto"): Promise<LpSolver> {
  const highs = await createHighsSolver();
  if (choice === "highs") return highs;
  const ipm = createIpmSolver({ fallback: highs });
  if (choice === "ipm") return ipm;
  return {
    name: "HiGHS or gigaplan IPM (auto)",
    solve: (p, o) => {
      // a HiGHS algorithm asked for by name is HiGHS's to run
      const chosen = (o?.method ?? "auto") === "auto" && prefersIpm(p) ? ipm : highs;
      const r = chosen.solve(p, o);
      return { ...r, solverName: r.solverName ?? chosen.name };
    },
  };
}
