/** Jobs and water by site and month. */
import type { SiteCapacity } from "./capacity.ts";
import type { SiteEnergy } from "./energy.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import { zeroRecords } from "../core/series.ts";

export interface SiteImpacts {
  constructionJobs: Float64Array;
  permanentJobs: Float64Array;
  indirectJobs: Float64Array;
  waterLiters: Float64Array;
}

const KWH_PER_MWH = 1000;

export function computeImpacts(s: ResolvedScenario, capacity: readonly SiteCapacity[], energy: readonly SiteEnergy[]): SiteImpacts[] {
  const n = s.timeline.months;
  const j = s.jobs;
  const records = zeroRecords(capacity.length, ["constructionJobs", "permanentJobs", "indirectJobs", "waterLiters"], n);
  return capacity.map((c, si) => {
    const r: SiteImpacts = records[si];
    for (let m = 0; m < n; m++) {
      r.constructionJobs[m] = c.itPowerMwUnderConstruction[m] * j.constructionJobsPeakPerMwUnderConstruction;
      r.permanentJobs[m] = c.itPowerMwOnline[m] * j.permanentJobsPerMwOnline;
      r.indirectJobs[m] = r.permanentJobs[m] * j.indirectJobsPerPermanentJob;
      // WUE is litres per kWh of IT energy (The Green Grid definition).
      r.waterLiters[m] = energy[si].itEnergyMwh[m] * KWH_PER_MWH * s.wueLPerKwh;
    }
    return r;
  });
}
