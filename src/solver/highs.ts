/**
 * HiGHS (npm `highs`, WebAssembly) behind the `LpSolver` interface. The runtime is loaded once and reused;
 * every solve gets a fresh native model that is disposed afterwards. Two ways in:
 * - "arrays" (default): the row-wise matrix is passed to HiGHS as it is (`passModel`), no text parsing;
 * - "lp-text": the problem is written as CPLEX LP text (src/solver/lp-writer.ts) and HiGHS parses it, the same
 *   file `--write-lp` saves and other solvers (CBC) read.
 * Solver status is always checked: anything but "optimal" comes back as a status, never as numbers.
 */
import type { Highs } from "highs";
import type { LpProblem, LpSolution, LpSolveOptions, LpSolver, LpStatus } from "./lp.ts";
import { writeLp } from "./lp-writer.ts";

type HighsLoader = (typeof import("highs"))["default"];

/** The package's loader, imported on first use (a command that solves nothing never loads it). */
async function loadHighs(): Promise<Highs> {
  const highsModule = await import("highs");
  // The package's ESM build default-exports the loader; its single .d.ts is typed as CommonJS, hence the cast.
  const exported = highsModule.default as unknown;
  const load = (typeof exported === "function" ? exported : (exported as { default: HighsLoader }).default) as HighsLoader;
  return load();
}

let runtime: Promise<Highs> | null = null;

/** The one HiGHS runtime of this process (loaded on first use). */
export function highsRuntime(): Promise<Highs> {
  if (runtime === null) runtime = loadHighs();
  return runtime;
}

const STATUS_BY_TEXT: Record<string, LpStatus> = {
  Optimal: "optimal",
  Infeasible: "infeasible",
  Unbounded: "unbounded",
  "Primal infeasible or unbounded": "infeasible-or-unbounded",
  "Time limit reached": "time-limit",
  "Iteration limit reached": "iteration-limit",
};

const STATUS_BY_CODE: Record<number, [LpStatus, string]> = {
  7: ["optimal", "Optimal"],
  8: ["infeasible", "Infeasible"],
  9: ["infeasible-or-unbounded", "Primal infeasible or unbounded"],
  10: ["unbounded", "Unbounded"],
  13: ["time-limit", "Time limit reached"],
  14: ["iteration-limit", "Iteration limit reached"],
};

function highsOptions(o: LpSolveOptions): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = { output_flag: false };
  const solver = { simplex: "simplex", ipm: "ipm", "ipm-no-crossover": "ipm", pdlp: "pdlp", auto: "choose" } as const;
  out.solver = solver[o.method ?? "auto"];
  if (o.method === "ipm") out.run_crossover = "on";
  if (o.method === "ipm-no-crossover") out.run_crossover = "off";
  if (o.presolve !== undefined) out.presolve = o.presolve ? "on" : "off";
  if (o.timeLimitSeconds !== undefined) out.time_limit = o.timeLimitSeconds;
  return out;
}

const failed = (status: LpStatus, solverStatus: string): LpSolution => ({
  status,
  solverStatus,
  objective: Number.NaN,
  primal: new Float64Array(0),
  dual: new Float64Array(0),
});

function solveArrays(highs: Highs, p: LpProblem, o: LpSolveOptions): LpSolution {
  const model = highs.createModel();
  try {
    model.options.set(highsOptions(o));
    model.passModel({
      numCols: p.numCols,
      numRows: p.numRows,
      colCost: p.colCost,
      colLower: p.colLower,
      colUpper: p.colUpper,
      rowLower: p.rowLower,
      rowUpper: p.rowUpper,
      matrix: { format: "csr", numRows: p.numRows, numCols: p.numCols, starts: p.rowStart, indices: p.colIndex, values: p.value },
    });
    model.run();
    const code = model.getModelStatus();
    const [status, text] = STATUS_BY_CODE[code] ?? ["error", `HiGHS model status ${code}`];
    if (status !== "optimal") return failed(status, text);
    const sol = model.getSolution();
    return { status, solverStatus: text, objective: model.getObjectiveValue(), primal: sol.colValue, dual: sol.rowDual };
  } finally {
    model.dispose();
  }
}

function solveLpText(highs: Highs, p: LpProblem, o: LpSolveOptions): LpSolution {
  const lp = writeLp(p);
  const r = highs.solve(lp.text, highsOptions(o) as Parameters<Highs["solve"]>[1]);
  const status = STATUS_BY_TEXT[r.Status] ?? "error";
  if (status !== "optimal" || !("Rows" in r)) return failed(status, r.Status);
  const primal = new Float64Array(p.numCols);
  const cols = r.Columns as Record<string, { Primal: number }>;
  for (let j = 0; j < p.numCols; j++) {
    const c = cols[lp.colNames[j]];
    primal[j] = c ? c.Primal : Math.min(Math.max(0, p.colLower[j]), p.colUpper[j]);
  }
  const dual = new Float64Array(p.numRows);
  const rows = r.Rows as { Dual?: number }[];
  for (let k = 0; k < rows.length; k++) dual[lp.rowOrigin[k]] += rows[k].Dual ?? 0;
  return { status, solverStatus: r.Status, objective: r.ObjectiveValue, primal, dual };
}

export interface HighsSolverOptions {
  input?: "arrays" | "lp-text";
}

/** An `LpSolver` backed by HiGHS. */
export async function createHighsSolver(options: HighsSolverOptions = {}): Promise<LpSolver> {
  const highs = await highsRuntime();
  const input = options.input ?? "arrays";
  return {
    name: `HiGHS ${highs.version.string} (wasm, ${input})`,
    solve: (p, o = {}) => {
      try {
        return input === "arrays" ? solveArrays(highs, p, o) : solveLpText(highs, p, o);
      } catch (e) {
        // e.g. the 2 GiB WebAssembly memory cap on a very large model: a status, not a crash
        return failed("error", `HiGHS failed: ${(e as Error).message}`);
      }
    },
  };
}
