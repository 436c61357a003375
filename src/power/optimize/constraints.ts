/**
 * Constraint families of the sizing LP, one function each (PyPSA style): hourly balance, capacity limits,
 * storage dynamics, clean-energy target. Each returns the index of its first row (or -1 when it adds none).
 */
import type { LpBuilder } from "../../solver/builder.ts";
import { oneWayEfficiency } from "../dispatch/inputs.ts";
import { type SizingProblem, isFixed, weightOf } from "./problem.ts";
import type { SizingColumns } from "./variables.ts";

/** Scratch buffers for one row, reused for every row. */
class Row {
  readonly idx = new Int32Array(16);
  readonly val = new Float64Array(16);
  n = 0;
  reset(): this {
    this.n = 0;
    return this;
  }
  add(j: number, v: number): this {
    if (j >= 0) {
      this.idx[this.n] = j;
      this.val[this.n] = v;
      this.n++;
    }
    return this;
  }
  push(b: LpBuilder, name: string, lo: number, up: number): number {
    return b.addRow(name, lo, up, this.idx.subarray(0, this.n), this.val.subarray(0, this.n));
  }
}

/**
 * PV + wind + firm + gas + import + discharge − charge − export ≥ load, every step (MW). The surplus is
 * curtailment; leaving it as the row's slack instead of a column keeps the LP one column per step smaller.
 */
export function defineBalance(b: LpBuilder, p: SizingProblem, v: SizingColumns): number {
  const s = p.series;
  const { capacity: c, block: k } = v;
  const avail = p.tech.firmClean.availabilityFraction;
  const r = new Row();
  const first = b.numRows;
  for (let t = 0; t < v.steps; t++) {
    r.reset().add(c.pv, s.pvCapacityFactor[t]).add(c.wind, s.windCapacityFactor[t]).add(c.firmClean, avail);
    if (k.gas >= 0) r.add(k.gas + t, 1);
    if (k.gridImport >= 0) r.add(k.gridImport + t, 1);
    if (k.discharge >= 0) r.add(k.discharge + t, 1).add(k.charge + t, -1);
    if (k.export >= 0) r.add(k.export + t, -1);
    // flexible load: served load = load + up − down − dropped, moved to the left-hand side
    if (k.shiftUp >= 0) r.add(k.shiftUp + t, -1).add(k.shiftDown + t, 1);
    if (k.dropped >= 0) r.add(k.dropped + t, 1);
    // load moved from other sites is served here; load moved away is not
    if (k.spatialIn >= 0) r.add(k.spatialIn + t, -1).add(k.spatialOut + t, 1);
    r.push(b, `balance_${t}`, s.loadMw[t], Infinity);
  }
  return first;
}

/** gas ≤ gas capacity; charge + discharge ≤ battery power; state of charge ≤ usable energy (only for sized capacities). */
export function defineCapacityLimits(b: LpBuilder, p: SizingProblem, v: SizingColumns): number {
  const { capacity: c, block: k } = v;
  const bd = p.bounds;
  const usable = p.tech.battery.socMaxFraction - p.tech.battery.socMinFraction;
  const r = new Row();
  const first = b.numRows;
  for (let t = 0; t < v.steps; t++) {
    if (k.gas >= 0 && !isFixed(bd.gasMw)) r.reset().add(k.gas + t, 1).add(c.gas, -1).push(b, `gas_cap_${t}`, -Infinity, 0);
    if (k.charge >= 0 && !isFixed(bd.batteryMw)) {
      r.reset().add(k.charge + t, 1).add(k.discharge + t, 1).add(c.batteryPower, -1).push(b, `battery_power_${t}`, -Infinity, 0);
    }
    if (k.soc >= 0 && !isFixed(bd.batteryMwh)) r.reset().add(k.soc + t, 1).add(c.batteryEnergy, -usable).push(b, `battery_energy_${t}`, -Infinity, 0);
  }
  return b.numRows > first ? first : -1;
}

/**
 * Flexible load: down + dropped ≤ flexible share of the step's load, and Σ (up − down) = 0 over each window of
 * consecutive steps (windows never cross a representative period). Returns the first row, or -1 without flexibility.
 */
