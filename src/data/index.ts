/**
 * Reference data for gigaplan: the one loader of every data file. Each `data/X.json` is imported as a module
 * (no fs, so the browser bundles the same data), validated with its zod schema, and comes with its provenance
 * `data/X.meta.json` (`fields["dot.path"]` → source id, note, sourced flag), validated too. Throws at import
 * time if a file is invalid: shipped data is part of the program.
 */
import type { z } from "zod";
import acceleratorsJson from "../../data/accelerators.json" with { type: "json" };
import acceleratorsMeta from "../../data/accelerators.meta.json" with { type: "json" };
import capexPerMwJson from "../../data/capex-per-mw.json" with { type: "json" };
import capexPerMwMeta from "../../data/capex-per-mw.meta.json" with { type: "json" };
import claimsJson from "../../data/claims/claims.json" with { type: "json" };
import claimsMeta from "../../data/claims/claims.meta.json" with { type: "json" };
import claimsEvidenceJson from "../../data/claims/evidence.json" with { type: "json" };
import claimsEvidenceMeta from "../../data/claims/evidence.meta.json" with { type: "json" };
import claimsRulesJson from "../../data/claims/rules.json" with { type: "json" };
import claimsRulesMeta from "../../data/claims/rules.meta.json" with { type: "json" };
import companyJson from "../../data/company-financials.json" with { type: "json" };
import companyMeta from "../../data/company-financials.meta.json" with { type: "json" };
import embodiedCarbonJson from "../../data/embodied-carbon.json" with { type: "json" };
import embodiedCarbonMeta from "../../data/embodied-carbon.meta.json" with { type: "json" };
import emissionFactorsJson from "../../data/emission-factors.json" with { type: "json" };
import emissionFactorsMeta from "../../data/emission-factors.meta.json" with { type: "json" };
import facilityJson from "../../data/facility.json" with { type: "json" };
import facilityMeta from "../../data/facility.meta.json" with { type: "json" };
import financingJson from "../../data/financing.json" with { type: "json" };
import financingMeta from "../../data/financing.meta.json" with { type: "json" };
import gridRegionsJson from "../../data/grid-regions.json" with { type: "json" };
import gridRegionsMeta from "../../data/grid-regions.meta.json" with { type: "json" };
import gridWaterJson from "../../data/grid-water.json" with { type: "json" };
import gridWaterMeta from "../../data/grid-water.meta.json" with { type: "json" };
import jobsJson from "../../data/jobs.json" with { type: "json" };
import jobsMeta from "../../data/jobs.meta.json" with { type: "json" };
import timeToPowerJson from "../../data/time-to-power.json" with { type: "json" };
import timeToPowerMeta from "../../data/time-to-power.meta.json" with { type: "json" };
import opexJson from "../../data/opex.json" with { type: "json" };
import opexMeta from "../../data/opex.meta.json" with { type: "json" };
import peersJson from "../../data/peers/peers.json" with { type: "json" };
import peersMeta from "../../data/peers/peers.meta.json" with { type: "json" };
import powerCostsJson from "../../data/power-costs.json" with { type: "json" };
import powerCostsMeta from "../../data/power-costs.meta.json" with { type: "json" };
import pvModelJson from "../../data/pv-model.json" with { type: "json" };
import pvModelMeta from "../../data/pv-model.meta.json" with { type: "json" };
import strategyJson from "../../data/strategy.json" with { type: "json" };
import strategyMeta from "../../data/strategy.meta.json" with { type: "json" };
import windModelJson from "../../data/wind-model.json" with { type: "json" };
import windModelMeta from "../../data/wind-model.meta.json" with { type: "json" };
import { type ClaimsFile, ClaimsFileSchema, type EvidenceFile, EvidenceFileSchema, type Rules, RulesSchema } from "./claims.ts";
import { EmissionFactorsSchema } from "./emission-factors.ts";
import { FinancingDataSchema } from "./financing.ts";
import { type PeersFile, PeersFileSchema } from "./peers.ts";
import { PowerCostsSchema } from "./power-costs.ts";
import { PvModelSchema } from "./pv-model.ts";
import {
  AcceleratorsFileSchema,
  CapexPerMwSchema,
  CompanyFinancialsSchema,
  EmbodiedCarbonSchema,
  FacilitySchema,
  GridRegionsFileSchema,
  GridWaterSchema,
  JobsSchema,
  type MetaFile,
  MetaFileSchema,
  OpexSchema,
  type ReferenceData,
  TimeToPowerSchema,
} from "./reference-schemas.ts";
import { StrategyDataSchema } from "./strategy.ts";
import { WindModelSchema } from "./wind-model.ts";

export * from "./reference-schemas.ts";
export { referenceAllInW } from "./accelerator-power.ts";

