/**
 * Build strategies as capacity paths (IT MW online by month) given one demand path:
 * - aggressive: commit the whole plan now: every phase online as the base model schedules it;
 * - staged: plan phases in order, each released only once observed demand reaches `gateFraction` of the
 *   capacity already committed (online or under construction), never before its planned start; it then takes
 *   its planned build time;
 * - just-in-time: each month, order the gap between observed demand and committed capacity; it comes online
 *   `leadTimeMonths` later.
 * Phases started before the demand paths begin are committed in every strategy.
 */

export const STRATEGY_NAMES = ["aggressive", "staged", "just-in-time"] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export interface PlanPhase {
  itPowerMw: number;
  /** months from the demand start; negative: started before it */
  startMonth: number;
  /** months from the demand start to online (may exceed the path) */
  onlineMonth: number;
}

export interface StrategyContext {
  months: number;
  phases: PlanPhase[];
  leadTimeMonths: number;
  gateFraction: number;
}

/** Adds mw to capacity from month `from` on (no-op when from ≥ months). */
function addFrom(capacity: Float64Array, from: number, mw: number): void {
  for (let m = Math.max(0, from); m < capacity.length; m++) capacity[m] += mw;
}

export function aggressive(ctx: StrategyContext, _demand: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (const p of ctx.phases) addFrom(out, p.onlineMonth, p.itPowerMw);
}

export function staged(ctx: StrategyContext, demand: Float64Array, out: Float64Array): void {
  out.fill(0);
  let committed = 0;
  const later: PlanPhase[] = [];
  for (const p of ctx.phases) {
    if (p.startMonth < 0) {
      addFrom(out, p.onlineMonth, p.itPowerMw);
      committed += p.itPowerMw;
    } else later.push(p);
  }
  later.sort((a, b) => a.startMonth - b.startMonth);
  let next = 0;
  for (let m = 0; m < ctx.months && next < later.length; m++) {
    while (next < later.length && m >= later[next].startMonth && demand[m] >= ctx.gateFraction * committed) {
      const p = later[next++];
      addFrom(out, m + (p.onlineMonth - p.startMonth), p.itPowerMw);
      committed += p.itPowerMw;
    }
  }
}

export function justInTime(ctx: StrategyContext, demand: Float64Array, out: Float64Array): void {
  out.fill(0);
  let committed = 0;
  for (const p of ctx.phases) {
    if (p.startMonth < 0) {
      addFrom(out, p.onlineMonth, p.itPowerMw);
      committed += p.itPowerMw;
    }
  }
  for (let m = 0; m < ctx.months; m++) {
    const gap = demand[m] - committed;
    if (gap > 0) {
      addFrom(out, m + ctx.leadTimeMonths, gap);
      committed += gap;
    }
  }
}

export const STRATEGIES: Record<StrategyName, (ctx: StrategyContext, demand: Float64Array, out: Float64Array) => void> = {
  aggressive,
  staged,
  "just-in-time": justInTime,
};

export interface PathCost {
  costUsd: number;
  shortfallMwMonths: number;
  idleMwMonths: number;
}

/** Discounted cost of a capacity path against a demand path (shortfall and idle MW-months). */
export function pathCost(demand: Float64Array, capacity: Float64Array, shortfallUsdPerMwMonth: number, idleUsdPerMwMonth: number, monthlyDiscount: number): PathCost {
  let costUsd = 0;
  let shortfallMwMonths = 0;
  let idleMwMonths = 0;
  let f = 1;
  for (let m = 0; m < demand.length; m++) {
    const d = demand[m] - capacity[m];
    if (d > 0) {
      shortfallMwMonths += d;
      costUsd += f * d * shortfallUsdPerMwMonth;
    } else {
      idleMwMonths -= d;
      costUsd -= f * d * idleUsdPerMwMonth;
    }
    f /= 1 + monthlyDiscount;
  }
  return { costUsd, shortfallMwMonths, idleMwMonths };
}
