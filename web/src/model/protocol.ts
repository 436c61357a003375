/** Messages between the page and the model workers (plain, structured-cloneable data). */
import type { ClaimReport, CompareOptions, CompareReport, Diagnostic, HourlyPower, PeersReport, RunOutcome } from "../../../src/index.ts";

/** A scenario document as the API takes it: YAML (or JSON) text and the name its diagnostics use. */
export interface Doc {
  text: string;
  name: string;
}

export type ModelRequest =
  /** the quick pass: `run(doc)` without files (monthly model, finance; no weather) */
  | { kind: "quick"; rev: number; doc: Doc }
  /** the hourly pass: `run(doc, { files })`, then the hours of one representative site-year (`hourlyPower`) */
  | { kind: "full"; rev: number; doc: Doc; dataRoot: string }
  | { kind: "claims"; rev: number; doc: Doc; dataRoot: string }
  | { kind: "compare"; rev: number; doc: Doc; options: CompareOptions }
  | { kind: "peers"; rev: number }
  /** `runs` quick passes of the same document after `warmupRuns` unmeasured ones, for the page's timing figures */
  | { kind: "bench"; rev: number; doc: Doc; runs: number; warmupRuns: number };

export type ModelKind = ModelRequest["kind"];

export interface HourlySiteYear {
  site: string;
  year: number;
  outcome: { value: HourlyPower | null; diagnostics: Diagnostic[] };
}

export type ModelResult =
  | { kind: "quick"; outcome: RunOutcome }
  | { kind: "full"; outcome: RunOutcome; hourly: HourlySiteYear | null; hourlyMs: number }
  | { kind: "claims"; outcome: { value: ClaimReport | null; diagnostics: Diagnostic[] } }
  | { kind: "compare"; outcome: { value: CompareReport | null; diagnostics: Diagnostic[] } }
  | { kind: "peers"; report: PeersReport }
  | { kind: "bench"; runMs: number[] };

/** The worker's answer: the result of request `rev`, or `superseded` when a newer request of the kind replaced it. */
export type ModelResponse =
  | ({ rev: number; ms: number; superseded?: false } & ModelResult)
  | { kind: ModelKind; rev: number; superseded: true }
  | { kind: ModelKind; rev: number; superseded?: false; failure: string };
