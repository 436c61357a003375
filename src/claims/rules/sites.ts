/** Claims about Meta's sites, jobs and suppliers, and China's build-out: C06, C07, C24, C25, C27. */
import type { ClaimCtx } from "../context.ts";
import { judgeFigure, judgeReadings } from "../judge.ts";
import { format } from "../../core/quantity.ts";
import type { ClaimTest } from "./types.ts";

/** C06: Meta has more than 29 data-center sites worldwide. */
export const c06: ClaimTest = (ctx) => {
  const count = ctx.evidence("metaDataCenterCount");
  ctx.step(`El Paso (announced ${ctx.asOf("metaDataCenterCount")}) is Meta's data center number ${format(count).replace(" count", "")}, counting sites under construction`);
  return { test: "sourced count of Meta data centers vs 'more than 29' (for counts: at least 30)", parts: [judgeFigure("data centers", ctx.stated("sites"), count, ctx.tol)] };
};

/** Every source's figure of an item on one line, side by side (context, not judged). */
function sideBySide(ctx: ClaimCtx, key: string): string {
  return ctx
    .readings(key)
    .map((r) => `${r.shown} (${r.label}, ${r.asOf})`)
    .join(" vs ");
}

/**
 * C07: Meta has invested more than $10B in Texas and employs over 2,500 people there. El Paso, part of both figures,
 * is shown with its sources side by side (they disagree on its cost over time and on its permanent jobs).
 */
export const c07: ClaimTest = (ctx) => {
  ctx.step(`of which El Paso, investment: ${sideBySide(ctx, "elPasoInvestment")}`);
  ctx.step(`El Paso jobs once operational (2028, not yet among the employees): ${sideBySide(ctx, "elPasoPermanentJobs")}; construction at peak: ${sideBySide(ctx, "elPasoConstructionJobsPeak")}`);
  return {
    test: "Meta's stated Texas investment and employment (El Paso announcement) vs the claim",
    parts: [
      judgeFigure("Texas investment", ctx.stated("investment"), ctx.evidence("metaTexasInvestment"), ctx.tol, { actualBound: "atLeast" }),
      judgeFigure("Texas employees", ctx.stated("employees"), ctx.evidence("metaTexasEmployees"), ctx.tol, { actualBound: "atLeast" }),
    ],
  };
};

/** C24: Louisiana: $10B initial investment, up to 500 permanent jobs, up to 5,000 construction workers at peak (every source's figure). */
export const c24: ClaimTest = (ctx) => {
  ctx.step(`later figures for the campus (the Meta / Blue Owl JV, not the initial investment): ${sideBySide(ctx, "hyperionDealSize")}`);
  return {
    test: "the Richland Parish announcement (Dec 2024) and later reports vs the claim, under every source's figure, including whether figures are floors or ceilings",
    parts: [
      judgeReadings("initial investment", ctx.stated("investment"), ctx.readings("hyperionInitialInvestment"), ctx.tol, ctx.articleDate),
      judgeReadings("permanent jobs", ctx.stated("permanentJobs"), ctx.readings("hyperionPermanentJobs"), ctx.tol, ctx.articleDate),
      judgeReadings("construction workers at peak", ctx.stated("constructionPeak"), ctx.readings("hyperionConstructionPeak"), ctx.tol, ctx.articleDate),
    ],
  };
};

/** C25: Meta has committed over $20B to US subcontractors. */
export const c25: ClaimTest = (ctx) => ({
  test: "Meta's statement on business with US subcontractors vs the claim",
  parts: [judgeFigure("subcontractor business", ctx.stated("subcontractors"), ctx.evidence("metaSubcontractorSpend"), ctx.tol, { actualBound: "atLeast" })],
});

/** C27: China announced or built over 250 new AI data centers in 2023-2024. */
export const c27: ClaimTest = (ctx) => {
  const n = ctx.evidence("chinaDataCenterProjects");
  ctx.step(`sourced: ${format(n)} new 'smart computing center' projects initiated in 2023-2024 (a floor); the claim's 'over 250' is a weaker floor`);
  return { test: "sourced count of new Chinese AI data-center projects vs 'more than 250'", parts: [judgeFigure("new AI data centers", ctx.stated("dataCenters"), n, ctx.tol, { actualBound: "atLeast" })] };
};
