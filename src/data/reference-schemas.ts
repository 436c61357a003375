/** Types and zod schemas of the core reference data files (data/*.json) and of their provenance files (*.meta.json). */
import { z } from "zod";
import type { EmissionFactorsData } from "./emission-factors.ts";
import type { FinancingData } from "./financing.ts";
import type { PowerCostsData } from "./power-costs.ts";
import type { PvModelData } from "./pv-model.ts";
import type { StrategyData } from "./strategy.ts";
import type { WindModelData } from "./wind-model.ts";

export interface AcceleratorSpec {
  name: string;
  vendor: string;
  tdpW: number;
  /** server or rack system power per accelerator where published (before network and storage outside it) */
  systemWPerAccelerator?: number;
  denseBf16FlopPerS: number;
  unitPriceUsd: number;
  firstYearAvailable: number;
}

/** How refreshes beyond the announced generations are priced and projected (data/accelerators.json roadmap). */
export interface AcceleratorRoadmap {
  flopPerSPerUsdDoublingYears: number;
  pricePathAnchor: string;
  projectionBasis: string;
}

/** A bundled hourly EIA-930 fuel-mix file of a region's balancing authority (UTC, hour-ending). */
export interface HourlyFuelMixFile {
  /** path from the package root */
  file: string;
  /** EIA-930 balancing-authority code, e.g. ERCO, MISO, PJM, EPE */
  balancingAuthority: string;
  year: number;
  /** offset of the region's local standard time from UTC, h */
  utcOffsetHours: number;
}

export interface GridRegion {
  name: string;
  annualLoadMwh: number;
  year: number;
  co2KgPerMwh: number;
  /** annual share of net generation by EIA-930 fuel code (sums to 1): the water of grid imports where no hourly mix is read */
  generationMixFraction: Record<string, number>;
  hourlyFuelMix?: HourlyFuelMixFile;
}

/** Water consumed per MWh of grid generation by EIA-930 fuel code (data/grid-water.json). */
export interface GridWaterData {
  basis: string;
  consumptionGalPerMwhByFuel: Record<string, number>;
}

/**
 * The utility (or the smallest published area containing it) that serves a site: the denominator of the site's
 * load share, inside its grid region (data/grid-regions.json `servingUtilities`).
 */
export interface ServingUtility {
  name: string;
  /** key of the grid region it lies in */
  region: string;
  annualLoadMwh: number;
  year: number;
  /** the EIA-930 demand series the load is summed from */
  balancingAuthoritySeries: string;
}

export interface ReferenceData {
  accelerators: Record<string, AcceleratorSpec>;
  acceleratorRoadmap: AcceleratorRoadmap;
  facility: {
    pue: number;
    wueLPerKwh: number;
    itOverheadFactorPerTdp: number;
    networkStorageOverheadFactor: number;
    utilizationFraction: number;
    serverLifeYears: number;
    facilityLifeYears: number;
    electricalMechanicalLifeYears: number;
  };
  capexPerMw: {
    shellCoreUsdPerMw: number;
    electricalMechanicalUsdPerMw: number;
    siteLandOtherUsdPerMw: number;
    /** land bought per MW of IT (outside the C&W hard cost) */
    landUsdPerMw: number;
    /** design, engineering, permits and owner's contingency per USD of hard cost (outside the C&W hard cost) */
    softCostFractionOfHardCost: number;
    itNonAcceleratorFraction: number;
  };
  opex: { energyPriceUsdPerMwh: number; staffPerMw: number; staffCostUsdPerYear: number; maintenanceFractionPerYear: number; facilityLeaseUsdPerKwMonth: number };
  gridRegions: Record<string, GridRegion>;
  gridServingUtilities: Record<string, ServingUtility>;
  gridWater: GridWaterData;
  company: {
    company: string;
    revenueUsdByYear: Record<string, number>;
    operatingIncomeUsdByYear: Record<string, number>;
    operatingCashFlowUsdByYear: Record<string, number>;
    capexUsdByYear: Record<string, number>;
    capexGuidanceUsdByYear: Record<string, { low: number; high: number }>;
    netIncomeUsdByYear: Record<string, number>;
  };
  jobs: { constructionJobsPeakPerMwUnderConstruction: number; permanentJobsPerMwOnline: number; indirectJobsPerPermanentJob: number };
  timeToPower: TimeToPower;
  financing: FinancingData;
  windModel: WindModelData;
  emissionFactors: EmissionFactorsData;
  pvModel: PvModelData;
  powerCosts: PowerCostsData;
  strategy: StrategyData;
  embodiedCarbon: EmbodiedCarbonData;
}

