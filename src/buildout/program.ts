/** Program-wide monthly series assembled from the per-site model state. */
import type { ModelState } from "./model.ts";
import { ASSET_CLASSES, type AssetClass } from "./capex.ts";
import { addInto, zeroArrays } from "../core/series.ts";
import type { SiteCapacity } from "./capacity.ts";

/** Capacity fields are the sites' (SiteCapacity), summed over the sites. */
export interface ProgramMonthly extends SiteCapacity {
  /** capex of the modelled campuses by class */
  capexUsdByClass: Record<AssetClass, Float64Array>;
  /** capex the capital plan pays for that no modelled campus explains (program.unmodelledCapex); no asset of the program */
  unmodelledCapexUsd: Float64Array;
  /** all capex: the campuses' classes plus the unmodelled capex */
  capexUsd: Float64Array;
  /** the part of `capexUsdByClass.it` spent on end-of-life refreshes (the rest is first builds) */
  itRefreshCapexUsd: Float64Array;
  depreciationUsdByClass: Record<AssetClass, Float64Array>;
  depreciationUsd: Float64Array;
  energyCostUsd: Float64Array;
  staffCostUsd: Float64Array;
  maintenanceCostUsd: Float64Array;
  /** rent of leased facilities */
  facilityLeaseCostUsd: Float64Array;
  opexUsd: Float64Array;
  revenueUsd: Float64Array;
  /** revenue - opex - the campuses' capex (the unmodelled capex earns nothing in the model and is left out) */
  cashFlowUsd: Float64Array;
  itEnergyMwh: Float64Array;
  facilityEnergyMwh: Float64Array;
  constructionJobs: Float64Array;
  permanentJobs: Float64Array;
  indirectJobs: Float64Array;
  waterLiters: Float64Array;
}

/** How many series programMonthly sums (a bound: more are allocated if it grows). */
const PROGRAM_SERIES_COUNT = 40;

export function programMonthly(st: ModelState): ProgramMonthly {
  const n = st.scenario.timeline.months;
  // every series below is a sum: one buffer for all of them (see zeroArrays), grown if a new series is added
  let pool = zeroArrays(PROGRAM_SERIES_COUNT, n);
  let next = 0;
  const fresh = (): Float64Array => {
    if (next === pool.length) (pool = zeroArrays(PROGRAM_SERIES_COUNT, n)), (next = 0);
    return pool[next++];
  };
  const sumOf = (arrays: readonly ArrayLike<number>[]): Float64Array => {
    const out = fresh();
    for (const a of arrays) addInto(out, a);
    return out;
  };
  const sum = (pick: (si: number) => ArrayLike<number>): Float64Array => sumOf(st.scenario.sites.map((_, si) => pick(si)));
  const capexUsdByClass = {} as Record<AssetClass, Float64Array>;
  const depreciationUsdByClass = {} as Record<AssetClass, Float64Array>;
  for (const c of ASSET_CLASSES) {
    capexUsdByClass[c] = sum((si) => st.capex.sites[si][c]);
    depreciationUsdByClass[c] = sum((si) => st.depreciation[si][c]);
  }
  const campusCapexUsd = sumOf(ASSET_CLASSES.map((c) => capexUsdByClass[c]));
  const unmodelledCapexUsd = st.capex.unmodelledUsd;
  const capexUsd = sumOf([campusCapexUsd, unmodelledCapexUsd]);
  const depreciationUsd = sumOf(ASSET_CLASSES.map((c) => depreciationUsdByClass[c]));
  const energyCostUsd = sum((si) => st.opex[si].energyCostUsd);
  const staffCostUsd = sum((si) => st.opex[si].staffCostUsd);
  const maintenanceCostUsd = sum((si) => st.opex[si].maintenanceCostUsd);
  const facilityLeaseCostUsd = sum((si) => st.opex[si].facilityLeaseCostUsd);
  const opexUsd = sumOf([energyCostUsd, staffCostUsd, maintenanceCostUsd, facilityLeaseCostUsd]);
  const revenueUsd = sum((si) => st.opex[si].revenueUsd);
  const cashFlowUsd = fresh();
  for (let m = 0; m < n; m++) cashFlowUsd[m] = revenueUsd[m] - opexUsd[m] - campusCapexUsd[m];
  const cap = st.capacity.sites;
  return {
    capexUsdByClass,
    unmodelledCapexUsd,
    capexUsd,
    itRefreshCapexUsd: st.capex.itRefreshUsd,
    depreciationUsdByClass,
    depreciationUsd,
    energyCostUsd,
    staffCostUsd,
    maintenanceCostUsd,
    facilityLeaseCostUsd,
    opexUsd,
    revenueUsd,
    cashFlowUsd,
    itPowerMwUnderConstruction: sum((si) => cap[si].itPowerMwUnderConstruction),
    itPowerMwOnline: sum((si) => cap[si].itPowerMwOnline),
    facilityPowerMwOnline: sum((si) => cap[si].facilityPowerMwOnline),
    leasedItPowerMwOnline: sum((si) => cap[si].leasedItPowerMwOnline),
    accelerators: sum((si) => cap[si].accelerators),
    acceleratorItPowerMw: sum((si) => cap[si].acceleratorItPowerMw),
    denseBf16FlopPerS: sum((si) => cap[si].denseBf16FlopPerS),
    itEnergyMwh: sum((si) => st.energy[si].itEnergyMwh),
    facilityEnergyMwh: sum((si) => st.energy[si].facilityEnergyMwh),
    constructionJobs: sum((si) => st.impacts[si].constructionJobs),
    permanentJobs: sum((si) => st.impacts[si].permanentJobs),
    indirectJobs: sum((si) => st.impacts[si].indirectJobs),
    waterLiters: sum((si) => st.impacts[si].waterLiters),
  };
}
