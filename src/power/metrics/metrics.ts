/** All metrics of a dispatched site-year in one plain object (the `statistics` view, separate from the solve). */
import type { DispatchResult } from "../dispatch/dispatch.ts";
import type { PowerSeries, TechParams, UnitFixedCosts } from "../dispatch/inputs.ts";
import { type CostBreakdown, costBreakdown } from "./costs.ts";
import { type Emissions, type SiteAccountingInputs, type Water, emissions, water } from "./emissions.ts";
import { type CleanScores, type EnergyTotals, cleanScores, energyTotals } from "./energy.ts";
import { gridWaterMegalitersByFuel } from "../grid/water.ts";

export interface PowerMetrics {
  energy: EnergyTotals;
  scores: CleanScores;
  cost: CostBreakdown;
  emissions: Emissions;
  water: Water;
}

export function powerMetrics(s: PowerSeries, r: DispatchResult, t: TechParams, c: UnitFixedCosts, w: SiteAccountingInputs): PowerMetrics {
  const energy = energyTotals(s, r.series);
  return {
    energy,
    scores: cleanScores(s, r.series),
    cost: costBreakdown(s, r.series, r.portfolio, t, c),
    emissions: emissions(s, r.series, t, energy, w.certificateMatchingFraction ?? 0),
    water: water(w, energy.gasMwh, w.gridWater ? gridWaterMegalitersByFuel(r.series.gridImportMw, s.stepHours, w.gridWater) : {}),
  };
}