// ----------------------------------------------------------------- schemas

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);
const year = z.number().int().min(1990).max(2100);
const yearKey = z.string().regex(/^\d{4}$/, "expected a 4-digit year key");
const usd = z.number().finite();

export const AcceleratorSpecSchema = z
  .object({
    name: z.string().min(1),
    vendor: z.string().min(1),
    tdpW: positive,
    systemWPerAccelerator: positive.optional(),
    denseBf16FlopPerS: positive,
    unitPriceUsd: positive,
    firstYearAvailable: year,
  })
  .strict()
  .refine((a) => a.systemWPerAccelerator === undefined || a.systemWPerAccelerator >= a.tdpW, {
    message: "systemWPerAccelerator must be >= tdpW",
    path: ["systemWPerAccelerator"],
  });

export const AcceleratorsFileSchema = z
  .object({
    accelerators: z.record(z.string().min(1), AcceleratorSpecSchema),
    roadmap: z.object({ flopPerSPerUsdDoublingYears: positive, pricePathAnchor: z.string().min(1), projectionBasis: z.string().min(1) }).strict(),
  })
  .strict()
  .refine((f) => Object.hasOwn(f.accelerators, f.roadmap.pricePathAnchor) && Object.hasOwn(f.accelerators, f.roadmap.projectionBasis), {
    message: "roadmap.pricePathAnchor and roadmap.projectionBasis must name accelerators of the file",
    path: ["roadmap"],
  });

export const FacilitySchema = z
  .object({
    pue: z.number().finite().min(1),
    wueLPerKwh: nonNegative,
    itOverheadFactorPerTdp: z.number().finite().min(1),
    networkStorageOverheadFactor: z.number().finite().min(1),
    utilizationFraction: fraction,
    serverLifeYears: positive,
    facilityLifeYears: positive,
    electricalMechanicalLifeYears: positive,
  })
  .strict();

export const CapexPerMwSchema = z
  .object({
    shellCoreUsdPerMw: nonNegative,
    electricalMechanicalUsdPerMw: nonNegative,
    siteLandOtherUsdPerMw: nonNegative,
    landUsdPerMw: nonNegative,
    softCostFractionOfHardCost: nonNegative,
    itNonAcceleratorFraction: nonNegative,
  })
  .strict();

export const OpexSchema = z
  .object({
    energyPriceUsdPerMwh: nonNegative,
    staffPerMw: nonNegative,
    staffCostUsdPerYear: nonNegative,
    maintenanceFractionPerYear: fraction,
    facilityLeaseUsdPerKwMonth: nonNegative,
  })
  .strict();

export const GridRegionSchema = z
  .object({
    name: z.string().min(1),
    annualLoadMwh: positive,
    year,
    co2KgPerMwh: nonNegative,
    generationMixFraction: z
      .record(z.string().min(1), fraction)
      .refine((m) => Math.abs(Object.values(m).reduce((a, b) => a + b, 0) - 1) < 1e-6, { message: "generation shares must sum to 1" }),
    hourlyFuelMix: z
      .object({ file: z.string().min(1), balancingAuthority: z.string().min(1), year, utcOffsetHours: z.number().int().min(-12).max(14) })
      .strict()
      .optional(),
  })
  .strict();

