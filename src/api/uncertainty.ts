/**
 * `simulate` (Monte Carlo over a scenario's `uncertain` block), `mergeSamples` (the shards of one run joined and
 * summarized) and `compare` (build strategies under stochastic demand). Samples are filled by an executor: in
 * the calling thread by default; io/ offers a worker-thread pool, the web app Web Workers. Any executor gives
 * the same table: sample i depends only on (seed, i).
 */
import { type Diagnostic, type Outcome, hasErrors } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { parseScenarioText, checkScenarioObject } from "../scenario/load.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { ScenarioDocument } from "../pipeline/prepare.ts";
import { type InputFiles, loadPowerProfiles } from "../pipeline/profiles.ts";
import type { PowerProfiles } from "../power/site/site-power.ts";
import { type CompareOptions, type CompareReport, type CompareSettings, compareSettings, optionProblems as compareOptionProblems, runComparison } from "../strategy/compare.ts";
import { type SimulationPlan, buildPlan } from "../uncertainty/plan.ts";
import { type DecodedSamples, type SamplesInfo, concatenate, digest, mergeProblems, tableInfo } from "../uncertainty/samples.ts";
import { type SampleTable, type SimulateOptions, type SimulationReport, preparePlan, simulateTable, summarize, summarizeTable } from "../uncertainty/simulate.ts";

export { runComparison };

/** Fills the sample table of a plan (or of one shard); rejects on cancellation. */
export type SampleExecutor = (
  plan: SimulationPlan,
  options: SimulateOptions,
  hooks: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
) => Promise<SampleTable>;

/** The default executor: every block in the calling thread. */
export const inThreadExecutor: SampleExecutor = async (plan, options) => simulateTable(plan, options);

export interface SimulationRun {
  table: SampleTable;
  report: SimulationReport;
  /** the run's identity, stored with its samples (files, shards) */
  info: SamplesInfo;
}

export interface SimulateRunOptions extends SimulateOptions {
  executor?: SampleExecutor;
  /** where the sites' weather and grid files come from (see `withPowerProfiles`) */
  files?: InputFiles;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  ref?: ReferenceData;
}

/** The scenario of a document, schema-checked (each sample is resolved on its own). */
export function parseDocument(doc: ScenarioDocument): Outcome<Scenario | null> {
  return "text" in doc ? parseScenarioText(doc.text, doc.name ?? "scenario") : checkScenarioObject(doc.value);
}

/** A simulation checked and planned, ready to run (the scenario's digest identifies the run in sample files). */
export interface PreparedSimulation {
  plan: SimulationPlan;
  options: SimulateOptions;
  scenarioDigest: string;
}

/** Checks the scenario's `uncertain` block and the options: every problem at once; null when any is an error. */
export function prepareSimulation(doc: ScenarioDocument, o: SimulateOptions, ref: ReferenceData = referenceData): Outcome<PreparedSimulation | null> {
  const scenario = parseDocument(doc);
  if (!scenario.value) return { value: null, diagnostics: scenario.diagnostics };
  const options: SimulateOptions = {
    iterations: o.iterations,
    seed: o.seed,
    method: o.method,
    ...(o.shard ? { shard: o.shard } : {}),
    ...(o.sobolIndices !== undefined ? { sobolIndices: o.sobolIndices } : {}),
  };
  const prepared = preparePlan(scenario.value, options, ref);
  if (!prepared.value) return { value: null, diagnostics: prepared.diagnostics };
  return { value: { plan: prepared.value, options, scenarioDigest: digest(scenario.value) }, diagnostics: prepared.diagnostics };
}

/**
 * The simulation with its sites' hourly weather and grid profiles read through `files` (as `run` reads them), so each
 * iteration dispatches every site-year with load as `run` does: power cost, CFE score, CO2 and water get distributions
 * and the opex energy (hence NPV) is priced by the power model. Without it, sites that need PV or wind profiles are not
 * dispatched, as in `run` without files. A file that cannot be read is an error, as in `run`.
 */
export async function withPowerProfiles(p: PreparedSimulation, files: InputFiles, ref: ReferenceData = referenceData): Promise<Outcome<PreparedSimulation | null>> {
  const profiles = await simulationProfiles(p.plan.base, files, ref);
  if (profiles.value === null) return { value: null, diagnostics: profiles.diagnostics };
  return { value: profiles.value ? { ...p, plan: { ...p.plan, powerProfiles: profiles.value } } : p, diagnostics: profiles.diagnostics };
}

/** The profiles of a scenario's sites with a power block (undefined when it has none; null when a file cannot be read). */
async function simulationProfiles(s: Scenario, files: InputFiles, ref: ReferenceData): Promise<Outcome<PowerProfiles | undefined | null>> {
  if (!s.sites.some((x) => x.power)) return { value: undefined, diagnostics: [] };
  const profiles = await loadPowerProfiles(s, files, { ref });
  return hasErrors(profiles.diagnostics) ? { value: null, diagnostics: profiles.diagnostics } : profiles;
}

/** Samples a prepared simulation with an executor and reports; the executor's rejection (e.g. cancellation) propagates. */
export async function runSimulation(p: PreparedSimulation, hooks: Omit<SimulateRunOptions, keyof SimulateOptions | "ref" | "files"> = {}): Promise<SimulationRun> {
  const table = await (hooks.executor ?? inThreadExecutor)(p.plan, p.options, { onProgress: hooks.onProgress, signal: hooks.signal });
  return { table, report: summarize(p.plan, table, p.options), info: tableInfo(table, p.scenarioDigest, p.plan.targetYear) };
}

