/** Text and CSV views of the peer comparison (pure string/table builders; the CLI prints them). */
import { renderTextTable, type TextTableOptions } from "../core/text-table.ts";
import type { Cell, Table } from "../core/table.ts";
import type { PeersComparison } from "../peers/compare.ts";

const usdB = (x: number | null): string => (x === null ? "n/a" : (x / 1e9).toFixed(1));
const pct = (x: number | null, sign = false): string => (x === null ? "n/a" : `${sign && x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`);

/** Left-aligned label columns, right-aligned numbers, a dashed rule under the header, no trailing spaces. */
const grid = (headers: string[], rows: string[][], leftColumns: TextTableOptions["leftColumns"]): string =>
  renderTextTable(headers, rows, { leftColumns, rule: true, trimEnd: true }).join("\n");

/** One row per company and fiscal year (the `--format csv` output). */
export function peersYearsTable(cmp: PeersComparison): Table {
  const columns = ["ticker", "company", "fiscalYear", "period", "revenueUsd", "operatingCashFlowUsd", "capexUsd", "capexToRevenueFraction", "capexToOperatingCashFlowFraction", "capexGrowthFraction"];
  const rows: Cell[][] = cmp.years.map((r) => [r.ticker, r.company, r.fiscalYear, r.period, r.revenueUsd, r.operatingCashFlowUsd, r.capexUsd, r.capexToRevenueFraction, r.capexToOperatingCashFlowFraction, r.capexGrowthFraction]);
  return { columns, rows };
}

export function renderPeersText(cmp: PeersComparison): string {
  const years = grid(
    ["company", "FY", "period", "revenue $B", "OCF $B", "capex $B", "capex/revenue", "capex/OCF", "capex growth"],
    cmp.years.map((r) => [r.company, String(r.fiscalYear), r.period, usdB(r.revenueUsd), usdB(r.operatingCashFlowUsd), usdB(r.capexUsd), pct(r.capexToRevenueFraction), pct(r.capexToOperatingCashFlowFraction), pct(r.capexGrowthFraction, true)]),
    3,
  );
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
    ["company", "calendar year", "capex $B", "how"],
    cmp.calendarCapex.map((c) => [c.company, String(c.calendarYear), usdB(c.capexUsd), c.method]),
    [0, 3],
  );
  const defs = Object.entries(cmp.capexDefinitions).map(([t, d]) => `  ${t}: ${d}`).join("\n");
  return [
    "Hyperscaler peers: fiscal years as reported (sources per number: data/peers/peers.meta.json)",
    "",
    years,
    "",
    "Capex guidance history (USD billions; change = midpoint vs previous guidance for the same fiscal year)",
    "",
    guidance,
    "",
    "Capex by calendar year (fiscal years are converted explicitly, never assumed to be calendar years)",
    "",
    calendar,
    "",
    "Capex definitions:",
    defs,
    "",
  ].join("\n");
}
