/**
 * Scenario schema (zod). Every number carries its unit in its name. Optional fields take their
 * defaults from data/ (see resolve.ts), so a scenario only states what differs from the reference data.
 */
import { z } from "zod";
import { uncertainSchema } from "./uncertain-schema.ts";
import { financingSchema } from "./financing-schema.ts";
import { sitePowerSchema } from "./power-schema.ts";

import { MAX_USD, between, month, yearInt, yearKey } from "./bounds.ts";

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);
const usd = between(0, MAX_USD);
const usdByYear = z.record(yearKey, usd);

export const acceleratorSpecSchema = z.strictObject({
  name: z.string().optional(),
  vendor: z.string().optional(),
  tdpW: between(1, 100_000).optional().describe("Thermal design power per accelerator, W (1 to 100,000)"),
  allInWPerAccelerator: between(1, 200_000)
    .optional()
    .describe("IT watts per accelerator including host CPU, memory, network and storage share (1 to 200,000)"),
  itOverheadFactorPerTdp: between(1, 10)
    .optional()
    .describe("All-in IT W per TDP W, used when allInWPerAccelerator is absent (1 to 10)"),
  denseBf16FlopPerS: between(1e9, 1e20).optional().describe("Dense BF16 tensor throughput, FLOP/s (1e9 to 1e20)"),
  unitPriceUsd: between(1, 1e8).optional().describe("Price per accelerator as bought in a system, USD (up to $100M)"),
  firstYearAvailable: yearInt.optional(),
});

export const phaseSchema = z.strictObject({
  name: z.string().min(1),
  itPowerMw: positive
    .max(100_000, "must be at most 100,000")
    .refine((v) => v <= 0 || v >= 0.1, "must be at least 0.1 MW (a smaller phase gives meaningless per-MWh figures)")
    .describe("Critical IT power of the phase, MW (0.1 to 100,000)"),
  constructionStartMonth: month.describe("Requested start of construction"),
  constructionMonths: z.number().int().min(1).max(240).describe("Months from start of construction to ready for IT (1 to 240)"),
  interconnectionMonth: month.optional().describe("Earliest month the grid connection can energize the phase"),
  powerDelayMonths: z
    .number()
    .int()
    .min(0)
    .max(240)
    .optional()
    .describe("Time-to-power delay: months the phase waits for power beyond its construction and interconnection dates (late grid upgrades, late new generation, transformer or turbine lead times); 0 to 240, default 0. Give it a distribution in `uncertain` for time-to-power risk"),
  fleetMix: z
    .record(z.string(), fraction)
    .describe("Share of the phase's IT MW by accelerator generation; shares sum to 1. The key `newest` stands for the newest generation available in the year the phase is requested online (end of construction, or its interconnection month if later), by the rule IT refreshes follow (data/accelerators.json roadmap, then projected generations)"),
  pue: between(1, 3).optional().describe("Facility / IT power (1 to 3)"),
  facilityOwnership: z
    .enum(["owned", "leased"])
    .optional()
    .describe("owned (default): the sponsor builds the facility and pays its capex; leased: a lessor builds and owns it (colocation or build-to-suit under an operating lease), the sponsor buys only the IT and pays rent per kW of IT from the month the phase is online (opex.facilityLeaseUsdPerKwMonth); constructionMonths is then the time from signing to a fitted-out hall"),
});

export const siteSchema = z.strictObject({
  name: z.string().min(1),
  state: z.string().min(2),
  gridRegion: z.string().min(1).describe("Key of data/grid-regions.json, e.g. ERCOT, MISO, PJM"),
  gridServingUtility: z
    .string()
    .min(1)
    .optional()
    .describe("The utility or sub-region that serves the site: key of data/grid-regions.json servingUtilities, e.g. \"MISO South\", \"AEP (PJM AEP zone)\", \"El Paso Electric\". The site's load share is reported against it beside the region share"),
  location: z
    .strictObject({
      latitudeDeg: between(-90, 90),
      longitudeDeg: between(-180, 180),
      utcOffsetHours: z.number().int().min(-12).max(14).optional().describe("Offset of the site's local standard time from UTC, h (Central -6, Eastern -5, Mountain -7): aligns sites' hours when load moves between them"),
    })
    .optional()
    .describe("The site's coordinates: the run reports each weather file's distance from them and flags files farther than data/power-costs.json localWeatherMaxDistanceKm as proxy weather"),
  unallocated: z
    .boolean()
    .default(false)
    .describe("Capacity without a site (not announced or not yet allocated): each phase builds in no less time than the quickest phase of a named site, and should state its interconnection month so grid delays can bind"),
  phases: z.array(phaseSchema).min(1),
  power: sitePowerSchema.optional().describe("Hourly power supply of the site (portfolio, prices, weather files)"),
});

