/**
 * Portfolio sizing: build the LP, solve it with any `LpSolver`, read back capacities, the hourly dispatch and the
 * marginal cost of the clean target (dual of the target row). Costs and scores of the optimum are computed by
 * src/power/metrics from the hourly dispatch, the same way as for the rule-based dispatch.
 */
import type { LpSolution, LpSolveOptions, LpSolver, LpStatus } from "../../solver/lp.ts";
import { type DispatchResult, allocateDispatchSeries } from "../dispatch/dispatch.ts";
import { type Portfolio, oneWayEfficiency } from "../dispatch/inputs.ts";
import { type SizingLp, buildSizingLp } from "./build.ts";
import { type SizingProblem, weightOf } from "./problem.ts";

export interface SizingResult {
  status: LpStatus;
  solverStatus: string;
  solverName: string;
  /** LP objective: annualized fixed costs + variable costs, USD per modelled period */
  objectiveUsd: number;
  /** marginal cost of the clean target, USD per MWh of required clean energy (null without a target) */
  targetMarginalCostUsdPerMwh: number | null;
  lpColumns: number;
  lpRows: number;
  lpNonZeros: number;
  /** the optimum as a dispatch (null unless optimal); with flexible load its `servedLoadMw` is the load served */
  dispatch: DispatchResult | null;
  /** flexible load of the optimum, MWh per modelled period (null without flexibility or unless optimal) */
  flexibility: { shiftedMwh: number; droppedMwh: number } | null;
}

export function readDispatch(p: SizingProblem, m: Pick<SizingLp, "columns">, x: Float64Array): DispatchResult {
  const { capacity: c, block: k, steps: n } = m.columns;
  const s = p.series;
  // Capacities have lower bound 0; the simplex may return -1e-13 within its tolerance, an interior point 1e-9 for
  // a technology it does not build: below 1e-9 of the largest capacity, report 0.
  let largest = 0;
  for (const j of [c.pv, c.wind, c.batteryPower, c.batteryEnergy, c.gas, c.firmClean]) largest = Math.max(largest, x[j]);
  const cap = (j: number): number => (x[j] > 1e-9 * largest ? x[j] : 0);
  const portfolio: Portfolio = {
    pvMw: cap(c.pv),
    windMw: cap(c.wind),
    batteryMw: cap(c.batteryPower),
    batteryMwh: cap(c.batteryEnergy),
    gasMw: cap(c.gas),
    firmCleanMw: cap(c.firmClean),
    gridImportLimitMw: p.gridImportLimitMw,
    exportLimitMw: p.exportLimitMw,
  };
  const o = allocateDispatchSeries(n);
  const flexible = hasFlexColumns(m);
  const served = flexible ? new Float64Array(n) : s.loadMw;
  const firmMw = portfolio.firmCleanMw * p.tech.firmClean.availabilityFraction;
  const socMinMwh = portfolio.batteryMwh * p.tech.battery.socMinFraction;
  const at = (first: number, t: number): number => (first >= 0 ? Math.max(0, x[first + t]) : 0);
  // under an annual-match target charging counts toward the target, so a charge and a discharge in the same
  // step are the LP's own choice; otherwise they only burn surplus and are netted
  const netStorage = p.target.kind !== "annual-match";
  const eta = oneWayEfficiency(p.tech);
  for (let t = 0; t < n; t++) {
    o.pvMw[t] = portfolio.pvMw * s.pvCapacityFactor[t];
    o.windMw[t] = portfolio.windMw * s.windCapacityFactor[t];
    o.firmCleanMw[t] = firmMw;
    o.gasMw[t] = at(k.gas, t);
    o.gridImportMw[t] = at(k.gridImport, t);
    o.exportMw[t] = at(k.export, t);
    o.batteryChargeMw[t] = at(k.charge, t);
    o.batteryDischargeMw[t] = at(k.discharge, t);
    if (netStorage) netChargeAndDischarge(o, t, eta);
    o.batterySocMwh[t] = socMinMwh + at(k.soc, t);
    // flexible load: the load served is the planned load moved and dropped by the LP
    if (flexible) served[t] = s.loadMw[t] + at(k.shiftUp, t) - at(k.shiftDown, t) - at(k.dropped, t) + at(k.spatialIn, t) - at(k.spatialOut, t);
    const supply = o.pvMw[t] + o.windMw[t] + firmMw + o.gasMw[t] + o.gridImportMw[t] + o.batteryDischargeMw[t];
    o.curtailmentMw[t] = Math.max(0, supply - served[t] - o.batteryChargeMw[t] - o.exportMw[t]);
  }
  return { stepHours: s.stepHours, portfolio, series: o, ...(flexible ? { servedLoadMw: served } : {}) };
}

/**
 * A charge and a discharge in the same step (equally cheap when surplus is curtailed anyway: an interior-point
 * optimum spreads over them, a vertex may pick them) replaced by the net flow that leaves the state of charge
 * where it was: the balance keeps a surplus (more curtailment), charge + discharge falls, the cost does not change.
 */
function netChargeAndDischarge(o: DispatchResult["series"], t: number, eta: number): void {
  const c = o.batteryChargeMw[t];
  const d = o.batteryDischargeMw[t];
  if (c <= 0 || d <= 0) return;
  const stored = eta * c - d / eta;
  o.batteryChargeMw[t] = stored > 0 ? stored / eta : 0;
  o.batteryDischargeMw[t] = stored < 0 ? -stored * eta : 0;
}

/** True when the LP has flexible-load columns (shifts or drops). */
const hasFlexColumns = (m: Pick<SizingLp, "columns">): boolean => m.columns.block.shiftUp >= 0 || m.columns.block.dropped >= 0 || m.columns.block.spatialIn >= 0;

function flexibilityTotals(p: SizingProblem, m: Pick<SizingLp, "columns">, x: Float64Array): { shiftedMwh: number; droppedMwh: number } {
  const k = m.columns.block;
  let shifted = 0;
  let dropped = 0;
  for (let t = 0; t < m.columns.steps; t++) {
    const w = p.series.stepHours * weightOf(p, t);
    if (k.shiftUp >= 0) shifted += Math.max(0, x[k.shiftUp + t]) * w;
    if (k.dropped >= 0) dropped += Math.max(0, x[k.dropped + t]) * w;
  }
  return { shiftedMwh: shifted, droppedMwh: dropped };
}

export function optimizePortfolio(p: SizingProblem, solver: LpSolver, options: LpSolveOptions = {}): SizingResult {
  const m = buildSizingLp(p);
  const sol: LpSolution = solver.solve(m.lp, options);
  const ok = sol.status === "optimal";
  return {
    status: sol.status,
    solverStatus: sol.solverStatus,
    solverName: sol.solverName ?? solver.name,
    objectiveUsd: sol.objective,
    targetMarginalCostUsdPerMwh: ok && m.rows.target >= 0 ? sol.dual[m.rows.target] : null,
    lpColumns: m.lp.numCols,
    lpRows: m.lp.numRows,
    lpNonZeros: m.lp.value.length,
    dispatch: ok ? readDispatch(p, m, sol.primal) : null,
    flexibility: ok && hasFlexColumns(m) ? flexibilityTotals(p, m, sol.primal) : null,
  };
}