export function defineFlexibility(b: LpBuilder, p: SizingProblem, v: SizingColumns): number {
  const k = v.block;
  const f = p.flexibility;
  if (!f || (k.shiftUp < 0 && k.dropped < 0)) return -1;
  const s = p.series;
  const r = new Row();
  const first = b.numRows;
  if (k.shiftDown >= 0 && k.dropped >= 0) {
    for (let t = 0; t < v.steps; t++) r.reset().add(k.shiftDown + t, 1).add(k.dropped + t, 1).push(b, `flex_cap_${t}`, -Infinity, f.flexibleLoadFraction * s.loadMw[t]);
  }
  if (k.shiftUp >= 0) {
    const period = p.periodSteps ?? v.steps;
    const w = Math.max(1, Math.floor(f.windowSteps));
    for (let start = 0; start < v.steps; start += period) {
      const end = Math.min(v.steps, start + period);
      for (let ws = start; ws < end; ws += w) {
        const we = Math.min(end, ws + w);
        const idx: number[] = [];
        const val: number[] = [];
        for (let t = ws; t < we; t++) idx.push(k.shiftUp + t, k.shiftDown + t), val.push(1, -1);
        b.addRow(`flex_window_${ws}`, 0, 0, idx, val);
      }
    }
  }
  return b.numRows > first ? first : -1;
}

/**
 * soc_t = soc_{t−1} + η·dt·charge_t − dt/η·discharge_t; cyclic (soc_{−1} = soc_{T−1}) or starting empty. With
 * representative periods the boundary applies to each period (each week is cyclic on its own).
 */
export function defineStorage(b: LpBuilder, p: SizingProblem, v: SizingColumns): number {
  const k = v.block;
  if (k.soc < 0) return -1;
  const eta = oneWayEfficiency(p.tech);
  const dt = p.series.stepHours;
  const r = new Row();
  const first = b.numRows;
  const period = p.periodSteps ?? v.steps;
  for (let t = 0; t < v.steps; t++) {
    r.reset().add(k.soc + t, 1).add(k.charge + t, -eta * dt).add(k.discharge + t, dt / eta);
    if (t % period > 0) r.add(k.soc + t - 1, -1);
    else if (p.storageBoundary === "cyclic") r.add(k.soc + t + period - 1, -1);
    r.push(b, `storage_${t}`, 0, 0);
  }
  return first;
}

/**
 * annual-match: Σ (PV + wind + firm − curtailment) [+ clean share × import] ≥ level × Σ load. With curtailment the
 * slack of the balance row, PV + wind + firm − curtailment = load + charge + export − gas − import − discharge, so
 * the row reads Σ (charge + export − gas − (1 − clean share) × import − discharge) ≥ (level − 1) × Σ load.
 * cfe-247 (PyPSA 24/7): hourly clean supply used by the load ≥ level × load, summed over the year. Clean supply used
 * in step t = load − gas − (1 − clean share) × import, so the row reads
 * −Σ (gas + (1 − clean share) × import) ≥ (level − 1) × Σ load. The 24/7 row is the annual-match row without the
 * credit for exports and for charging the battery with surplus. Both rows are `≥`, so their dual is the marginal
 * cost of one more MWh of required clean energy (USD/MWh). With flexible load the requirement is on the served load;
 * shifts cancel within each window, so only dropped load changes it: (level − 1) × dropped moves to the left; so
 * do load moved away to other sites, (level − 1) × out, and load moved in from them, (1 − level) × in.
 */
export function defineTarget(b: LpBuilder, p: SizingProblem, v: SizingColumns): number {
  const tg = p.target;
  if (tg.kind === "none") return -1;
  const s = p.series;
  const k = v.block;
  let loadMwh = 0;
  for (let t = 0; t < v.steps; t++) loadMwh += s.loadMw[t] * s.stepHours * weightOf(p, t);
  const idx: number[] = [];
  const val: number[] = [];
  const add = (first: number, t: number, x: number): void => {
    if (first >= 0 && x !== 0) {
      idx.push(first + t);
      val.push(x);
    }
  };
  const annual = tg.kind === "annual-match";
  for (let t = 0; t < v.steps; t++) {
    const dt = s.stepHours * weightOf(p, t);
    // dropped load leaves the served load: the requirement is level × (Σ load − Σ dropped)
    add(k.dropped, t, (tg.levelFraction - 1) * dt);
    // load moved between sites changes the served load the requirement applies to
    add(k.spatialIn, t, (1 - tg.levelFraction) * dt);
    add(k.spatialOut, t, (tg.levelFraction - 1) * dt);
    add(k.gas, t, -dt);
    add(k.gridImport, t, -(1 - (tg.countGridClean ? s.gridCleanFraction[t] : 0)) * dt);
    if (annual) {
      add(k.export, t, dt);
      add(k.charge, t, dt);
      add(k.discharge, t, -dt);
    }
  }
  // a priced shortfall, in the row's own units (MWh of the modelled period, weighted as the row is)
  if (tg.shortfallPenaltyUsdPerMwh !== undefined) idx.push(b.addColumn("clean_target_shortfall", 0, Infinity, tg.shortfallPenaltyUsdPerMwh)), val.push(1);
  if (idx.length === 0) idx.push(v.capacity.pv), val.push(0);
  return b.addRow("clean_target", (tg.levelFraction - 1) * loadMwh, Infinity, idx, val);
}
