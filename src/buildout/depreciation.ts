/** Straight-line depreciation by asset class and vintage, from the month an asset enters service. */
import type { ResolvedScenario } from "../scenario/resolved.ts";
import { ASSET_CLASSES, type Asset, type AssetClass } from "./capex.ts";
import { zeroRecords } from "../core/series.ts";

export function computeDepreciation(s: ResolvedScenario, assets: readonly Asset[]): Record<AssetClass, Float64Array>[] {
  const n = s.timeline.months;
  const out: Record<AssetClass, Float64Array>[] = zeroRecords(s.sites.length, ASSET_CLASSES, n);
  for (const a of assets) {
    const perMonth = a.costUsd / a.lifeMonths;
    const arr = out[a.siteIndex][a.assetClass];
    const end = Math.min(n, a.inServiceIndex + a.lifeMonths);
    for (let m = Math.max(0, a.inServiceIndex); m < end; m++) arr[m] += perMonth;
  }
  return out;
}
