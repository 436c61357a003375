/** Claims about Meta's pledge, guidance, revenue and profit: C01-C05, C11. */
import type { ClaimCtx } from "../context.ts";
import { type ClaimedValue, judgeExceeds, judgeFigure } from "../judge.ts";
import { div, format, mul, qty, scale, sum, withTags } from "../../core/quantity.ts";
import type { ClaimTest } from "./types.ts";

const about = (q: ReturnType<typeof qty>): ClaimedValue => ({ bound: "about", low: q, high: q });

/** C01: $600B over the next three years ≈ $200B a year. */
export const c01: ClaimTest = (ctx) => {
  const pledge = ctx.evidence("metaUsPledge");
  const endYear = ctx.evidenceYear("metaUsPledgeEndYear");
  const announced = Number(ctx.item("metaUsPledge").asOf.slice(0, 4));
  const years = qty(endYear - announced, "year");
  ctx.step(`years after the announcement year: ${endYear} - ${announced} = ${format(years)} (calendar years ${announced + 1}-${endYear})`);
  const announcedYears = ctx.evidence("metaUsPledgeYears");
  ctx.step(`as announced, 'over the next three years': ${format(announcedYears)}`);
  const perYear = div(pledge, years, "USD bn/year");
  ctx.step(`average per year = ${format(pledge)} / ${format(years)} = ${format(perYear)}`);
  ctx.step("scope: Meta's CFO said the pledge covers all US investment (data centers, employees, operations), not only capex");
  return {
    test: "pledge / number of years from the announcement to the pledge's end year",
    parts: [
      judgeFigure("pledge", ctx.stated("pledge"), pledge, ctx.tol, { actualBound: "atLeast" }),
      judgeFigure("years", ctx.stated("years"), years, ctx.tol),
      judgeFigure("average per year", ctx.stated("perYear"), perYear, ctx.tol),
    ],
  };
};