/** The data files, by name (`data/<name>.json`), with their schemas and provenance. */
export const dataFiles = {
  accelerators: { raw: acceleratorsJson as unknown, meta: acceleratorsMeta as unknown, schema: AcceleratorsFileSchema },
  facility: { raw: facilityJson as unknown, meta: facilityMeta as unknown, schema: FacilitySchema },
  "capex-per-mw": { raw: capexPerMwJson as unknown, meta: capexPerMwMeta as unknown, schema: CapexPerMwSchema },
  opex: { raw: opexJson as unknown, meta: opexMeta as unknown, schema: OpexSchema },
  "grid-regions": { raw: gridRegionsJson as unknown, meta: gridRegionsMeta as unknown, schema: GridRegionsFileSchema },
  "grid-water": { raw: gridWaterJson as unknown, meta: gridWaterMeta as unknown, schema: GridWaterSchema },
  "company-financials": { raw: companyJson as unknown, meta: companyMeta as unknown, schema: CompanyFinancialsSchema },
  jobs: { raw: jobsJson as unknown, meta: jobsMeta as unknown, schema: JobsSchema },
  "time-to-power": { raw: timeToPowerJson as unknown, meta: timeToPowerMeta as unknown, schema: TimeToPowerSchema },
  financing: { raw: financingJson as unknown, meta: financingMeta as unknown, schema: FinancingDataSchema },
  "wind-model": { raw: windModelJson as unknown, meta: windModelMeta as unknown, schema: WindModelSchema },
  "embodied-carbon": { raw: embodiedCarbonJson as unknown, meta: embodiedCarbonMeta as unknown, schema: EmbodiedCarbonSchema },
  "emission-factors": { raw: emissionFactorsJson as unknown, meta: emissionFactorsMeta as unknown, schema: EmissionFactorsSchema },
  "pv-model": { raw: pvModelJson as unknown, meta: pvModelMeta as unknown, schema: PvModelSchema },
  "power-costs": { raw: powerCostsJson as unknown, meta: powerCostsMeta as unknown, schema: PowerCostsSchema },
  "peers/peers": { raw: peersJson as unknown, meta: peersMeta as unknown, schema: PeersFileSchema },
  "claims/claims": { raw: claimsJson as unknown, meta: claimsMeta as unknown, schema: ClaimsFileSchema },
  "claims/evidence": { raw: claimsEvidenceJson as unknown, meta: claimsEvidenceMeta as unknown, schema: EvidenceFileSchema },
  "claims/rules": { raw: claimsRulesJson as unknown, meta: claimsRulesMeta as unknown, schema: RulesSchema },
  strategy: { raw: strategyJson as unknown, meta: strategyMeta as unknown, schema: StrategyDataSchema },
} as const;
type DataFileName = keyof typeof dataFiles;

/**
 * Set (to true) by scripts/build.mjs in the compiled CLI, after it has validated these very files: the data is
 * compiled into the bundle, so checking it again at every start would only cost time.
 */
declare const __GIGAPLAN_DATA_VALIDATED_AT_BUILD__: boolean | undefined;
const validatedAtBuild = typeof __GIGAPLAN_DATA_VALIDATED_AT_BUILD__ !== "undefined" && __GIGAPLAN_DATA_VALIDATED_AT_BUILD__;

function parseFile<T>(file: string, schema: z.ZodType<T>, raw: unknown): T {
  if (validatedAtBuild) return raw as T;
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`invalid reference data in data/${file}.json:\n${issues}`);
  }
  return r.data;
}

const load = <N extends DataFileName>(name: N): z.output<(typeof dataFiles)[N]["schema"]> =>
  parseFile(name, dataFiles[name].schema as unknown as z.ZodType<z.output<(typeof dataFiles)[N]["schema"]>>, dataFiles[name].raw);

/** Validated reference data of the model. */
const acceleratorsFile = load("accelerators");
const gridRegionsFile = load("grid-regions");

export const referenceData: ReferenceData = {
  accelerators: acceleratorsFile.accelerators,
  acceleratorRoadmap: acceleratorsFile.roadmap,
  facility: load("facility"),
  capexPerMw: load("capex-per-mw"),
  opex: load("opex"),
  gridRegions: gridRegionsFile.regions,
  gridServingUtilities: gridRegionsFile.servingUtilities,
  gridWater: load("grid-water"),
  company: load("company-financials"),
  jobs: load("jobs"),
  timeToPower: load("time-to-power"),
  financing: load("financing"),
  windModel: load("wind-model"),
  emissionFactors: load("emission-factors"),
  pvModel: load("pv-model"),
  powerCosts: load("power-costs"),
  strategy: load("strategy"),
  embodiedCarbon: load("embodied-carbon"),
};

/** Path of the peers dataset, as reports cite it. */
export const PEERS_DATA_PATH = "data/peers/peers.json";
/** The hyperscaler peers dataset (data/peers/peers.json). */
export const peersData: PeersFile = load("peers/peers");

/** The reference article's claims, the evidence they are judged on, and the judging rules (data/claims/). */
export const claimData: { claims: ClaimsFile; evidence: EvidenceFile; rules: Rules } = {
  claims: load("claims/claims"),
  evidence: load("claims/evidence"),
  rules: load("claims/rules"),
};

/** Provenance of every data file, by its path from the repository root (`data/<name>.json`). */
export const provenance: Record<string, MetaFile> = Object.fromEntries(
  (Object.keys(dataFiles) as DataFileName[]).map((name) => [`data/${name}.json`, parseFile(`${name}.meta`, MetaFileSchema, dataFiles[name].meta)]),
);