/** `prepareSimulation` then `runSimulation`: `value` is null when there are errors. */
export async function simulate(doc: ScenarioDocument, o: SimulateRunOptions): Promise<Outcome<SimulationRun | null>> {
  const prepared = prepareSimulation(doc, o, o.ref);
  if (!prepared.value) return { value: null, diagnostics: prepared.diagnostics };
  const withPower = o.files ? await withPowerProfiles(prepared.value, o.files, o.ref) : { value: prepared.value, diagnostics: [] };
  const diagnostics = [...prepared.diagnostics, ...withPower.diagnostics];
  if (!withPower.value) return { value: null, diagnostics };
  return { value: await runSimulation(withPower.value, o), diagnostics };
}

/**
 * Joins the decoded shards of one run (checked to be one run, covering every sample once) and summarizes them.
 * With the scenario the shards were run from (checked by its digest), the report is the single run's in full: base
 * values, distributions, the tornado and the planned MW; without it, the sample statistics and sensitivities only.
 */
export function mergeSamples(parts: { name: string; samples: DecodedSamples }[], scenario?: ScenarioDocument, ref: ReferenceData = referenceData, powerProfiles?: PowerProfiles): Outcome<SimulationRun | null> {
  const problems = parts.length === 0 ? ["no input files"] : mergeProblems(parts.map((p) => ({ file: p.name, part: p.samples })));
  if (problems.length > 0) return { value: null, diagnostics: problems.map((message): Diagnostic => ({ path: "parts", severity: "error", message })) };
  const table = concatenate(parts.map((p) => p.samples));
  const info = parts[0].samples.info;
  if (!scenario) return { value: { table, report: summarizeTable(table, info.targetYear), info }, diagnostics: [] };
  const s = parseDocument(scenario);
  if (!s.value) return { value: null, diagnostics: s.diagnostics };
  if (digest(s.value) !== info.scenarioDigest) return { value: null, diagnostics: [{ path: "--scenario", severity: "error", message: "is not the scenario the parts were simulated from (its digest differs)" }] };
  const plan = buildPlan(s.value, ref);
  if (!plan.value) return { value: null, diagnostics: plan.diagnostics };
  // every sampled input must lie in its distribution's support: a value outside it was not produced by this run
  const outside: Diagnostic[] = [];
  plan.value.inputs.forEach((input, k) => {
    const lo = input.integer ? Math.floor(input.dist.lower) : input.dist.lower;
    const hi = input.integer ? Math.ceil(input.dist.upper) : input.dist.upper;
    const col = table.inputs[k];
    for (let i = 0; i < table.count; i++) {
      if (!(col[i] >= lo && col[i] <= hi)) {
        const part = parts.find((p) => i >= p.samples.start && i < p.samples.start + p.samples.count);
        outside.push({ path: "parts", severity: "error", message: `${part?.name ?? "a part"}: sample ${i} has ${input.path} = ${col[i]}, outside its distribution's range [${lo}, ${hi}]` });
        break;
      }
    }
  });
  if (outside.length > 0) return { value: null, diagnostics: outside };
  // the tornado's runs dispatch the hourly power on the same files as the parts did (withPowerProfiles)
  return { value: { table, report: summarize(powerProfiles ? { ...plan.value, powerProfiles } : plan.value, table), info }, diagnostics: [] };
}

/**
 * `mergeSamples` with the scenario's weather and grid files read through `files`, so the merged report (its tornado)
 * equals a single `simulate` run with the same files.
 */
export async function mergeSamplesWithFiles(parts: { name: string; samples: DecodedSamples }[], scenario: ScenarioDocument, files: InputFiles, ref: ReferenceData = referenceData): Promise<Outcome<SimulationRun | null>> {
  const s = parseDocument(scenario);
  if (!s.value) return { value: null, diagnostics: s.diagnostics };
  const profiles = await simulationProfiles(s.value, files, ref);
  if (profiles.value === null) return { value: null, diagnostics: profiles.diagnostics };
  return mergeSamples(parts, scenario, ref, profiles.value);
}

/** The comparison's settings from the scenario's `uncertain.demand`, with the options checked: every problem at once. */
export function prepareComparison(doc: ScenarioDocument, o: CompareOptions, ref: ReferenceData = referenceData): Outcome<CompareSettings | null> {
  const scenario = parseDocument(doc);
  if (!scenario.value) return { value: null, diagnostics: scenario.diagnostics };
  const settings = compareSettings(scenario.value, ref);
  const diagnostics = [...settings.diagnostics, ...(settings.value ? compareOptionProblems(settings.value, o) : [])];
  return { value: settings.value && !hasErrors(diagnostics) ? settings.value : null, diagnostics };
}

/** Runs the build strategies of the scenario's `uncertain.demand` over sampled demand paths. */
export function compare(doc: ScenarioDocument, o: CompareOptions, ref: ReferenceData = referenceData): Outcome<CompareReport | null> {
  const settings = prepareComparison(doc, o, ref);
  return settings.value ? { value: runComparison(settings.value, o), diagnostics: settings.diagnostics } : { value: null, diagnostics: settings.diagnostics };
}
