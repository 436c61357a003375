/**
 * `sources`: the provenance of a run (provenance.ts: every reference and scenario number with its source, the
 * weather and grid files per site) and the inputs that matter most: the tornado of the scenario's `uncertain`
 * block (each input at its p10 and p90, the others at base) for NPV, capex, IT MW and the funding gap.
 */
import type { Diagnostic, Outcome } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import type { ScenarioDocument } from "../pipeline/prepare.ts";
import type { Scenario } from "../scenario/schema.ts";
import { buildPlan } from "../uncertainty/plan.ts";
import type { OutputName } from "../uncertainty/outputs.ts";
import { tornado } from "../uncertainty/sensitivity.ts";
import type { InputFiles } from "../pipeline/input-files.ts";
import type { SourcesReport } from "../results/provenance.ts";

export type { SourcesReport };
import { runDocument } from "./run.ts";

export const SOURCES_SCHEMA_VERSION = 1;
/** Outputs the top-inputs ranking is given for. */
const RANKED_OUTPUTS: readonly OutputName[] = ["npvUsd", "capexUsdTotal", "itPowerMwTargetYear", "peakFundingGapUsd"];
const TOP_INPUTS = 10;

function topInputs(scenario: Scenario, ref: ReferenceData): { report: SourcesReport["topInputs"]; diagnostics: Diagnostic[] } {
  if (!scenario.uncertain) return { report: [], diagnostics: [] };
  const plan = buildPlan(scenario, ref, false);
  if (!plan.value || plan.value.inputs.length === 0) return { report: [], diagnostics: plan.diagnostics.filter((d) => d.severity === "error") };
  const t = tornado(plan.value);
  return {
    report: RANKED_OUTPUTS.map((output) => ({ output, base: t.baseOutputs[output], inputs: t.bars[output].filter((b) => b.swing > 0).slice(0, TOP_INPUTS) })),
    diagnostics: [],
  };
}

export interface SourcesOptions {
  files?: InputFiles;
  ref?: ReferenceData;
}

/** The provenance report of a scenario; null when the scenario or a file it names has errors. */
export async function sources(doc: ScenarioDocument, options: SourcesOptions = {}): Promise<Outcome<SourcesReport | null>> {
  const ref = options.ref ?? referenceData;
  const run = await runDocument(doc, { files: options.files, ref });
  if (!run.prepared || !run.result?.provenance) return { value: null, diagnostics: run.diagnostics };
  const top = topInputs(run.prepared.scenario, ref);
  return {
    value: { schemaVersion: SOURCES_SCHEMA_VERSION, ...run.result.provenance, topInputs: top.report },
    diagnostics: [...run.diagnostics, ...top.diagnostics],
  };
}