export const programSchema = z.strictObject({
  name: z.string().min(1),
  currencyBaseYear: yearInt,
  horizonStartMonth: month,
  horizonEndMonth: month,
  capitalPlanUsdByYear: usdByYear.describe("Capital the program may spend in each calendar year, nominal USD"),
  unspentCapitalCarriesOver: z.boolean().default(true),
  unmodelledCapex: z
    .strictObject({
      description: z.string().min(1).describe("What the category stands for, e.g. existing campuses, network, offices, non-AI servers"),
      residualOfCapitalPlanYears: z
        .array(yearInt)
        .default([])
        .describe("Years whose capital plan is reported capex: what the modelled campuses do not spend of it that year is this category (a residual, nothing carries over)"),
      usdByYear: usdByYear.default({}).describe("Stated amounts in other years, spent before any phase, nominal USD"),
    })
    .optional()
    .describe("Capex the capital plan pays for that no modelled campus explains; counted in capex and the company's cash flow, not in the program's returns"),
  escalationFractionPerYear: between(-0.2, 0.5).default(0).describe("Nominal price escalation per year (-20 % to +50 %)"),
});

export const facilitySchema = z.strictObject({
  pue: between(1, 3).optional().describe("Facility / IT power (1 to 3)"),
  wueLPerKwh: between(0, 20).optional().describe("Water per kWh of IT energy, L (0 to 20)"),
  utilizationFraction: fraction.optional(),
});

export const assetLivesSchema = z.strictObject({
  serverLifeYears: between(1, 30).optional().describe("Server life, years (1 to 30; a shorter life refreshes every few months)"),
  facilityLifeYears: between(1, 100).optional().describe("Years (1 to 100)"),
  electricalMechanicalLifeYears: between(1, 100).optional().describe("Years (1 to 100)"),
  refreshAtEndOfLife: z.boolean().default(true),
  refreshGeneration: z.string().optional().describe("Generation bought at refresh; default: newest available"),
});

export const capexPerMwSchema = z.strictObject({
  shellCoreUsdPerMw: between(0, 1e9).optional().describe("USD per MW of IT (up to $1B)"),
  electricalMechanicalUsdPerMw: between(0, 1e9).optional().describe("USD per MW of IT (up to $1B)"),
  siteLandOtherUsdPerMw: between(0, 1e9).optional().describe("USD per MW of IT (up to $1B): site work, back of house, office (hard cost)"),
  landUsdPerMw: between(0, 1e9).optional().describe("Land bought per MW of IT, USD (up to $1B); outside the hard cost, booked with site/land/other"),
  softCostFractionOfHardCost: between(0, 2)
    .optional()
    .describe("Design, engineering, permits and owner's contingency per USD of hard cost (0 to 2); capitalized with each facility class"),
  itNonAcceleratorFraction: between(0, 10).optional().describe("Non-accelerator IT capex per accelerator capex (0 to 10)"),
});

export const opexSchema = z.strictObject({
  energyPriceUsdPerMwh: between(0, 10_000).optional().describe("USD per MWh (0 to 10,000)"),
  staffPerMw: between(0, 100).optional().describe("Staff per MW of IT online (0 to 100)"),
  staffCostUsdPerYear: between(0, 1e7).optional().describe("USD per person-year (up to $10M)"),
  maintenanceFractionPerYear: fraction.optional(),
  facilityLeaseUsdPerKwMonth: between(0, 10_000)
    .optional()
    .describe("Rent of a leased facility (a phase with facilityOwnership: leased) per kW of IT per month, the tenant paying its own power; USD (0 to 10,000), escalated like other opex"),
});

export const companySchema = z.strictObject({
  name: z.string().optional(),
  revenueUsdByYear: usdByYear.optional().describe("Reported or assumed revenue; later years grow by revenueGrowthFractionPerYear"),
  revenueGrowthFractionPerYear: between(-0.9, 5).default(0),
  operatingCashFlowMarginFraction: fraction.optional().describe("Operating cash flow / revenue; default: the reference company's latest reported year, whose reported operating cash flow is then used in every reported year (stating a margin applies it to every year, reported ones included)"),
});

