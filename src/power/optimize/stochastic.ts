/**
 * Sizing under uncertainty (issue 13 item 4). Given N equally likely samples of one site's sizing problem (load,
 * prices, costs drawn from the scenario's `uncertain` block; the same calendar steps in every sample):
 * - WS (wait and see): each sample's own optimum, and their mean;
 * - RP (recourse problem): one two-stage LP, capacities chosen once (first stage, at the mean capacity cost of the
 *   samples), dispatch per sample (second stage, weighted 1/N), every sample's clean target met;
 * - EV: the optimum of the mean problem (series and parameters averaged over the samples), and EEV its capacities
 *   dispatched in every sample (capacities fixed).
 * VSS = EEV − RP ≥ 0 (what planning for the spread saves against planning for the mean) and EVPI = RP − WS ≥ 0
 * (what knowing the sample before building would be worth). Pure; the solver is passed in.
 */
import { LpBuilder } from "../../solver/builder.ts";
import type { LpSolver, LpStatus } from "../../solver/lp.ts";
import { defineBalance, defineCapacityLimits, defineFlexibility, defineStorage, defineTarget } from "./constraints.ts";
import { optimizePortfolio, readDispatch } from "./optimize.ts";
import { type Capacities, type SizingProblem, capacitiesOf } from "./problem.ts";
import { fixedPortfolioBounds } from "./site-result.ts";

export type { Capacities };
import { type CapacityColumns, type SizingColumns, capacityCosts, defineCapacityColumns, defineStepColumns } from "./variables.ts";



/** The problem with each step's weight divided by `n`: its second-stage costs count 1/n in a shared objective (its rows are homogeneous in the weights). */
function scaled(p: SizingProblem, n: number): SizingProblem {
  const steps = p.series.loadMw.length;
  const w = new Float64Array(steps);
  for (let t = 0; t < steps; t++) w[t] = (p.stepWeight ? p.stepWeight[t] : 1) / n;
  return { ...p, stepWeight: w };
}

export interface TwoStageResult {
  status: LpStatus;
  solverStatus: string;
  /** expected annual cost: capacity costs + the mean of the samples' operating costs */
  expectedCostUsd: number;
  capacities: Capacities | null;
  lpColumns: number;
  lpRows: number;
}

/** The recourse problem: capacities shared by every sample, each sample's dispatch and target its own. */
export function solveTwoStage(samples: readonly SizingProblem[], solver: LpSolver): TwoStageResult {
  const n = samples.length;
  const steps = samples.reduce((a, p) => a + p.series.loadMw.length, 0);
  const b = new LpBuilder("gigaplan_two_stage_sizing", { cols: 10 * steps + 8, rows: 6 * steps + n + 2, nonZeros: 24 * steps + 16 });
  const costs = samples.map(capacityCosts);
  const mean = Object.fromEntries(Object.keys(costs[0]).map((k) => [k, costs.reduce((a, c) => a + c[k as keyof CapacityColumns], 0) / n])) as unknown as CapacityColumns;
  const capacity = defineCapacityColumns(b, samples[0], mean);
  const columns: SizingColumns[] = [];
  for (const p0 of samples) {
    const p = scaled(p0, n);
    const v: SizingColumns = { steps: p.series.loadMw.length, capacity, block: defineStepColumns(b, p) };
    defineBalance(b, p, v);
    defineCapacityLimits(b, p, v);
    defineStorage(b, p, v);
    defineFlexibility(b, p, v);
    defineTarget(b, p, v);
    columns.push(v);
  }
  const lp = b.build();
  const sol = solver.solve(lp);
  const ok = sol.status === "optimal";
  return {
    status: sol.status,
    solverStatus: sol.solverStatus,
    expectedCostUsd: sol.objective,
    capacities: ok ? capacitiesOf(readDispatch(samples[0], { columns: columns[0] }, sol.primal).portfolio) : null,
    lpColumns: lp.numCols,
    lpRows: lp.numRows,
  };
}