export const GridWaterSchema = z
  .object({ basis: z.string().min(1), consumptionGalPerMwhByFuel: z.record(z.string().min(1), nonNegative) })
  .strict();

export const ServingUtilitySchema = z
  .object({ name: z.string().min(1), region: z.string().min(1), annualLoadMwh: positive, year, balancingAuthoritySeries: z.string().min(1) })
  .strict();

export const GridRegionsFileSchema = z
  .object({ regions: z.record(z.string().min(1), GridRegionSchema), servingUtilities: z.record(z.string().min(1), ServingUtilitySchema) })
  .strict()
  .refine((f) => Object.values(f.servingUtilities).every((u) => Object.hasOwn(f.regions, u.region)), {
    message: "every serving utility's region must be a key of regions",
    path: ["servingUtilities"],
  });

export const CompanyFinancialsSchema = z
  .object({
    company: z.string().min(1),
    revenueUsdByYear: z.record(yearKey, nonNegative),
    operatingIncomeUsdByYear: z.record(yearKey, usd),
    operatingCashFlowUsdByYear: z.record(yearKey, usd),
    capexUsdByYear: z.record(yearKey, nonNegative),
    capexGuidanceUsdByYear: z.record(
      yearKey,
      z
        .object({ low: nonNegative, high: nonNegative })
        .strict()
        .refine((g) => g.low <= g.high, { message: "guidance low must be <= high" }),
    ),
    netIncomeUsdByYear: z.record(yearKey, usd),
  })
  .strict();

export const JobsSchema = z
  .object({
    constructionJobsPeakPerMwUnderConstruction: nonNegative,
    permanentJobsPerMwOnline: nonNegative,
    indirectJobsPerPermanentJob: nonNegative,
  })
  .strict();

/** Reference points for time-to-power distributions (data/time-to-power.json). */
export const TimeToPowerSchema = z
  .object({
    generationInterconnection: z
      .object({ meanMonthsInQueueForProjectsOnline2024: positive, completionFractionOfProjects2000to2019: z.number().min(0).max(1), completionFractionOfCapacity2000to2019: z.number().min(0).max(1) })
      .strict(),
    ercotLargeLoads2026: z.object({ queueGw: positive, approvedToEnergizeGw: nonNegative, operatingGw: nonNegative }).strict(),
  })
  .strict();
export type TimeToPower = z.infer<typeof TimeToPowerSchema>;

export const EmbodiedCarbonSchema = z
  .object({
    basis: z.string().min(1),
    itEquipment: z.object({ kgCo2ePerAccelerator: nonNegative, networkStorageFractionOfServer: nonNegative }).strict(),
    building: z.object({ tco2ePerMwIt: nonNegative }).strict(),
    generation: z
      .object({ pvKgCo2ePerMwh: nonNegative, windKgCo2ePerMwh: nonNegative, firmCleanKgCo2ePerMwh: nonNegative, gasLifecycleKgCo2ePerMwh: nonNegative })
      .strict(),
    battery: z.object({ kgCo2ePerKwh: nonNegative }).strict(),
  })
  .strict();
export type EmbodiedCarbonData = z.infer<typeof EmbodiedCarbonSchema>;

/** Schema of one `fields` entry of a `data/X.meta.json` file. */
export const MetaFieldSchema = z
  .object({ source: z.string().min(1).optional(), note: z.string().min(1), sourced: z.boolean() })
  .strict()
  .refine((f) => (f.sourced ? f.source !== undefined : true), { message: "a sourced field needs a source id" });

/** Schema of a `data/X.meta.json` file. */
export const MetaFileSchema = z
  .object({
    title: z.string().min(1),
    license: z.string().min(1),
    retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sources: z.array(
      z
        .object({ id: z.string().min(1), url: z.string().min(1), title: z.string().min(1), date: z.string().min(1), license: z.string().min(1) })
        .strict(),
    ),
    fields: z.record(z.string().min(1), MetaFieldSchema),
  })
  .strict();

export type MetaFile = z.infer<typeof MetaFileSchema>;

