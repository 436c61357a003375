/** Monthly MW under construction and online per site, and the installed fleet by site and generation. */
import type { BuildSchedule } from "./schedule.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import type { Vintage } from "./fleet.ts";
import { zeroArrays, zeroRecords } from "../core/series.ts";

export interface SiteCapacity {
  itPowerMwUnderConstruction: Float64Array;
  itPowerMwOnline: Float64Array;
  facilityPowerMwOnline: Float64Array;
  /** IT MW online in leased facilities (facilityOwnership: leased), on which rent is paid */
  leasedItPowerMwOnline: Float64Array;
  accelerators: Float64Array;
  /** IT MW of the installed accelerators (all-in W x count) */
  acceleratorItPowerMw: Float64Array;
  denseBf16FlopPerS: Float64Array;
}

const SITE_CAPACITY_SERIES = [
  "itPowerMwUnderConstruction", "itPowerMwOnline", "facilityPowerMwOnline", "leasedItPowerMwOnline", "accelerators", "acceleratorItPowerMw", "denseBf16FlopPerS",
] as const satisfies readonly (keyof SiteCapacity)[];

export interface Capacity {
  sites: SiteCapacity[];
  /** accelerators installed per generation per month, program-wide */
  acceleratorsByGeneration: Record<string, Float64Array>;
}

/** Adds `value` on [from, to) of a length-n array, clipped to the array. */
export function addRange(arr: Float64Array, from: number, to: number, value: number): void {
  const a = Math.max(0, from);
  const b = Math.min(arr.length, to);
  for (let i = a; i < b; i++) arr[i] += value;
}

export function computeCapacity(s: ResolvedScenario, build: BuildSchedule, fleet: readonly Vintage[]): Capacity {
  const n = s.timeline.months;
  const sites: SiteCapacity[] = zeroRecords(s.sites.length, SITE_CAPACITY_SERIES, n);
  for (const ps of build.phases) {
    if (ps.startIndex < 0) continue;
    const ph = s.phases[ps.phaseIndex];
    const site = sites[ph.siteIndex];
    // Under construction from start until online (waiting for grid or chips counts as not yet online).
    addRange(site.itPowerMwUnderConstruction, ps.startIndex, ps.onlineIndex, ph.itPowerMw);
    addRange(site.itPowerMwOnline, ps.onlineIndex, n, ph.itPowerMw);
    addRange(site.facilityPowerMwOnline, ps.onlineIndex, n, ph.itPowerMw * ph.pue);
    if (ph.leased) addRange(site.leasedItPowerMwOnline, ps.onlineIndex, n, ph.itPowerMw);
  }
  const acceleratorsByGeneration: Record<string, Float64Array> = {};
  const generations = [...new Set(fleet.map((v) => v.generation))];
  zeroArrays(generations.length, n).forEach((a, i) => (acceleratorsByGeneration[generations[i]] = a));
  for (const v of fleet) {
    const site = sites[v.siteIndex];
    const spec = s.accelerators[v.generation];
    addRange(site.accelerators, v.installIndex, v.retireIndex, v.count);
    addRange(site.acceleratorItPowerMw, v.installIndex, v.retireIndex, v.itPowerMw);
    addRange(site.denseBf16FlopPerS, v.installIndex, v.retireIndex, v.count * spec.denseBf16FlopPerS);
    addRange(acceleratorsByGeneration[v.generation], v.installIndex, v.retireIndex, v.count);
  }
  return { sites, acceleratorsByGeneration };
}
