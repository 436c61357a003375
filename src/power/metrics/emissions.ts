/** CO2 of a dispatched site-year, location-based and market-based (GHG Protocol Scope 2 style), and water. */
import type { DispatchSeries } from "../dispatch/dispatch.ts";
import type { PowerSeries, TechParams } from "../dispatch/inputs.ts";
import type { EnergyTotals } from "./energy.ts";
import { type GridWaterInputs, LITERS_PER_US_GALLON, sumValues } from "../grid/water.ts";

export { LITERS_PER_US_GALLON };

export interface Emissions {
  /** direct CO2 of the site's gas generation */
  gasTco2: number;
  /** Σ_h import × hourly grid intensity */
  gridLocationBasedTco2: number;
  /**
   * imports not covered by certificates (those of the site's exported clean energy, then the owner's purchased
   * certificates and off-site PPAs), x the annual mean grid intensity
   */
  gridMarketBasedTco2: number;
  /** grid imports matched by purchased certificates / off-site PPAs, MWh */
  purchasedCertificatesMwh: number;
  locationBasedTco2: number;
  marketBasedTco2: number;
}

/**
 * `certificateMatchingFraction`: share of the year's grid imports the owner matches with unbundled certificates or
 * off-site PPAs (GHG Protocol Scope 2 market-based). It lowers market-based CO2 only; gas burnt on site is Scope 1.
 */
export function emissions(s: PowerSeries, d: DispatchSeries, t: TechParams, e: EnergyTotals, certificateMatchingFraction = 0): Emissions {
  let gridKg = 0;
  let meanKgPerMwh = 0;
  for (let h = 0; h < s.loadMw.length; h++) {
    gridKg += d.gridImportMw[h] * s.stepHours * s.gridCo2KgPerMwh[h];
    meanKgPerMwh += s.gridCo2KgPerMwh[h];
  }
  meanKgPerMwh = s.loadMw.length > 0 ? meanKgPerMwh / s.loadMw.length : 0;
  return emissionsFromSums(gridKg, meanKgPerMwh, t, e, certificateMatchingFraction);
}

/** Emissions from the year's sums: Σ import × hourly intensity (kg) and the mean hourly intensity (kg/MWh). */
export function emissionsFromSums(gridKg: number, meanKgPerMwh: number, t: TechParams, e: EnergyTotals, certificateMatchingFraction = 0): Emissions {
  const gasTco2 = (e.gasMwh * t.gas.heatRateMmbtuPerMwh * t.gas.co2KgPerMmbtu) / 1000;
  const certificatesMwh = Math.min(e.exportMwh, e.cleanDeliveredMwh);
  const uncovered = Math.max(0, e.gridImportMwh - certificatesMwh);
  const purchasedCertificatesMwh = uncovered * certificateMatchingFraction;
  const gridMarketBasedTco2 = ((uncovered - purchasedCertificatesMwh) * meanKgPerMwh) / 1000;
  const gridLocationBasedTco2 = gridKg / 1000;
  return {
    gasTco2,
    gridLocationBasedTco2,
    gridMarketBasedTco2,
    purchasedCertificatesMwh,
    locationBasedTco2: gasTco2 + gridLocationBasedTco2,
    marketBasedTco2: gasTco2 + gridMarketBasedTco2,
  };
}

export interface WaterInputs {
  itEnergyMwh: number;
  wueLPerKwh: number;
  gasWaterConsumptionGalPerMwh: number;
  /** factors and mix for the water consumed off site to generate the imported grid power (absent: not counted) */
  gridWater?: GridWaterInputs;
}

/** What the metrics need beyond the dispatch: water inputs and the owner's certificate matching. */
export interface SiteAccountingInputs extends WaterInputs {
  /** share of grid imports matched by purchased certificates / off-site PPAs; default 0 */
  certificateMatchingFraction?: number;
}

export interface Water {
  /** on site: WUE × IT energy */
  dataCenterMegaliters: number;
  /** on site: cooling of the site's own gas plants */
  gasPlantMegaliters: number;
  /** on site: data centre + gas plants */
  totalMegaliters: number;
  /** off site: consumed by the power plants that generate the site's grid imports */
  gridGenerationMegaliters: number;
  gridGenerationMegalitersByFuel: Record<string, number>;
}

/**
 * On-site water: data centre (WUE × IT energy) plus gas-plant cooling consumption (gal/MWh × gas MWh); off-site
 * water of grid generation given by fuel (gridWaterMegalitersByFuel of the imports), kept apart.
 */
export function water(w: WaterInputs, gasMwh: number, gridGenerationMegalitersByFuel: Record<string, number> = {}): Water {
  const dataCenterMegaliters = (w.wueLPerKwh * w.itEnergyMwh * 1000) / 1e6;
  const gasPlantMegaliters = (w.gasWaterConsumptionGalPerMwh * gasMwh * LITERS_PER_US_GALLON) / 1e6;
  return {
    dataCenterMegaliters,
    gasPlantMegaliters,
    totalMegaliters: dataCenterMegaliters + gasPlantMegaliters,
    gridGenerationMegaliters: sumValues(gridGenerationMegalitersByFuel),
    gridGenerationMegalitersByFuel,
  };
}
