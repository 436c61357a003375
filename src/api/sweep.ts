/**
 * `sweep`: SAM-style parametrics. Each `--set PATH=V1,V2,...` names a scenario number (the path syntax of the
 * `uncertain` block) and its values; the cases are their cartesian product, each validated like any scenario (so
 * the schema's bounds apply) and run; the report has one row per case with the key outputs.
 */
import { type Diagnostic, type Outcome, error, hasErrors } from "../core/diagnostics.ts";
import { isReservedKey, reservedKeyMessage } from "../core/keys.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { type ScenarioDocument, prepareDocument } from "../pipeline/prepare.ts";
import { runPrepared } from "../pipeline/run.ts";
import type { InputFiles } from "../pipeline/input-files.ts";
import { type CaseProfiles, caseProfiles } from "./case-profiles.ts";
import { checkScenarioObject } from "../scenario/load.ts";
import { formatSegments, lookup, parsePath, setAtPath } from "../uncertainty/paths.ts";
import { KEY_OUTPUTS, type KeyOutput, keyOutputs } from "./key-outputs.ts";

export const SWEEP_SCHEMA_VERSION = 1;
/** More cases than this need `force` (each is a full model run). */
export const SWEEP_MAX_CASES = 1000;

export interface SweepSet {
  path: string;
  values: number[];
}

export interface SweepCase {
  values: Record<string, number>;
  outputs: Record<KeyOutput, number | null> | null;
  /** errors of a case the schema or the model refused (e.g. a value beyond a bound) */
  diagnostics: Diagnostic[];
}

export interface SweepReport {
  schemaVersion: typeof SWEEP_SCHEMA_VERSION;
  scenarioName: string;
  parameters: string[];
  outputs: readonly KeyOutput[];
  cases: SweepCase[];
}

export interface SweepOptions {
  /** dispatch every site-year of the sites with a power block, on their weather and grid files (read through `files`) */
  hourlyPower?: boolean;
  /** where the scenario's weather and grid files are read (hourly power); without it, only profiles that need no file */
  files?: InputFiles;
  force?: boolean;
  ref?: ReferenceData;
}

/** Parses `PATH=V1,V2,...` (values in JavaScript number notation). */
export function parseSetFlag(text: string, where = "--set"): Outcome<SweepSet | null> {
  const eq = text.indexOf("=");
  if (eq <= 0) return { value: null, diagnostics: [error(where, `"${text}" is not PATH=V1,V2,... (e.g. facility.pue=1.1,1.2)`)] };
  const path = text.slice(0, eq).trim();
  const parts = text.slice(eq + 1).split(",").map((v) => v.trim());
  const values = parts.map(Number);
  const bad = parts.filter((p, i) => p === "" || !Number.isFinite(values[i]));
  if (bad.length > 0 || values.length === 0) return { value: null, diagnostics: [error(where, `${path}: "${bad[0] ?? ""}" is not a number`)] };
  return { value: { path, values }, diagnostics: [] };
}

export async function sweep(doc: ScenarioDocument, sets: readonly SweepSet[], o: SweepOptions = {}): Promise<Outcome<SweepReport | null>> {
  const ref = o.ref ?? referenceData;
  const base = prepareDocument(doc, ref);
  if (!base.value) return { value: null, diagnostics: base.diagnostics };
  const input = base.value.scenario as unknown as Record<string, unknown>;
  const ds: Diagnostic[] = [];
  if (sets.length === 0) ds.push(error("--set", "give at least one --set PATH=V1,V2,..."));
  const segments = sets.map((s) => {
    const segs = parsePath(s.path);
    if (!segs) ds.push(error(`--set ${s.path}`, "is not a scenario path (write it like facility.pue or sites[0].phases[1].itPowerMw)"));
    else {
      const reserved = segs.find((x) => typeof x === "string" && isReservedKey(x));
      if (reserved !== undefined) ds.push(error(`--set ${s.path}`, reservedKeyMessage(String(reserved))));
      else {
        const found = lookup(input, segs);
        if (found.kind === "badIndex" || found.kind === "notContainer" || (found.kind === "value" && typeof found.value !== "number")) {
          ds.push(error(`--set ${s.path}`, "does not name a number of the scenario"));
        }
      }
    }
    return segs;
  });
  const count = sets.reduce((n, s) => n * s.values.length, 1);
  if (count > SWEEP_MAX_CASES && o.force !== true) ds.push(error("--set", `${count.toLocaleString("en-US")} cases (the product of the value lists) is more than ${SWEEP_MAX_CASES.toLocaleString("en-US")}: narrow the lists or force`));
  // a path the scenario leaves out must still be a field the schema knows (it then takes the swept values)
  sets.forEach((s, i) => {
    const segs = segments[i];
    if (!segs || hasErrors(ds)) return;
    const probe = structuredClone(input);
    setAtPath(probe, segs, s.values[0]);
    const path = formatSegments(segs);
    const unknown = checkScenarioObject(probe).diagnostics.find((d) => d.path === path && /unknown field/.test(d.message));
    if (unknown) ds.push(error(`--set ${s.path}`, "is not a field of the scenario (check spelling and units in the name)"));
  });
  if (hasErrors(ds)) return { value: null, diagnostics: [...base.diagnostics, ...ds] };
  const names = sets.map((s, i) => formatSegments(segments[i]!));
  const cases: SweepCase[] = [];
  const profiles: CaseProfiles | null = o.hourlyPower === true && o.files ? caseProfiles(o.files, ref) : null;
  const profileWarnings: Diagnostic[] = [];
  for (let k = 0; k < count; k++) {
    const scenario = structuredClone(input);
    const picked: number[] = [];
    let rest = k;
    for (let i = sets.length - 1; i >= 0; i--) {
      picked[i] = sets[i].values[rest % sets[i].values.length];
      rest = Math.floor(rest / sets[i].values.length);
    }
    const values: Record<string, number> = {};
    picked.forEach((v, i) => {
      setAtPath(scenario, segments[i]!, v);
      values[names[i]] = v;
    });
    const prepared = prepareDocument({ value: scenario }, ref);
    const power = profiles && prepared.value ? await profiles.of(prepared.value.scenario) : { value: undefined, diagnostics: [] };
    if (hasErrors(power.diagnostics)) return { value: null, diagnostics: [...base.diagnostics, ...power.diagnostics] };
    // proxy weather and the like, as `run` prints them: once for each set of profiles
    for (const d of power.diagnostics) if (d.severity === "warning" && !profileWarnings.some((w) => w.path === d.path && w.message === d.message)) profileWarnings.push(d);
    const out = runPrepared(prepared, { hourlyPower: o.hourlyPower === true, powerProfiles: power.value });
    cases.push({ values, outputs: out.result ? keyOutputs(out.result) : null, diagnostics: out.diagnostics.filter((d) => d.severity === "error") });
  }
  return { value: { schemaVersion: SWEEP_SCHEMA_VERSION, scenarioName: base.value.resolved.name, parameters: names, outputs: KEY_OUTPUTS, cases }, diagnostics: [...base.diagnostics.filter((d) => d.severity !== "info"), ...profileWarnings] };
}