/** Element-wise mean of numbers in objects (and typed arrays) of the same shape; non-numbers are taken from the first. */
function meanOf<T>(xs: readonly T[]): T {
  const first = xs[0] as unknown;
  if (typeof first === "number") return (xs as unknown as number[]).reduce((a, x) => a + x, 0) / xs.length as unknown as T;
  if (first instanceof Float64Array) {
    const out = new Float64Array(first.length);
    for (const x of xs as unknown as Float64Array[]) for (let t = 0; t < out.length; t++) out[t] += x[t] / xs.length;
    return out as unknown as T;
  }
  if (first !== null && typeof first === "object" && !Array.isArray(first)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(first)) out[k] = meanOf(xs.map((x) => (x as Record<string, unknown>)[k]));
    return out as T;
  }
  return first as T;
}

/** The mean problem (the EV problem): series, technology data and costs averaged over the samples; bounds and target of the first. */
export function meanProblem(samples: readonly SizingProblem[]): SizingProblem {
  return { ...samples[0], series: meanOf(samples.map((p) => p.series)), tech: meanOf(samples.map((p) => p.tech)), unitCosts: meanOf(samples.map((p) => p.unitCosts)) };
}


export interface SampleOptimum {
  status: LpStatus;
  objectiveUsd: number;
  capacities: Capacities | null;
}

export function sampleOptimum(p: SizingProblem, solver: LpSolver): SampleOptimum {
  const r = optimizePortfolio(p, solver);
  return { status: r.status, objectiveUsd: r.objectiveUsd, capacities: r.dispatch ? capacitiesOf(r.dispatch.portfolio) : null };
}

export interface StochasticSizing {
  samples: number;
  /** each sample's own optimum (wait and see) */
  perSample: SampleOptimum[];
  waitAndSeeUsd: number | null;
  robust: TwoStageResult;
  expectedValue: { capacities: Capacities | null; objectiveUsd: number; status: LpStatus };
  /** EEV: the mean-problem capacities dispatched in each sample; null when they miss a sample's target */
  eevUsd: number | null;
  /** samples whose target the EV capacities cannot meet (their VSS is unbounded) */
  eevInfeasibleSamples: number;
  vssUsd: number | null;
  evpiUsd: number | null;
}

/** WS, RP, EV and EEV of the samples, and VSS and EVPI (null where an LP is not optimal). */
export function stochasticSizing(samples: readonly SizingProblem[], solver: LpSolver, perSample: SampleOptimum[] = samples.map((p) => sampleOptimum(p, solver))): StochasticSizing {
  const n = samples.length;
  const allOptimal = perSample.every((s) => s.status === "optimal");
  const waitAndSeeUsd = allOptimal ? perSample.reduce((a, s) => a + s.objectiveUsd, 0) / n : null;
  const robust = solveTwoStage(samples, solver);
  const ev = sampleOptimum(meanProblem(samples), solver);
  let eev: number | null = null;
  let infeasible = 0;
  if (ev.capacities) {
    let sum = 0;
    for (const p of samples) {
      const r = optimizePortfolio({ ...p, bounds: fixedPortfolioBounds(ev.capacities) }, solver);
      if (r.status === "optimal") sum += r.objectiveUsd;
      else infeasible++;
    }
    eev = infeasible === 0 ? sum / n : null;
  }
  const rp = robust.status === "optimal" ? robust.expectedCostUsd : null;
  return {
    samples: n,
    perSample,
    waitAndSeeUsd,
    robust,
    expectedValue: { capacities: ev.capacities, objectiveUsd: ev.objectiveUsd, status: ev.status },
    eevUsd: eev,
    eevInfeasibleSamples: infeasible,
    vssUsd: eev !== null && rp !== null ? eev - rp : null,
    evpiUsd: rp !== null && waitAndSeeUsd !== null ? rp - waitAndSeeUsd : null,
  };
}
