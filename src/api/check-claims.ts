/**
 * `checkClaims`: judges every numeric claim of the reference article against data/ and a model run of the
 * scenario: the same run as `run` (same profiles through `files`), so model-based claims see what `run` shows.
 */
import { checkClaims as judgeClaims } from "../claims/check.ts";
import { claimInputs } from "../claims/inputs.ts";
import { type ClaimReport, VERDICTS } from "../claims/types.ts";
import { type Outcome, error, hasErrors } from "../core/diagnostics.ts";
import type { ScenarioDocument } from "../pipeline/prepare.ts";
import { type RunOptions, runDocument } from "./run.ts";

export interface CheckClaimsOptions extends RunOptions {
  /** only these claims (e.g. ["C12", "C26"]; case-insensitive); default: all */
  claimIds?: string[];
  /** how the report names the scenario (default: the document's name) */
  scenarioLabel?: string;
}

/** The report restricted to some claims (ids case-insensitive), with the counts recomputed; unknown ids are an error. */
export function selectClaims(report: ClaimReport, ids: readonly string[]): Outcome<ClaimReport | null> {
  const wanted = ids.map((c) => c.toUpperCase());
  if (wanted.length === 0) return { value: report, diagnostics: report.diagnostics };
  const unknown = wanted.filter((id) => !report.judgments.some((j) => j.id === id));
  if (unknown.length > 0) {
    const known = `C01-C${String(report.judgments.length).padStart(2, "0")}`;
    return { value: null, diagnostics: [error("claimIds", `unknown claim id(s) ${unknown.join(", ")} (known: ${known})`)] };
  }
  const judgments = report.judgments.filter((j) => wanted.includes(j.id));
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, judgments.filter((j) => j.verdict === v).length])) as ClaimReport["counts"];
  return { value: { ...report, judgments, counts }, diagnostics: report.diagnostics };
}

/** Runs the scenario and judges the claims; null with the scenario's errors when it cannot run. */
export async function checkClaims(doc: ScenarioDocument, options: CheckClaimsOptions = {}): Promise<Outcome<ClaimReport | null>> {
  const { result, diagnostics, prepared } = await runDocument(doc, options);
  if (!result || !prepared || hasErrors(diagnostics)) return { value: null, diagnostics };
  options.onStage?.("judging the claims against data/ and the run");
  const report = judgeClaims(claimInputs(result, prepared.scenario, options.scenarioLabel ?? doc.name ?? "scenario", options.ref));
  return selectClaims(report, options.claimIds ?? []);
}
