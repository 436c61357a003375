/**
 * Plain-data inputs shared by the rule-based dispatch, the LP sizing and the metrics of one site-year.
 * Every hourly series has one value per time step; a step lasts `stepHours` (1 for hourly, 8760 steps a year;
 * 3 for 3-hour averages, 2920 steps).
 */
import type { Portfolio, UnitFixedCosts } from "../../scenario/resolved-power.ts";

export type { Portfolio, UnitFixedCosts };

export interface PowerSeries {
  stepHours: number;
  /** site load (facility power), MW */
  loadMw: Float64Array;
  /** PV output per MW of PV capacity (AC), 0..1 */
  pvCapacityFactor: Float64Array;
  /** wind output per MW of wind capacity, 0..1 */
  windCapacityFactor: Float64Array;
  /** price paid for grid imports, USD/MWh */
  gridPriceUsdPerMwh: Float64Array;
  /** value received for exports, USD/MWh */
  exportPriceUsdPerMwh: Float64Array;
  /** location-based CO2 intensity of grid electricity, kg/MWh */
  gridCo2KgPerMwh: Float64Array;
  /** carbon-free share of the grid mix, 0..1 (counted as clean only when a target says so) */
  gridCleanFraction: Float64Array;
}


export interface TechParams {
  battery: { roundTripEfficiency: number; socMinFraction: number; socMaxFraction: number };
  gas: { heatRateMmbtuPerMwh: number; fuelPriceUsdPerMmbtu: number; variableOmUsdPerMwh: number; co2KgPerMmbtu: number };
  firmClean: { availabilityFraction: number; variableCostUsdPerMwh: number };
  /** carbon price applied to gas combustion and (location-based) grid imports, USD/tCO2 */
  carbonPriceUsdPerTco2: number;
}


export const steps = (s: PowerSeries): number => s.loadMw.length;

/** Per-MWh cost of gas generation: fuel + variable O&M + carbon price on combustion CO2. */
export function gasVariableCostUsdPerMwh(t: TechParams): number {
  const g = t.gas;
  return g.heatRateMmbtuPerMwh * (g.fuelPriceUsdPerMmbtu + (g.co2KgPerMmbtu / 1000) * t.carbonPriceUsdPerTco2) + g.variableOmUsdPerMwh;
}

/** Per-MWh cost of a grid import in step h: price + carbon price on location-based CO2. */
export function importCostUsdPerMwh(s: PowerSeries, t: TechParams, h: number): number {
  return s.gridPriceUsdPerMwh[h] + (s.gridCo2KgPerMwh[h] / 1000) * t.carbonPriceUsdPerTco2;
}

/** One-way battery efficiency: the square root of the round-trip efficiency, applied on charge and on discharge. */
export const oneWayEfficiency = (t: TechParams): number => Math.sqrt(t.battery.roundTripEfficiency);

/** Checks lengths and ranges; returns problems as messages (empty when fine). */
export function checkSeries(s: PowerSeries): string[] {
  const n = s.loadMw.length;
  const out: string[] = [];
  if (!(s.stepHours > 0)) out.push(`stepHours must be > 0 (got ${s.stepHours})`);
  const named: [string, Float64Array][] = [
    ["pvCapacityFactor", s.pvCapacityFactor],
    ["windCapacityFactor", s.windCapacityFactor],
    ["gridPriceUsdPerMwh", s.gridPriceUsdPerMwh],
    ["exportPriceUsdPerMwh", s.exportPriceUsdPerMwh],
    ["gridCo2KgPerMwh", s.gridCo2KgPerMwh],
    ["gridCleanFraction", s.gridCleanFraction],
  ];
  for (const [name, a] of named) if (a.length !== n) out.push(`${name} has ${a.length} steps, loadMw has ${n}`);
  for (const [name, a] of [["loadMw", s.loadMw] as [string, Float64Array], ...named]) {
    for (let h = 0; h < a.length; h++) {
      if (!Number.isFinite(a[h])) {
        out.push(`${name}[${h}] is not a finite number`);
        break;
      }
    }
  }
  return out;
}
