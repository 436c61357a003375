/** Claims about how the program is financed: C08, C09, C10, C22. */
import { judgeFigure, judgeLabel, judgeReadings, judgeShareOf } from "../judge.ts";
import { format, minus, qty, sum } from "../../core/quantity.ts";
import type { ClaimCtx } from "../context.ts";
import type { ClaimTest } from "./types.ts";

/**
 * C08: Blue Owl financing of about $27-30B for Louisiana; Meta keeps 20 %. The deal's size as each source gives it
 * (the JV's development cost, the reported deal, debt plus equity), side by side with the bond plus equity.
 */
export const c08: ClaimTest = (ctx) => {
  const debt = ctx.evidence("hyperionBond");
  const equity = ctx.evidence("hyperionEquity");
  const total = sum([debt, equity], "USD bn");
  ctx.step(`joint-venture financing = bond ${format(debt)} + equity ${format(equity)} = ${format(total)}`);
  const reported = ctx.readings("hyperionDealSize");
  for (const r of reported) ctx.step(`as reported by ${r.label} (${r.asOf}): ${r.shown}`);
  const blueOwlCash = ctx.evidence("hyperionBlueOwlCash");
  ctx.step(`of which Blue Owl's own cash contribution: ${format(blueOwlCash)} (the bonds were bought mostly by Pimco and BlackRock)`);
  const sumReading = { label: "bond (FT) + equity (bond terms)", actual: total, bound: "exact" as const, asOf: [ctx.asOf("hyperionBond"), ctx.asOf("hyperionEquity")].sort()[1], source: "sum of items hyperionBond and hyperionEquity", shown: format(total) };
  return {
    test: "JV debt + equity and the deal's size as each source reports it vs the stated range; Meta's share of the vehicle",
    parts: [
      judgeReadings("financing", ctx.stated("financing"), [sumReading, ...reported], ctx.tol, ctx.articleDate),
      judgeFigure("Meta's share", ctx.stated("metaShare"), ctx.evidence("hyperionMetaShare"), ctx.tol),
    ],
  };
};

/** C09: Morgan Stanley arranged >$27B of debt and ~$2.5B of equity; the bond matures in 2049. */
export const c09: ClaimTest = (ctx) => {
  const maturity = ctx.evidenceYear("hyperionBondMaturityYear");
  return {
    test: "bond size, equity, final maturity and arranger vs the bond terms",
    parts: [
      judgeFigure("debt", ctx.stated("debt"), ctx.evidence("hyperionBond"), ctx.tol),
      judgeFigure("equity", ctx.stated("equity"), ctx.evidence("hyperionEquity"), ctx.tol),
      judgeLabel("maturity year", ctx.context("maturityYear"), String(maturity)),
      judgeLabel("arranger", ctx.context("arranger"), ctx.evidenceText("hyperionBondArranger")),
    ],
  };
};

/** Sum of model outputs by year over [from, to]. */
function modelSum(ctx: ClaimCtx, record: Record<string, number>, path: string, from: number, to: number, label: string) {
  const years = Object.keys(record).map(Number).filter((y) => y >= from && y <= to);
  return sum(years.map((y) => ctx.model(`${path}.${y}`, record[String(y)], "USD", `${label} ${y}`)), "USD bn");
}

/** C10: the remaining $570-580B of the $600B has no disclosed financing. */
export const c10: ClaimTest = (ctx) => {
  const pledge = ctx.evidence("metaUsPledge");
  const external = [
    { key: "hyperionBond", what: "Hyperion JV bond" },
    { key: "hyperionEquity", what: "Hyperion JV equity" },
    { key: "metaCorporateBond2025", what: "Meta's own bond sale" },
  ].filter((e) => ctx.asOf(e.key) <= ctx.articleDate);
  const amounts = external.map((e) => ({ ...e, q: ctx.evidence(e.key) }));
  const disclosed = sum(amounts.map((a) => a.q), "USD bn");
  const remainder = minus(pledge, disclosed, "USD bn");
  ctx.step(`external financing disclosed before ${ctx.articleDate}: ${amounts.map((a) => `${a.what} ${format(a.q)}`).join(" + ")} = ${format(disclosed)}`);
  ctx.step(`remainder = ${format(pledge)} - ${format(disclosed)} = ${format(remainder)}`);
  const s = ctx.inputs.model.summary;
  const to = ctx.evidenceYear("metaUsPledgeEndYear");
  const from = Number(ctx.asOf("metaUsPledge").slice(0, 4)) + 1;
  const ocf = modelSum(ctx, fromYearly(ctx, "companyOperatingCashFlowUsd"), "tables.yearly.companyOperatingCashFlowUsd", from, to, "company operating cash flow");
  const gap = modelSum(ctx, s.fundingGapUsdByYear, "summary.fundingGapUsdByYear", from, to, "funding gap");
  ctx.step(`model (internal funding): Meta's operating cash flow ${from}-${to} ${format(ocf)}; program capex not covered by it (funding gap) ${format(gap)}`);
  return {
    test: "pledge minus the external financing disclosed before the article date; the model shows how much operating cash flow covers",
    parts: [judgeFigure("remainder without disclosed financing", ctx.stated("remainder"), remainder, ctx.tol)],
  };
};

/** Yearly column of the model's yearly table as a year → value record. */
function fromYearly(ctx: ClaimCtx, column: string): Record<string, number> {
  const t = ctx.inputs.model.tables.yearly;
  const iy = t.columns.indexOf("year");
  const ic = t.columns.indexOf(column);
  return Object.fromEntries(t.rows.map((r) => [String(r[iy]), Number(r[ic])]));
}

/** C22: Morgan Stanley's $2.9T of data-center spending 2025-2028; Meta's $600B is about 20 % of it. */
export const c22: ClaimTest = (ctx) => {
  const total = ctx.evidence("msDataCenterCapex");
  const pledge = ctx.evidence("metaUsPledge");
  const msFrom = ctx.evidenceYear("msDataCenterCapexStartYear");
  const msTo = ctx.evidenceYear("msDataCenterCapexEndYear");
  const pledgeTo = ctx.evidenceYear("metaUsPledgeEndYear");
  const pledgeFrom = Number(ctx.asOf("metaUsPledge").slice(0, 4)) + 1;
  ctx.step(`share = ${format(pledge)} / ${format(total)} = ${format(qty((pledge.si / total.si) * 100, "%"))}`);
  ctx.step(`Morgan Stanley: ${total.measure}, ${total.scope}, ${msFrom}-${msTo}; Meta: ${pledge.measure}, ${pledge.scope}, ${pledgeFrom}-${pledgeTo}`);
  const period = msFrom !== pledgeFrom || msTo !== pledgeTo ? [`period ${msFrom}-${msTo} vs ${pledgeFrom}-${pledgeTo}`] : [];
  return {
    test: "pledge / Morgan Stanley's estimate, with the scope, measure and period of both figures compared",
    parts: [
      judgeFigure("Morgan Stanley estimate", ctx.stated("total"), total, ctx.tol),
      judgeShareOf("Meta's share", ctx.stated("share"), pledge, total, "%", ctx.tol, period),
    ],
  };
};
