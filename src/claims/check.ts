/**
 * The claim checker: for every claim of data/claims/claims.json, run its test against the evidence, the peers
 * dataset, reference data and the model run, and combine the judged parts into one verdict. Pure: inputs are
 * plain data (see ClaimInputs), the output is plain data; nothing is read or printed here.
 */
import { type Diagnostic, warning } from "../core/diagnostics.ts";
import { ClaimCtx, MissingData } from "./context.ts";
import { combineParts, unverifiable } from "./judge.ts";
import type { Claim } from "../data/claims.ts";
import { CLAIM_TESTS } from "./rules/index.ts";
import type { ClaimTest } from "./rules/types.ts";
import { type ClaimInputs, type ClaimReport, type Judgment, type PartResult, VERDICTS, type Verdict } from "./types.ts";

function runTest(test: ClaimTest | undefined, ctx: ClaimCtx, ds: Diagnostic[]): { test: string; parts: PartResult[] } {
  if (!test) {
    ds.push(warning(`claims.${ctx.claim.id}`, "no test is implemented for this claim"));
    return { test: "none", parts: [unverifiable("claim", "no test is implemented for this claim")] };
  }
  try {
    return test(ctx);
  } catch (e) {
    if (!(e instanceof MissingData)) throw e;
    ds.push(warning(`claims.${ctx.claim.id}`, e.message));
    return { test: "stopped: missing data", parts: [unverifiable("data", `missing data: ${e.message}`)] };
  }
}

function judge(inputs: ClaimInputs, claim: Claim, index: number, ds: Diagnostic[]): Judgment {
  const ctx = new ClaimCtx(inputs, claim, index);
  const { test, parts } = runTest(CLAIM_TESTS[claim.id], ctx, ds);
  const overall = combineParts(parts);
  const mixes = [...new Set(parts.flatMap((p) => p.mixes ?? []))];
  return {
    id: claim.id,
    claim: claim.text,
    kind: claim.kind,
    articleRef: claim.articleRef,
    interpretation: claim.interpretation,
    test,
    steps: ctx.steps,
    data: ctx.uses,
    parts,
    verdict: overall.verdict,
    detail: overall.detail,
    ...(overall.factor !== undefined ? { factor: overall.factor } : {}),
    ...(overall.toleranceFraction !== undefined ? { toleranceFraction: overall.toleranceFraction } : {}),
    ...(overall.newerFigure !== undefined ? { newerFigure: overall.newerFigure } : {}),
    ...(mixes.length > 0 ? { mixes } : {}),
  };
}

export function checkClaims(inputs: ClaimInputs): ClaimReport {
  const diagnostics: Diagnostic[] = [];
  const judgments = inputs.claims.claims.map((c, i) => judge(inputs, c, i, diagnostics));
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const j of judgments) counts[j.verdict]++;
  const r = inputs.rules;
  return {
    schemaVersion: 1,
    article: inputs.claims.article,
    dataAsOf: r.dataAsOf,
    scenario: inputs.scenarioLabel,
    tolerances: { holdsRelative: r.holdsRelativeTolerance, approxRelative: r.approxRelativeTolerance, maxRangeWidthRelative: r.maxRangeWidthRelative },
    counts,
    judgments,
    diagnostics,
  };
}
