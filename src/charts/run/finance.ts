/** Money charts of a run: company cash flows under both funding routes, SPV debt and rent, revenue required. */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../../pipeline/run.ts";
import { CATEGORICAL, byYear, defineChart, distinct, fromRecords, num, records, toBillions, yearAxis } from "../chart.ts";
import { type Series, colorScale, legendOf, points, yearLines } from "../marks.ts";
import { sourceNote } from "./buildout.ts";

const ROUTE_LABELS: Record<string, string> = {
  allOperatingCashFlow: "all capex from operating cash flow",
  declaredStructures: "with the declared bonds and SPVs",
};
const routeSeries = (routes: string[]): Series[] => routes.map((key, i) => ({ key, label: ROUTE_LABELS[key] ?? key, color: CATEGORICAL[i] }));

/** Side-by-side bars on a linear year axis: bar k of n sits in [year − 0.4 + 0.8k/n, year − 0.4 + 0.8(k+1)/n]. */
function sideBySide<T extends { year: number; key: string }>(data: T[], keys: string[]): (T & { x1: number; x2: number })[] {
  const n = keys.length;
  return data.map((d) => {
    const k = keys.indexOf(d.key);
    return { ...d, x1: d.year - 0.4 + (0.8 * k) / n, x2: d.year - 0.4 + (0.8 * (k + 1)) / n };
  });
}

export const companyCashFlows = defineChart<RunResult>({
  id: "company-cash-flows",
  title: "Company free cash flow and funding gap by funding route, USD billions",
  data: (r) =>
    fromRecords(
      ["route", "year", "freeCashFlowUsd", "fundingGapUsd"],
      Object.entries(r.summary.financing.company).flatMap(([route, c]) =>
        byYear(c.freeCashFlowUsdByYear).map(([year, fcf]) => ({ route, year, freeCashFlowUsd: fcf, fundingGapUsd: c.fundingGapUsdByYear[year] ?? 0 })),
      ),
    ),
  figure: (t, r, w) => {
    const fcf = points(t, "year", "route", "freeCashFlowUsd", toBillions);
    const routes = distinct(fcf.map((d) => d.key));
    const series = routeSeries(routes);
    const gaps = sideBySide(points(t, "year", "route", "fundingGapUsd", (v) => -toBillions(v)).filter((d) => d.value < 0), routes);
    const spec = yearLines(fcf, series, "USD billions", w, {
      zero: true,
      extra: [Plot.rectY(gaps, { x1: "x1", x2: "x2", y: "value", fill: "key", fillOpacity: 0.45 })],
    });
    return {
      subtitle: "Lines: free cash flow (operating cash flow − capex). Bars below zero: funding gap (capex not covered by operating cash flow).",
      legend: legendOf(series, "line"),
      plot: spec,
      note: sourceNote(r, "Company operating cash flow = revenue × OCF margin; the declared route adds bond proceeds and service, SPV-funded capex and rent."),
    };
  },
});

export const spvDebtAndRent = defineChart<RunResult>({
  id: "spv-debt-and-rent",
  title: "SPV debt outstanding and rent paid by the sponsor, USD billions",
  empty: "No SPV is declared in this scenario's financing block.",
  data: (r) => fromRecords(["structure", "year", "debtBalanceUsd", "leaseRevenueUsd"], records(r.tables.spvYearly)),
  figure: (t, r, w) => {
    const debt = points(t, "year", "structure", "debtBalanceUsd", toBillions);
    const keys = distinct(debt.map((d) => d.key));
    const series: Series[] = keys.map((key, i) => ({ key, label: key, color: CATEGORICAL[i] }));
    const rent = sideBySide(points(t, "year", "structure", "leaseRevenueUsd", toBillions).filter((d) => d.value > 0), keys);
    const years = distinct(debt.map((d) => d.year)).sort((a, b) => a - b);
    return {
      subtitle: "Line: debt balance at year end. Bars: rent paid to the SPV in the year.",
      legend: legendOf(series),
      plot: {
        height: 280,
        marginLeft: 56,
        marginRight: 30,
        x: { ...yearAxis(years, w), domain: [years[0] - 0.5, years[years.length - 1] + 0.5] },
        y: { label: "USD billions", grid: true, nice: true, zero: true },
        color: colorScale(series),
        marks: [
          Plot.rectY(rent, { x1: "x1", x2: "x2", y: "value", fill: "key", fillOpacity: 0.5 }),
          Plot.lineY(debt, { x: "year", y: "value", stroke: "key", strokeWidth: 2 }),
          Plot.ruleY([0]),
        ],
      },
      note: sourceNote(r, "Monthly waterfall of the SPV: rent → opex → interest → principal → reserve → distributions."),
    };
  },
});

const REVENUE_SERIES: Series[] = [
  { key: "bottomUpRequiredRevenueUsd", label: "required: bottom-up (capital at WACC + energy + opex, at target margin)", color: "#ff725c" },
  { key: "sequoiaRequiredRevenueUsd", label: "required: Sequoia (GPU run-rate × 2 × 2)", color: "#a463f2" },
  { key: "programRevenueUsd", label: "program revenue (scenario's economics)", color: "#3ca951" },
];

export const revenueRequired = defineChart<RunResult>({
  id: "revenue-required",
  title: "Revenue the program needs vs the revenue it is assumed to earn, USD billions a year",
  data: (r) =>
    fromRecords(
      ["year", "series", "revenueUsd"],
      records(r.tables.revenueRequiredYearly).flatMap((y) => REVENUE_SERIES.map((s) => ({ year: y.year, series: s.key, revenueUsd: num(y[s.key]) }))),
    ),
  figure: (t, r, w) => ({
    legend: REVENUE_SERIES.map((s) => ({ label: s.label, color: s.color, kind: s.key.startsWith("sequoia") ? ("dash" as const) : ("line" as const) })),
    plot: yearLines(points(t, "year", "series", "revenueUsd", toBillions), REVENUE_SERIES, "USD billions a year", w, { dashed: ["sequoiaRequiredRevenueUsd"] }),
    note: sourceNote(r, "Required revenue = annual cost ÷ (1 − target margin). Program revenue = IT MW online × revenue per MW-year."),
  }),
});
