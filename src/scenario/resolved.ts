/** The scenario after defaults from data/ are applied: every number present, dates as timeline indices. */
import type { EmbodiedCarbonFactors } from "./defaults.ts";
import type { Timeline } from "../core/months.ts";
import type { ReferenceData } from "../data/index.ts";
import type { ResolvedSitePower } from "./resolved-power.ts";
import type { ResolvedFinancing } from "./resolved-financing.ts";

export { ASSET_CLASSES, type AssetClass, FACILITY_CLASSES, type FacilityClass } from "./asset-classes.ts";

export interface ResolvedAccelerator {
  id: string;
  name: string;
  vendor: string;
  tdpW: number;
  allInWPerAccelerator: number;
  denseBf16FlopPerS: number;
  unitPriceUsd: number;
  firstYearAvailable: number;
}

export interface FleetShare {
  generation: string;
  fraction: number;
}

export interface ResolvedPhase {
  /** "site/phase" label used in tables and diagnostics */
  label: string;
  path: string;
  siteIndex: number;
  siteName: string;
  name: string;
  itPowerMw: number;
  pue: number;
  requestedStartIndex: number;
  constructionMonths: number;
  /** -1 when the phase has no interconnection constraint */
  interconnectionIndex: number;
  /** months the phase waits for power after it is built and connected (time-to-power risk) */
  powerDelayMonths: number;
  fleetMix: FleetShare[];
  /** a lessor owns the facility: no facility capex, rent per kW of IT online (opex.facilityLeaseUsdPerKwMonth) */
  leased: boolean;
}

export interface ResolvedSite {
  name: string;
  state: string;
  gridRegion: string;
  gridRegionAnnualLoadMwh: number;
  gridRegionCo2KgPerMwh: number;
  /** the grid region's annual share of generation by fuel (empty for an unknown region) */
  gridRegionGenerationMixFraction: Record<string, number>;
  /** the utility or sub-region serving the site (data/grid-regions.json servingUtilities), null when not stated */
  gridServingUtility: { name: string; annualLoadMwh: number } | null;
  /** the site's `power` block with defaults applied (absent: no hourly power simulation) */
  power?: ResolvedSitePower;
}

export interface ResolvedScenario {
  name: string;
  currencyBaseYear: number;
  timeline: Timeline;
  /** capital available per timeline year (index aligned with timeline.years) */
  capitalPlanUsdByYearIndex: Float64Array;
  unspentCapitalCarriesOver: boolean;
  /** capex the capital plan pays for outside the modelled campuses (null: none) */
  unmodelledCapex: ResolvedUnmodelledCapex | null;
  escalationFractionPerYear: number;
  sites: ResolvedSite[];
  phases: ResolvedPhase[];
  accelerators: Record<string, ResolvedAccelerator>;
  /** supply cap per generation per timeline year index; missing generation = unlimited */
  supplyUnitsByYearIndex: Record<string, Float64Array>;
  utilizationFraction: number;
  wueLPerKwh: number;
  /** water consumed per MWh of grid generation by EIA-930 fuel code, US gallons (data/grid-water.json) */
  gridWaterConsumptionGalPerMwhByFuel: Record<string, number>;
  serverLifeMonths: number;
  facilityLifeMonths: number;
  electricalMechanicalLifeMonths: number;
  refreshAtEndOfLife: boolean;
  refreshGeneration: string | null;
  capexPerMw: ReferenceData["capexPerMw"];
  opex: ReferenceData["opex"];
  company: {
    name: string;
    revenueUsdByYearIndex: Float64Array;
    /** reported where the revenue is the reference company's reported figure (and no margin is stated), else revenue x margin */
    operatingCashFlowUsdByYearIndex: Float64Array;
    operatingCashFlowMarginFraction: number;
    /** true when the scenario states no company (name or revenue): the reference company's books are used */
    fromReferenceData: boolean;
  };
  economics: ResolvedEconomics | null;
  jobs: ReferenceData["jobs"];
  /** embodied-carbon factors after data/'s defaults, and per-generation accelerator footprints (kg CO2e each) */
  embodiedCarbon: EmbodiedCarbonFactors & {
    kgCo2ePerAcceleratorByGeneration: Record<string, number>;
    batteryLifeYears: number;
    /** gas life-cycle CO2e above combustion per MMBtu burnt: (life-cycle − direct) of the reference combined cycle ÷ its heat rate */
    gasUpstreamKgCo2ePerMmbtu: number;
    /** direct CO2 per MMBtu of gas (to turn a site's gas CO2 back into fuel burnt) */
    gasCo2KgPerMmbtu: number;
  };
  financing: ResolvedFinancing;
}

export interface ResolvedUnmodelledCapex {
  description: string;
  /** per timeline year: true where the category is the residual of the year's capital plan */
  residualByYearIndex: boolean[];
  /** stated amounts per timeline year, spent before any phase */
  usdByYearIndex: Float64Array;
}

export interface ResolvedEconomics {
  /** revenue follows compute: USD per PFLOP/s-year of dense BF16 installed at the base year; null in the watts form */
  revenueUsdPerPflopSYear: number | null;
  /** yearly fall of the compute price from the base year (0 in the watts form) */
  computePriceDeclineFractionPerYear: number;
  /**
   * watts form: the scenario's figure; compute form: the equivalent at the base year for the first-build fleets
   * (IT-weighted PFLOP/s per MW), used where a per-MW figure is needed (strategies, claims)
   */
  revenueUsdPerMwItYear: number;
  discountRateFractionPerYear: number;
}
