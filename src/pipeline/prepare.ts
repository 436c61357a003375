/**
 * A scenario document (YAML/JSON text, or an object) parsed, checked and resolved once: every problem is
 * collected (schema, cross references on the raw object, defaults from data/, the capital plan against the
 * build-out's costs) and comes back as diagnostics with the field's path.
 */
import { checkCapitalPlan } from "../buildout/check-capital.ts";
import { type Diagnostic, type Outcome, hasErrors } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { checkScenarioObject, parseScenarioText } from "../scenario/load.ts";
import { rawCrossReferenceChecks } from "../scenario/raw-checks.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import { resolveScenario } from "../scenario/resolve.ts";
import type { Scenario } from "../scenario/schema.ts";

/** A scenario as a face holds it: YAML or JSON text (with the file or tab name diagnostics use), or a parsed object. */
export type ScenarioDocument = { text: string; name?: string } | { value: unknown; name?: string };

export interface PreparedScenario {
  /** the scenario as validated (defaults of the schema applied) */
  scenario: Scenario;
  /** with defaults from data/ applied, dates as timeline indices */
  resolved: ResolvedScenario;
}

/** Validate and resolve; returns null with diagnostics when there are errors. */
export function prepareScenario(s: Scenario, ref: ReferenceData = referenceData): Outcome<ResolvedScenario | null> {
  const resolved = resolveScenario(s, ref);
  if (!resolved.value) return resolved;
  const diagnostics = [...resolved.diagnostics, ...checkCapitalPlan(resolved.value)];
  return { value: hasErrors(diagnostics) ? null : resolved.value, diagnostics };
}

/** Parses or checks a document, then resolves it: null with every diagnostic when anything is wrong. */
export function prepareDocument(doc: ScenarioDocument, ref: ReferenceData = referenceData): Outcome<PreparedScenario | null> {
  const parsed = "text" in doc ? parseScenarioText(doc.text, doc.name ?? "scenario") : { ...checkScenarioObject(doc.value), raw: doc.value };
  if (!parsed.value) return { value: null, diagnostics: withRawChecks(parsed.diagnostics, parsed.raw, ref) };
  const prepared = prepareScenario(parsed.value, ref);
  if (!prepared.value) return { value: null, diagnostics: prepared.diagnostics };
  return { value: { scenario: parsed.value, resolved: prepared.value }, diagnostics: prepared.diagnostics };
}

/** Schema errors plus the cross-reference errors that can be found on the raw object, so all come at once. */
function withRawChecks(schemaDiagnostics: Diagnostic[], raw: unknown, ref: ReferenceData): Diagnostic[] {
  if (raw === undefined) return schemaDiagnostics;
  const seen = new Set(schemaDiagnostics.map((d) => d.path));
  return [...schemaDiagnostics, ...rawCrossReferenceChecks(raw, ref).filter((d) => !seen.has(d.path))];
}
