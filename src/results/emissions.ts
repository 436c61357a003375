/**
 * Lifecycle emissions of the program: operational CO2 (location- and market-based) plus embodied CO2e of the IT
 * fleet, network and storage, buildings and the sites' power assets, by year. Pure.
 *
 * - Operational: a dispatched site-year takes the hourly power model's emissions; every other site-year takes its
 *   facility energy x its grid region's annual mean intensity (location- and market-based equal: no certificates
 *   are known for it).
 * - Embodied, upfront: each accelerator vintage at its install month (refreshes count again), with its network and
 *   storage share; each phase's building (shell, electrical, mechanical) at its online month; battery energy
 *   capacity in the first year a site's portfolio holds it (later additions as they appear).
 * - Embodied, amortized (what the lifecycle total adds): each upfront amount spread evenly over its life (server,
 *   facility, battery), inside the horizon; PV, wind and firm clean supply carry life-cycle factors per MWh
 *   generated, and gas the part of the reference combined cycle's life-cycle factor above its combustion CO2, per
 *   MMBtu burnt (so a less efficient plant carries more).
 */
import { HOURS_PER_YEAR } from "../core/calendar.ts";
import { byYearRecord, sumByYear, total } from "../core/series.ts";
import type { Table } from "../core/table.ts";
import type { ModelState } from "../buildout/model.ts";
import type { ProgramMonthly } from "../buildout/program.ts";
import type { SiteYearPower } from "../power/site/site-power.ts";

export const EMBODIED_CATEGORIES = ["accelerators", "networkStorage", "buildings", "pv", "wind", "firmClean", "battery", "gasUpstream"] as const;
export type EmbodiedCategory = (typeof EMBODIED_CATEGORIES)[number];

export interface EmissionsSummary {
  operationalLocationTco2ByYear: Record<string, number>;
  operationalMarketTco2ByYear: Record<string, number>;
  /** embodied CO2e amortized over each asset's life (or per MWh generated), the part of the lifecycle total */
  embodiedTco2eByYear: Record<string, number>;
  embodiedTco2eByCategoryByYear: Record<EmbodiedCategory, Record<string, number>>;
  /** embodied CO2e of what was installed in the year (IT, buildings, batteries), not spread over life */
  embodiedUpfrontTco2eByYear: Record<string, number>;
  /** operational location-based + embodied (amortized) */
  lifecycleTco2eByYear: Record<string, number>;
  /** operational market-based + embodied (amortized) */
  lifecycleMarketTco2eByYear: Record<string, number>;
  /** lifecycle (location-based) per MWh of IT energy, kg CO2e */
  lifecycleKgCo2ePerMwhItByYear: Record<string, number | null>;
  /** dense BF16 compute delivered (installed FLOP/s x utilization x time), exaFLOP/s-years */
  deliveredExaflopYearsByYear: Record<string, number>;
  /** lifecycle (location-based) per exaFLOP/s-year delivered, t CO2e */
  lifecycleTco2ePerExaflopYearByYear: Record<string, number | null>;
  /** how many site-years took their operational emissions from the hourly power model, and how many from the grid-region mean */
  operationalBasis: { hourlySiteYears: number; gridAverageSiteYears: number };
  /** embodied upfront CO2e installed over the horizon, t */
  embodiedUpfrontTco2eTotal: number;
  lifecycleTco2eTotal: number;
}

/** Spreads `amount` evenly over `lifeMonths` from month `start`, into `out` (months past the end are dropped). */
export function amortizeInto(out: Float64Array, amount: number, start: number, lifeMonths: number): void {
  if (amount === 0 || lifeMonths <= 0) return;
  const perMonth = amount / lifeMonths;
  for (let m = Math.max(0, start); m < Math.min(out.length, start + lifeMonths); m++) out[m] += perMonth;
}

