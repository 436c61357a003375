/**
 * Reference data for gigaplan: typed, validated views of the JSON files in `data/`.
 *
 * Every numeric leaf of every `data/X.json` has its provenance in the sibling
 * `data/X.meta.json` (`fields["dot.path"]` → source id, note, sourced flag).
 * This module only imports the data files (no fs), validates them with zod and
 * exports them as `referenceData`.
 */
import { z } from "zod";

import acceleratorsJson from "../../data/accelerators.json" with { type: "json" };
import facilityJson from "../../data/facility.json" with { type: "json" };
import capexPerMwJson from "../../data/capex-per-mw.json" with { type: "json" };
import opexJson from "../../data/opex.json" with { type: "json" };
import gridRegionsJson from "../../data/grid-regions.json" with { type: "json" };
import companyJson from "../../data/company-financials.json" with { type: "json" };
import jobsJson from "../../data/jobs.json" with { type: "json" };
import financingJson from "../../data/financing.json" with { type: "json" };
import { type FinancingData, FinancingDataSchema } from "./financing.ts";
import windModelJson from "../../data/wind-model.json" with { type: "json" };
import emissionFactorsJson from "../../data/emission-factors.json" with { type: "json" };
import { type WindModelData, WindModelSchema } from "./wind-model.ts";
import { type EmissionFactorsData, EmissionFactorsSchema } from "./emission-factors.ts";
import pvModelJson from "../../data/pv-model.json" with { type: "json" };
import { type PvModelData, PvModelSchema } from "./pv-model.ts";
import powerCostsJson from "../../data/power-costs.json" with { type: "json" };
import { type PowerCostsData, PowerCostsSchema } from "./power-costs.ts";
import peersJson from "../../data/peers/peers.json" with { type: "json" };
import claimsJson from "../../data/claims/claims.json" with { type: "json" };
import claimsEvidenceJson from "../../data/claims/evidence.json" with { type: "json" };
import claimsRulesJson from "../../data/claims/rules.json" with { type: "json" };
import { PeersFileSchema } from "./peers.ts";
import { ClaimsFileSchema, EvidenceFileSchema, RulesSchema } from "./claims.ts";
import strategyJson from "../../data/strategy.json" with { type: "json" };
import { type StrategyData, StrategyDataSchema } from "./strategy.ts";

export interface AcceleratorSpec {
  name: string;
  vendor: string;
  tdpW: number;
  allInWPerAccelerator?: number;
  denseBf16FlopPerS: number;
  unitPriceUsd: number;
  firstYearAvailable: number;
}

export interface GridRegion {
  name: string;
  annualLoadMwh: number;
  year: number;
  co2KgPerMwh: number;
}

export interface ReferenceData {
  accelerators: Record<string, AcceleratorSpec>;
  facility: {
    pue: number;
    wueLPerKwh: number;
    itOverheadFactorPerTdp: number;
    utilizationFraction: number;
    serverLifeYears: number;
    facilityLifeYears: number;
    electricalMechanicalLifeYears: number;
  };
  capexPerMw: {
    shellCoreUsdPerMw: number;
    electricalMechanicalUsdPerMw: number;
    siteLandOtherUsdPerMw: number;
    itNonAcceleratorFraction: number;
  };
  opex: { energyPriceUsdPerMwh: number; staffPerMw: number; staffCostUsdPerYear: number; maintenanceFractionPerYear: number };
  gridRegions: Record<string, GridRegion>;
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
  financing: FinancingData;
  windModel: WindModelData;
  emissionFactors: EmissionFactorsData;
  pvModel: PvModelData;
  powerCosts: PowerCostsData;
  strategy: StrategyData;
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
    allInWPerAccelerator: positive.optional(),
    denseBf16FlopPerS: positive,
    unitPriceUsd: positive,
    firstYearAvailable: year,
  })
  .strict()
  .refine((a) => a.allInWPerAccelerator === undefined || a.allInWPerAccelerator >= a.tdpW, {
    message: "allInWPerAccelerator must be >= tdpW",
    path: ["allInWPerAccelerator"],
  });

