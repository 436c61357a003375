/**
 * The program LP: the sizing problems of several sites in one LP, each with its own columns and rows (balance,
 * capacity limits, storage, temporal flexibility, clean target), coupled by flexible load moved between sites in
 * each step: Σ_sites (in − out) = 0 every step (the program's load is conserved hour by hour), in ≤ the site's
 * spare IT capacity (maxShiftUpFraction × its load), out ≤ its flexible share (flexibleLoadFraction × its load),
 * shared with its temporal shifts and drops. Without the coupling the LP is the sites' own LPs side by side (its
 * optimum is the sum of theirs), so the difference of the two optima is the value of moving load between sites.
 */
import { MONTH_START_HOURS } from "../../core/calendar.ts";
import { LpBuilder } from "../../solver/builder.ts";
import type { LpSolution, LpSolver, LpStatus } from "../../solver/lp.ts";
import type { DispatchResult } from "../dispatch/dispatch.ts";
import { defineBalance, defineCapacityLimits, defineFlexibility, defineStorage, defineTarget } from "./constraints.ts";
import { readDispatch } from "./optimize.ts";
import { type SizingProblem, weightOf } from "./problem.ts";
import { type SizingColumns, defineCapacityColumns, defineSpatialColumns, defineStepColumns } from "./variables.ts";

export interface ProgramSite {
  name: string;
  problem: SizingProblem;
  /** share of the site's load that may leave it in a step (its flexible share) */
  outFraction: number;
  /** load the site may take in a step, as a share of its own load (its spare IT capacity) */
  inFraction: number;
}

export interface ProgramLp {
  lp: ReturnType<LpBuilder["build"]>;
  columns: SizingColumns[];
  /** index of each site's clean-target row (-1 without a target) */
  targetRows: number[];
}

/**
 * Builds the program LP; `spatial` false leaves the sites uncoupled (their own LPs side by side). Each MWh moved costs
 * `moveCostUsdPerMwh` (data/power-costs.json defaults.movedLoadCostUsdPerMwh: a tie-breaker).
 */
export function buildProgramLp(sites: readonly ProgramSite[], spatial: boolean, moveCostUsdPerMwh = 0): ProgramLp {
  const n = sites[0].problem.series.loadMw.length;
  for (const s of sites) {
    if (s.problem.series.loadMw.length !== n || s.problem.series.stepHours !== sites[0].problem.series.stepHours) throw new Error("program LP: every site needs the same steps");
    if (s.problem.stepWeight) throw new Error("program LP: whole years only (representative periods differ between sites)");
  }
  const b = new LpBuilder("gigaplan_program_sizing", { cols: sites.length * (10 * n + 8), rows: sites.length * (6 * n + 2) + n, nonZeros: sites.length * 24 * n });
  const columns: SizingColumns[] = [];
  const targetRows: number[] = [];
  sites.forEach((site, i) => {
    const p = site.problem;
    const capacity = defineCapacityColumns(b, p);
    const block = defineStepColumns(b, p);
    if (spatial) Object.assign(block, defineSpatialColumns(b, p, `site${i}`, site.inFraction, site.outFraction, moveCostUsdPerMwh));
    const v: SizingColumns = { steps: n, capacity, block };
    defineBalance(b, p, v);
    defineCapacityLimits(b, p, v);
    defineStorage(b, p, v);
    defineFlexibility(b, p, v);
    if (spatial) defineSharedFlexibility(b, site, v);
    targetRows.push(defineTarget(b, p, v));
    columns.push(v);
  });
  if (spatial) {
    for (let t = 0; t < n; t++) {
      const idx: number[] = [];
      const val: number[] = [];
      for (const v of columns) idx.push(v.block.spatialIn + t, v.block.spatialOut + t), val.push(1, -1);
      b.addRow(`moved_balance_${t}`, 0, 0, idx, val);
    }
  }
  return { lp: b.build(), columns, targetRows };
}

/** A site with temporal flexibility shares its flexible load and spare capacity between moves in time and between sites. */
function defineSharedFlexibility(b: LpBuilder, site: ProgramSite, v: SizingColumns): void {
  const k = v.block;
  const load = site.problem.series.loadMw;
  if (k.shiftDown < 0 && k.dropped < 0) return;
  for (let t = 0; t < v.steps; t++) {
    const outIdx = [k.spatialOut + t];
    if (k.shiftDown >= 0) outIdx.push(k.shiftDown + t);
    if (k.dropped >= 0) outIdx.push(k.dropped + t);
    b.addRow(`flex_out_${t}`, -Infinity, site.outFraction * load[t], outIdx, outIdx.map(() => 1));
    if (k.shiftUp >= 0) b.addRow(`flex_in_${t}`, -Infinity, site.inFraction * load[t], [k.spatialIn + t, k.shiftUp + t], [1, 1]);
  }
}

export interface ProgramSiteResult {
  name: string;
  dispatch: DispatchResult;
  /** load moved in from and out to other sites, MWh per modelled year */
  movedInMwh: number;
  movedOutMwh: number;
  /** net load moved in (in − out) by hour of the day (24) and by month (12), MWh */
  netMovedMwhByHourOfDay: number[];
  netMovedMwhByMonth: number[];
}

export interface ProgramSizingResult {
  status: LpStatus;
  solverStatus: string;
  objectiveUsd: number;
  lpColumns: number;
  lpRows: number;
  /** null unless optimal */
  sites: ProgramSiteResult[] | null;
}

/** Calendar month (0-11) of an hour of a 8760-hour year. */
function monthOfHour(h: number): number {
  let m = 11;
  while (m > 0 && MONTH_START_HOURS[m] > h) m--;
  return m;
}

export function optimizeProgram(sites: readonly ProgramSite[], solver: LpSolver, spatial: boolean, moveCostUsdPerMwh = 0): ProgramSizingResult {
  const m = buildProgramLp(sites, spatial, moveCostUsdPerMwh);
  const sol: LpSolution = solver.solve(m.lp);
  const ok = sol.status === "optimal";
  return {
    status: sol.status,
    solverStatus: sol.solverStatus,
    objectiveUsd: sol.objective,
    lpColumns: m.lp.numCols,
    lpRows: m.lp.numRows,
    sites: ok ? sites.map((s, i) => siteResult(s, m.columns[i], sol.primal)) : null,
  };
}

function siteResult(site: ProgramSite, v: SizingColumns, x: Float64Array): ProgramSiteResult {
  const p = site.problem;
  const k = v.block;
  const dt = p.series.stepHours;
  const byHour = new Array<number>(24).fill(0);
  const byMonth = new Array<number>(12).fill(0);
  let movedIn = 0;
  let movedOut = 0;
  if (k.spatialIn >= 0) {
    for (let t = 0; t < v.steps; t++) {
      const w = dt * weightOf(p, t);
      const inMwh = Math.max(0, x[k.spatialIn + t]) * w;
      const outMwh = Math.max(0, x[k.spatialOut + t]) * w;
      movedIn += inMwh;
      movedOut += outMwh;
      // steps of several hours: their net is spread over the hours they cover
      for (let h = t * dt; h < (t + 1) * dt; h++) {
        byHour[h % 24] += (inMwh - outMwh) / dt;
        byMonth[monthOfHour(h)] += (inMwh - outMwh) / dt;
      }
    }
  }
  return { name: site.name, dispatch: readDispatch(p, { columns: v }, x), movedInMwh: movedIn, movedOutMwh: movedOut, netMovedMwhByHourOfDay: byHour, netMovedMwhByMonth: byMonth };
}
