/**
 * The plain-data report of an optimize-power run: the optimum, its metrics, and the scenario's own portfolio
 * dispatched by the rules for comparison. When the LP was approximate (representative weeks or multi-hour steps),
 * the capacities it chose are re-dispatched on the real hourly year by the LP with capacities fixed (the "hourly
 * check", about a second): the reported metrics then describe that exact hourly operation.
 */
import type { Diagnostic } from "../../core/diagnostics.ts";
import { warning } from "../../core/diagnostics.ts";
import { DISPATCH_SERIES_KEYS, type DispatchResult, type DispatchSeries, dispatch } from "../dispatch/dispatch.ts";
import type { Portfolio, PowerSeries } from "../dispatch/inputs.ts";
import type { WaterInputs } from "../metrics/emissions.ts";
import { type PowerMetrics, powerMetrics } from "../metrics/metrics.ts";
import type { SizingResult } from "./optimize.ts";
import { type Capacities, type CleanTarget, type SizingBounds, capacitiesOf, type SizingProblem, fixedBounds, representedHours } from "./problem.ts";
import { HOURS_PER_YEAR } from "../../core/calendar.ts";
import { expand, expandSeries } from "./representative.ts";
import type { SiteSizing } from "./site-sizing.ts";

export interface OptimizePowerReport {
  schemaVersion: 1;
  site: string;
  year: number;
  /** hours per LP step (1 with representative weeks) */
  resolutionHours: number;
  /** weeks (0-based) modelled as representative weeks, when used */
  representativeWeeks?: number[];
  target: CleanTarget;
  carbonPriceUsdPerTco2: number;
  status: string;
  solver: string;
  lp: { columns: number; rows: number; nonZeros: number };
  /** objective of the LP that chose the capacities (annual USD; approximate when the LP was) */
  objectiveUsd: number | null;
  /** dual of the target row of that LP, USD per MWh of required clean energy */
  targetMarginalCostUsdPerMwh: number | null;
  capacities: Capacities | null;
  /** approximate LPs only: the chosen capacities dispatched hour by hour on the real year */
  hourlyCheck?: { status: string; objectiveUsd: number | null; targetMarginalCostUsdPerMwh: number | null };
  /** metrics of the optimum: hourly check's dispatch if feasible, else the rule-based dispatch of the capacities on the real year */
  optimum: PowerMetrics | null;
  scenarioPortfolio: { capacities: Capacities; metrics: PowerMetrics };
  /** flexible load of the LP that chose the capacities (MWh a year; null without flexibility) */
  flexibility: { flexibleLoadFraction: number; shiftWindowHours: number; maxShiftUpFraction: number; shiftedMwh: number; droppedMwh: number } | null;
  hourly?: Record<string, number[] | number>;
  diagnostics: Diagnostic[];
}


/** The hourly problem with the capacities of `p` fixed (only the dispatch is left to optimize). */
/** Sizing bounds that hold every capacity at its value in `p`. */
export const fixedPortfolioBounds = (p: Capacities): SizingBounds => ({
  pvMw: fixedBounds(p.pvMw),
  windMw: fixedBounds(p.windMw),
  batteryMw: fixedBounds(p.batteryMw),
  batteryMwh: fixedBounds(p.batteryMwh),
  gasMw: fixedBounds(p.gasMw),
  firmCleanMw: fixedBounds(p.firmCleanMw),
});

export function withFixedCapacities(hourly: SizingProblem, p: Portfolio): SizingProblem {
  return { ...hourly, bounds: fixedPortfolioBounds(p) };
}

function expandDispatch(d: DispatchResult, hourToStep: Int32Array): DispatchResult {
  const series = {} as DispatchSeries;
  for (const k of DISPATCH_SERIES_KEYS) series[k] = expand(d.series[k], hourToStep);
  return { ...d, series, ...(d.servedLoadMw ? { servedLoadMw: expand(d.servedLoadMw, hourToStep) } : {}) };
}

/** Metrics of a dispatch are taken on the load it served (flexible load moved or dropped by the LP). */
const onServedLoad = (v: { series: PowerSeries; opt: DispatchResult | null }): { series: PowerSeries; opt: DispatchResult | null } =>
  v.opt?.servedLoadMw ? { series: { ...v.series, loadMw: v.opt.servedLoadMw }, opt: v.opt } : v;

