/** Annual cost of a dispatched site-year: annualized fixed costs of the portfolio plus variable costs. */
import type { DispatchSeries } from "../dispatch/dispatch.ts";
import { type Portfolio, type PowerSeries, type TechParams, type UnitFixedCosts, importCostUsdPerMwh } from "../dispatch/inputs.ts";
import { HOURS_PER_YEAR } from "../../core/calendar.ts";

export interface CostBreakdown {
  pvFixedUsd: number;
  windFixedUsd: number;
  batteryFixedUsd: number;
  gasFixedUsd: number;
  firmCleanFixedUsd: number;
  gasFuelUsd: number;
  gasVariableOmUsd: number;
  firmCleanVariableUsd: number;
  gridImportUsd: number;
  /** revenue from exports (a negative cost) */
  exportRevenueUsd: number;
  /** carbon price × (gas CO2 + location-based import CO2) */
  carbonCostUsd: number;
  totalUsd: number;
  /** total / annual load, USD/MWh (null when the load is 0) */
  costUsdPerMwhLoad: number | null;
}

/** Fixed costs scale with the modelled duration (a full year: 8760 h). */
export function fixedCostsUsd(p: Portfolio, c: UnitFixedCosts, yearFraction: number): Pick<CostBreakdown, "pvFixedUsd" | "windFixedUsd" | "batteryFixedUsd" | "gasFixedUsd" | "firmCleanFixedUsd"> {
  return {
    pvFixedUsd: p.pvMw * c.pvUsdPerMwYear * yearFraction,
    windFixedUsd: p.windMw * c.windUsdPerMwYear * yearFraction,
    batteryFixedUsd: (p.batteryMw * c.batteryPowerUsdPerMwYear + p.batteryMwh * c.batteryEnergyUsdPerMwhYear) * yearFraction,
    gasFixedUsd: p.gasMw * c.gasUsdPerMwYear * yearFraction,
    firmCleanFixedUsd: p.firmCleanMw * c.firmCleanUsdPerMwYear * yearFraction,
  };
}


/** The hour-by-hour sums the variable costs need (MWh and USD over the modelled period). */
export interface VariableSums {
  gasMwh: number;
  firmCleanMwh: number;
  /** Σ import × grid price */
  gridImportUsd: number;
  /** Σ import × carbon price × location-based grid intensity */
  gridImportCarbonUsd: number;
  /** Σ export × export price */
  exportUsd: number;
  loadMwh: number;
}

export function costBreakdown(s: PowerSeries, d: DispatchSeries, p: Portfolio, t: TechParams, c: UnitFixedCosts): CostBreakdown {
  const dt = s.stepHours;
  let gasMwh = 0;
  let firmMwh = 0;
  let importUsd = 0;
  let importCarbonUsd = 0;
  let exportUsd = 0;
  let loadMwh = 0;
  for (let h = 0; h < s.loadMw.length; h++) {
    gasMwh += d.gasMw[h] * dt;
    firmMwh += d.firmCleanMw[h] * dt;
    importUsd += d.gridImportMw[h] * dt * s.gridPriceUsdPerMwh[h];
    importCarbonUsd += d.gridImportMw[h] * dt * (importCostUsdPerMwh(s, t, h) - s.gridPriceUsdPerMwh[h]);
    exportUsd += d.exportMw[h] * dt * s.exportPriceUsdPerMwh[h];
    loadMwh += s.loadMw[h] * dt;
  }
  const sums = { gasMwh, firmCleanMwh: firmMwh, gridImportUsd: importUsd, gridImportCarbonUsd: importCarbonUsd, exportUsd, loadMwh };
  return costFromSums(sums, p, t, c, (s.loadMw.length * dt) / HOURS_PER_YEAR);
}

/** The cost breakdown from the period's sums; fixed costs scale with `yearFraction` (a full year: 1). */
export function costFromSums(v: VariableSums, p: Portfolio, t: TechParams, c: UnitFixedCosts, yearFraction: number): CostBreakdown {
  const g = t.gas;
  const f = fixedCostsUsd(p, c, yearFraction);
  const gasFuelUsd = v.gasMwh * g.heatRateMmbtuPerMwh * g.fuelPriceUsdPerMmbtu;
  const gasVariableOmUsd = v.gasMwh * g.variableOmUsdPerMwh;
  const firmCleanVariableUsd = v.firmCleanMwh * t.firmClean.variableCostUsdPerMwh;
  const exportRevenueUsd = -v.exportUsd;
  const carbonCostUsd = v.gridImportCarbonUsd + v.gasMwh * g.heatRateMmbtuPerMwh * (g.co2KgPerMmbtu / 1000) * t.carbonPriceUsdPerTco2;
  // every component once, in the order of the breakdown (no arrays or spreads: the Monte Carlo calls this per site-year)
  const totalUsd =
    0 + f.pvFixedUsd + f.windFixedUsd + f.batteryFixedUsd + f.gasFixedUsd + f.firmCleanFixedUsd +
    gasFuelUsd + gasVariableOmUsd + firmCleanVariableUsd + v.gridImportUsd + exportRevenueUsd + carbonCostUsd;
  return {
    pvFixedUsd: f.pvFixedUsd,
    windFixedUsd: f.windFixedUsd,
    batteryFixedUsd: f.batteryFixedUsd,
    gasFixedUsd: f.gasFixedUsd,
    firmCleanFixedUsd: f.firmCleanFixedUsd,
    gasFuelUsd,
    gasVariableOmUsd,
    firmCleanVariableUsd,
    gridImportUsd: v.gridImportUsd,
    exportRevenueUsd,
    carbonCostUsd,
    totalUsd,
    costUsdPerMwhLoad: v.loadMwh > 0 ? totalUsd / v.loadMwh : null,
  };
}

/**
 * The cost breakdown as report lines that add up to `totalUsd` (every component in exactly one line; export revenue
 * is negative). Every face that prints a cost table takes its lines from here.
 */
export const COST_LINES: readonly { label: string; usd: (c: CostBreakdown) => number }[] = [
  { label: "fixed (capex + O&M)", usd: (c) => c.pvFixedUsd + c.windFixedUsd + c.batteryFixedUsd + c.gasFixedUsd + c.firmCleanFixedUsd },
  { label: "gas fuel + O&M", usd: (c) => c.gasFuelUsd + c.gasVariableOmUsd },
  { label: "firm clean energy", usd: (c) => c.firmCleanVariableUsd },
  { label: "grid imports", usd: (c) => c.gridImportUsd },
  { label: "export revenue", usd: (c) => c.exportRevenueUsd },
  { label: "carbon", usd: (c) => c.carbonCostUsd },
];
