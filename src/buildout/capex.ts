/** Capex by asset class and month, and the depreciable assets it creates. */
import { FACILITY_CLASSES, type FacilityClass, phaseFacilityCapexUsdPerMw, spreadOverConstruction } from "./costs.ts";
import type { BuildSchedule } from "./schedule.ts";
import { monthlyFromYearly } from "./capital-plan.ts";
import type { Vintage } from "./fleet.ts";
import { ASSET_CLASSES, type AssetClass, type ResolvedScenario } from "../scenario/resolved.ts";
import { zeroRecords } from "../core/series.ts";

export { ASSET_CLASSES, type AssetClass };

export interface Asset {
  assetClass: AssetClass;
  siteIndex: number;
  /** phase that created the asset (index into scenario.phases) */
  phaseIndex: number;
  costUsd: number;
  inServiceIndex: number;
  lifeMonths: number;
}

export interface CapexByClass {
  /** per site, per class, per month, nominal USD */
  sites: Record<AssetClass, Float64Array>[];
  /** facility capex per phase (index into scenario.phases), per class, per month, nominal USD */
  phases: Record<FacilityClass, Float64Array>[];
  assets: Asset[];
  /** IT capex of end-of-life refreshes (part of the sites' `it` class), program-wide, per month, nominal USD */
  itRefreshUsd: Float64Array;
  /** capex the capital plan pays for that no modelled campus explains (program.unmodelledCapex), per month, nominal USD */
  unmodelledUsd: Float64Array;
}

export function lifeMonthsOf(s: ResolvedScenario, cls: AssetClass): number {
  if (cls === "it") return s.serverLifeMonths;
  if (cls === "electricalMechanical") return s.electricalMechanicalLifeMonths;
  return s.facilityLifeMonths;
}

export function computeCapex(s: ResolvedScenario, build: BuildSchedule, fleet: readonly Vintage[]): CapexByClass {
  const t = s.timeline;
  const sites = zeroRecords(s.sites.length, ASSET_CLASSES, t.months);
  const phases = zeroRecords(s.phases.length, FACILITY_CLASSES, t.months);
  const assets: Asset[] = [];
  for (const ps of build.phases) {
    if (ps.startIndex < 0) continue;
    const ph = s.phases[ps.phaseIndex];
    for (const cls of FACILITY_CLASSES) {
      let costUsd = 0;
      spreadOverConstruction(s, ps.startIndex, ph.constructionMonths, ph.itPowerMw * phaseFacilityCapexUsdPerMw(s, ph, cls), (m, usd) => {
        sites[ph.siteIndex][cls][m] += usd;
        phases[ps.phaseIndex][cls][m] += usd;
        costUsd += usd;
      });
      if (costUsd > 0) assets.push({ assetClass: cls, siteIndex: ph.siteIndex, phaseIndex: ps.phaseIndex, costUsd, inServiceIndex: ps.onlineIndex, lifeMonths: lifeMonthsOf(s, cls) });
    }
  }
  const itRefreshUsd = new Float64Array(t.months);
  for (const v of fleet) {
    sites[v.siteIndex].it[v.installIndex] += v.itCapexUsd;
    if (v.refresh) itRefreshUsd[v.installIndex] += v.itCapexUsd;
    assets.push({ assetClass: "it", siteIndex: v.siteIndex, phaseIndex: v.phaseIndex, costUsd: v.itCapexUsd, inServiceIndex: v.installIndex, lifeMonths: s.serverLifeMonths });
  }
  return { sites, phases, assets, itRefreshUsd, unmodelledUsd: monthlyFromYearly(s, build.unmodelledUsdByYearIndex) };
}
