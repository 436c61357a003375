/** The plain-data report of an optimize-power run: optimum, its metrics, and the scenario's own portfolio for comparison. */
import type { Diagnostic } from "../../core/diagnostics.ts";
import { DISPATCH_SERIES_KEYS, dispatch } from "../dispatch/dispatch.ts";
import type { Portfolio } from "../dispatch/inputs.ts";
import type { WaterInputs } from "../metrics/emissions.ts";
import { type PowerMetrics, powerMetrics } from "../metrics/metrics.ts";
import type { SizingResult } from "./optimize.ts";
import type { CleanTarget } from "./problem.ts";
import type { SiteSizing } from "./site-sizing.ts";

type Capacities = Pick<Portfolio, "pvMw" | "windMw" | "batteryMw" | "batteryMwh" | "gasMw" | "firmCleanMw">;

export interface OptimizePowerReport {
  schemaVersion: 1;
  site: string;
  year: number;
  resolutionHours: number;
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
  const opt = result.dispatch;
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
    optimum: opt ? powerMetrics(p.series, opt, p.tech, p.unitCosts, water) : null,
    scenarioPortfolio: { capacities: capacities(sizing.scenarioPortfolio), metrics: powerMetrics(sizing.hourlyProblem.series, base, p.tech, p.unitCosts, water) },
    diagnostics: options.diagnostics,
  };
  if (options.hourly && opt) {
    const h: Record<string, number[] | number> = { stepHours: p.series.stepHours, loadMw: Array.from(p.series.loadMw) };
    for (const k of DISPATCH_SERIES_KEYS) h[k] = Array.from(opt.series[k]);
    report.hourly = h;
  }
  return report;
}
