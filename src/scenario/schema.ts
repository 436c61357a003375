/**
 * Scenario schema (zod). Every number carries its unit in its name. Optional fields take their
 * defaults from data/ (see resolve.ts), so a scenario only states what differs from the reference data.
 */
import { z } from "zod";
import { uncertainSchema } from "./uncertain-schema.ts";
import { financingSchema } from "./financing-schema.ts";
import { sitePowerSchema } from "./power-schema.ts";

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month written YYYY-MM");
const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);
const yearKey = z.string().regex(/^\d{4}$/, "must be a four-digit year");
const usdByYear = z.record(yearKey, nonNegative);

export const acceleratorSpecSchema = z.strictObject({
  name: z.string().optional(),
  vendor: z.string().optional(),
  tdpW: positive.optional().describe("Thermal design power per accelerator, W"),
  allInWPerAccelerator: positive
    .optional()
    .describe("IT watts per accelerator including host CPU, memory, network and storage share"),
  itOverheadFactorPerTdp: positive
    .optional()
    .describe("All-in IT W per TDP W, used when allInWPerAccelerator is absent"),
  denseBf16FlopPerS: positive.optional().describe("Dense BF16 tensor throughput, FLOP/s"),
  unitPriceUsd: positive.optional().describe("Price per accelerator as bought in a system, USD"),
  firstYearAvailable: z.number().int().optional(),
});

export const phaseSchema = z.strictObject({
  name: z.string().min(1),
  itPowerMw: positive.describe("Critical IT power of the phase, MW"),
  constructionStartMonth: month.describe("Requested start of construction"),
  constructionMonths: z.number().int().positive().describe("Months from start of construction to ready for IT"),
  interconnectionMonth: month.optional().describe("Earliest month the grid connection can energize the phase"),
  fleetMix: z
    .record(z.string(), fraction)
    .describe("Share of the phase's IT MW by accelerator generation; shares sum to 1"),
  pue: z.number().finite().min(1).optional(),
});

export const siteSchema = z.strictObject({
  name: z.string().min(1),
  state: z.string().min(2),
  gridRegion: z.string().min(1).describe("Key of data/grid-regions.json, e.g. ERCOT, MISO, PJM"),
  phases: z.array(phaseSchema).min(1),
  power: sitePowerSchema.optional().describe("Hourly power supply of the site (portfolio, prices, weather files)"),
});

export const programSchema = z.strictObject({
  name: z.string().min(1),
  currencyBaseYear: z.number().int().min(2000).max(2100),
  horizonStartMonth: month,
  horizonEndMonth: month,
  capitalPlanUsdByYear: usdByYear.describe("Capital the program may spend in each calendar year, nominal USD"),
  unspentCapitalCarriesOver: z.boolean().default(true),
  escalationFractionPerYear: z.number().finite().min(-0.5).max(1).default(0),
});

export const facilitySchema = z.strictObject({
  pue: z.number().finite().min(1).optional(),
  wueLPerKwh: nonNegative.optional(),
  utilizationFraction: fraction.optional(),
});

export const assetLivesSchema = z.strictObject({
  serverLifeYears: positive.optional(),
  facilityLifeYears: positive.optional(),
  electricalMechanicalLifeYears: positive.optional(),
  refreshAtEndOfLife: z.boolean().default(true),
  refreshGeneration: z.string().optional().describe("Generation bought at refresh; default: newest available"),
});

export const capexPerMwSchema = z.strictObject({
  shellCoreUsdPerMw: nonNegative.optional(),
  electricalMechanicalUsdPerMw: nonNegative.optional(),
  siteLandOtherUsdPerMw: nonNegative.optional(),
  itNonAcceleratorFraction: nonNegative.optional(),
});

export const opexSchema = z.strictObject({
  energyPriceUsdPerMwh: nonNegative.optional(),
  staffPerMw: nonNegative.optional(),
  staffCostUsdPerYear: nonNegative.optional(),
  maintenanceFractionPerYear: fraction.optional(),
});

export const companySchema = z.strictObject({
  name: z.string().optional(),
  revenueUsdByYear: usdByYear.optional().describe("Reported or assumed revenue; later years grow by revenueGrowthFractionPerYear"),
  revenueGrowthFractionPerYear: z.number().finite().min(-1).max(5).default(0),
  operatingCashFlowMarginFraction: fraction.optional().describe("Operating cash flow / revenue"),
});

export const programEconomicsSchema = z
  .strictObject({
    revenueUsdPerPflopSYear: nonNegative
      .optional()
      .describe("Revenue per PFLOP/s of dense BF16 compute installed, per year, at the base year (base-year USD): revenue follows compute delivered"),
    computePriceDeclineFractionPerYear: fraction
      .optional()
      .describe("How fast the price of a unit of compute falls each year (with revenueUsdPerPflopSYear); default: the price-performance trend of data/accelerators.json, 1 - 2^(-1/2.07) = 28.5 %"),
    revenueUsdPerMwItYear: nonNegative
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

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  program: programSchema,
  sites: z.array(siteSchema).min(1),
  accelerators: z.record(z.string(), acceleratorSpecSchema).default({}),
  acceleratorSupplyUnitsByYear: z
    .record(z.string(), z.record(yearKey, nonNegative))
    .default({})
    .describe("Cap on accelerators of each generation the program can install per calendar year"),
  facility: facilitySchema.default({}),
  assetLives: assetLivesSchema.default({ refreshAtEndOfLife: true }),
  capexPerMw: capexPerMwSchema.default({}),
  opex: opexSchema.default({}),
  company: companySchema.default({ revenueGrowthFractionPerYear: 0 }),
  economics: programEconomicsSchema.optional().describe("Revenue assumption for NPV/IRR; omit to skip them"),
  jobs: jobsSchema.default({}),
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
