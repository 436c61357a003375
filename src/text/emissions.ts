/** The lifecycle-emissions section of the human-readable run report, from `summary.emissions`. */
import { renderTextTable } from "../core/text-table.ts";
import type { EmissionsSummary } from "../results/emissions.ts";

const mt = (x: number | null | undefined): string => (x === null || x === undefined ? "" : (x / 1e6).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const whole = (x: number | null | undefined): string => (x === null || x === undefined ? "n/a" : x.toLocaleString("en-US", { maximumFractionDigits: 0 }));

export function renderEmissionsSection(e: EmissionsSummary, years: readonly number[]): string[] {
  const c = e.embodiedTco2eByCategoryByYear;
  const rows = years.map(String).map((y) => {
    const it = c.accelerators[y] + c.networkStorage[y];
    const supply = c.pv[y] + c.wind[y] + c.firmClean[y] + c.battery[y] + c.gasUpstream[y];
    return [y, mt(e.operationalLocationTco2ByYear[y]), mt(e.operationalMarketTco2ByYear[y]), mt(it), mt(c.buildings[y]), mt(supply), mt(e.embodiedTco2eByYear[y]), mt(e.lifecycleTco2eByYear[y]), whole(e.lifecycleKgCo2ePerMwhItByYear[y]), whole(e.lifecycleTco2ePerExaflopYearByYear[y]), mt(e.embodiedUpfrontTco2eByYear[y])];
  });
  const headers = ["year", "oper. loc", "oper. mkt", "emb. IT", "emb. bldg", "emb. supply", "embodied", "lifecycle", "kg/MWh IT", "t/EFLOP-yr", "installed"];
  const b = e.operationalBasis;
  const basis = b.gridAverageSiteYears === 0 ? "hourly power model" : `hourly power model for ${b.hourlySiteYears} site-year(s), grid-region mean intensity for ${b.gridAverageSiteYears}`;
  return [
    "",
    `Lifecycle emissions (Mt CO2e; operational from the ${basis}; embodied amortized over asset lives, supply per MWh generated; installed = embodied of what was installed that year; emissionsYearly for all columns):`,
    ...renderTextTable(headers, rows, { rule: true }),
  ];
}