export function emissionsSummary(st: ModelState, pm: ProgramMonthly, siteYears: readonly SiteYearPower[]): EmissionsSummary {
  const s = st.scenario;
  const t = s.timeline;
  const n = t.months;
  const f = s.embodiedCarbon;
  const years = t.years;
  const yearIdx = (y: number): number => y - years[0];

  // Embodied, monthly: IT vintages and buildings.
  const upfront = new Float64Array(n);
  const amortized = {} as Record<EmbodiedCategory, Float64Array>;
  for (const c of EMBODIED_CATEGORIES) amortized[c] = new Float64Array(n);
  for (const v of st.fleet) {
    if (v.installIndex < 0 || v.installIndex >= n) continue;
    const kg = f.kgCo2ePerAcceleratorByGeneration[v.generation] ?? f.kgCo2ePerAccelerator;
    const serverT = (v.count * kg) / 1000;
    const networkT = serverT * f.networkStorageFractionOfServer;
    upfront[v.installIndex] += serverT + networkT;
    amortizeInto(amortized.accelerators, serverT, v.installIndex, v.retireIndex - v.installIndex);
    amortizeInto(amortized.networkStorage, networkT, v.installIndex, v.retireIndex - v.installIndex);
  }
  for (const p of st.build.phases) {
    if (p.onlineIndex < 0 || p.onlineIndex >= n) continue;
    const buildingT = s.phases[p.phaseIndex].itPowerMw * f.buildingTco2ePerMwIt;
    upfront[p.onlineIndex] += buildingT;
    amortizeInto(amortized.buildings, buildingT, p.onlineIndex, s.facilityLifeMonths);
  }

  // Yearly: the monthly parts summed, then the power assets of the dispatched site-years.
  const upfrontByYear = sumByYear(t, upfront);
  const byCategory = {} as Record<EmbodiedCategory, Float64Array>;
  for (const c of EMBODIED_CATEGORIES) byCategory[c] = sumByYear(t, amortized[c]);
  const batteryLifeMonths = Math.round(f.batteryLifeYears * 12);
  const batteryMonthly = new Float64Array(n);
  const batteryMwhInstalled = new Map<string, number>();
  const opLoc = new Float64Array(years.length);
  const opMkt = new Float64Array(years.length);
  const dispatched = new Set<string>();
  for (const r of [...siteYears].sort((a, b) => a.year - b.year || a.site.localeCompare(b.site))) {
    const yi = yearIdx(r.year);
    if (yi < 0 || yi >= years.length) continue;
    dispatched.add(`${r.site}\u0000${r.year}`);
    const e = r.metrics.energy;
    const em = r.metrics.emissions;
    opLoc[yi] += em.locationBasedTco2;
    opMkt[yi] += em.marketBasedTco2;
    byCategory.pv[yi] += (e.pvMwh * f.pvKgCo2ePerMwh) / 1000;
    byCategory.wind[yi] += (e.windMwh * f.windKgCo2ePerMwh) / 1000;
    byCategory.firmClean[yi] += (e.firmCleanMwh * f.firmCleanKgCo2ePerMwh) / 1000;
    // fuel burnt (from the site's own direct CO2) × the upstream share of the reference combined cycle's life cycle
    byCategory.gasUpstream[yi] += ((em.gasTco2 * 1000) / f.gasCo2KgPerMmbtu) * f.gasUpstreamKgCo2ePerMmbtu / 1000;
    const before = batteryMwhInstalled.get(r.site) ?? 0;
    const added = Math.max(0, r.portfolio.batteryMwh - before);
    if (added > 0) {
      batteryMwhInstalled.set(r.site, r.portfolio.batteryMwh);
      const batteryT = (added * 1000 * f.batteryKgCo2ePerKwh) / 1000;
      const start = t.yearIndex.indexOf(yi);
      upfrontByYear[yi] += batteryT;
      amortizeInto(batteryMonthly, batteryT, start, batteryLifeMonths);
    }
  }
  const batteryByYear = sumByYear(t, batteryMonthly);
  for (let yi = 0; yi < years.length; yi++) byCategory.battery[yi] += batteryByYear[yi];

  // Operational of the site-years the hourly model did not dispatch: facility energy x the region's mean intensity.
  let gridAverageSiteYears = 0;
  s.sites.forEach((site, si) => {
    const mwh = sumByYear(t, st.energy[si].facilityEnergyMwh);
    for (let yi = 0; yi < years.length; yi++) {
      if (mwh[yi] <= 0 || dispatched.has(`${site.name}\u0000${years[yi]}`)) continue;
      const intensity = Number.isFinite(site.gridRegionCo2KgPerMwh) ? site.gridRegionCo2KgPerMwh : 0;
      const tco2 = (mwh[yi] * intensity) / 1000;
      opLoc[yi] += tco2;
      opMkt[yi] += tco2;
      gridAverageSiteYears++;
    }
  });

  const embodied = new Float64Array(years.length);
  for (const c of EMBODIED_CATEGORIES) for (let yi = 0; yi < years.length; yi++) embodied[yi] += byCategory[c][yi];
  const lifecycle = opLoc.map((x, yi) => x + embodied[yi]);
  const lifecycleMarket = opMkt.map((x, yi) => x + embodied[yi]);
  const itMwh = sumByYear(t, pm.itEnergyMwh);
  const exaflopYears = new Float64Array(years.length);
  for (let m = 0; m < n; m++) exaflopYears[t.yearIndex[m]] += (pm.denseBf16FlopPerS[m] * s.utilizationFraction * t.hours[m]) / HOURS_PER_YEAR / 1e18;
  const ratio = (num: Float64Array, den: Float64Array, scale: number): Record<string, number | null> =>
    Object.fromEntries(years.map((y, yi) => [String(y), den[yi] > 0 ? (num[yi] * scale) / den[yi] : null]));
  const rec = (a: ArrayLike<number>): Record<string, number> => byYearRecord(t, a);
  return {
    operationalLocationTco2ByYear: rec(opLoc),
    operationalMarketTco2ByYear: rec(opMkt),
    embodiedTco2eByYear: rec(embodied),
    embodiedTco2eByCategoryByYear: Object.fromEntries(EMBODIED_CATEGORIES.map((c) => [c, rec(byCategory[c])])) as Record<EmbodiedCategory, Record<string, number>>,
    embodiedUpfrontTco2eByYear: rec(upfrontByYear),
    lifecycleTco2eByYear: rec(lifecycle),
    lifecycleMarketTco2eByYear: rec(lifecycleMarket),
    lifecycleKgCo2ePerMwhItByYear: ratio(lifecycle, itMwh, 1000),
    deliveredExaflopYearsByYear: rec(exaflopYears),
    lifecycleTco2ePerExaflopYearByYear: ratio(lifecycle, exaflopYears, 1),
    operationalBasis: { hourlySiteYears: dispatched.size, gridAverageSiteYears },
    embodiedUpfrontTco2eTotal: total(upfrontByYear),
    lifecycleTco2eTotal: total(lifecycle),
  };
}