/**
 * The series and dispatch the optimum's metrics are taken on: the hourly check's LP dispatch when it is feasible;
 * when it is not, the rule-based dispatch of the chosen capacities on the real year (which shows how far the target
 * is missed); without a check, the LP's own dispatch.
 */
function optimumView(sizing: SiteSizing, result: SizingResult, check: SizingResult | null): { series: PowerSeries; opt: DispatchResult | null } {
  const hourly = sizing.hourlyProblem;
  if (check?.dispatch) return { series: hourly.series, opt: check.dispatch };
  if (check && result.dispatch) return { series: hourly.series, opt: dispatch(hourly.series, result.dispatch.portfolio, hourly.tech) };
  const rep = sizing.representative;
  if (rep && result.dispatch) return { series: expandSeries(sizing.problem.series, rep.hourToStep), opt: expandDispatch(result.dispatch, rep.hourToStep) };
  return { series: sizing.problem.series, opt: result.dispatch };
}

export interface ReportOptions {
  hourly: boolean;
  diagnostics: Diagnostic[];
  /** the hourly check of an approximate LP (null for the hourly LP) */
  hourlyCheck: SizingResult | null;
  path: string;
}

export function optimizePowerReport(site: string, year: number, sizing: SiteSizing, result: SizingResult, water: WaterInputs, o: ReportOptions): OptimizePowerReport {
  const p = sizing.problem;
  const base = dispatch(sizing.hourlyProblem.series, sizing.scenarioPortfolio, p.tech);
  const check = o.hourlyCheck;
  const diagnostics = [...o.diagnostics];
  const { series, opt } = onServedLoad(optimumView(sizing, result, check));
  const optimum = opt ? powerMetrics(series, opt, p.tech, p.unitCosts, water) : null;
  if (check && !check.dispatch && optimum) {
    const got = (optimum.scores.cfeScoreFraction * 100).toFixed(1);
    const ann = (optimum.scores.annualMatchFraction * 100).toFixed(1);
    diagnostics.push(warning(o.path, `hourly check: the capacities of the approximate LP cannot meet the target on the real hourly year (${check.status}); dispatched by the rules they reach a 24/7 CFE score of ${got}% and an annual match of ${ann}% (target ${p.target.kind} ${(p.target.levelFraction * 100).toFixed(1)}%); the metrics below are of that dispatch; use more representative weeks or the hourly LP`));
  }
  const report: OptimizePowerReport = {
    schemaVersion: 1,
    site,
    year,
    resolutionHours: p.series.stepHours,
    target: p.target,
    carbonPriceUsdPerTco2: p.tech.carbonPriceUsdPerTco2,
    status: result.status,
    solver: result.solverName,
    lp: { columns: result.lpColumns, rows: result.lpRows, nonZeros: result.lpNonZeros },
    objectiveUsd: result.dispatch ? result.objectiveUsd : null,
    targetMarginalCostUsdPerMwh: result.targetMarginalCostUsdPerMwh,
    capacities: result.dispatch ? capacitiesOf(result.dispatch.portfolio) : null,
    optimum,
    scenarioPortfolio: { capacities: capacitiesOf(sizing.scenarioPortfolio), metrics: powerMetrics(sizing.hourlyProblem.series, base, p.tech, p.unitCosts, water) },
    flexibility:
      p.flexibility && result.flexibility
        ? {
            flexibleLoadFraction: p.flexibility.flexibleLoadFraction,
            shiftWindowHours: p.flexibility.windowSteps * p.series.stepHours,
            maxShiftUpFraction: p.flexibility.maxShiftUpFraction,
            shiftedMwh: (result.flexibility.shiftedMwh * HOURS_PER_YEAR) / representedHours(p),
            droppedMwh: (result.flexibility.droppedMwh * HOURS_PER_YEAR) / representedHours(p),
          }
        : null,
    diagnostics,
  };
  if (sizing.representative) report.representativeWeeks = sizing.representative.weeks;
  if (check) report.hourlyCheck = { status: check.status, objectiveUsd: check.dispatch ? check.objectiveUsd : null, targetMarginalCostUsdPerMwh: check.targetMarginalCostUsdPerMwh };
  if (o.hourly && opt) {
    const h: Record<string, number[] | number> = { stepHours: series.stepHours, loadMw: Array.from(series.loadMw) };
    for (const k of DISPATCH_SERIES_KEYS) h[k] = Array.from(opt.series[k]);
    report.hourly = h;
  }
  return report;
}
