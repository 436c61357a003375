/** The plain-data report of an optimize-power run: optimum, its metrics, and the scenario's own portfolio for comparison. */
import type { Diagnostic } from "../../core/diagnostics.ts";
import { DISPATCH_SERIES_KEYS, type DispatchResult, type DispatchSeries, dispatch } from "../dispatch/dispatch.ts";
import type { Portfolio } from "../dispatch/inputs.ts";
import type { WaterInputs } from "../metrics/emissions.ts";
import { type PowerMetrics, powerMetrics } from "../metrics/metrics.ts";
import type { SizingResult } from "./optimize.ts";
import type { CleanTarget } from "./problem.ts";
import { expandSeries, expand } from "./representative.ts";
import type { SiteSizing } from "./site-sizing.ts";

function expandDispatch(d: DispatchResult, hourToStep: Int32Array): DispatchResult {
  const series = {} as DispatchSeries;
  for (const k of DISPATCH_SERIES_KEYS) series[k] = expand(d.series[k], hourToStep);
  return { ...d, series };
}

type Capacities = Pick<Portfolio, "pvMw" | "windMw" | "batteryMw" | "batteryMwh" | "gasMw" | "firmCleanMw">;

export interface OptimizePowerReport {
  schemaVersion: 1;
  site: string;
  year: number;
  resolutionHours: number;
  /** weeks (0-based) modelled as representative weeks, when used */
  representativeWeeks?: number[];
  target: CleanTarget;
  carbonPriceUsdPerTco2: number;
  status: string;
  solver: string;
  lp: { columns: number; rows: number; nonZeros: number };
  objectiveUsd: number | null;
  targetMarginalCostUsdPerMwh: number | null;
  capacities: Capacities | null;
  optimum: PowerMetrics | null;
  scenarioPortfolio: { capacities: Capacities; metrics: PowerMetrics };
  hourly?: Record<string, number[] | number>;
  diagnostics: Diagnostic[];
}

const capacities = (p: Portfolio): Capacities => ({ pvMw: p.pvMw, windMw: p.windMw, batteryMw: p.batteryMw, batteryMwh: p.batteryMwh, gasMw: p.gasMw, firmCleanMw: p.firmCleanMw });

export function optimizePowerReport(
  site: string,
  year: number,
  sizing: SiteSizing,
  result: SizingResult,
  water: WaterInputs,
  options: { hourly: boolean; diagnostics: Diagnostic[] },
): OptimizePowerReport {
  const p = sizing.problem;
  const base = dispatch(sizing.hourlyProblem.series, sizing.scenarioPortfolio, p.tech);
  const rep = sizing.representative;
  // representative weeks: metrics are taken on the synthetic year (each week replaced by its medoid)
  const series = rep ? expandSeries(p.series, rep.hourToStep) : p.series;
  const opt = result.dispatch && rep ? expandDispatch(result.dispatch, rep.hourToStep) : result.dispatch;
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
    objectiveUsd: opt ? result.objectiveUsd : null,
    targetMarginalCostUsdPerMwh: result.targetMarginalCostUsdPerMwh,
    capacities: opt ? capacities(opt.portfolio) : null,
    optimum: opt ? powerMetrics(series, opt, p.tech, p.unitCosts, water) : null,
    scenarioPortfolio: { capacities: capacities(sizing.scenarioPortfolio), metrics: powerMetrics(sizing.hourlyProblem.series, base, p.tech, p.unitCosts, water) },
    diagnostics: options.diagnostics,
  };
  if (rep) report.representativeWeeks = rep.weeks;
  if (options.hourly && opt) {
    const h: Record<string, number[] | number> = { stepHours: series.stepHours, loadMw: Array.from(series.loadMw) };
    for (const k of DISPATCH_SERIES_KEYS) h[k] = Array.from(opt.series[k]);
    report.hourly = h;
  }
  return report;
}