/** The guidance entries for one fiscal year, oldest first, with their dates. */
function guidanceHistory(ctx: ClaimCtx, ticker: string, fiscalYear: string) {
  const list = ctx.peer(ticker).capexGuidanceUsdByFiscalYear?.[fiscalYear] ?? [];
  return [...list.keys()]
    .map((i) => ({
      date: list[i].date,
      low: ctx.peerFigure(ticker, `capexGuidanceUsdByFiscalYear.${fiscalYear}.${i}.lowUsd`, "USD/year", { measure: "capex" }, `capex guidance FY${fiscalYear} (${list[i].date}), low`),
      high: ctx.peerFigure(ticker, `capexGuidanceUsdByFiscalYear.${fiscalYear}.${i}.highUsd`, "USD/year", { measure: "capex" }, `capex guidance FY${fiscalYear} (${list[i].date}), high`),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
export { guidanceHistory };

const range = (g: { low: ReturnType<typeof qty>; high: ReturnType<typeof qty> }): string =>
  g.low.si === g.high.si ? format(g.low, "USD bn/year") : `${format(g.low, "USD bn/year").replace(" USD bn/year", "")}-${format(g.high, "USD bn/year")}`;

/** C02: Meta raised its 2025 capex guidance to $70-72B. */
export const c02: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const fy = ctx.context("fiscalYear");
  const history = guidanceHistory(ctx, ticker, fy).filter((g) => g.date <= ctx.articleDate);
  for (const g of history) ctx.step(`guidance for FY${fy} announced ${g.date}: ${range(g)}`);
  const latest = history[history.length - 1];
  const previous = history[history.length - 2];
  if (!latest || !previous) return { test: "guidance history", parts: [] };
  const mid = (g: typeof latest) => scale(sum([g.low, g.high], "USD bn/year"), 0.5);
  const latestMid = mid(latest);
  const previousMid = mid(previous);
  ctx.step(`latest before the article (${ctx.articleDate}): ${range(latest)} (midpoint ${format(latestMid)}); previous ${range(previous)} (midpoint ${format(previousMid)})`);
  const actual = ctx.peerFigure(ticker, `capexUsdByFiscalYear.${fy}`, "USD/year", { measure: "capex" }, `actual capex FY${fy}`);
  ctx.step(`for reference, actual FY${fy} capex: ${format(actual, "USD bn/year")}`);
  return {
    test: "the last capex guidance before the article date vs the stated range, and its midpoint vs the previous guidance",
    parts: [
      judgeFigure("guidance low end", ctx.statedAs("guidance", "about", "low"), latest.low, ctx.tol),
      judgeFigure("guidance high end", ctx.statedAs("guidance", "about", "high"), latest.high, ctx.tol),
      judgeExceeds("raised (midpoint above the previous guidance)", latestMid, previousMid, ctx.tol, `midpoint ${format(latestMid)} vs previous ${format(previousMid)}`),
    ],
  };
};

/** C03: Meta's Q3 2025 revenue was about $51B. */
export const c03: ClaimTest = (ctx) => {
  const q = ctx.context("quarter");
  const revenue = ctx.peerFigure(ctx.context("company"), `quarterly.revenueUsd.${q}`, "USD/quarter", { measure: "revenue" }, `revenue ${q}`);
  ctx.step(`reported revenue ${q}: ${format(revenue, "USD bn/quarter")}`);
  return { test: "reported quarterly revenue vs the stated figure", parts: [judgeFigure("Q3 2025 revenue", ctx.stated("revenue"), revenue, ctx.tol)] };
};

/** C04: $600B equals twelve times Meta's quarterly profit. */
export const c04: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const q = ctx.context("quarter");
  const pledge = ctx.evidence("metaUsPledge");
  const quarter = qty(1, "quarter");
  const flow = (field: string, measure: string, label: string) => ctx.peerFigure(ticker, `quarterly.${field}.${q}`, "USD/quarter", { measure }, `${label} ${q}`);
  const netIncome = flow("netIncomeUsd", "netIncome", "net income");
  const taxCharge = flow("oneTimeTaxChargeUsd", "taxCharge", "one-time tax charge");
  const operatingIncome = flow("operatingIncomeUsd", "operatingIncome", "operating income");
  const revenue = flow("revenueUsd", "revenue", "revenue");
  const netBeforeCharge = withTags(sum([netIncome, taxCharge], "USD bn/quarter"), { measure: "netIncome" });
  const multiple = (flowQ: typeof netIncome) => div(pledge, mul(flowQ, quarter, "USD bn"), "x");
  const m = { net: multiple(netIncome), netBefore: multiple(netBeforeCharge), operating: multiple(operatingIncome), revenue: multiple(revenue) };
  ctx.step(`one quarter of a flow is flow x 1 quarter: net income ${format(mul(netIncome, quarter, "USD bn"))}, revenue ${format(mul(revenue, quarter, "USD bn"))}`);
  ctx.step(`${format(pledge)} / net income (GAAP) = ${format(m.net)}; / net income before the one-time tax charge = ${format(m.netBefore)}`);
  ctx.step(`${format(pledge)} / operating income = ${format(m.operating)}; / revenue = ${format(m.revenue)}`);
  return {
    test: "pledge / one quarter of profit (operating income: GAAP net income is depressed by a one-off tax charge; net income before it and GAAP net income shown); revenue as the alternative measure",
    parts: [
      judgeFigure("multiple of quarterly profit (operating income)", ctx.stated("multiple"), m.operating, ctx.tol, {
        alternatives: [
          { kind: "measure", label: "a multiple of quarterly net income before the one-time tax charge", actual: m.netBefore },
          { kind: "measure", label: "a multiple of quarterly GAAP net income (after the one-time tax charge)", actual: m.net },
          { kind: "measure", label: "a multiple of quarterly revenue, not profit", actual: m.revenue },
        ],
      }),
    ],
  };
};

/** C05: $600B is about one year of Meta's current revenue. */
export const c05: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const fy = Math.max(...Object.keys(ctx.peer(ticker).revenueUsdByFiscalYear).map(Number));
  const revenue = ctx.peerFigure(ticker, `revenueUsdByFiscalYear.${fy}`, "USD/year", { measure: "revenue" }, `revenue FY${fy} (latest full year)`);
  const pledge = ctx.evidence("metaUsPledge");
  const years = div(pledge, revenue, "year");
  ctx.step(`years of revenue = ${format(pledge)} / ${format(revenue, "USD bn/year")} = ${format(years)}`);
  const pledgeYears = ctx.evidence("metaUsPledgeYears");
  const perYear = div(pledge, pledgeYears, "USD bn/year");
  const perYearRatio = div(perYear, revenue, "x");
  ctx.step(`the pledge spans ${format(pledgeYears)}: ${format(perYear)} per year = ${format(perYearRatio)} of annual revenue`);
  return {
    test: "pledge divided by the latest annual revenue, in years",
    parts: [
      judgeFigure("years of revenue", ctx.stated("revenueYears"), years, ctx.tol, {
        alternatives: [{ kind: "period", label: "the per-year average of the pledge compared with one year of revenue (a 3-year total read as an annual flow)", actual: perYearRatio, claimed: about(qty(1, "x")) }],
      }),
    ],
  };
};

/** C11: Meta's annual revenue is about $200B. */
export const c11: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const years = Object.keys(ctx.peer(ticker).revenueUsdByFiscalYear).map(Number).sort((a, b) => a - b);
  const latest = years[years.length - 1];
  const revenue = ctx.peerFigure(ticker, `revenueUsdByFiscalYear.${latest}`, "USD/year", { measure: "revenue" }, `revenue FY${latest}`);
  ctx.step(`latest full-year revenue (FY${latest}): ${format(revenue, "USD bn/year")}`);
  const older = years.slice(0, -1).map((y) => ({ y, q: ctx.peerFigure(ticker, `revenueUsdByFiscalYear.${y}`, "USD/year", { measure: "revenue" }, `revenue FY${y}`) }));
  for (const o of older) ctx.step(`FY${o.y}: ${format(o.q, "USD bn/year")}`);
  return {
    test: "latest reported annual revenue vs the stated figure (older years as outdated readings)",
    parts: [
      judgeFigure("annual revenue", ctx.stated("revenue"), revenue, ctx.tol, {
        alternatives: older.reverse().map((o) => ({ kind: "older" as const, label: `FY${o.y} revenue`, actual: o.q })),
      }),
    ],
  };
};
