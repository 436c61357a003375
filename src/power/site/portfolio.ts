/** What a resolved `power` block means in one year: the capacities in effect and the gas price. */
import type { PortfolioInput } from "../../scenario/power-schema.ts";
import type { Portfolio, ResolvedSitePower } from "../../scenario/resolved-power.ts";

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Capacities in effect in `year`: the base portfolio overlaid by every change from that year or earlier. */
export function portfolioForYear(p: ResolvedSitePower, year: number): Portfolio {
  let merged: PortfolioInput = { ...p.basePortfolio };
  for (const c of p.changes) if (c.year <= year) merged = { ...merged, ...defined(c.portfolio) };
  return {
    pvMw: merged.pvMw ?? 0,
    windMw: merged.windMw ?? 0,
    batteryMw: merged.batteryMw ?? 0,
    batteryMwh: merged.batteryMwh ?? 0,
    gasMw: merged.gasMw ?? 0,
    firmCleanMw: merged.firmCleanMw ?? 0,
    gridImportLimitMw: merged.gridImportLimitMw ?? Infinity,
    exportLimitMw: merged.exportLimitMw ?? 0,
  };
}

/** Gas price of a year: the scenario's, else the reference value of that year, else of the latest year before it. */
export function gasPriceUsdPerMmbtu(p: ResolvedSitePower, year: number): number {
  if (p.prices.gasPriceUsdPerMmbtu !== null) return p.prices.gasPriceUsdPerMmbtu;
  let price = p.gasPriceByYear[0][1];
  for (const [y, v] of p.gasPriceByYear) if (y <= year) price = v;
  return price;
}
