/** Straight-line depreciation by asset class and vintage, from the month an asset enters service. */
import type { ResolvedScenario } from "../scenario/resolved.ts";
import { ASSET_CLASSES, type Asset, type AssetClass } from "./capex.ts";

export function computeDepreciation(s: ResolvedScenario, assets: readonly Asset[]): Record<AssetClass, Float64Array>[] {
  const n = s.timeline.months;
  const out = s.sites.map(() => {
    const rec = {} as Record<AssetClass, Float64Array>;
    for (const c of ASSET_CLASSES) rec[c] = new Float64Array(n);
    return rec;
  });
  for (const a of assets) {
    const perMonth = a.costUsd / a.lifeMonths;
    const arr = out[a.siteIndex][a.assetClass];
    const end = Math.min(n, a.inServiceIndex + a.lifeMonths);
    for (let m = Math.max(0, a.inServiceIndex); m < end; m++) arr[m] += perMonth;
  }
  return out;
}
