/** Plain-data types of the claim checker (no behaviour). */
import type { Diagnostic } from "../core/diagnostics.ts";
import type { Quantity } from "../core/quantity.ts";
import type { MetaFile, ReferenceData } from "../data/index.ts";
import type { PeersFile } from "../data/peers.ts";
import type { RunResult } from "../pipeline/run.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { ClaimsFile, EvidenceFile, Rules } from "../data/claims.ts";

/**
 * The verdicts of ARTICLE-CLAIMS.md, from best to worst (the order used to combine parts of a claim), plus
 * `contested`: the sources of the evidence disagree and the claim holds under some of them but fails under others.
 */
export const VERDICTS = ["holds", "holds-approximately", "contested", "unverifiable", "outdated", "scope-mismatch", "unit-error", "off-by-factor"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const severity = (v: Verdict): number => VERDICTS.indexOf(v);

/** One input of a judgment and where it comes from. */
export interface DataUse {
  /** `data/claims/evidence.json#items.x.value`, `data/peers/peers.json#companies.META...`, or `model:<scenario>#summary...` */
  path: string;
  label: string;
  value: string;
  kind: "claim" | "data" | "model";
  /** source title and URL (data), the scenario file (model) or the article (claim) */
  source: string;
  /** false when the data file marks the value as an estimate (`"sourced": false`) or it is a scenario assumption */
  sourced: boolean;
}

/** One source's figure of an evidence item with several readings, as a quantity (a range keeps its low end in `actual`). */
export interface SourcedReading {
  /** who says it */
  label: string;
  actual: Quantity;
  /** the high end when the source gives a range */
  high?: Quantity;
  bound: "exact" | "atLeast" | "atMost";
  asOf: string;
  /** title <url> from evidence.meta.json */
  source: string;
  /** the figure as given, e.g. "1,500 MW (at least)" */
  shown: string;
}

/** One source's figure for a part whose sources disagree, and the verdict the part would get under it alone. */
export interface ReadingResult {
  /** who says it (the reading's label) */
  label: string;
  /** the source's title and URL from the provenance file */
  source: string;
  asOf: string;
  /** the figure as the source gives it, with its unit (and "at least" / "at most") */
  value: string;
  verdict: Verdict;
  detail: string;
  factor?: number;
  toleranceFraction?: number;
  /** the source is dated after the article: a figure the article could not have used */
  afterArticle: boolean;
}

/** The verdict on one part of a claim (a claim may state several figures). */
export interface PartResult {
  label: string;
  verdict: Verdict;
  detail: string;
  /** off-by-factor: how far off (>= 1) */
  factor?: number;
  /** holds-approximately: the tolerance applied (fraction) */
  toleranceFraction?: number;
  /** outdated: the newer figure */
  newerFigure?: string;
  /** sources that disagree on the evidence, side by side, each with the verdict it would give */
  readings?: ReadingResult[];
  /** the scopes or time frames the claim mixes (said even when the verdict holds) */
  mixes?: string[];
}

export interface Judgment {
  id: string;
  claim: string;
  kind: string;
  articleRef: string;
  interpretation: string;
  /** what was computed to test the claim */
  test: string;
  /** the arithmetic or model run, one line per step, with units */
  steps: string[];
  data: DataUse[];
  parts: PartResult[];
  verdict: Verdict;
  detail: string;
  factor?: number;
  toleranceFraction?: number;
  newerFigure?: string;
  /** the scopes or time frames the claim mixes, from its parts */
  mixes?: string[];
}

export interface ClaimReport {
  schemaVersion: 1;
  article: ClaimsFile["article"];
  dataAsOf: string;
  scenario: string;
  tolerances: { holdsRelative: number; approxRelative: number; maxRangeWidthRelative: number };
  counts: Record<Verdict, number>;
  judgments: Judgment[];
  diagnostics: Diagnostic[];
}

/** Everything the checker reads: data files, their provenance and one model run. Plain data; no file access. */
export interface ClaimInputs {
  claims: ClaimsFile;
  evidence: EvidenceFile;
  rules: Rules;
  peers: PeersFile;
  reference: ReferenceData;
  /** provenance by data file path (e.g. `data/peers/peers.json`) */
  provenance: Record<string, MetaFile>;
  /** the scenario the model run used, and its label (file name) */
  scenario: Scenario;
  scenarioLabel: string;
  model: RunResult;
}
