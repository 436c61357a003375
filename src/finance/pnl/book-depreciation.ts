/**
 * Book depreciation as reported: straight-line by asset, with useful-life changes applied prospectively (from the
 * effective month, the remaining book value is spread over the remaining new life; a life shorter than the asset's
 * age writes the rest off at once) and impairment of an idle fleet (when the idle share of a year reaches the
 * trigger, the idle share of each asset's book value is written down once; later depreciation falls with it).
 */
import type { Asset, AssetClass } from "../../buildout/capex.ts";
import type { ResolvedImpairment, ResolvedLifeChange } from "../../scenario/resolved-financing.ts";

export interface BookInput {
  assets: readonly Asset[];
  months: number;
  /** timeline year index of each month */
  yearIndex: Int32Array;
  lifeChanges: readonly ResolvedLifeChange[];
  impairment: ResolvedImpairment | null;
  /** which assets are on these books */
  include: (a: Asset) => boolean;
}

export interface BookResult {
  depreciationUsd: Float64Array;
  impairmentUsd: Float64Array;
  /** end of month */
  netBookValueUsd: Float64Array;
}

/** Book life (months) of an asset of `cls` at month m. */
export function bookLifeMonths(changes: readonly ResolvedLifeChange[], cls: AssetClass, modelLifeMonths: number, m: number): number {
  let life = modelLifeMonths;
  let first = true;
  for (const c of changes) {
    if (c.assetClass !== cls) continue;
    if (first && c.previousLifeMonths !== null) life = c.previousLifeMonths;
    first = false;
    if (c.effectiveIndex <= m) life = c.lifeMonths;
  }
  return life;
}

export function bookDepreciation(x: BookInput): BookResult {
  const n = x.months;
  const out: BookResult = { depreciationUsd: new Float64Array(n), impairmentUsd: new Float64Array(n), netBookValueUsd: new Float64Array(n) };
  const imp = x.impairment;
  for (const a of x.assets) {
    if (!x.include(a) || a.inServiceIndex >= n) continue;
    let nbv = a.costUsd;
    let impairedShare = 0;
    const impairs = imp !== null && imp.assetClasses.includes(a.assetClass);
    for (let m = Math.max(0, a.inServiceIndex); m < n && nbv > 0; m++) {
      if (impairs) {
        const idle = imp.idleFractionByYearIndex[x.yearIndex[m]];
        if (idle >= imp.triggerIdleFraction && idle > impairedShare && impairedShare < 1) {
          const w = (nbv * (idle - impairedShare)) / (1 - impairedShare);
          out.impairmentUsd[m] += w;
          nbv -= w;
          impairedShare = idle;
        }
      }
      const remaining = bookLifeMonths(x.lifeChanges, a.assetClass, a.lifeMonths, m) - (m - a.inServiceIndex);
      const d = remaining <= 1 ? nbv : nbv / remaining;
      out.depreciationUsd[m] += d;
      nbv -= d;
      out.netBookValueUsd[m] += nbv;
    }
  }
  return out;
}
