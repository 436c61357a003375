/** What the portfolio-sizing LP is asked: series, technology data, costs, capacity bounds and the clean target. */
import type { Portfolio, PowerSeries, TechParams, UnitFixedCosts } from "../dispatch/inputs.ts";

/** Lower and upper bound of one capacity, in the unit its key names (MW, or MWh for battery energy). */
export interface CapacityBounds {
  min: number;
  max: number;
}

export interface SizingBounds {
  pvMw: CapacityBounds;
  windMw: CapacityBounds;
  batteryMw: CapacityBounds;
  batteryMwh: CapacityBounds;
  gasMw: CapacityBounds;
  firmCleanMw: CapacityBounds;
}

export type TargetKind = "none" | "annual-match" | "cfe-247";

export interface CleanTarget {
  kind: TargetKind;
  /** required share of the load, 0..1 */
  levelFraction: number;
  /** count the clean share of grid imports as clean supply */
  countGridClean: boolean;
  /**
   * price of each MWh the target falls short (clean energy bought elsewhere, e.g. sizing under uncertainty so that
   * every sample has a recourse); absent: the target is a hard constraint
   */
  shortfallPenaltyUsdPerMwh?: number;
}

export interface SizingProblem {
  series: PowerSeries;
  tech: TechParams;
  unitCosts: UnitFixedCosts;
  bounds: SizingBounds;
  gridImportLimitMw: number;
  exportLimitMw: number;
  target: CleanTarget;
  /** "cyclic": state of charge at the end of the year equals the start (PyPSA default); "start-empty": starts at minimum */
  storageBoundary: "cyclic" | "start-empty";
  /** how many times each step counts in the year (representative periods); default 1 for every step */
  stepWeight?: Float64Array;
  /** storage boundary applies to each block of this many steps (representative weeks: 168); default all steps */
  periodSteps?: number;
  /** flexible load; absent or a zero fraction: the load is fixed */
  flexibility?: LpFlexibility;
}

/** Flexible load in the LP: shift within windows of `windowSteps` steps (never across periods), drop at a cost. */
export interface LpFlexibility {
  flexibleLoadFraction: number;
  windowSteps: number;
  maxShiftUpFraction: number;
  /** null: no load is dropped */
  curtailmentCostUsdPerMwh: number | null;
}

/** True when the problem has flexible load columns. */
export const hasFlexibility = (p: SizingProblem): boolean => (p.flexibility?.flexibleLoadFraction ?? 0) > 0;

/** Weight of step t (1 unless representative periods say otherwise). */
export const weightOf = (p: SizingProblem, t: number): number => (p.stepWeight ? p.stepWeight[t] : 1);

/** Hours of the year the problem stands for: Σ weight × step hours. */
export function representedHours(p: SizingProblem): number {
  const n = p.series.loadMw.length;
  if (!p.stepWeight) return n * p.series.stepHours;
  let w = 0;
  for (let t = 0; t < n; t++) w += p.stepWeight[t];
  return w * p.series.stepHours;
}

export const fixedBounds = (value: number): CapacityBounds => ({ min: value, max: value });
export const isFixed = (b: CapacityBounds): boolean => b.min === b.max;

/** The capacities the LP sizes (a portfolio without its grid limits). */
export type Capacities = Pick<Portfolio, "pvMw" | "windMw" | "batteryMw" | "batteryMwh" | "gasMw" | "firmCleanMw">;

/** The sized capacities of a portfolio (without its grid limits). */
export const capacitiesOf = (p: Portfolio): Capacities => ({ pvMw: p.pvMw, windMw: p.windMw, batteryMw: p.batteryMw, batteryMwh: p.batteryMwh, gasMw: p.gasMw, firmCleanMw: p.firmCleanMw });
