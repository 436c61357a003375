/**
 * The hourly series of one site-year, dispatched exactly as `run` dispatches it (same load, profiles, portfolio,
 * prices and technology), kept instead of summed: what the hourly charts (day × hour heatmap, dispatch week) and
 * an analyst's CSV need. Pure: model state and profiles in, 8760-hour arrays out.
 */
import { type Outcome, error } from "../../core/diagnostics.ts";
import type { ModelState } from "../../buildout/model.ts";
import { allocateDispatchSeries, dispatch } from "../dispatch/dispatch.ts";
import type { Portfolio } from "../dispatch/inputs.ts";
import { maxBalanceErrorMwh } from "../metrics/energy.ts";
import { type PowerMetrics, powerMetrics } from "../metrics/metrics.ts";
import { allocateSeries, fillHourlyLoad, yearSum } from "./load.ts";
import { techParams } from "./params.ts";
import { portfolioForYear } from "./portfolio.ts";
import { type PowerProfiles, applyFlexibleLoad, fillSiteSeries, missingProfiles, siteGridWater } from "./site-power.ts";

/** The hourly series of a site-year, in the order charts and CSV files list them; MW unless the name says otherwise. */
export const HOURLY_SERIES = [
  "loadMw",
  "pvMw",
  "windMw",
  "firmCleanMw",
  "batteryChargeMw",
  "batteryDischargeMw",
  "batterySocMwh",
  "gasMw",
  "gridImportMw",
  "exportMw",
  "curtailmentMw",
  "unservedMw",
  "gridCo2KgPerMwh",
  "gridCleanFraction",
] as const;
export type HourlySeriesName = (typeof HOURLY_SERIES)[number];

/** One site-year hour by hour (8760 hours, 1 January 00:00 local standard time first, no leap day). */
export interface HourlyPower {
  site: string;
  year: number;
  stepHours: number;
  portfolio: Portfolio;
  /** each series has one value per hour; MW (power averaged over the hour = MWh in the hour) unless named otherwise */
  hours: Record<HourlySeriesName, Float64Array>;
  /** the annual metrics of the site-year, equal to its `powerSitesYearly` row of `run` */
  metrics: PowerMetrics;
  maxBalanceErrorMwh: number;
  /** where the PV, wind and grid-carbon profiles came from */
  sources: { pv?: string; wind?: string; gridCarbon?: string };
}

/** Years in which a site has load (the site-years `run` dispatches). */
export function yearsWithLoad(st: ModelState, siteIndex: number): number[] {
  const t = st.scenario.timeline;
  const buf = new Float64Array(8760);
  return t.years.filter((y) => fillHourlyLoad(t, st.energy[siteIndex].facilityEnergyMwh, y, buf) > 0);
}

/** Dispatches one site-year and keeps its hourly series; errors (unknown site, no power block, no load) with the option's path. */
export function siteYearHourly(st: ModelState, profiles: PowerProfiles | undefined, site: string, year: number): Outcome<HourlyPower | null> {
  const s = st.scenario;
  const si = s.sites.findIndex((x) => x.name === site);
  const fail = (path: string, message: string): Outcome<null> => ({ value: null, diagnostics: [error(path, message)] });
  if (si < 0) return fail("site", `no site named "${site}" (sites: ${s.sites.map((x) => x.name).join(", ")})`);
  const p = s.sites[si].power;
  const withPower = s.sites.filter((x) => x.power).map((x) => x.name);
  if (!p) return fail("site", `${site} has no power block, so its hours are not dispatched (sites with one: ${withPower.join(", ") || "none"})`);
  const prof = profiles?.[site];
  const missing = missingProfiles(p, prof);
  if (missing.length > 0) return fail("site", `${site}: no ${missing.join(" or ")} profile supplied (weather files are read through InputFiles)`);
  const series = allocateSeries();
  if (fillHourlyLoad(s.timeline, st.energy[si].facilityEnergyMwh, year, series.loadMw) <= 0) {
    return fail("year", `${site} has no load in ${year} (years with load: ${yearsWithLoad(st, si).join(", ") || "none"})`);
  }
  fillSiteSeries(s.sites[si], p, prof, series);
  const portfolio = portfolioForYear(p, year);
  const tech = techParams(p, year);
  applyFlexibleLoad(p, series, portfolio, tech);
  const r = dispatch(series, portfolio, tech, allocateDispatchSeries(series.loadMw.length));
  const water = { itEnergyMwh: yearSum(s.timeline, st.energy[si].itEnergyMwh, year), wueLPerKwh: s.wueLPerKwh, gasWaterConsumptionGalPerMwh: p.operation.gasWaterConsumptionGalPerMwh, certificateMatchingFraction: p.certificateMatchingFraction, gridWater: siteGridWater(s, s.sites[si], prof) };
  const d = r.series;
  return {
    value: {
      site,
      year,
      stepHours: series.stepHours,
      portfolio,
      hours: {
        loadMw: series.loadMw,
        pvMw: d.pvMw,
        windMw: d.windMw,
        firmCleanMw: d.firmCleanMw,
        batteryChargeMw: d.batteryChargeMw,
        batteryDischargeMw: d.batteryDischargeMw,
        batterySocMwh: d.batterySocMwh,
        gasMw: d.gasMw,
        gridImportMw: d.gridImportMw,
        exportMw: d.exportMw,
        curtailmentMw: d.curtailmentMw,
        unservedMw: d.unservedMw,
        gridCo2KgPerMwh: series.gridCo2KgPerMwh,
        gridCleanFraction: series.gridCleanFraction,
      },
      metrics: powerMetrics(series, r, tech, p.unitCosts, water),
      maxBalanceErrorMwh: maxBalanceErrorMwh(series, d),
      sources: { ...prof?.sources },
    },
    diagnostics: [],
  };
}
