/**
 * Hourly power of every site-year with a `power` block: load from the monthly model, PV/wind/grid-carbon
 * profiles supplied by the caller (read from files at the edge, src/io/power-profiles.ts), rule-based dispatch,
 * then metrics. Pure: profiles in, plain metrics out. One set of hourly buffers is reused for all site-years.
 */
import { type Diagnostic, info, warning } from "../../core/diagnostics.ts";
import type { ModelState } from "../../buildout/model.ts";
import type { ResolvedSite } from "../../scenario/resolved.ts";
import { type DispatchSeries, allocateDispatchSeries, dispatch } from "../dispatch/dispatch.ts";
import type { Portfolio, PowerSeries, TechParams } from "../dispatch/inputs.ts";
import { shiftFlexibleLoad } from "../dispatch/flexible-load.ts";
import { maxBalanceErrorMwh } from "../metrics/energy.ts";
import { water as waterMetrics } from "../metrics/emissions.ts";
import { type PowerMetrics, powerMetrics } from "../metrics/metrics.ts";
import { HOURS_PER_YEAR, MONTH_START_HOURS } from "../../core/calendar.ts";
import { allocateSeries, fillHourlyLoad, monthlyLoadMw, yearSum } from "./load.ts";
import type { DurationCache } from "./duration-cache.ts";
import { separableDispatch } from "../dispatch/duration.ts";
import { techParams } from "./params.ts";
import type { ResolvedSitePower } from "../../scenario/resolved-power.ts";
import { portfolioForYear } from "./portfolio.ts";
import { type GridWaterInputs, litersPerMwh } from "../grid/water.ts";
import type { ResolvedScenario } from "../../scenario/resolved.ts";

/** Hourly (8760) inputs of one site read at the edge; absent arrays fall back as documented on each field. */
export interface SiteProfiles {
  /** PV output per MW AC; required when the site has PV */
  pvCapacityFactor?: Float64Array;
  /** wind output per MW; required when the site has wind */
  windCapacityFactor?: Float64Array;
  /** hourly grid CO2 intensity, kg/MWh; default: the grid region's annual average, flat */
  gridCo2KgPerMwh?: Float64Array;
  /** clean share of grid generation; default 0 (imports count as not clean) */
  gridCleanFraction?: Float64Array;
  /** hourly share of grid generation by EIA-930 fuel code (from the same fuel mix as the carbon); default: the region's annual mix */
  gridMixFraction?: Record<string, Float64Array>;
  /** hourly price of grid purchases, USD/MWh; default: the flat `prices.gridPriceUsdPerMwh` */
  gridPriceUsdPerMwh?: Float64Array;
  /** labels of where each profile came from, for reports */
  sources?: { pv?: string; wind?: string; gridCarbon?: string };
  /** where each profile came from, in detail (file, station, distance, period, local or proxy) */
  provenance?: ProfileProvenance[];
}

/** The data behind one hourly profile of a site. */
export interface ProfileProvenance {
  kind: "pv" | "wind" | "gridCarbon" | "gridPrice";
  /** the file (bundled: path from the package root; scenario: as written), null for an annual average */
  file: string | null;
  origin: "bundled" | "scenario" | null;
  /** what the data are, e.g. "EPW (TMY3)", "NSRDB PSM3", "SRW (WIND Toolkit)", "EIA-930 ERCO" */
  format: string;
  /** the station or grid cell the data describe */
  station: { latitudeDeg: number; longitudeDeg: number } | null;
  /** distance from the site's location, km (null when either is unknown) */
  distanceKm: number | null;
  /** "typical year" or the calendar year of the data */
  period: string;
  /** true when the data describe the site's own location or balancing authority */
  local: boolean;
  label: string;
}

/** Profiles by site name. */
export type PowerProfiles = Record<string, SiteProfiles>;

export interface SiteYearPower {
  site: string;
  year: number;
  portfolio: Portfolio;
  metrics: PowerMetrics;
  maxBalanceErrorMwh: number;
}

const needs = (p: ResolvedSitePower, key: "pvMw" | "windMw"): boolean =>
  (p.basePortfolio[key] ?? 0) > 0 || p.changes.some((c) => (c.portfolio[key] ?? 0) > 0);

export function missingProfiles(p: ResolvedSitePower, prof: SiteProfiles | undefined): string[] {
  const missing: string[] = [];
  if (needs(p, "pvMw") && !prof?.pvCapacityFactor) missing.push("PV");
  if (needs(p, "windMw") && !prof?.windCapacityFactor) missing.push("wind");
  return missing;
}

