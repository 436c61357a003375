/** Text and CSV views of the peer comparison (pure string/table builders; the CLI prints them). */
import { renderTextTable, type TextTableOptions } from "../core/text-table.ts";
import type { Cell, Table } from "../core/table.ts";
import type { PeerYearRow, PeersComparison } from "../peers/compare.ts";

const usdB = (x: number | null, digits = 1): string => (x === null ? "n/a" : (x / 1e9).toFixed(digits));
const pct = (x: number | null, sign = false): string => (x === null ? "n/a" : `${sign && x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`);

/** Left-aligned label columns, right-aligned numbers, a dashed rule under the header, no trailing spaces. */
const grid = (headers: string[], rows: string[][], leftColumns: TextTableOptions["leftColumns"]): string =>
  renderTextTable(headers, rows, { leftColumns, rule: true, trimEnd: true }).join("\n");

/** How the year's finance leases enter capex incl. finance leases, in words (empty when repayments are reported). */
export function financeLeaseRemark(r: PeerYearRow): string {
  if (r.financeLeaseStatus === "none") return "no finance leases: both definitions equal";
  if (r.financeLeaseStatus === "not-separately-reported") return "repayments not reported separately: taken as 0 (estimate)";
  return r.financeLeaseStatus === null ? "no capex data" : "";
}

/** One row per company and fiscal year (the `--format csv` output), both capex definitions side by side. */
export function peersYearsTable(cmp: PeersComparison): Table {
  const columns = [
    "ticker", "company", "fiscalYear", "period", "revenueUsd", "operatingCashFlowUsd", "reportedCapexUsd",
    "capexExclFinanceLeasesUsd", "financeLeasePrincipalRepaymentsUsd", "capexInclFinanceLeasesUsd", "financeLeaseStatus", "financeLeaseAdditionsUsd", "reportedCapexInclFinanceLeaseAdditionsUsd",
    "capexToRevenueFractionExclFinanceLeases", "capexToRevenueFractionInclFinanceLeases",
    "capexToOperatingCashFlowFractionExclFinanceLeases", "capexToOperatingCashFlowFractionInclFinanceLeases",
    "capexGrowthFractionExclFinanceLeases", "capexGrowthFractionInclFinanceLeases",
  ];
  const rows: Cell[][] = cmp.years.map((r) => [
    r.ticker, r.company, r.fiscalYear, r.period, r.revenueUsd, r.operatingCashFlowUsd, r.reportedCapexUsd,
    r.capexExclFinanceLeasesUsd, r.financeLeasePrincipalRepaymentsUsd, r.capexInclFinanceLeasesUsd, r.financeLeaseStatus, r.financeLeaseAdditionsUsd, r.reportedCapexInclFinanceLeaseAdditionsUsd,
    r.exclFinanceLeases.capexToRevenueFraction, r.inclFinanceLeases.capexToRevenueFraction,
    r.exclFinanceLeases.capexToOperatingCashFlowFraction, r.inclFinanceLeases.capexToOperatingCashFlowFraction,
    r.exclFinanceLeases.capexGrowthFraction, r.inclFinanceLeases.capexGrowthFraction,
  ]);
  return { columns, rows };
}

/** "12.3% | 13.0%": a ratio on capex excl. and incl. finance leases, side by side. */
const both = (excl: number | null, incl: number | null, sign = false): string => `${pct(excl, sign)} | ${pct(incl, sign)}`;

export function renderPeersText(cmp: PeersComparison): string {
  const years = grid(
    ["company", "FY", "period", "revenue $B", "OCF $B", "capex excl. FL $B", "FL repaid $B", "capex incl. FL $B", "finance leases"],
    cmp.years.map((r) => [r.company, String(r.fiscalYear), r.period, usdB(r.revenueUsd), usdB(r.operatingCashFlowUsd), usdB(r.capexExclFinanceLeasesUsd), usdB(r.financeLeasePrincipalRepaymentsUsd, 2), usdB(r.capexInclFinanceLeasesUsd), financeLeaseRemark(r)]),
    [0, 1, 2, 8],
  );
  const ratioTable = grid(
    ["company", "FY", "capex/revenue excl. | incl. FL", "capex/OCF excl. | incl. FL", "capex growth excl. | incl. FL"],
    cmp.years.map((r) => [
      r.company,
      String(r.fiscalYear),
      both(r.exclFinanceLeases.capexToRevenueFraction, r.inclFinanceLeases.capexToRevenueFraction),
      both(r.exclFinanceLeases.capexToOperatingCashFlowFraction, r.inclFinanceLeases.capexToOperatingCashFlowFraction),
      both(r.exclFinanceLeases.capexGrowthFraction, r.inclFinanceLeases.capexGrowthFraction, true),
    ]),
    [0, 1],
  );
  const additions = cmp.years
    .filter((r) => r.financeLeaseAdditionsUsd !== null)
    .map((r) => {
      const headline = r.reportedCapexInclFinanceLeaseAdditionsUsd === null ? "" : `; the company's headline capex incl. finance leases: ${usdB(r.reportedCapexInclFinanceLeaseAdditionsUsd)}`;
      const sum = r.capexExclFinanceLeasesUsd === null || r.financeLeaseAdditionsUsd === null ? null : r.capexExclFinanceLeasesUsd + r.financeLeaseAdditionsUsd;
      return `  ${r.company} FY${r.fiscalYear}: ${usdB(r.financeLeaseAdditionsUsd)} (capex excl. FL + additions = ${usdB(sum)}${headline})`;
    });
  const guidance = grid(
    ["company", "FY", "period", "announced", "capex guidance $B", "change vs previous"],
    cmp.guidance.map((g) => {
      const mid = (g.lowUsd + g.highUsd) / 2;
      const range = g.lowUsd === g.highUsd ? usdB(g.lowUsd) : `${usdB(g.lowUsd)}-${usdB(g.highUsd)}`;
      return [g.company, String(g.fiscalYear), g.period, g.date, range, g.previousMidUsd === null ? "first" : pct(mid / g.previousMidUsd - 1, true)];
    }),
    4,
  );
  const calendar = grid(
    ["company", "calendar year", "reported capex $B", "how"],
    cmp.calendarCapex.map((c) => [c.company, String(c.calendarYear), usdB(c.capexUsd), c.method]),
    [0, 3],
  );
  const d = cmp.capexDefinitions;
  const reported = Object.entries(d.reported).map(([t, x]) => `  ${t}: ${x}`).join("\n");
  const leases = Object.entries(d.financeLeases).map(([t, x]) => `  ${t}: ${x}`).join("\n");
  return [
    "Hyperscaler peers: fiscal years as reported (sources per number: data/peers/peers.meta.json)",
    `Two capex definitions for every company (FL = finance leases):`,
    `  excl. FL = ${d.exclFinanceLeases}`,
    `  incl. FL = ${d.inclFinanceLeases}`,
    "",
    years,
    "",
    "Ratios on both capex definitions, side by side (excl. FL | incl. FL)",
    "",
    ratioTable,
    "",
    "Assets acquired under finance leases (non-cash, USD billions; in neither definition, shown for reference):",
    ...additions,
    "",
    "Capex guidance history (USD billions; change = midpoint vs previous guidance for the same fiscal year)",
    "",
    guidance,
    "",
    "Capex by calendar year, on each company's reported definition (fiscal years are converted explicitly, never assumed to be calendar years)",
    "",
    calendar,
    "",
    "Capex as each company reports it:",
    reported,
    "",
    "Finance leases by company:",
    leases,
    "",
  ].join("\n");
}
