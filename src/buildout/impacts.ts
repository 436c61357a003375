/** Jobs and water by site and month. */
import type { SiteCapacity } from "./capacity.ts";
import type { SiteEnergy } from "./energy.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";

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
  return capacity.map((c, si) => {
    const r: SiteImpacts = {
      constructionJobs: new Float64Array(n),
      permanentJobs: new Float64Array(n),
      indirectJobs: new Float64Array(n),
      waterLiters: new Float64Array(n),
    };
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
