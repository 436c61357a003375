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
  const candidates = Object.keys(s.accelerators);
  // the newest generation depends only on the year: found once per year, not once per refresh
  const newestByYear = new Map<number, string>();
  const newestIn = (year: number): string => {
    let gen = newestByYear.get(year);
    if (gen === undefined) newestByYear.set(year, (gen = newestGeneration(s, candidates, year)));
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

/**
 * Newest generation available by `year`: latest first year available, then most FLOP/s per all-in W, then most
 * FLOP/s, then the later entry (data/accelerators.json lists generations in release order, so GB300 follows GB200).
 */
export function newestGeneration(s: ResolvedScenario, candidates: readonly string[], year: number): string {
  const order = Object.keys(s.accelerators);
  // the keys compared in turn: first year available, FLOP/s per all-in W, FLOP/s, position in the data
  const cmp = (x: ResolvedScenario["accelerators"][string], y: ResolvedScenario["accelerators"][string]): number =>
    Math.sign(x.firstYearAvailable - y.firstYearAvailable) ||
    Math.sign(x.denseBf16FlopPerS / x.allInWPerAccelerator - y.denseBf16FlopPerS / y.allInWPerAccelerator) ||
    Math.sign(x.denseBf16FlopPerS - y.denseBf16FlopPerS) ||
    Math.sign(order.indexOf(x.id) - order.indexOf(y.id));
  let best: string | null = null;
  for (const g of candidates) {
    const a = s.accelerators[g];
    if (a.firstYearAvailable > year) continue;
    if (best === null || cmp(a, s.accelerators[best]) > 0) best = g;
  }
  return best ?? candidates[0];
}
