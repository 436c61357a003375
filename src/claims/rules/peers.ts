/** Claims about the other hyperscalers, tested on the peers dataset: C19, C20, C21, C23. */
import { calendarYearCapex } from "../../peers/compare.ts";
import { fiscalQuarterSpan, formatSpan, monthsInCalendarYear, parseQuarterKey } from "../../peers/fiscal.ts";
import { judgeExceeds, judgeFigure, judgeLabel } from "../judge.ts";
import { MissingData } from "../context.ts";
import { div, format, mul, qty, sum } from "../../core/quantity.ts";
import { guidanceHistory } from "./company.ts";
import type { ClaimTest } from "./types.ts";

/** C19: Alphabet raised 2025 capex guidance from $75B to $91-93B. */
export const c19: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const fy = ctx.context("fiscalYear");
  const history = guidanceHistory(ctx, ticker, fy).filter((g) => g.date <= ctx.articleDate);
  for (const g of history) ctx.step(`FY${fy} guidance announced ${g.date}: ${format(g.low, "USD bn/year")}${g.high.si !== g.low.si ? ` to ${format(g.high, "USD bn/year")}` : ""}`);
  const first = history[0];
  const latest = history[history.length - 1];
  if (!first || !latest || first === latest) return { test: "guidance history", parts: [] };
  if (history.length > 2) ctx.step(`the raise came in ${history.length - 1} steps; the claim gives the first and the last guidance`);
  return {
    test: "first guidance of the year and the last one before the article date vs the stated 'from' and 'to'",
    parts: [
      judgeFigure("from", ctx.stated("from"), first.low, ctx.tol),
      judgeFigure("to, low end", ctx.statedAs("to", "about", "low"), latest.low, ctx.tol),
      judgeFigure("to, high end", ctx.statedAs("to", "about", "high"), latest.high, ctx.tol),
    ],
  };
};

/** C20: Microsoft spent $34.9B in one quarter of 2025, about 75 % more than a year before. */
export const c20: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const c = ctx.peer(ticker);
  const year = Number(ctx.context("calendarYear"));
  // the latest fiscal quarter that ended before the article month (results come out weeks after quarter end)
  const quarters = Object.keys(c.quarterly?.capexInclFinanceLeasesUsd ?? {})
    .map((k) => ({ k, q: parseQuarterKey(k)! }))
    .map((x) => ({ ...x, span: fiscalQuarterSpan(x.q.fiscalYear, x.q.quarter, c.fiscalYearEndMonth) }))
    .filter((x) => x.span.end < ctx.articleDate.slice(0, 7))
    .sort((a, b) => a.span.end.localeCompare(b.span.end));
  const last = quarters[quarters.length - 1];
  if (!last) return { test: "latest reported quarter", parts: [] };
  const capex = ctx.peerFigure(ticker, `quarterly.capexInclFinanceLeasesUsd.${last.k}`, "USD/quarter", { measure: "capex" }, `capex incl. finance leases FY${last.q.fiscalYear} Q${last.q.quarter}`);
  const growth = ctx.peerFigure(ticker, `quarterly.capexInclFinanceLeasesYoyGrowthFraction.${last.k}`, "fraction", {}, `capex growth vs a year before, FY${last.q.fiscalYear} Q${last.q.quarter}`);
  const inYear = monthsInCalendarYear(last.span, year);
  ctx.step(`Microsoft's fiscal year ends in June: FY${last.q.fiscalYear} Q${last.q.quarter} = ${formatSpan(last.span)} (${inYear} of 3 months in calendar ${year})`);
  ctx.step(`capex ${format(capex, "USD bn/quarter")}, ${format(qty(growth.si * 100, "%"))} more than a year before (year-ago quarter ${format(qty(capex.si / (1 + growth.si), "USD/s"), "USD bn/quarter")})`);
  return {
    test: "the latest quarter reported before the article, mapped from Microsoft's fiscal calendar to calendar months",
    parts: [
      judgeFigure("quarterly capex", ctx.stated("quarterCapex"), capex, ctx.tol),
      judgeFigure("growth vs a year before", ctx.stated("growth"), qty(growth.si * 100, "%"), ctx.tol),
      judgeLabel(`quarter within calendar ${year}`, String(year), inYear === 3 ? String(year) : formatSpan(last.span)),
    ],
  };
};

