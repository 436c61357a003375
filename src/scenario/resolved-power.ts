/** A site's `power` block after defaults from data/ are applied, and the plain types it is made of. */
import type { PortfolioInput, SitePower } from "./power-schema.ts";

/** Installed (or contracted) capacities of a site's supply portfolio. */
export interface Portfolio {
  pvMw: number;
  windMw: number;
  batteryMw: number;
  batteryMwh: number;
  gasMw: number;
  firmCleanMw: number;
  /** interconnection limit for imports, MW */
  gridImportLimitMw: number;
  /** interconnection limit for exports, MW */
  exportLimitMw: number;
}

/** Annualized fixed cost of one unit of capacity (capital recovery + fixed O&M), USD per year. */
export interface UnitFixedCosts {
  pvUsdPerMwYear: number;
  windUsdPerMwYear: number;
  batteryPowerUsdPerMwYear: number;
  batteryEnergyUsdPerMwhYear: number;
  gasUsdPerMwYear: number;
  firmCleanUsdPerMwYear: number;
}

export interface ResolvedSitePower {
  path: string;
  /** capacities in the first year, then the changes by year (ascending) */
  basePortfolio: PortfolioInput;
  changes: { year: number; portfolio: PortfolioInput }[];
  prices: { gridPriceUsdPerMwh: number; exportPriceUsdPerMwh: number; gasPriceUsdPerMmbtu: number | null; carbonPriceUsdPerTco2: number };
  technology: {
    batteryRoundTripEfficiency: number;
    batterySocMinFraction: number;
    batterySocMaxFraction: number;
    gasHeatRateMmbtuPerMwh: number;
    firmCleanAvailabilityFraction: number;
  };
  /** annualized capital + fixed O&M per unit (from data/power-costs.json) */
  unitCosts: UnitFixedCosts;
  /** reference gas price by year, ascending (used when prices.gasPriceUsdPerMmbtu is null) */
  gasPriceByYear: [year: number, usdPerMmbtu: number][];
  operation: { gasVariableOmUsdPerMwh: number; gasCo2KgPerMmbtu: number; gasWaterConsumptionGalPerMwh: number; firmCleanVariableCostUsdPerMwh: number };
  weather: SitePower["weather"];
  sizing: SitePower["sizing"];
  target: { kind: "annual-match" | "cfe-247"; levelFraction: number; countGridClean: boolean };
  /** share of grid imports matched by purchased certificates / off-site PPAs (market-based CO2 only) */
  certificateMatchingFraction: number;
  /** flexible AI load (flexibleLoadFraction 0: none) */
  flexibility: ResolvedFlexibility;
}

export interface ResolvedFlexibility {
  flexibleLoadFraction: number;
  shiftWindowHours: number;
  maxShiftUpFraction: number;
  /** null: flexible load is never dropped */
  curtailmentCostUsdPerMwh: number | null;
}
