/**
 * Duration curves of the site-years a Monte Carlo dispatches, kept across iterations: a site's curves depend on its
 * profiles, prices and portfolio and on which hours run gas before imports, not on its load, so thousands of
 * iterations share a handful of curves and each site-year costs a few binary searches (dispatch/duration.ts).
 * A cache belongs to one set of profiles; it never changes a result, only how fast it comes.
 */
import type { ResolvedSite } from "../../scenario/resolved.ts";
import type { ResolvedSitePower } from "../../scenario/resolved-power.ts";
import { countAtOrBelow } from "../../core/search.ts";
import { type DurationCurves, durationCurves, durationDispatch } from "../dispatch/duration.ts";
import { type Portfolio, type PowerSeries, type TechParams, gasVariableCostUsdPerMwh, importCostUsdPerMwh } from "../dispatch/inputs.ts";
import type { SiteAccountingInputs } from "../metrics/emissions.ts";
import { type PowerMetrics, durationMetrics, hourlyGridWaterFuels } from "../metrics/metrics.ts";
import { allocateSeries } from "./load.ts";

/** Curves kept before the cache starts over (each holds 11 arrays of a year's steps, about 0.8 MB, plus 2 per fuel of an hourly grid mix). */
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
   * `flatGridPrice`: the site buys at `p.prices.gridPriceUsdPerMwh` every hour (no price file), so the curves leave the
   * price out (it only scales the imports and shifts the merit order) and samples with other prices share them.
   */
  metrics(
    site: ResolvedSite,
    p: ResolvedSitePower,
    fill: (s: PowerSeries) => void,
    portfolio: Portfolio,
    tech: TechParams,
    loadMwByMonth: ArrayLike<number>,
    accounting: SiteAccountingInputs,
    flatGridPrice: boolean,
  ): PowerMetrics {
    const gridPrice = p.prices.gridPriceUsdPerMwh;
    const exportPrice = p.prices.exportPriceUsdPerMwh;
    const seriesKey = `${site.name}\u0000${flatGridPrice ? "flat" : gridPrice}|${exportPrice > 0}|${site.gridRegionCo2KgPerMwh}|${tech.carbonPriceUsdPerTco2}`;
    let ss = this.seriesByKey.get(seriesKey);
    if (!ss) {
      if (this.seriesByKey.size >= MAX_CURVES) this.seriesByKey.clear();
      const series = allocateSeries();
      fill(series);
      // a flat grid price is added back below; the export price is flat by construction (1: exports paid, 0: not)
      if (flatGridPrice) series.gridPriceUsdPerMwh.fill(0);
      series.exportPriceUsdPerMwh.fill(exportPrice > 0 ? 1 : 0);
      const costs = Float64Array.from(series.loadMw, (_, h) => importCostUsdPerMwh(series, tech, h)).sort();
      ss = { series, importCostAscending: costs };
      this.seriesByKey.set(seriesKey, ss);
    }
    // steps import before gas where their import cost (less a flat price) is at or below the gas cost (less it): the
    // set depends only on how many such costs there are, so the count keys the curves and decides their merit order
    const series = ss.series;
    const threshold = gasVariableCostUsdPerMwh(tech) - (flatGridPrice ? gridPrice : 0);
    const importsFirst = countAtOrBelow(ss.importCostAscending, threshold);
    const firmMw = portfolio.firmCleanMw * tech.firmClean.availabilityFraction;
    const curvesKey = `${seriesKey}\u0000${importsFirst}|${portfolio.pvMw}|${portfolio.windMw}|${firmMw}`;
    let curves = this.curvesByKey.get(curvesKey);
    if (!curves) {
      if (this.curvesByKey.size >= MAX_CURVES) this.curvesByKey.clear();
      const fuels = hourlyGridWaterFuels(accounting.gridWater, series.loadMw.length);
      const weights = fuels.map((f) => accounting.gridWater!.hourlyMixFraction![f]);
      curves = durationCurves(series, portfolio, tech, undefined, weights, (h) => !(importCostUsdPerMwh(series, tech, h) <= threshold));
      this.curvesByKey.set(curvesKey, curves);
    }
    const totals = durationDispatch(curves, loadMwByMonth, portfolio);
    const priced = {
      ...totals,
      gridImportUsd: flatGridPrice ? gridPrice * totals.gridImportMwh : totals.gridImportUsd,
      exportUsd: exportPrice > 0 ? exportPrice * totals.exportUsd : 0,
    };
    return durationMetrics(priced, curves, portfolio, tech, p.unitCosts, accounting);
  }
}
