/**
 * Our own linear-programming model and solver interface. Model code builds an `LpProblem` (plain arrays,
 * minimization, row-wise sparse matrix) and hands it to any `LpSolver`; only src/solver/highs.ts knows HiGHS.
 *
 *   minimize  Σ_j colCost[j] · x[j]
 *   s.t.      rowLower[i] ≤ Σ_j A[i,j] · x[j] ≤ rowUpper[i]
 *             colLower[j] ≤ x[j] ≤ colUpper[j]
 *
 * Infinite bounds are ±Infinity. Row i's entries are `colIndex/value[rowStart[i] .. rowStart[i+1])`.
 */
export interface LpProblem {
  name: string;
  numCols: number;
  numRows: number;
  colNames: string[];
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  rowStart: Int32Array;
  colIndex: Int32Array;
  value: Float64Array;
}

export type LpStatus =
  | "optimal"
  | "infeasible"
  | "unbounded"
  | "infeasible-or-unbounded"
  | "time-limit"
  | "iteration-limit"
  | "error";

export interface LpSolution {
  status: LpStatus;
  /** the solver's own status text, for messages */
  solverStatus: string;
  /** objective value; NaN unless status is "optimal" */
  objective: number;
  /** column values (length numCols); empty unless optimal */
  primal: Float64Array;
  /**
   * Row duals (length numRows), as marginal objective change per unit increase of the binding row bound:
   * for a minimization, a binding `≥` row has dual ≥ 0 and a binding `≤` row has dual ≤ 0.
   */
  dual: Float64Array;
  /** the solver that produced this solution, when an LpSolver chooses among several (src/solver/choose.ts) */
  solverName?: string;
}

export interface LpSolveOptions {
  /**
   * "auto" lets the solver choose; "simplex" and "ipm" force one (ipm with crossover, so duals stay basic);
   * "ipm-no-crossover" stops at the interior solution (objective and capacities, no basis); "pdlp" is HiGHS's
   * first-order primal-dual method (low accuracy, for very large LPs)
   */
  method?: "auto" | "simplex" | "ipm" | "ipm-no-crossover" | "pdlp";
  presolve?: boolean;
  timeLimitSeconds?: number;
}

export interface LpSolver {
  readonly name: string;
  solve(problem: LpProblem, options?: LpSolveOptions): LpSolution;
}

export const isOptimal = (s: LpSolution): boolean => s.status === "optimal";
