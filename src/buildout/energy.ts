/** Monthly energy: IT load x utilization x PUE x hours, per site. */
import type { BuildSchedule } from "./schedule.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import { zeroRecords } from "../core/series.ts";

export interface SiteEnergy {
  itEnergyMwh: Float64Array;
  facilityEnergyMwh: Float64Array;
}

export function computeEnergy(s: ResolvedScenario, build: BuildSchedule): SiteEnergy[] {
  const t = s.timeline;
  const out: SiteEnergy[] = zeroRecords(s.sites.length, ["itEnergyMwh", "facilityEnergyMwh"], t.months);
  for (const ps of build.phases) {
    const ph = s.phases[ps.phaseIndex];
    const e = out[ph.siteIndex];
    const itAverageMw = ph.itPowerMw * s.utilizationFraction;
    for (let m = Math.max(0, ps.onlineIndex); m < t.months; m++) {
      const itMwh = itAverageMw * t.hours[m];
      e.itEnergyMwh[m] += itMwh;
      e.facilityEnergyMwh[m] += itMwh * ph.pue;
    }
  }
  return out;
}
