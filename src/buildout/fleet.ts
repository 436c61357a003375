/**
 * Installed accelerator fleet by vintage: the first fit-out of each phase, then a refresh at the end of
 * server life (same IT MW, newest generation the program uses) until the horizon ends.
 */
import type { BuildSchedule } from "./schedule.ts";
import { escalationFactor, itCapexBaseUsd } from "./costs.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";

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
  const programGenerations = usedGenerations(s);
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
      const gen = s.refreshGeneration ?? newestGeneration(s, programGenerations, t.years[t.yearIndex[install]]);
      counts = new Map([[gen, (ph.itPowerMw * 1e6) / s.accelerators[gen].allInWPerAccelerator]]);
      refresh = true;
    }
  }
  return out;
}

function usedGenerations(s: ResolvedScenario): string[] {
  const set = new Set<string>();
  for (const ph of s.phases) for (const f of ph.fleetMix) set.add(f.generation);
  return [...set].sort();
}

/** Newest generation (by first year available, then FLOP/s per all-in W) available by `year`. */
export function newestGeneration(s: ResolvedScenario, candidates: string[], year: number): string {
  let best = candidates[0];
  for (const g of candidates) {
    const a = s.accelerators[g];
    const b = s.accelerators[best];
    if (a.firstYearAvailable > year) continue;
    if (b.firstYearAvailable > year) {
      best = g;
      continue;
    }
    const newer = a.firstYearAvailable > b.firstYearAvailable;
    const same = a.firstYearAvailable === b.firstYearAvailable;
    if (newer || (same && a.denseBf16FlopPerS / a.allInWPerAccelerator > b.denseBf16FlopPerS / b.allInWPerAccelerator)) best = g;
  }
  return best;
}
