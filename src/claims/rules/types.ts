/** The shape of one claim test: it reads data through the context and returns the judged parts of the claim. */
import type { ClaimCtx } from "../context.ts";
import type { PartResult } from "../types.ts";

export interface ClaimTestResult {
  /** one sentence: the arithmetic or model run that tests the claim */
  test: string;
  parts: PartResult[];
}

export type ClaimTest = (ctx: ClaimCtx) => ClaimTestResult;
