/** Result tables and the `summary.power` section built from the site-year power metrics. */
import type { Cell, Table } from "../../core/table.ts";
import type { ProgramPower, SiteYearPower } from "./site-power.ts";

type Column = [name: string, get: (r: SiteYearPower) => Cell];

const COLUMNS: Column[] = [
  ["year", (r) => r.year],
  ["site", (r) => r.site],
  ["pvMw", (r) => r.portfolio.pvMw],
  ["windMw", (r) => r.portfolio.windMw],
  ["batteryMw", (r) => r.portfolio.batteryMw],
  ["batteryMwh", (r) => r.portfolio.batteryMwh],
  ["gasMw", (r) => r.portfolio.gasMw],
  ["firmCleanMw", (r) => r.portfolio.firmCleanMw],
  ["gridImportLimitMw", (r) => (Number.isFinite(r.portfolio.gridImportLimitMw) ? r.portfolio.gridImportLimitMw : null)],
  ["loadMwh", (r) => r.metrics.energy.loadMwh],
  ["pvMwh", (r) => r.metrics.energy.pvMwh],
  ["windMwh", (r) => r.metrics.energy.windMwh],
  ["firmCleanMwh", (r) => r.metrics.energy.firmCleanMwh],
  ["batteryChargeMwh", (r) => r.metrics.energy.batteryChargeMwh],
  ["batteryDischargeMwh", (r) => r.metrics.energy.batteryDischargeMwh],
  ["gasMwh", (r) => r.metrics.energy.gasMwh],
  ["gridImportMwh", (r) => r.metrics.energy.gridImportMwh],
  ["exportMwh", (r) => r.metrics.energy.exportMwh],
  ["curtailmentMwh", (r) => r.metrics.energy.curtailmentMwh],
  ["unservedMwh", (r) => r.metrics.energy.unservedMwh],
  ["peakLoadMw", (r) => r.metrics.energy.peakLoadMw],
  ["peakGridImportMw", (r) => r.metrics.energy.peakGridImportMw],
  ["cfeScoreFraction", (r) => r.metrics.scores.cfeScoreFraction],
  ["cfeScoreWithGridFraction", (r) => r.metrics.scores.cfeScoreWithGridFraction],
  ["annualMatchFraction", (r) => r.metrics.scores.annualMatchFraction],
  ["fixedCostUsd", (r) => { const c = r.metrics.cost; return c.pvFixedUsd + c.windFixedUsd + c.batteryFixedUsd + c.gasFixedUsd + c.firmCleanFixedUsd; }],
  ["gasFuelUsd", (r) => r.metrics.cost.gasFuelUsd],
  ["gasVariableOmUsd", (r) => r.metrics.cost.gasVariableOmUsd],
  ["firmCleanVariableUsd", (r) => r.metrics.cost.firmCleanVariableUsd],
  ["gridImportUsd", (r) => r.metrics.cost.gridImportUsd],
  ["exportRevenueUsd", (r) => r.metrics.cost.exportRevenueUsd],
  ["carbonCostUsd", (r) => r.metrics.cost.carbonCostUsd],
  ["powerCostUsd", (r) => r.metrics.cost.totalUsd],
  ["powerCostUsdPerMwh", (r) => r.metrics.cost.costUsdPerMwhLoad],
  ["gasTco2", (r) => r.metrics.emissions.gasTco2],
  ["locationBasedTco2", (r) => r.metrics.emissions.locationBasedTco2],
  ["marketBasedTco2", (r) => r.metrics.emissions.marketBasedTco2],
  ["waterDataCenterMegaliters", (r) => r.metrics.water.dataCenterMegaliters],
  ["waterGasPlantMegaliters", (r) => r.metrics.water.gasPlantMegaliters],
  ["waterGridGenerationMegaliters", (r) => r.metrics.water.gridGenerationMegaliters],
  ["maxBalanceErrorMwh", (r) => r.maxBalanceErrorMwh],
];

/** One row per site and year with a `power` block and load. */
export function powerSitesYearlyTable(p: ProgramPower): Table {
  return { columns: COLUMNS.map(([c]) => c), rows: p.siteYears.map((r) => COLUMNS.map(([, get]) => get(r))) };
}

export interface PowerSummary {
  /** sites whose hourly power was simulated */
  sites: string[];
  loadMwhByYear: Record<string, number>;
  energyMwhBySourceByYear: Record<"pv" | "wind" | "firmClean" | "batteryDischarge" | "gas" | "gridImport" | "export" | "curtailment" | "unserved", Record<string, number>>;
  costUsdByYear: Record<string, number>;
  costUsdPerMwhByYear: Record<string, number>;
  locationBasedTco2ByYear: Record<string, number>;
  marketBasedTco2ByYear: Record<string, number>;
  /** load-weighted over the simulated sites */
  cfeScoreFractionByYear: Record<string, number>;
  annualMatchFractionByYear: Record<string, number>;
  waterMegalitersByYear: Record<string, number>;
  /** highest hourly grid import of each site over all years */
  peakGridImportMwBySite: Record<string, number>;
}

const add = (rec: Record<string, number>, year: number, x: number): void => {
  rec[year] = (rec[year] ?? 0) + x;
};

export function powerSummary(p: ProgramPower): PowerSummary {
  const src = { pv: {}, wind: {}, firmClean: {}, batteryDischarge: {}, gas: {}, gridImport: {}, export: {}, curtailment: {}, unserved: {} };
  const out: PowerSummary = {
    sites: [...new Set(p.siteYears.map((r) => r.site))],
    loadMwhByYear: {},
    energyMwhBySourceByYear: src,
    costUsdByYear: {},
    costUsdPerMwhByYear: {},
    locationBasedTco2ByYear: {},
    marketBasedTco2ByYear: {},
    cfeScoreFractionByYear: {},
    annualMatchFractionByYear: {},
    waterMegalitersByYear: {},
    peakGridImportMwBySite: {},
  };
  for (const r of p.siteYears) {
    const m = r.metrics;
    const e = m.energy;
    add(out.loadMwhByYear, r.year, e.loadMwh);
    const bySource: [keyof typeof src, number][] = [["pv", e.pvMwh], ["wind", e.windMwh], ["firmClean", e.firmCleanMwh], ["batteryDischarge", e.batteryDischargeMwh], ["gas", e.gasMwh], ["gridImport", e.gridImportMwh], ["export", e.exportMwh], ["curtailment", e.curtailmentMwh], ["unserved", e.unservedMwh]];
    for (const [k, v] of bySource) add(src[k], r.year, v);
    add(out.costUsdByYear, r.year, m.cost.totalUsd);
    add(out.locationBasedTco2ByYear, r.year, m.emissions.locationBasedTco2);
    add(out.marketBasedTco2ByYear, r.year, m.emissions.marketBasedTco2);
    add(out.cfeScoreFractionByYear, r.year, m.scores.cfeScoreFraction * e.loadMwh);
    add(out.annualMatchFractionByYear, r.year, m.scores.annualMatchFraction * e.loadMwh);
    add(out.waterMegalitersByYear, r.year, m.water.totalMegaliters);
    out.peakGridImportMwBySite[r.site] = Math.max(out.peakGridImportMwBySite[r.site] ?? 0, e.peakGridImportMw);
  }
  for (const [y, load] of Object.entries(out.loadMwhByYear)) {
    out.costUsdPerMwhByYear[y] = out.costUsdByYear[y] / load;
    out.cfeScoreFractionByYear[y] /= load;
    out.annualMatchFractionByYear[y] /= load;
  }
  return out;
}
