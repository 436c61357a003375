/** Claims about Meta's pledge, guidance, revenue and profit: C01-C05, C11. */
import type { ClaimCtx } from "../context.ts";
import { type ClaimedValue, judgeDirection, judgeFigure, withMixes } from "../judge.ts";
import { div, format, formatNumber, mul, qty, scale, sum, to as toUnit, withTags } from "../../core/quantity.ts";
import type { ClaimTest } from "./types.ts";

const about = (q: ReturnType<typeof qty>): ClaimedValue => ({ bound: "about", low: q, high: q });

/** C01: $600B over the next three years ≈ $200B a year. */
export const c01: ClaimTest = (ctx) => {
  const pledge = ctx.evidence("metaUsPledge");
  const endYear = ctx.evidenceYear("metaUsPledgeEndYear");
  const announced = Number(ctx.asOf("metaUsPledge").slice(0, 4));
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

/** The last day of a fiscal year (YYYY-MM-DD), so figures reported after an article can be told apart. */
function fiscalYearEnd(ctx: ClaimCtx, ticker: string, fiscalYear: number): string {
  const m = ctx.peer(ticker).fiscalYearEndMonth;
  const last = new Date(Date.UTC(fiscalYear, m, 0)).getUTCDate();
  return `${fiscalYear}-${String(m).padStart(2, "0")}-${last}`;
}

/**
 * C02: Meta raised its 2025 capex guidance to $70-72B. The guidance in force at the article's date against the one
 * it replaced: "raised" is a direction (any rise holds, no change or a cut fails), not a size judged around parity.
 */
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
  ctx.step(`in force at the article (${ctx.articleDate}): ${range(latest)} (midpoint ${format(latestMid)}), replacing ${range(previous)} of ${previous.date} (midpoint ${format(previousMid)})`);
  const move = (a: typeof latest.low, b: typeof latest.low) => (a.si === b.si ? "unchanged" : `${a.si > b.si ? "up" : "down"} ${format(qty(Math.abs(toUnit(a, "USD bn/year") - toUnit(b, "USD bn/year")), "USD bn/year"))}`);
  ctx.step(`low end ${move(latest.low, previous.low)}, high end ${move(latest.high, previous.high)}; "from 70 to 72" is the new range, not a raise from $70B to $72B`);
  const year = Number(fy);
  const reported = fiscalYearEnd(ctx, ticker, year);
  if (reported > ctx.articleDate) {
    const actual = ctx.peerFigure(ticker, `capexUsdByFiscalYear.${fy}`, "USD/year", { measure: "capex" }, `actual capex FY${fy} (reported after the article; not used in the verdict)`);
    ctx.step(`after the article (FY${fy} ended ${reported}): actual capex ${format(actual, "USD bn/year")}, for context only`);
  }
  return {
    test: "the capex guidance in force at the article date vs the stated range; 'raised': its midpoint vs the guidance it replaced (a direction, no tolerance)",
    parts: [
      judgeFigure("guidance low end", ctx.statedAs("guidance", "about", "low"), latest.low, ctx.tol),
      judgeFigure("guidance high end", ctx.statedAs("guidance", "about", "high"), latest.high, ctx.tol),
      judgeDirection("raised (midpoint above the guidance it replaced)", latestMid, previousMid, "up", `midpoint ${format(latestMid)} vs ${format(previousMid)} (${previous.date})`),
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

/**
 * C05: $600B is about one year of Meta's current revenue. "Current" at the article's date: the four quarters
 * reported by then (Q4 2024-Q3 2025), not a fiscal year reported after the article; the latest full fiscal year then
 * (FY2024) is shown too. The pledge is a US total over three years (people and operations included), revenue a
 * worldwide annual flow: the claim mixes scopes and periods, and says so.
 */
export const c05: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const { ttm, fy, fyRevenue } = revenueAtArticle(ctx, ticker);
  const pledge = ctx.evidence("metaUsPledge");
  const years = div(pledge, ttm, "year");
  ctx.step(`years of revenue = ${format(pledge)} / ${format(ttm)} = ${format(years)}`);
  ctx.step(`the latest full fiscal year reported before the article, FY${fy}: ${format(pledge)} / ${format(fyRevenue, "USD bn/year")} = ${format(div(pledge, fyRevenue, "year"))}`);
  const pledgeYears = ctx.evidence("metaUsPledgeYears");
  const perYear = div(pledge, pledgeYears, "USD bn/year");
  const perYearRatio = div(perYear, ttm, "x");
  ctx.step(`the pledge spans ${format(pledgeYears)}: ${format(perYear)} per year = ${format(perYearRatio)} of annual revenue`);
  const part = judgeFigure("years of revenue", ctx.stated("revenueYears"), years, ctx.tol, {
    alternatives: [{ kind: "period", label: "the per-year average of the pledge compared with one year of revenue (a 3-year total read as an annual flow)", actual: perYearRatio, claimed: about(qty(1, "x")) }],
  });
  const mixes = pledge.scope !== ttm.scope ? [`scopes: the pledge is ${pledge.scope} total investment (data centers, employees, operations), revenue is Meta's ${ttm.scope} revenue (a ${formatNumber(toUnit(pledgeYears, "year"))}-year total vs one year)`] : [];
  return { test: "pledge divided by the revenue of the last four quarters reported before the article, in years", parts: [withMixes(part, mixes)] };
};

/**
 * Meta's annual revenue as it stood at the article's date: the last four quarters reported by then (Q4 2024-Q3
 * 2025), the latest full fiscal year reported by then, and the fiscal years that ended after it (named, not used).
 */
function revenueAtArticle(ctx: ClaimCtx, ticker: string) {
  const q3 = ctx.peerFigure(ticker, "quarterly.revenueUsd.2025Q3", "USD/quarter", { measure: "revenue" }, "revenue 2025Q3");
  const quarters = [ctx.evidence("metaRevenue2024Q4"), ctx.evidence("metaRevenue2025Q1"), ctx.evidence("metaRevenue2025Q2"), q3];
  const quarter = qty(1, "quarter");
  const ttm = withTags(div(sum(quarters.map((q) => mul(q, quarter, "USD bn")), "USD bn"), qty(1, "year"), "USD bn/year"), { measure: "revenue", scope: "global" });
  ctx.step(`revenue of the last four quarters reported before ${ctx.articleDate} (Q4 2024-Q3 2025) = ${quarters.map((q) => format(mul(q, quarter, "USD bn")).replace(" USD bn", "")).join(" + ")} = ${format(ttm)}`);
  const fys = Object.keys(ctx.peer(ticker).revenueUsdByFiscalYear).map(Number);
  const known = fys.filter((y) => fiscalYearEnd(ctx, ticker, y) < ctx.articleDate);
  const fy = Math.max(...known);
  const fyRevenue = ctx.peerFigure(ticker, `revenueUsdByFiscalYear.${fy}`, "USD/year", { measure: "revenue" }, `revenue FY${fy} (latest full year reported before the article)`);
  const later = fys.filter((y) => !known.includes(y)).sort((a, b) => a - b);
  if (later.length > 0) ctx.step(`FY${later.join(", FY")} ended after the article and is not used`);
  return { ttm, fy, fyRevenue };
}

/**
 * C11: Meta's annual revenue is about $200B. As at the article's date (issue 12 item 16): the last four quarters
 * reported by then, with the latest full fiscal year before it as the older reading; a year reported after the
 * article is named, not used.
 */
export const c11: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const { ttm, fy, fyRevenue } = revenueAtArticle(ctx, ticker);
  return {
    test: "revenue of the last four quarters reported before the article vs the stated figure (the latest full year before it as the older reading)",
    parts: [
      judgeFigure("annual revenue", ctx.stated("revenue"), ttm, ctx.tol, {
        alternatives: [{ kind: "older" as const, label: `FY${fy} revenue`, actual: fyRevenue }],
      }),
    ],
  };
};
