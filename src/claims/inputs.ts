/** Assembles ClaimInputs: data/ as shipped (claims, evidence, rules, peers, reference data, provenance) plus a model run. */
import { type ReferenceData, claimData, peersData, provenance, referenceData } from "../data/index.ts";
import type { RunResult } from "../pipeline/run.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { ClaimInputs } from "./types.ts";

/** The default inputs: data/ as shipped, plus the given model run of `scenario`. */
export function claimInputs(model: RunResult, scenario: Scenario, scenarioLabel: string, reference: ReferenceData = referenceData): ClaimInputs {
  return { ...claimData, peers: peersData, reference, provenance, scenario, scenarioLabel, model };
}
