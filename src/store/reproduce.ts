/**
 * Reproducing a stored run: its scenario text is run again (a simulation again with its seed, method and
 * iteration count, in this thread) and the new result is compared with the stored one after the same JSON
 * round trip. Identical means byte-identical JSON; otherwise the summary fields that differ are listed, and a
 * result table that differs is named.
 */
import { type Diagnostic, type InputFiles, type SamplingMethod, type ScenarioDocument, hasErrors, run, simulate } from "../index.ts";
import { type FieldChange, comparableSummary, diffValues } from "./diff.ts";
import type { ScenarioFormat, StoredRun } from "./run-store.ts";

/** The document of a stored scenario (the name tells the parser which syntax; YAML also reads JSON). */
export const scenarioDocument = (text: string, format: ScenarioFormat): ScenarioDocument => ({ text, name: format === "json" ? "scenario.json" : "scenario.yaml" });

/** What a simulation is stored with. */
export interface SimulationOptionsRecord {
  iterations: number;
  seed: number;
  method: SamplingMethod;
}

export interface Reproduction {
  /** null when the scenario no longer runs (its diagnostics say why) */
  identical: boolean | null;
  changes: FieldChange[];
  /** result tables whose rows differ (runs only) */
  tablesDiffering: string[];
  diagnostics: Diagnostic[];
}

const roundTrip = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

export async function reproduceRun(stored: StoredRun, files: InputFiles): Promise<Reproduction> {
  const doc = scenarioDocument(stored.scenarioText, stored.scenarioFormat);
  let fresh: unknown;
  let diagnostics: Diagnostic[];
  if (stored.kind === "simulation") {
    const o = stored.options as SimulationOptionsRecord;
    // with the same files, so every iteration dispatches the sites' hourly power as the stored run did
    const out = await simulate(doc, { iterations: o.iterations, seed: o.seed, method: o.method, files });
    fresh = out.value ? roundTrip(out.value.report) : null;
    diagnostics = out.diagnostics;
  } else {
    const out = await run(doc, { files });
    fresh = out.result && !hasErrors(out.diagnostics) ? roundTrip(out.result) : null;
    diagnostics = out.diagnostics;
  }
  if (fresh === null) return { identical: null, changes: [], tablesDiffering: [], diagnostics };
  const identical = JSON.stringify(fresh) === JSON.stringify(stored.result);
  const changes = identical ? [] : diffValues(comparableSummary(stored), comparableSummary({ kind: stored.kind, result: fresh }));
  const tablesDiffering = identical || stored.kind !== "run" ? [] : differingTables(stored.result, fresh);
  return { identical, changes, tablesDiffering, diagnostics };
}

function differingTables(a: unknown, b: unknown): string[] {
  const ta = ((a as { tables?: Record<string, unknown> }).tables ?? {}) as Record<string, unknown>;
  const tb = ((b as { tables?: Record<string, unknown> }).tables ?? {}) as Record<string, unknown>;
  const names = [...new Set([...Object.keys(ta), ...Object.keys(tb)])];
  return names.filter((n) => JSON.stringify(ta[n]) !== JSON.stringify(tb[n]));
}