/** Writes the grid and profile series of a site into `s` (everything but the load). */
export function fillSiteSeries(site: ResolvedSite, p: ResolvedSitePower, prof: SiteProfiles | undefined, s: PowerSeries): void {
  const copyOr = (a: Float64Array | undefined, out: Float64Array, fallback: number): void => {
    if (a && a.length === out.length) out.set(a);
    else out.fill(fallback);
  };
  copyOr(prof?.pvCapacityFactor, s.pvCapacityFactor, 0);
  copyOr(prof?.windCapacityFactor, s.windCapacityFactor, 0);
  copyOr(prof?.gridCo2KgPerMwh, s.gridCo2KgPerMwh, site.gridRegionCo2KgPerMwh);
  copyOr(prof?.gridCleanFraction, s.gridCleanFraction, 0);
  copyOr(prof?.gridPriceUsdPerMwh, s.gridPriceUsdPerMwh, p.prices.gridPriceUsdPerMwh);
  s.exportPriceUsdPerMwh.fill(p.prices.exportPriceUsdPerMwh);
}

/** What the water of a site's grid imports needs: factors by fuel, the region's annual mix, the hourly mix if read. */
export function siteGridWater(s: ResolvedScenario, site: ResolvedSite, prof: SiteProfiles | undefined): GridWaterInputs {
  return { factorsLPerMwh: litersPerMwh(s.gridWaterConsumptionGalPerMwhByFuel), annualMixFraction: site.gridRegionGenerationMixFraction, hourlyMixFraction: prof?.gridMixFraction };
}

/** Moves the site's flexible load in `s.loadMw` toward clean surplus (rule-based, energy conserved per window); returns MWh moved. */
export function applyFlexibleLoad(p: ResolvedSitePower, s: PowerSeries, portfolio: Portfolio, tech: TechParams): number {
  const f = p.flexibility;
  if (!(f.flexibleLoadFraction > 0)) return 0;
  const n = s.loadMw.length;
  const clean = new Float64Array(n);
  const firm = portfolio.firmCleanMw * tech.firmClean.availabilityFraction;
  for (let t = 0; t < n; t++) clean[t] = portfolio.pvMw * s.pvCapacityFactor[t] + portfolio.windMw * s.windCapacityFactor[t] + firm;
  const windowSteps = Math.max(1, Math.round(f.shiftWindowHours / s.stepHours));
  return shiftFlexibleLoad(s.loadMw, clean, { flexibleLoadFraction: f.flexibleLoadFraction, windowSteps, maxShiftUpFraction: f.maxShiftUpFraction }, s.stepHours, s.loadMw);
}

export interface ProgramPower {
  siteYears: SiteYearPower[];
  diagnostics: Diagnostic[];
}

/**
 * Dispatches every site-year with load. With a `cache` (the Monte Carlo's), battery-free site-years without flexible
 * load take the duration-curve dispatch, equal to the hourly one up to rounding; the others (and `run`, which passes
 * none) dispatch hour by hour.
 */
