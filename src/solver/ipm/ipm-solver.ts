/**
 * gigaplan's interior-point method behind the `LpSolver` interface (src/solver/lp.ts).
 *
 * It returns an interior optimum: the objective, the capacities and the duals to the tolerances (1e-8 relative
 * by default), but not a vertex: where several dispatches cost the same, the hourly values are the centre of
 * them. It cannot prove a problem infeasible or unbounded; when it does not reach an optimum, the `fallback`
 * solver (HiGHS in gigaplan) solves the problem again, so statuses stay exact. `LpSolveOptions` (algorithm,
 * presolve, time limit) are HiGHS's: they go to the fallback; the interior point has its own `IpmOptions`.
 */
import type { LpProblem, LpSolution, LpSolveOptions, LpSolver } from "../lp.ts";
import { type IpmOptions, solveIpm } from "./ipm.ts";
import { fromStandardForm, toStandardForm } from "./standard-form.ts";

export interface IpmSolverOptions extends IpmOptions {
  /** solves the problem when the interior point does not reach an optimum */
  fallback?: LpSolver;
}

export const IPM_SOLVER_NAME = "gigaplan IPM (interior point, banded normal equations, no crossover)";

export function createIpmSolver(options: IpmSolverOptions = {}): LpSolver {
  const { fallback, ...ipm } = options;
  const name = fallback ? `${IPM_SOLVER_NAME}, falling back to ${fallback.name}` : IPM_SOLVER_NAME;
  return {
    name,
    solve: (p: LpProblem, o: LpSolveOptions = {}): LpSolution => {
      const r = solveIpm(toStandardForm(p), ipm);
      if (r.status === "optimal") {
        const { primal, dual } = fromStandardForm(p, r.sf, r.x, r.y);
        return { status: "optimal", solverStatus: `Optimal (interior point, ${r.iterations} iterations)`, objective: r.objective, primal, dual, solverName: IPM_SOLVER_NAME };
      }
      if (fallback) {
        const f = fallback.solve(p, o);
        return { ...f, solverName: f.solverName ?? fallback.name, solverStatus: `${f.solverStatus} (after the interior point ${r.status} at iteration ${r.iterations})` };
      }
      const status = r.status === "iteration-limit" ? "iteration-limit" : "error";
      return { status, solverStatus: `interior point: ${r.status} after ${r.iterations} iterations`, objective: Number.NaN, primal: new Float64Array(0), dual: new Float64Array(0) };
    },
  };
}
