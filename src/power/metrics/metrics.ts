/** All metrics of a dispatched site-year in one plain object (the `statistics` view, separate from the solve). */
import { HOURS_PER_YEAR } from "../../core/calendar.ts";
import type { DispatchResult } from "../dispatch/dispatch.ts";
import type { DurationTotals } from "../dispatch/duration.ts";
import type { Portfolio, PowerSeries, TechParams, UnitFixedCosts } from "../dispatch/inputs.ts";
import { type CostBreakdown, costBreakdown, costFromSums } from "./costs.ts";
import { type Emissions, type SiteAccountingInputs, type Water, emissions, emissionsFromSums, water } from "./emissions.ts";
import { type CleanScores, type EnergyTotals, cleanScores, energyTotals, scoresFromSums } from "./energy.ts";
import { type GridWaterInputs, annualMixWaterMegalitersByFuel, gridWaterMegalitersByFuel } from "../grid/water.ts";

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

/**
 * The same metrics from a duration-curve dispatch's totals (dispatch/duration.ts: no battery, so no charge or
 * discharge); `steps` × `stepHours` is the modelled period, `meanGridCo2KgPerMwh` the mean hourly grid intensity.
 * With an hourly grid mix (`w.gridWater.hourlyMixFraction`), the curves' import weights must be its fuels' shares in
 * the order of `hourlyGridWaterFuels`.
 */
export function durationMetrics(
  d: DurationTotals,
  period: { steps: number; stepHours: number; meanGridCo2KgPerMwh: number },
  p: Portfolio,
  t: TechParams,
  c: UnitFixedCosts,
  w: SiteAccountingInputs,
): PowerMetrics {
  const energy: EnergyTotals = {
    loadMwh: d.loadMwh,
    pvMwh: d.pvMwh,
    windMwh: d.windMwh,
    firmCleanMwh: d.firmCleanMwh,
    cleanDeliveredMwh: d.pvMwh + d.windMwh + d.firmCleanMwh - d.curtailmentMwh,
    batteryChargeMwh: 0,
    batteryDischargeMwh: 0,
    gasMwh: d.gasMwh,
    gridImportMwh: d.gridImportMwh,
    exportMwh: d.exportMwh,
    curtailmentMwh: d.curtailmentMwh,
    unservedMwh: d.unservedMwh,
    peakGridImportMw: d.peakGridImportMw,
    peakLoadMw: d.peakLoadMw,
  };
  const variable = {
    gasMwh: d.gasMwh,
    firmCleanMwh: d.firmCleanMwh,
    gridImportUsd: d.gridImportUsd,
    gridImportCarbonUsd: (d.gridImportCo2Kg / 1000) * t.carbonPriceUsdPerTco2,
    exportUsd: d.exportUsd,
    loadMwh: d.loadMwh,
  };
  return {
    energy,
    scores: scoresFromSums(d.loadMwh, d.cfeMwh, d.cfeWithGridMwh, energy.cleanDeliveredMwh),
    cost: costFromSums(variable, p, t, c, (period.steps * period.stepHours) / HOURS_PER_YEAR),
    emissions: emissionsFromSums(d.gridImportCo2Kg, period.meanGridCo2KgPerMwh, t, energy, w.certificateMatchingFraction ?? 0),
    water: water(w, d.gasMwh, w.gridWater ? durationGridWater(d, w.gridWater, period.steps) : {}),
  };
}

/** The fuels whose hourly shares weigh the imports in the duration curves (none when the mix is annual or of another length). */
export function hourlyGridWaterFuels(g: GridWaterInputs | undefined, steps: number): string[] {
  const hourly = g?.hourlyMixFraction;
  return hourly && Object.values(hourly).every((a) => a.length === steps) ? Object.keys(hourly) : [];
}

/** Grid-generation water by fuel from the duration totals, as gridWaterMegalitersByFuel gives it from the hourly imports. */
function durationGridWater(d: DurationTotals, g: GridWaterInputs, steps: number): Record<string, number> {
  const fuels = hourlyGridWaterFuels(g, steps);
  if (fuels.length === 0) return annualMixWaterMegalitersByFuel(d.gridImportMwh, g);
  return Object.fromEntries(fuels.map((f, k) => [f, (d.importWeightedMwh[k] * (g.factorsLPerMwh[f] ?? 0)) / 1e6]));
}
