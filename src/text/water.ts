/** The water section of the human-readable run report, from `summary.water`: on site apart from off site. */
import { renderTextTable } from "../core/text-table.ts";
import type { WaterSummary } from "../results/water.ts";

const ml = (x: number | undefined): string => (x === undefined ? "" : x.toLocaleString("en-US", { maximumFractionDigits: 0 }));

/** Fuels shown in their own column (the rest are summed in "other"). */
const SHOWN = ["NG", "COL", "NUC", "WAT"];

export function renderWaterSection(w: WaterSummary, years: readonly number[]): string[] {
  const fuels = w.gridGenerationMegalitersByFuelByYear;
  const rows = years.map(String).map((y) => {
    const shown = SHOWN.map((f) => fuels[f]?.[y] ?? 0);
    const other = w.gridGenerationMegalitersByYear[y] - shown.reduce((a, b) => a + b, 0);
    return [y, ml(w.onSiteDataCenterMegalitersByYear[y]), ml(w.onSiteGenerationMegalitersByYear[y]), ...shown.map(ml), ml(other), ml(w.gridGenerationMegalitersByYear[y]), ml(w.totalMegalitersByYear[y])];
  });
  const headers = ["year", "on-site DC", "on-site gas", "grid: gas", "grid: coal", "grid: nuclear", "grid: hydro", "grid: other", "grid total", "total"];
  const b = w.basis;
  const basis = b.annualMixSiteYears === 0 ? "the hourly imports of the power model" : `the hourly imports of the power model for ${b.hourlySiteYears} site-year(s), facility energy × the region's annual mix for ${b.annualMixSiteYears}`;
  return [
    "",
    `Water consumed (ML): on site (data centres: WUE × IT energy; the sites' own gas plants) and off site, by the power plants generating the grid power the sites import (from ${basis}; Macknick et al. 2012 factors; waterYearly for all fuels):`,
    ...renderTextTable(headers, rows, { rule: true }),
  ];
}
