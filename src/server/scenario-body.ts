/**
 * Where a posted scenario comes from: a JSON body (the scenario object, or `{ "scenario": "...YAML or JSON
 * text..." }`), a YAML body (the content type tells which), or the id of a stored run. The text kept for the
 * run store is the scenario's own text: the body itself, or the wrapper's string, or the object as JSON.
 */
import { parse as parseYaml } from "yaml";
import type { Diagnostic, ScenarioDocument } from "../index.ts";
import { type RunStore, type ScenarioFormat, scenarioDocument } from "../store/index.ts";
import { parseJsonBody, problem, zodDiagnostics } from "./respond.ts";
import { scenarioWrapperSchema } from "./schemas.ts";

export interface ScenarioSource {
  doc: ScenarioDocument;
  text: string;
  format: ScenarioFormat;
}

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json$/;
const YAML_TYPES = /^(?:application|text)\/(?:x-)?yaml$/;

/** "json", "yaml" or null (unsupported) from a Content-Type header. text/plain is not accepted, so a browser
 *  page on another origin cannot post a scenario without a CORS preflight (which this server does not grant). */
export function bodyKindOf(contentType: string | undefined): "json" | "yaml" | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (JSON_TYPES.test(type)) return "json";
  if (YAML_TYPES.test(type)) return "yaml";
  return null;
}

const fromText = (text: string, format: ScenarioFormat): ScenarioSource => ({ doc: scenarioDocument(text, format), text, format });

/** A scenario given as text (JSON when it starts with "{", else YAML) or as an object. */
export function scenarioFromValue(v: string | Record<string, unknown>): ScenarioSource {
  if (typeof v === "string") return fromText(v, v.trimStart().startsWith("{") ? "json" : "yaml");
  return fromText(JSON.stringify(v, null, 2), "json");
}

/** The scenario of a POST /api/runs body. */
export function scenarioFromRunBody(raw: string, kind: "json" | "yaml"): { source: ScenarioSource | null; diagnostics: Diagnostic[] } {
  if (kind === "yaml") return { source: fromText(raw, "yaml"), diagnostics: [] };
  const parsed = parseJsonBody(raw);
  // malformed JSON: the scenario parser reports it as `gigaplan run` does (line and column)
  if (parsed.value === undefined) return { source: fromText(raw, "json"), diagnostics: [] };
  const v = parsed.value;
  if (v !== null && typeof v === "object" && !Array.isArray(v) && "scenario" in v) {
    const w = scenarioWrapperSchema.safeParse(v);
    if (!w.success) return { source: null, diagnostics: zodDiagnostics(w.error) };
    return { source: scenarioFromValue(w.data.scenario), diagnostics: [] };
  }
  return { source: fromText(raw, "json"), diagnostics: [] };
}

/** `scenario` inline or `runId` of a stored run; a missing run is reported with `notFound`. */
export function scenarioFromRequest(
  r: { scenario?: string | Record<string, unknown>; runId?: number },
  store: RunStore,
): { source: ScenarioSource | null; diagnostics: Diagnostic[]; notFound?: boolean } {
  if (r.scenario !== undefined) return { source: scenarioFromValue(r.scenario), diagnostics: [] };
  const stored = r.runId === undefined ? null : store.get(r.runId);
  if (!stored) return { source: null, diagnostics: [problem("runId", `no stored run ${r.runId}`)], notFound: true };
  return { source: fromText(stored.scenarioText, stored.scenarioFormat), diagnostics: [] };
}

/** The scenario's program name (for the run list), or "scenario" when the text has none. */
export function programName(text: string): string {
  try {
    const v = parseYaml(text, { maxAliasCount: 100 }) as { program?: { name?: unknown } } | null;
    const name = v?.program?.name;
    return typeof name === "string" && name.length > 0 ? name : "scenario";
  } catch {
    return "scenario";
  }
}
