/**
 * `diff A B`: what differs between two scenarios after the schema's defaults are applied (path by path), and how
 * the key outputs move between their model runs (absolute and relative change).
 */
import { type Outcome, hasErrors } from "../core/diagnostics.ts";
import { keyPath } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { type ScenarioDocument, prepareDocument } from "../pipeline/prepare.ts";
import { runPrepared } from "../pipeline/run.ts";
import type { InputFiles } from "../pipeline/input-files.ts";
import { caseProfiles } from "./case-profiles.ts";
import { KEY_OUTPUTS, type KeyOutput, keyOutputs } from "./key-outputs.ts";

export const DIFF_SCHEMA_VERSION = 1;

export interface InputChange {
  path: string;
  a: unknown;
  b: unknown;
}

export interface OutputChange {
  output: KeyOutput;
  a: number | null;
  b: number | null;
  change: number | null;
  /** (b - a) / |a|; null when a is 0 or either side is missing */
  relativeChange: number | null;
}

export interface DiffReport {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  a: string;
  b: string;
  inputs: InputChange[];
  outputs: OutputChange[];
}

/** Leaves of a JSON-like value by path; arrays of scalars count as one leaf. */
function leaves(v: unknown, path: string, out: Map<string, unknown>): void {
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== "object")) out.set(path, v);
    else v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  } else if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length === 0) out.set(path, {});
    for (const k of keys) leaves((v as Record<string, unknown>)[k], path === "" && /^[A-Za-z_$][\w$]*$/.test(k) ? k : keyPath(path, k), out);
  } else out.set(path, v);
}

export function inputChanges(a: unknown, b: unknown): InputChange[] {
  const la = new Map<string, unknown>();
  const lb = new Map<string, unknown>();
  leaves(a, "", la);
  leaves(b, "", lb);
  const paths = [...new Set([...la.keys(), ...lb.keys()])];
  return paths
    .filter((p) => JSON.stringify(la.get(p)) !== JSON.stringify(lb.get(p)))
    .map((p) => ({ path: p, a: la.has(p) ? la.get(p) : null, b: lb.has(p) ? lb.get(p) : null }));
}

export interface DiffOptions {
  /** dispatch the sites with a power block hourly, on their weather and grid files */
  hourlyPower?: boolean;
  /** where each scenario's weather and grid files are read (relative paths resolve beside each file) */
  filesA?: InputFiles;
  filesB?: InputFiles;
  ref?: ReferenceData;
}

export async function diff(a: ScenarioDocument, b: ScenarioDocument, o: DiffOptions = {}): Promise<Outcome<DiffReport | null>> {
  const ref = o.ref ?? referenceData;
  const pa = prepareDocument(a, ref);
  const pb = prepareDocument(b, ref);
  const label = (d: ScenarioDocument, fallback: string) => ("text" in d ? (d.name ?? fallback) : fallback);
  const tag = (ds: typeof pa.diagnostics, who: string) => ds.map((d) => ({ ...d, path: `${who}: ${d.path}` }));
  const problems = [...tag(pa.diagnostics, "A"), ...tag(pb.diagnostics, "B")];
  if (!pa.value || !pb.value || hasErrors(problems)) return { value: null, diagnostics: problems };
  const profilesOf = async (files: InputFiles | undefined, p: NonNullable<typeof pa.value>) =>
    o.hourlyPower === true && files ? caseProfiles(files, ref).of(p.scenario) : { value: undefined, diagnostics: [] };
  const [fa, fb] = [await profilesOf(o.filesA, pa.value), await profilesOf(o.filesB, pb.value)];
  const fileProblems = [...tag(fa.diagnostics, "A"), ...tag(fb.diagnostics, "B")];
  if (hasErrors(fileProblems)) return { value: null, diagnostics: fileProblems };
  const ra = runPrepared(pa, { hourlyPower: o.hourlyPower === true, powerProfiles: fa.value });
  const rb = runPrepared(pb, { hourlyPower: o.hourlyPower === true, powerProfiles: fb.value });
  if (!ra.result || !rb.result) return { value: null, diagnostics: [...tag(ra.diagnostics, "A"), ...tag(rb.diagnostics, "B")] };
  const ka = keyOutputs(ra.result);
  const kb = keyOutputs(rb.result);
  const outputs = KEY_OUTPUTS.map((k): OutputChange => {
    const x = ka[k];
    const y = kb[k];
    const change = x !== null && y !== null ? y - x : null;
    return { output: k, a: x, b: y, change, relativeChange: change !== null && x !== 0 && x !== null ? change / Math.abs(x) : null };
  });
  return {
    value: { schemaVersion: DIFF_SCHEMA_VERSION, a: label(a, "A"), b: label(b, "B"), inputs: inputChanges(pa.value.scenario, pb.value.scenario), outputs },
    // proxy weather and the like, as `run` prints them
    diagnostics: fileProblems.filter((d) => d.severity === "warning"),
  };
}