export function simulateProgramPower(st: ModelState, profiles: PowerProfiles | undefined, cache?: DurationCache): ProgramPower {
  const s = st.scenario;
  const t = s.timeline;
  const ds: Diagnostic[] = [];
  const out: SiteYearPower[] = [];
  // hourly buffers only when a site-year dispatches hour by hour (the duration curves need none)
  let hourly: { series: PowerSeries; buffers: DispatchSeries } | null = null;
  const monthlyMw = new Float64Array(12);
  s.sites.forEach((site, si) => {
    const p = site.power;
    if (!p) return;
    const prof = profiles?.[site.name];
    const missing = missingProfiles(p, prof);
    if (missing.length > 0) {
      ds.push(info(p.path, `hourly power not simulated: no ${missing.join(" or ")} profile supplied (weather files are read by the command line)`));
      return;
    }
    if (!prof?.gridCo2KgPerMwh) ds.push(info(p.path, `no hourly grid carbon profile: the ${site.gridRegion} annual average (${site.gridRegionCo2KgPerMwh} kg/MWh) is used for every hour`));
    const fill = (x: PowerSeries): void => fillSiteSeries(site, p, prof, x);
    let series: PowerSeries | null = null;
    const gridWater = siteGridWater(s, site, prof);
    // Site-years with the same hourly load, portfolio and prices dispatch identically (e.g. after the build-out):
    // dispatch once and reuse, recomputing only the year-specific data-centre water
    // (the water of grid generation follows the imports, which are the same).
    const seen = new Map<string, { metrics: PowerMetrics; maxBalanceErrorMwh: number }>();
    let last: { monthlyMw: Float64Array; portfolio: Portfolio; tech: TechParams; metrics: PowerMetrics } | null = null;
    for (const year of t.years) {
      if (monthlyLoadMw(t, st.energy[si].facilityEnergyMwh, year, monthlyMw) <= 0) continue;
      const portfolio = portfolioForYear(p, year);
      const tech = techParams(p, year);
      const water = { itEnergyMwh: yearSum(t, st.energy[si].itEnergyMwh, year), wueLPerKwh: s.wueLPerKwh, gasWaterConsumptionGalPerMwh: p.operation.gasWaterConsumptionGalPerMwh, certificateMatchingFraction: p.certificateMatchingFraction, gridWater };
      const unservedWarning = (m: PowerMetrics): void => {
        if (m.energy.unservedMwh > 0) ds.push(warning(p.path, `${year}: ${Math.round(m.energy.unservedMwh).toLocaleString("en-US")} MWh of load not served (peak ${Math.round(m.energy.peakLoadMw)} MW): portfolio and import limit are too small`));
      };
      if (cache && !(p.flexibility.flexibleLoadFraction > 0) && separableDispatch(portfolio)) {
        // a year like the last (same monthly loads, portfolio and technology, as after the build-out) dispatches alike
        const same: boolean = last !== null && sameNumbers(last.monthlyMw, monthlyMw) && sameNumbers(Object.values(last.portfolio), Object.values(portfolio)) && sameTech(last.tech, tech);
        const metrics: PowerMetrics = same
          ? { ...last!.metrics, water: waterMetrics(water, last!.metrics.energy.gasMwh, last!.metrics.water.gridGenerationMegalitersByFuel) }
          : cache.metrics(site, p, fill, portfolio, tech, monthlyMw, water, prof?.gridPriceUsdPerMwh?.length !== HOURS_PER_YEAR);
        unservedWarning(metrics);
        out.push({ site: site.name, year, portfolio, metrics, maxBalanceErrorMwh: 0 });
        last = { monthlyMw: Float64Array.from(monthlyMw), portfolio, tech, metrics };
        continue;
      }
      last = null;
      if (!series) {
        hourly ??= { series: allocateSeries(), buffers: allocateDispatchSeries(HOURS_PER_YEAR) };
        series = hourly.series;
        fill(series);
      }
      const loadMw = series.loadMw;
      fillHourlyLoad(t, st.energy[si].facilityEnergyMwh, year, loadMw);
      applyFlexibleLoad(p, series, portfolio, tech);
      const key = JSON.stringify([portfolio, tech, MONTH_START_HOURS.map((h) => loadMw[h])]);
      const hit = seen.get(key);
      if (hit) {
        const metrics = { ...hit.metrics, water: waterMetrics(water, hit.metrics.energy.gasMwh, hit.metrics.water.gridGenerationMegalitersByFuel) };
        out.push({ site: site.name, year, portfolio, metrics, maxBalanceErrorMwh: hit.maxBalanceErrorMwh });
        continue;
      }
      const r = dispatch(series, portfolio, tech, hourly!.buffers);
      const metrics = powerMetrics(series, r, tech, p.unitCosts, water);
      unservedWarning(metrics);
      const balance = maxBalanceErrorMwh(series, r.series);
      seen.set(key, { metrics, maxBalanceErrorMwh: balance });
      out.push({ site: site.name, year, portfolio, metrics, maxBalanceErrorMwh: balance });
    }
  });
  return { siteYears: out, diagnostics: ds };
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Every parameter the dispatch and its metrics read. */
const sameTech = (a: TechParams, b: TechParams): boolean =>
  sameNumbers(
    [a.battery.roundTripEfficiency, a.battery.socMinFraction, a.battery.socMaxFraction, a.gas.heatRateMmbtuPerMwh, a.gas.fuelPriceUsdPerMmbtu, a.gas.variableOmUsdPerMwh, a.gas.co2KgPerMmbtu, a.firmClean.availabilityFraction, a.firmClean.variableCostUsdPerMwh, a.carbonPriceUsdPerTco2],
    [b.battery.roundTripEfficiency, b.battery.socMinFraction, b.battery.socMaxFraction, b.gas.heatRateMmbtuPerMwh, b.gas.fuelPriceUsdPerMmbtu, b.gas.variableOmUsdPerMwh, b.gas.co2KgPerMmbtu, b.firmClean.availabilityFraction, b.firmClean.variableCostUsdPerMwh, b.carbonPriceUsdPerTco2],
  );
