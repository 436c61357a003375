/** Financing tables: spvYearly, fundingYearly, pnlYearly, revenueRequiredYearly (NaN ratios become empty cells). */
import type { Timeline } from "../../core/months.ts";
import type { Cell, Table } from "../../core/table.ts";
import type { CompanyRoute, RouteId } from "./company.ts";
import type { FinancingState } from "./run-financing.ts";
import type { SpvResult } from "./spv-model.ts";

const cell = (x: number): Cell => (Number.isFinite(x) ? x : null);

function yearSum(t: Timeline, a: Float64Array, pick: (m: number) => number = (m) => a[m]): Float64Array {
  const out = new Float64Array(t.years.length);
  for (let m = 0; m < t.months; m++) out[t.yearIndex[m]] += pick(m);
  return out;
}

function yearEnd(t: Timeline, a: Float64Array): Float64Array {
  const out = new Float64Array(t.years.length);
  for (let m = 0; m < t.months; m++) out[t.yearIndex[m]] = a[m];
  return out;
}

/** One row per SPV and year of its (extended) timeline: the waterfall, sources and uses, balances and the RVG. */
export function spvYearlyTable(fs: FinancingState): Table {
  const columns = [
    "structure", "year",
    "debtDrawUsd", "partnerEquityUsd", "sponsorEquityCashUsd", "sponsorInKindEquityUsd", "equityCallsUsd", "leaseRevenueUsd", "cashFromReserveUsd", "sourcesUsd",
    "capexUsd", "sponsorDistributionAtCloseUsd", "opexUsd", "interestUsd", "principalUsd", "distributionsPartnerUsd", "distributionsSponsorUsd", "cashToReserveUsd", "usesUsd",
    "debtBalanceUsd", "cashBalanceUsd", "debtServiceCoverRatio", "onlineFraction", "marketValueVacantUsd", "guaranteedValueUsd", "rvgExposureUsd",
  ];
  const rows: Cell[][] = [];
  for (const r of fs.spvs) rows.push(...spvRows(r));
  return { columns, rows };
}

function spvRows(r: SpvResult): Cell[][] {
  const t = r.timeline;
  const f = r.flows;
  const y = (a: Float64Array): Float64Array => yearSum(t, a);
  const calls = yearSum(t, f.partnerEquityCallUsd, (m) => f.partnerEquityCallUsd[m] + f.sponsorEquityCallUsd[m]);
  const cashEnd = yearEnd(t, f.cashBalanceUsd);
  const cols = {
    draw: y(f.debtDrawUsd), pe: y(f.partnerEquityUsd), se: y(f.sponsorEquityCashUsd), kind: y(f.sponsorInKindUsd), rent: y(f.rentUsd),
    capex: y(f.capexUsd), close: y(f.sponsorDistributionAtCloseUsd), opex: y(f.opexUsd), int: y(f.interestUsd), prin: y(f.principalUsd),
    dp: y(f.distributionsPartnerUsd), dsp: y(f.distributionsSponsorUsd), debt: yearEnd(t, f.debtBalanceUsd), online: yearEnd(t, r.input.onlineFraction),
  };
  return t.years.map((year, i) => {
    const delta = cashEnd[i] - (i > 0 ? cashEnd[i - 1] : 0);
    const sources = cols.draw[i] + cols.pe[i] + cols.se[i] + cols.kind[i] + calls[i] + cols.rent[i] + Math.max(0, -delta);
    const uses = cols.capex[i] + cols.close[i] + cols.opex[i] + cols.int[i] + cols.prin[i] + cols.dp[i] + cols.dsp[i] + Math.max(0, delta);
    const rvg = r.rvgByYearIndex?.[i];
    return [
      r.spv.name, year,
      cols.draw[i], cols.pe[i], cols.se[i], cols.kind[i], calls[i], cols.rent[i], Math.max(0, -delta), sources,
      cols.capex[i], cols.close[i], cols.opex[i], cols.int[i], cols.prin[i], cols.dp[i], cols.dsp[i], Math.max(0, delta), uses,
      cols.debt[i], cashEnd[i], cell(r.dscrByYearIndex[i]), cols.online[i],
      rvg ? rvg.marketValueVacantUsd : null, rvg ? rvg.guaranteedValueUsd : null, rvg ? rvg.exposureUsd : null,
    ];
  });
}

const COMPANY_COLUMNS: (keyof CompanyRoute)[] = [
  "revenueUsd", "operatingCashFlowUsd", "programCapexUsd", "sponsorCapexUsd", "spvFundedCapexUsd", "leasePaymentsUsd", "spvDistributionsToSponsorUsd",
  "sponsorEquityToSpvUsd", "bondProceedsUsd", "bondInterestUsd", "bondPrincipalUsd", "freeCashFlowUsd", "fundingGapUsd", "financingCashCarriedUsd", "onBalanceSheetDebtUsd",
  "leaseLiabilityUsd", "offBalanceSheetDebtUsd", "sponsorShareOfSpvDebtUsd", "leverageDebtToOcf", "adjustedLeverageDebtToOcf", "interestCover", "fixedChargeCover",
];

function routeRows<T extends object>(t: Timeline, routes: readonly RouteId[], byRoute: Partial<Record<RouteId, T>>, keys: readonly (keyof T)[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const route of routes) {
    const r = byRoute[route];
    if (!r) continue;
    t.years.forEach((year, i) => rows.push([route, year, ...keys.map((k) => cell((r[k] as Float64Array)[i]))]));
  }
  return rows;
}

/** One row per funding route and horizon year: the company's cash flows, funding gap and balance-sheet view. */
export function fundingYearlyTable(fs: FinancingState, t: Timeline): Table {
  return { columns: ["route", "year", ...COMPANY_COLUMNS.map(String)], rows: routeRows(t, fs.routes, fs.company, COMPANY_COLUMNS) };
}

const PNL_COLUMNS = [
  "revenueUsd", "energyCostUsd", "otherOpexUsd", "leaseExpenseUsd", "depreciationUsd", "depreciationBeforeLifeChangesUsd", "lifeChangeEffectUsd",
  "impairmentUsd", "ebitUsd", "interestExpenseUsd", "equityIncomeUsd", "pretaxIncomeUsd", "taxUsd", "netIncomeUsd",
] as const;

/** One row per funding route and horizon year: the program's P&L. */
export function pnlYearlyTable(fs: FinancingState, t: Timeline): Table {
  return { columns: ["route", "year", ...PNL_COLUMNS], rows: routeRows(t, fs.routes, fs.pnl, PNL_COLUMNS) };
}

const RR_COLUMNS = [
  "itCapexUsd", "sequoiaTotalCostUsd", "sequoiaRequiredRevenueUsd", "annualizedCapitalUsd", "energyCostUsd", "otherOpexUsd", "totalCostUsd",
  "bottomUpRequiredRevenueUsd", "programRevenueUsd", "revenueCoverageFraction",
] as const;

/** One row per horizon year: both revenue-required methods with their inputs. */
export function revenueRequiredYearlyTable(fs: FinancingState, t: Timeline, f: { waccFractionPerYear: number; targetMarginFraction: number }): Table {
  const rr = fs.revenueRequired;
  return {
    columns: ["year", "waccFractionPerYear", "targetMarginFraction", ...RR_COLUMNS],
    rows: t.years.map((year, i) => [year, f.waccFractionPerYear, f.targetMarginFraction, ...RR_COLUMNS.map((k) => cell(rr[k][i]))]),
  };
}