export const AcceleratorsFileSchema = z.object({ accelerators: z.record(z.string().min(1), AcceleratorSpecSchema) }).strict();

export const FacilitySchema = z
  .object({
    pue: z.number().finite().min(1),
    wueLPerKwh: nonNegative,
    itOverheadFactorPerTdp: z.number().finite().min(1),
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
    itNonAcceleratorFraction: nonNegative,
  })
  .strict();

export const OpexSchema = z
  .object({
    energyPriceUsdPerMwh: nonNegative,
    staffPerMw: nonNegative,
    staffCostUsdPerYear: nonNegative,
    maintenanceFractionPerYear: fraction,
  })
  .strict();

export const GridRegionSchema = z
  .object({ name: z.string().min(1), annualLoadMwh: positive, year, co2KgPerMwh: nonNegative })
  .strict();

export const GridRegionsFileSchema = z.object({ regions: z.record(z.string().min(1), GridRegionSchema) }).strict();

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

/** The data files, by base name (`data/<name>.json`), with their schemas. */
export const dataFiles = {
  accelerators: { raw: acceleratorsJson as unknown, schema: AcceleratorsFileSchema },
  facility: { raw: facilityJson as unknown, schema: FacilitySchema },
  "capex-per-mw": { raw: capexPerMwJson as unknown, schema: CapexPerMwSchema },
  opex: { raw: opexJson as unknown, schema: OpexSchema },
  "grid-regions": { raw: gridRegionsJson as unknown, schema: GridRegionsFileSchema },
  "company-financials": { raw: companyJson as unknown, schema: CompanyFinancialsSchema },
  jobs: { raw: jobsJson as unknown, schema: JobsSchema },
  financing: { raw: financingJson as unknown, schema: FinancingDataSchema },
  "wind-model": { raw: windModelJson as unknown, schema: WindModelSchema },
  "emission-factors": { raw: emissionFactorsJson as unknown, schema: EmissionFactorsSchema },
  "pv-model": { raw: pvModelJson as unknown, schema: PvModelSchema },
  "power-costs": { raw: powerCostsJson as unknown, schema: PowerCostsSchema },
  "peers/peers": { raw: peersJson as unknown, schema: PeersFileSchema },
  "claims/claims": { raw: claimsJson as unknown, schema: ClaimsFileSchema },
  "claims/evidence": { raw: claimsEvidenceJson as unknown, schema: EvidenceFileSchema },
  "claims/rules": { raw: claimsRulesJson as unknown, schema: RulesSchema },
  strategy: { raw: strategyJson as unknown, schema: StrategyDataSchema },
} as const;

function parseFile<T>(file: string, schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`invalid reference data in data/${file}.json:\n${issues}`);
  }
  return r.data;
}

function loadReferenceData(): ReferenceData {
  const f = dataFiles;
  return {
    accelerators: parseFile("accelerators", f.accelerators.schema, f.accelerators.raw).accelerators,
    facility: parseFile("facility", f.facility.schema, f.facility.raw),
    capexPerMw: parseFile("capex-per-mw", f["capex-per-mw"].schema, f["capex-per-mw"].raw),
    opex: parseFile("opex", f.opex.schema, f.opex.raw),
    gridRegions: parseFile("grid-regions", f["grid-regions"].schema, f["grid-regions"].raw).regions,
    company: parseFile("company-financials", f["company-financials"].schema, f["company-financials"].raw),
    jobs: parseFile("jobs", f.jobs.schema, f.jobs.raw),
    financing: parseFile("financing", f.financing.schema, f.financing.raw),
    windModel: parseFile("wind-model", f["wind-model"].schema, f["wind-model"].raw),
    emissionFactors: parseFile("emission-factors", f["emission-factors"].schema, f["emission-factors"].raw),
    pvModel: parseFile("pv-model", f["pv-model"].schema, f["pv-model"].raw),
    powerCosts: parseFile("power-costs", f["power-costs"].schema, f["power-costs"].raw),
    strategy: parseFile("strategy", f.strategy.schema, f.strategy.raw),
  };
}

/** Validated reference data (throws at import time if a data file is invalid). */
export const referenceData: ReferenceData = loadReferenceData();
