/**
 * Water of the program by year, on site and off site (issue 12 item 6). Pure.
 *
 * - On site, data centres: WUE × IT energy of every site (the build-out's `waterLiters`).
 * - On site, generation: cooling of the sites' own gas plants (dispatched site-years).
 * - Off site, grid generation: the water the power plants consume to generate what the sites import, by fuel. A
 *   dispatched site-year takes its hourly imports (at the hourly fuel mix where one is read, else at the region's
 *   annual mix); every other site-year imports all its facility energy, at the region's annual mix.
 */
import { byYearRecord, sumByYear } from "../core/series.ts";
import type { Table } from "../core/table.ts";
import type { ModelState } from "../buildout/model.ts";
import type { ProgramMonthly } from "../buildout/program.ts";
import type { SiteYearPower } from "../power/site/site-power.ts";
import { annualMixWaterMegalitersByFuel, litersPerMwh } from "../power/grid/water.ts";

export interface WaterSummary {
  onSiteDataCenterMegalitersByYear: Record<string, number>;
  onSiteGenerationMegalitersByYear: Record<string, number>;
  gridGenerationMegalitersByYear: Record<string, number>;
  /** fuel code (EIA-930: NG, COL, NUC, OIL, WAT, SUN, WND, OTH) → year → ML */
  gridGenerationMegalitersByFuelByYear: Record<string, Record<string, number>>;
  totalMegalitersByYear: Record<string, number>;
  /** site-years whose grid water follows the hourly imports of the power model, and those at facility energy × annual mix */
  basis: { hourlySiteYears: number; annualMixSiteYears: number };
}

export function waterSummary(st: ModelState, pm: ProgramMonthly, siteYears: readonly SiteYearPower[]): WaterSummary {
  const s = st.scenario;
  const t = s.timeline;
  const years = t.years;
  const n = years.length;
  const dataCenter = sumByYear(t, pm.waterLiters).map((l) => l / 1e6);
  const generation = new Float64Array(n);
  const fuels = new Set<string>([...Object.keys(s.gridWaterConsumptionGalPerMwhByFuel), ...s.sites.flatMap((x) => Object.keys(x.gridRegionGenerationMixFraction))]);
  const byFuel: Record<string, Float64Array> = Object.fromEntries([...fuels].sort().map((f) => [f, new Float64Array(n)]));
  const add = (yi: number, ml: Record<string, number>): void => {
    for (const [f, v] of Object.entries(ml)) (byFuel[f] ??= new Float64Array(n))[yi] += v;
  };
  const dispatched = new Set<string>();
  for (const r of siteYears) {
    const yi = r.year - years[0];
    if (yi < 0 || yi >= n) continue;
    dispatched.add(`${r.site}\u0000${r.year}`);
    generation[yi] += r.metrics.water.gasPlantMegaliters;
    add(yi, r.metrics.water.gridGenerationMegalitersByFuel);
  }
  const factorsLPerMwh = litersPerMwh(s.gridWaterConsumptionGalPerMwhByFuel);
  let annualMixSiteYears = 0;
  s.sites.forEach((site, si) => {
    const mwh = sumByYear(t, st.energy[si].facilityEnergyMwh);
    for (let yi = 0; yi < n; yi++) {
      if (mwh[yi] <= 0 || dispatched.has(`${site.name}\u0000${years[yi]}`)) continue;
      add(yi, annualMixWaterMegalitersByFuel(mwh[yi], { factorsLPerMwh, annualMixFraction: site.gridRegionGenerationMixFraction }));
      annualMixSiteYears++;
    }
  });
  const grid = new Float64Array(n);
  for (const a of Object.values(byFuel)) for (let yi = 0; yi < n; yi++) grid[yi] += a[yi];
  const rec = (a: ArrayLike<number>): Record<string, number> => byYearRecord(t, a);
  return {
    onSiteDataCenterMegalitersByYear: rec(dataCenter),
    onSiteGenerationMegalitersByYear: rec(generation),
    gridGenerationMegalitersByYear: rec(grid),
    gridGenerationMegalitersByFuelByYear: Object.fromEntries(Object.entries(byFuel).map(([f, a]) => [f, rec(a)])),
    totalMegalitersByYear: rec(dataCenter.map((x, yi) => x + generation[yi] + grid[yi])),
    basis: { hourlySiteYears: dispatched.size, annualMixSiteYears },
  };
}

/** One row per year: on-site data-centre and generation water, grid-generation water by fuel and in all, total (the `waterYearly` table). */
export function waterYearlyTable(w: WaterSummary): Table {
  const fuels = Object.keys(w.gridGenerationMegalitersByFuelByYear);
  const cols: [string, Record<string, number>][] = [
    ["onSiteDataCenterMegaliters", w.onSiteDataCenterMegalitersByYear],
    ["onSiteGenerationMegaliters", w.onSiteGenerationMegalitersByYear],
    ...fuels.map((f): [string, Record<string, number>] => [`gridGeneration${f}Megaliters`, w.gridGenerationMegalitersByFuelByYear[f]]),
    ["gridGenerationMegaliters", w.gridGenerationMegalitersByYear],
    ["totalMegaliters", w.totalMegalitersByYear],
  ];
  const years = Object.keys(w.totalMegalitersByYear);
  return { columns: ["year", ...cols.map(([c]) => c)], rows: years.map((y) => [Number(y), ...cols.map(([, r]) => r[y] ?? 0)]) };
}