/** One row per year: operational, embodied by category, upfront, lifecycle and intensities (the `emissionsYearly` table). */
export function emissionsYearlyTable(e: EmissionsSummary): Table {
  const cols: [string, Record<string, number | null>][] = [
    ["operationalLocationTco2", e.operationalLocationTco2ByYear],
    ["operationalMarketTco2", e.operationalMarketTco2ByYear],
    ...EMBODIED_CATEGORIES.map((c): [string, Record<string, number>] => [`embodied${c[0].toUpperCase()}${c.slice(1)}Tco2e`, e.embodiedTco2eByCategoryByYear[c]]),
    ["embodiedTco2e", e.embodiedTco2eByYear],
    ["embodiedUpfrontTco2e", e.embodiedUpfrontTco2eByYear],
    ["lifecycleTco2e", e.lifecycleTco2eByYear],
    ["lifecycleMarketTco2e", e.lifecycleMarketTco2eByYear],
    ["deliveredExaflopYears", e.deliveredExaflopYearsByYear],
    ["lifecycleKgCo2ePerMwhIt", e.lifecycleKgCo2ePerMwhItByYear],
    ["lifecycleTco2ePerExaflopYear", e.lifecycleTco2ePerExaflopYearByYear],
  ];
  const years = Object.keys(e.lifecycleTco2eByYear);
  return { columns: ["year", ...cols.map(([c]) => c)], rows: years.map((y) => [Number(y), ...cols.map(([, r]) => r[y] ?? null)]) };
}
