/**
 * Assembles ClaimInputs from the data files (imported as modules and validated, like `referenceData`; no fs).
 * The model run and the scenario are passed in by the caller (the CLI runs the scenario file).
 */
import accelMeta from "../../data/accelerators.meta.json" with { type: "json" };
import capexMeta from "../../data/capex-per-mw.meta.json" with { type: "json" };
import companyMeta from "../../data/company-financials.meta.json" with { type: "json" };
import facilityMeta from "../../data/facility.meta.json" with { type: "json" };
import opexMeta from "../../data/opex.meta.json" with { type: "json" };
import claimsJson from "../../data/claims/claims.json" with { type: "json" };
import claimsMeta from "../../data/claims/claims.meta.json" with { type: "json" };
import evidenceJson from "../../data/claims/evidence.json" with { type: "json" };
import evidenceMeta from "../../data/claims/evidence.meta.json" with { type: "json" };
import rulesJson from "../../data/claims/rules.json" with { type: "json" };
import rulesMeta from "../../data/claims/rules.meta.json" with { type: "json" };
import { MetaFileSchema, type MetaFile, referenceData } from "../data/index.ts";
import { peersData, peersMeta } from "../peers/data.ts";
import type { RunResult } from "../pipeline/run.ts";
import type { Scenario } from "../scenario/schema.ts";
import { ClaimsFileSchema, EvidenceFileSchema, RulesSchema } from "../data/claims.ts";
import type { ClaimInputs } from "./types.ts";

const parse = <T>(file: string, schema: { safeParse: (x: unknown) => { success: boolean; data?: T; error?: { message: string } } }, raw: unknown): T => {
  const r = schema.safeParse(raw);
  if (!r.success) throw new Error(`invalid ${file}: ${r.error?.message}`);
  return r.data as T;
};

const metas: Record<string, unknown> = {
  "data/claims/claims.json": claimsMeta,
  "data/claims/evidence.json": evidenceMeta,
  "data/claims/rules.json": rulesMeta,
  "data/accelerators.json": accelMeta,
  "data/capex-per-mw.json": capexMeta,
  "data/company-financials.json": companyMeta,
  "data/facility.json": facilityMeta,
  "data/opex.json": opexMeta,
};

/** Provenance of every data file the checker reads, by path. */
export const claimProvenance: Record<string, MetaFile> = {
  ...Object.fromEntries(Object.entries(metas).map(([f, m]) => [f, parse<MetaFile>(f.replace(/\.json$/, ".meta.json"), MetaFileSchema, m)])),
  "data/peers/peers.json": peersMeta,
};

export const claimData = {
  claims: parse("data/claims/claims.json", ClaimsFileSchema, claimsJson),
  evidence: parse("data/claims/evidence.json", EvidenceFileSchema, evidenceJson),
  rules: parse("data/claims/rules.json", RulesSchema, rulesJson),
};

/** The default inputs: data/ as shipped, plus the given model run of `scenario`. */
export function claimInputs(model: RunResult, scenario: Scenario, scenarioLabel: string): ClaimInputs {
  return { ...claimData, peers: peersData, reference: referenceData, provenance: claimProvenance, scenario, scenarioLabel, model };
}
