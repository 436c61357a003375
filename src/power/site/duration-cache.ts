/**
 * Duration curves of the site-years a Monte Carlo dispatches, kept across iterations: a site's curves depend on its
 * profiles, prices and portfolio and on which hours run gas before imports, not on its load, so thousands of
 * iterations share a handful of curves and each site-year costs a few binary searches (dispatch/duration.ts).
 * A cache belongs to one set of profiles; it never changes a result, only how fast it comes.
 */
import type { ResolvedSite } from "../../scenario/resolved.ts";
import type { ResolvedSitePower } from "../../scenario/resolved-power.ts";
import { type DurationCurves, countAtOrBelow, durationCurves, durationDispatch } from "../dispatch/duration.ts";
import { type Portfolio, type PowerSeries, type TechParams, gasVariableCostUsdPerMwh, importCostUsdPerMwh } from "../dispatch/inputs.ts";
import type { SiteAccountingInputs } from "../metrics/emissions.ts";
import { type PowerMetrics, durationMetrics, hourlyGridWaterFuels } from "../metrics/metrics.ts";
import { allocateSeries } from "./load.ts";

/** Curves kept before the cache starts over (each holds 11 arrays of a year's steps: about 0.8 MB). */
const MAX_CURVES = 64;

interface SiteSeries {
  series: PowerSeries;
  /** every step's import cost (price + carbon), ascending: how many steps import before gas is a count */
  importCostAscending: Float64Array;
}

export class DurationCache {
  private readonly seriesByKey = new Map<string, SiteSeries>();
  private readonly curvesByKey = new Map<string, DurationCurves>();

  /**
   * The metrics of a battery-free, inflexible site-year whose load is `loadMwByMonth` (flat within each month), from
   * the site's curves for this portfolio (built on first use). `fill` writes the site's series (all but the load).
   */
  metrics(
    site: ResolvedSite,
    p: ResolvedSitePower,
    fill: (s: PowerSeries) => void,
    portfolio: Portfolio,
    tech: TechParams,
    loadMwByMonth: ArrayLike<number>,
    accounting: SiteAccountingInputs,
  ): PowerMetrics {
    const seriesKey = `${site.name}\u0000${p.prices.gridPriceUsdPerMwh}|${p.prices.exportPriceUsdPerMwh}|${site.gridRegionCo2KgPerMwh}|${tech.carbonPriceUsdPerTco2}`;
    let ss = this.seriesByKey.get(seriesKey);
    if (!ss) {
      if (this.seriesByKey.size >= MAX_CURVES) this.seriesByKey.clear();
      const series = allocateSeries();
      fill(series);
      const costs = Float64Array.from(series.loadMw, (_, h) => importCostUsdPerMwh(series, tech, h)).sort();
      ss = { series, importCostAscending: costs };
      this.seriesByKey.set(seriesKey, ss);
    }
    // which steps run gas first depends only on how many import costs lie at or below the gas cost
    const importsFirst = countAtOrBelow(ss.importCostAscending, gasVariableCostUsdPerMwh(tech));
    const firmMw = portfolio.firmCleanMw * tech.firmClean.availabilityFraction;
    const curvesKey = `${seriesKey}\u0000${importsFirst}|${portfolio.pvMw}|${portfolio.windMw}|${firmMw}`;
    let curves = this.curvesByKey.get(curvesKey);
    if (!curves) {
      if (this.curvesByKey.size >= MAX_CURVES) this.curvesByKey.clear();
      const fuels = hourlyGridWaterFuels(accounting.gridWater, ss.series.loadMw.length);
      curves = durationCurves(ss.series, portfolio, tech, undefined, fuels.map((f) => accounting.gridWater!.hourlyMixFraction![f]));
      this.curvesByKey.set(curvesKey, curves);
    }
    const totals = durationDispatch(curves, loadMwByMonth, portfolio);
    return durationMetrics(totals, curves, portfolio, tech, p.unitCosts, accounting);
  }
}
