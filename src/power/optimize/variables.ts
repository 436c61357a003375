/**
 * LP columns of the sizing model. Capacities are single columns; hourly quantities are contiguous blocks
 * (`first + t`), absent (-1) when the technology cannot exist (exports also when they neither earn nor count toward a target).
 * Curtailment has no column: it is the surplus (slack) of the hourly balance row. When a capacity is fixed, the hourly columns carry
 * its limit as a bound and need no linking row.
 */
import type { LpBuilder } from "../../solver/builder.ts";
import { gasVariableCostUsdPerMwh, importCostUsdPerMwh } from "../dispatch/inputs.ts";
import { HOURS_PER_YEAR } from "../../core/calendar.ts";
import { type CapacityBounds, type SizingProblem, hasFlexibility, isFixed, representedHours, weightOf } from "./problem.ts";

export interface CapacityColumns {
  pv: number;
  wind: number;
  batteryPower: number;
  batteryEnergy: number;
  gas: number;
  firmClean: number;
}

export interface StepBlocks {
  gas: number;
  gridImport: number;
  export: number;
  charge: number;
  discharge: number;
  /** usable state of charge above the minimum, MWh (end of step) */
  soc: number;
  /** flexible load moved into / out of the step, and dropped (MW); -1 without flexibility */
  shiftUp: number;
  shiftDown: number;
  dropped: number;
  /** flexible load moved in from / out to other sites in the same step (MW); -1 outside a program LP */
  spatialIn: number;
  spatialOut: number;
}

export interface SizingColumns {
  steps: number;
  capacity: CapacityColumns;
  block: StepBlocks;
}

/** Duration of the modelled period as a fraction of a year (fixed costs are annual). */
export const yearFraction = (p: SizingProblem): number => representedHours(p) / HOURS_PER_YEAR;

/** Objective coefficient of each capacity column: fixed costs for the modelled period (firm clean also its energy). */
export function capacityCosts(p: SizingProblem): CapacityColumns {
  const c = p.unitCosts;
  const f = yearFraction(p);
  const hours = representedHours(p);
  const firmVariableUsdPerMw = p.tech.firmClean.availabilityFraction * hours * p.tech.firmClean.variableCostUsdPerMwh;
  return {
    pv: c.pvUsdPerMwYear * f,
    wind: c.windUsdPerMwYear * f,
    batteryPower: c.batteryPowerUsdPerMwYear * f,
    batteryEnergy: c.batteryEnergyUsdPerMwhYear * f,
    gas: c.gasUsdPerMwYear * f,
    firmClean: c.firmCleanUsdPerMwYear * f + firmVariableUsdPerMw,
  };
}

/** The capacity columns with the problem's bounds and the given costs (default: the problem's own). */
export function defineCapacityColumns(b: LpBuilder, p: SizingProblem, costs: CapacityColumns = capacityCosts(p)): CapacityColumns {
  const col = (name: string, bounds: CapacityBounds, cost: number): number => b.addColumn(name, bounds.min, bounds.max, cost);
  return {
    pv: col("cap_pv_mw", p.bounds.pvMw, costs.pv),
    wind: col("cap_wind_mw", p.bounds.windMw, costs.wind),
    batteryPower: col("cap_battery_mw", p.bounds.batteryMw, costs.batteryPower),
    batteryEnergy: col("cap_battery_mwh", p.bounds.batteryMwh, costs.batteryEnergy),
    gas: col("cap_gas_mw", p.bounds.gasMw, costs.gas),
    firmClean: col("cap_firm_mw", p.bounds.firmCleanMw, costs.firmClean),
  };
}

/** Adds `n` columns `prefix_t` with per-step cost and upper bound; returns the first index. */
function block(b: LpBuilder, n: number, prefix: string, upper: number | ((t: number) => number), cost: (t: number) => number): number {
  const first = b.numCols;
  for (let t = 0; t < n; t++) b.addColumn(`${prefix}_${t}`, 0, typeof upper === "number" ? upper : upper(t), cost(t));
  return first;
}

/** Exports need columns when they are allowed and either earn something or count toward an annual-match target. */
const exportsMatter = (p: SizingProblem): boolean =>
  p.exportLimitMw > 0 && (p.target.kind === "annual-match" || p.series.exportPriceUsdPerMwh.some((x) => x > 0));

export function defineStepColumns(b: LpBuilder, p: SizingProblem): StepBlocks {
  const s = p.series;
  const n = s.loadMw.length;
  const dt = s.stepHours;
  const bd = p.bounds;
  const gasCost = gasVariableCostUsdPerMwh(p.tech);
  /** MWh per MW in step t, counted as often as the step stands for */
  const w = (t: number): number => dt * weightOf(p, t);
  const hasBattery = bd.batteryMw.max > 0 && bd.batteryMwh.max > 0;
  const usable = p.tech.battery.socMaxFraction - p.tech.battery.socMinFraction;
  const powerUb = isFixed(bd.batteryMw) ? bd.batteryMw.max : Infinity;
  const zero = (): number => 0;
  const f = p.flexibility;
  const flex = hasFlexibility(p) && f !== undefined;
  return {
    gas: bd.gasMw.max > 0 ? block(b, n, "gas", isFixed(bd.gasMw) ? bd.gasMw.max : Infinity, (t) => w(t) * gasCost) : -1,
    gridImport: p.gridImportLimitMw > 0 ? block(b, n, "grid_import", p.gridImportLimitMw, (t) => w(t) * importCostUsdPerMwh(s, p.tech, t)) : -1,
    export: exportsMatter(p) ? block(b, n, "grid_export", p.exportLimitMw, (t) => -w(t) * s.exportPriceUsdPerMwh[t]) : -1,
    charge: hasBattery ? block(b, n, "charge", powerUb, zero) : -1,
    discharge: hasBattery ? block(b, n, "discharge", powerUb, zero) : -1,
    soc: hasBattery ? block(b, n, "soc", isFixed(bd.batteryMwh) ? usable * bd.batteryMwh.max : Infinity, zero) : -1,
    shiftUp: flex && f.maxShiftUpFraction > 0 ? block(b, n, "shift_up", (t) => f.maxShiftUpFraction * s.loadMw[t], zero) : -1,
    shiftDown: flex && f.maxShiftUpFraction > 0 ? block(b, n, "shift_down", (t) => f.flexibleLoadFraction * s.loadMw[t], zero) : -1,
    dropped: flex && f.curtailmentCostUsdPerMwh !== null ? block(b, n, "load_dropped", (t) => f.flexibleLoadFraction * s.loadMw[t], (t) => w(t) * f.curtailmentCostUsdPerMwh!) : -1,
    spatialIn: -1,
    spatialOut: -1,
  };
}

/**
 * Load moved between sites (program LP): into the site up to `inFraction` of its load (its spare IT capacity), out
 * of it up to `outFraction` (its flexible share), every step, at a small cost per MWh moved (a tie-breaker, so load
 * moves only where it saves money); `prefix` names the site. Returns the two blocks.
 */
export function defineSpatialColumns(b: LpBuilder, p: SizingProblem, prefix: string, inFraction: number, outFraction: number, moveCostUsdPerMwh: number): { spatialIn: number; spatialOut: number } {
  const s = p.series;
  const n = s.loadMw.length;
  return {
    spatialIn: block(b, n, `${prefix}_moved_in`, (t) => inFraction * s.loadMw[t], () => 0),
    // each move is charged once, where it leaves
    spatialOut: block(b, n, `${prefix}_moved_out`, (t) => outFraction * s.loadMw[t], (t) => s.stepHours * weightOf(p, t) * moveCostUsdPerMwh),
  };
}
