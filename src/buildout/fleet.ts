/**
 * Installed accelerator fleet by vintage: the first fit-out of each phase, then a refresh at the end of
 * server life (same IT MW, newest generation the program uses) until the horizon ends.
 */
import type { BuildSchedule } from "./schedule.ts";
import { escalationFactor, itCapexBaseUsd } from "./costs.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import { newestGenerationOf } from "../scenario/resolve-accelerators.ts";

export interface Vintage {
  phaseIndex: number;
  siteIndex: number;
  generation: string;
  count: number;
  installIndex: number;
  /** first month after retirement (may be beyond the horizon) */
  retireIndex: number;
  itPowerMw: number;
  itCapexUsd: number;
  refresh: boolean;
}

export function buildFleet(s: ResolvedScenario, build: BuildSchedule): Vintage[] {
  const t = s.timeline;
  const out: Vintage[] = [];
  const candidates = Object.keys(s.accelerators);
  // the newest generation depends only on the year: found once per year, not once per refresh
  const newestByYear = new Map<number, string>();
  const newestIn = (year: number): string => {
    let gen = newestByYear.get(year);
    if (gen === undefined) newestByYear.set(year, (gen = newestGenerationOf(s.accelerators, candidates, year)));
    return gen;
  };
  for (const ps of build.phases) {
    const ph = s.phases[ps.phaseIndex];
    if (ps.onlineIndex >= t.months) continue;
    let install = ps.onlineIndex;
    let counts = ps.counts;
    let refresh = false;
    while (install < t.months) {
      const retire = install + s.serverLifeMonths;
      const year = t.years[t.yearIndex[install]];
      const capexUsd = itCapexBaseUsd(s, counts) * escalationFactor(s, year);
      let itTotalW = 0;
      for (const [gen, n] of counts) itTotalW += n * s.accelerators[gen].allInWPerAccelerator;
      for (const [gen, n] of counts) {
        const itW = n * s.accelerators[gen].allInWPerAccelerator;
        out.push({
          phaseIndex: ps.phaseIndex,
          siteIndex: ph.siteIndex,
          generation: gen,
          count: n,
          installIndex: install,
          retireIndex: retire,
          itPowerMw: itW / 1e6,
          itCapexUsd: capexUsd * (itW / itTotalW),
          refresh,
        });
      }
      if (!s.refreshAtEndOfLife) break;
      install = retire;
      if (install >= t.months) break;
      const gen = s.refreshGeneration ?? newestIn(t.years[t.yearIndex[install]]);
      counts = new Map([[gen, (ph.itPowerMw * 1e6) / s.accelerators[gen].allInWPerAccelerator]]);
      refresh = true;
    }
  }
  return out;
}
