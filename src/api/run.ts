/**
 * `run` and `validate`: a scenario document through the whole pipeline, with the hourly weather and grid
 * profiles its sites need read through `files` (io/ implements it for Node, the web app with fetch). Without
 * `files`, sites with a `power` block are dispatched without PV/wind/grid-carbon profiles.
 */
import { type Diagnostic, type Outcome, hasErrors } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { type PreparedScenario, type ScenarioDocument, prepareDocument } from "../pipeline/prepare.ts";
import { type InputFiles, loadPowerProfiles } from "../pipeline/profiles.ts";
import { type RunOutcome, runResolved } from "../pipeline/run.ts";
import { buildPlan } from "../uncertainty/plan.ts";
import { runProvenance } from "../results/provenance.ts";

export interface RunOptions {
  /** where the weather and grid files come from; absent: no hourly profiles are read */
  files?: InputFiles;
  /** reference data (default: data/ as shipped) */
  ref?: ReferenceData;
  /**
   * false: skip the hourly dispatch of the sites' power blocks, for a quick pass (the monthly model, financing
   * and everything else as usual; `summary.power` empty) that a full pass with `files` follows. Default true.
   */
  hourlyPower?: boolean;
  /** called as each stage of the run begins (a progress line for a face; the stages cannot report inside themselves) */
  onStage?: (message: string) => void;
}

/** The run and the prepared scenario it came from (null when the scenario has errors). */
export interface PreparedRun extends RunOutcome {
  prepared: PreparedScenario | null;
}

/** Prepares, reads the profiles and runs; the one model run that `run`, `validate` and `checkClaims` share. */
export async function runDocument(doc: ScenarioDocument, options: RunOptions = {}): Promise<PreparedRun> {
  const ref = options.ref ?? referenceData;
  const prepared = prepareDocument(doc, ref);
  if (!prepared.value) return { result: null, diagnostics: prepared.diagnostics, prepared: null };
  const powerSites = options.hourlyPower === false ? 0 : prepared.value.resolved.sites.filter((x) => x.power).length;
  if (options.files && powerSites > 0) options.onStage?.(`reading weather and grid files for ${powerSites} site(s) with a power block`);
  const profiles: Outcome<Awaited<ReturnType<typeof loadPowerProfiles>>["value"] | undefined> = options.files && options.hourlyPower !== false
    ? await loadPowerProfiles(prepared.value.scenario, options.files, { ref })
    : { value: undefined, diagnostics: [] };
  options.onStage?.(`running the model (build-out, energy, finance${powerSites > 0 ? `, hourly dispatch of ${powerSites} site(s) over every year with load` : ""})`);
  const result = runResolved(prepared.value.resolved, prepared.diagnostics, { powerProfiles: profiles.value, hourlyPower: options.hourlyPower });
  const diagnostics: Diagnostic[] = [...result.diagnostics, ...profiles.diagnostics];
  // a weather or grid file that cannot be read stops the run like any other input error
  if (hasErrors(profiles.diagnostics)) return { result: null, diagnostics, prepared: prepared.value };
  result.diagnostics = diagnostics;
  result.provenance = runProvenance("text" in doc ? doc.text : null, prepared.value.scenario, profiles.value);
  result.summary.diagnostics = [...result.summary.diagnostics, ...profiles.diagnostics];
  return { result, diagnostics, prepared: prepared.value };
}

/** Runs a scenario: every result table, the JSON summary and the diagnostics; `result` is null on errors. */
export async function run(doc: ScenarioDocument, options: RunOptions = {}): Promise<RunOutcome> {
  const { result, diagnostics } = await runDocument(doc, options);
  return { result, diagnostics };
}

/** Every problem of a scenario (schema, cross references, capital plan, input files), as `run` finds them. */
export async function validate(doc: ScenarioDocument, options: RunOptions = {}): Promise<{ valid: boolean; diagnostics: Diagnostic[] }> {
  const { result, diagnostics, prepared } = await runDocument(doc, options);
  // the `uncertain` block is read only by simulate and compare: check its paths and distributions here too
  const uncertain = prepared?.scenario.uncertain ? buildPlan(prepared.scenario, options.ref ?? referenceData, false).diagnostics.filter((d) => d.severity === "error") : [];
  const all = [...diagnostics, ...uncertain];
  return { valid: result !== null && !hasErrors(all), diagnostics: all };
}