export const programEconomicsSchema = z
  .strictObject({
    revenueUsdPerPflopSYear: between(0, 1e9)
      .optional()
      .describe("Revenue per PFLOP/s of dense BF16 compute installed, per year, at the base year (base-year USD): revenue follows compute delivered"),
    computePriceDeclineFractionPerYear: between(0, 0.99)
      .optional()
      .describe("How fast the price of a unit of compute falls each year (with revenueUsdPerPflopSYear); default: the price-performance trend of data/accelerators.json, 1 - 2^(-1/2.07) = 28.5 %"),
    revenueUsdPerMwItYear: between(0, 1e10)
      .optional()
      .describe("Alternative, watts-based: revenue per MW of IT online for a year (base-year USD); a hungrier chip earns more"),
    discountRateFractionPerYear: z.number().finite().min(0).max(1).describe("Nominal discount rate for NPV"),
  })
  .superRefine((e, ctx) => {
    const forms = [e.revenueUsdPerPflopSYear, e.revenueUsdPerMwItYear].filter((x) => x !== undefined).length;
    if (forms !== 1) ctx.addIssue({ code: "custom", path: [], message: "give exactly one revenue form: revenueUsdPerPflopSYear (follows compute) or revenueUsdPerMwItYear (follows watts)" });
    if (e.computePriceDeclineFractionPerYear !== undefined && e.revenueUsdPerPflopSYear === undefined) {
      ctx.addIssue({ code: "custom", path: ["computePriceDeclineFractionPerYear"], message: "applies only with revenueUsdPerPflopSYear" });
    }
  });

export const jobsSchema = z.strictObject({
  constructionJobsPeakPerMwUnderConstruction: nonNegative.optional(),
  permanentJobsPerMwOnline: nonNegative.optional(),
  indirectJobsPerPermanentJob: nonNegative.optional(),
});

export const embodiedCarbonSchema = z
  .strictObject({
    kgCo2ePerAccelerator: between(0, 1e6).optional().describe("Embodied CO2e per accelerator with its share of the server (kg); default data/embodied-carbon.json"),
    kgCo2ePerAcceleratorByGeneration: z
      .record(z.string(), between(0, 1e6))
      .default({})
      .describe("Per-generation footprints (kg CO2e per accelerator) where a manufacturer's product carbon footprint is known"),
    networkStorageFractionOfServer: between(0, 10).optional().describe("Network and storage embodied carbon as a share of the servers'"),
    buildingTco2ePerMwIt: between(0, 1e5).optional().describe("Shell, electrical and mechanical plant, t CO2e per MW of IT"),
    pvKgCo2ePerMwh: between(0, 1000).optional().describe("Life-cycle (embodied) CO2e of PV per MWh generated"),
    windKgCo2ePerMwh: between(0, 1000).optional().describe("Life-cycle (embodied) CO2e of wind per MWh generated"),
    firmCleanKgCo2ePerMwh: between(0, 1000).optional().describe("Life-cycle CO2e of firm clean supply (nuclear) per MWh"),
    gasLifecycleKgCo2ePerMwh: between(0, 2000).optional().describe("Life-cycle CO2e of gas generation per MWh; the part above direct combustion counts as embodied and fuel supply"),
    batteryKgCo2ePerKwh: between(0, 1000).optional().describe("Embodied CO2e per kWh of battery energy capacity"),
  })
  .describe("Embodied-carbon factors (defaults: data/embodied-carbon.json)");

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  program: programSchema,
  sites: z.array(siteSchema).min(1),
  accelerators: z.record(z.string(), acceleratorSpecSchema).default({}),
  acceleratorSupplyUnitsByYear: z
    .record(z.string(), z.record(yearKey, between(0, 1e9)))
    .default({})
    .describe("Cap on accelerators of each generation the program can install per calendar year"),
  facility: facilitySchema.default({}),
  assetLives: assetLivesSchema.default({ refreshAtEndOfLife: true }),
  capexPerMw: capexPerMwSchema.default({}),
  opex: opexSchema.default({}),
  company: companySchema.default({ revenueGrowthFractionPerYear: 0 }),
  economics: programEconomicsSchema.optional().describe("Revenue assumption for NPV/IRR; omit to skip them"),
  jobs: jobsSchema.default({}),
  embodiedCarbon: embodiedCarbonSchema.default({ kgCo2ePerAcceleratorByGeneration: {} }),
  financing: financingSchema.optional().describe("Funding structures (bonds, SPV/JV), accounting and revenue-required settings"),
  uncertain: uncertainSchema.optional().describe("Distributions on scenario numbers for simulate/compare (see README)"),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Phase = z.output<typeof phaseSchema>;
export type Site = z.output<typeof siteSchema>;

/** JSON Schema for editors (YAML language server, VS Code). */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
}