/**
 * C21: Amazon announced a record $100B for AI infrastructure. As at the article's date (issue 12 item 16): the plan
 * in force then is the figure to compare, earlier plans are older readings; the year's capex, reported after the
 * article, is named and not used. "Record" is a direction: the stated plan above the previous year's capex.
 */
export const c21: ClaimTest = (ctx) => {
  const ticker = ctx.context("company");
  const fy = ctx.context("fiscalYear");
  const history = guidanceHistory(ctx, ticker, fy);
  for (const g of history) ctx.step(`FY${fy} plan announced ${g.date}: ${format(g.low, "USD bn/year")}${g.date > ctx.articleDate ? " (after the article, not used)" : ""}`);
  const known = history.filter((g) => g.date <= ctx.articleDate);
  const inForce = known[known.length - 1];
  if (!inForce) throw new MissingData(`no FY${fy} plan of ${ticker} announced before ${ctx.articleDate}`);
  ctx.step(`in force at the article (${ctx.articleDate}): the plan of ${inForce.date}, ${format(inForce.low, "USD bn/year")}`);
  const c = ctx.peer(ticker);
  if (c.capexUsdByFiscalYear[fy] !== undefined) {
    const actual = ctx.peerFigure(ticker, `capexUsdByFiscalYear.${fy}`, "USD/year", { measure: "capex" }, `capex FY${fy} (reported after the article)`);
    ctx.step(`reported FY${fy} capex ${format(actual, "USD bn/year")} came after the article and is not used`);
  }
  const previous = ctx.peerFigure(ticker, `capexUsdByFiscalYear.${Number(fy) - 1}`, "USD/year", { measure: "capex" }, `capex FY${Number(fy) - 1}`);
  return {
    test: "the stated figure vs the plan in force at the article's date, with earlier plans as older readings; 'record' vs the previous year's capex",
    parts: [
      judgeFigure(`${fy} spending plan`, ctx.stated("capex"), inForce.low, ctx.tol, {
        alternatives: known.slice(0, -1).reverse().map((g) => ({ kind: "older" as const, label: `the plan announced ${g.date}`, actual: g.low })),
      }),
      judgeExceeds("record (above the previous year)", ctx.statedQty("capex"), previous, ctx.tol, `stated plan vs FY${Number(fy) - 1} capex`),
    ],
  };
};

/** C23: hyperscalers will spend over $360B on AI infrastructure in 2025. */
export const c23: ClaimTest = (ctx) => {
  const year = Number(ctx.context("calendarYear"));
  const rows = ctx.context("companies").split(",").map((t) => {
    const row = calendarYearCapex(t, ctx.peer(t), year);
    if (row.capexUsd === null) throw new MissingData(`no calendar ${year} capex for ${t}: ${row.method}`);
    // a year's flow, or four quarterly flows each times one quarter: explicit periods, summed as money
    const amounts = row.inputs.map((i) => mul(ctx.peerFigure(t, i.path, `USD/${i.period}`, { measure: "capex" }, `${row.company} capex (${i.path})`), qty(1, i.period), "USD bn"));
    const q = div(sum(amounts, "USD bn"), qty(1, "year"), "USD bn/year");
    ctx.step(`${row.company}: ${format(q, "USD bn/year")} (${row.method})`);
    return q;
  });
  const total = sum(rows, "USD bn/year");
  ctx.step(`total = ${format(total)}`);
  return { test: "sum of calendar-year capex of the named hyperscalers (fiscal calendars converted)", parts: [judgeFigure("total capex", ctx.stated("total"), total, ctx.tol)] };
};
