/** PV system inputs (PVWatts v8 style), their checks, and the inverter model. */
import { type Diagnostic, error } from "../../../core/diagnostics.ts";
import { referenceData } from "../../../data/index.ts";

/** 0 fixed open rack, 1 fixed roof mount, 2 one-axis tracking, 3 one-axis backtracking, 4 two-axis tracking. */
export type PvArrayType = 0 | 1 | 2 | 3 | 4;
/** 0 standard, 1 premium, 2 thin film. */
export type PvModuleType = 0 | 1 | 2;

export interface PvSystem {
  /** DC nameplate (kW). */
  systemCapacityKw: number;
  arrayType: PvArrayType;
  /** Fixed arrays: module tilt; one-axis trackers: axis tilt; ignored by two-axis trackers (deg). */
  tiltDeg: number;
  /** Fixed arrays: module azimuth; one-axis trackers: axis azimuth; 180 = south (deg). */
  azimuthDeg: number;
  /** DC system losses (soiling, mismatch, wiring, availability, ...) in percent. */
  lossesPercent: number;
  /** DC nameplate / AC (inverter) nameplate. */
  dcAcRatio: number;
  /** Ground coverage ratio: module row width / row pitch. */
  gcr: number;
  /** Inverter efficiency at rated power, percent. */
  inverterEfficiencyPercent: number;
  moduleType: PvModuleType;
}

export interface PvResult {
  /** AC output by row (kW; an hourly row's value is also its kWh). */
  acKw: Float64Array;
  /** DC output after DC losses, inverter input (kW). */
  dcKw: Float64Array;
  annualEnergyKwh: number;
  /** AC energy by calendar month, January first (kWh). */
  monthlyEnergyKwh: number[];
  /** Annual AC energy / (AC nameplate x hours). */
  capacityFactorAcFraction: number;
}

export const ARRAY_TYPE_NAMES = ["fixed", "roof", "1-axis", "1-axis-backtrack", "2-axis"] as const;
export const MODULE_TYPE_NAMES = ["standard", "premium", "thin-film"] as const;

const LIMITS = referenceData.pvModel.systemLimits;

/** Every problem with a PvSystem (ranges as PVWatts v8 accepts them); `base` prefixes the paths. */
export function checkPvSystem(s: PvSystem, base = "pv"): Diagnostic[] {
  const out: Diagnostic[] = [];
  const finite = (k: keyof PvSystem): boolean => {
    if (typeof s[k] === "number" && Number.isFinite(s[k])) return true;
    out.push(error(`${base}.${k}`, "must be a finite number"));
    return false;
  };
  if (finite("systemCapacityKw") && s.systemCapacityKw <= 0) out.push(error(`${base}.systemCapacityKw`, "must be > 0"));
  if (finite("dcAcRatio") && s.dcAcRatio <= 0) out.push(error(`${base}.dcAcRatio`, "must be > 0"));
  for (const [k, [lo, hi]] of Object.entries(LIMITS) as [keyof typeof LIMITS, [number, number]][]) {
    if (finite(k) && (s[k] < lo || s[k] > hi)) out.push(error(`${base}.${k}`, `must be between ${lo} and ${hi} (got ${s[k]})`));
  }
  if (![0, 1, 2, 3, 4].includes(s.arrayType)) out.push(error(`${base}.arrayType`, `must be 0..4 (${ARRAY_TYPE_NAMES.join(", ")})`));
  if (![0, 1, 2].includes(s.moduleType)) out.push(error(`${base}.moduleType`, `must be 0..2 (${MODULE_TYPE_NAMES.join(", ")})`));
  return out;
}

/** Sandia inverter model as PVWatts v8 sets it up (C0..C3 = 0): linear above the self-consumption Pso, clipped. */
export interface InverterRating {
  acW: number;
  dcW: number;
  psoW: number;
}

export function inverterRating(dcNameplateW: number, dcAcRatio: number, efficiencyPercent: number): InverterRating {
  const inv = referenceData.pvModel.inverter;
  const acW = dcNameplateW / dcAcRatio;
  const fraction = dcNameplateW < inv.smallBelowDcW ? inv.psoFractionSmall : dcNameplateW < inv.mediumBelowDcW ? inv.psoFractionMedium : inv.psoFractionLarge;
  return { acW, dcW: acW / (efficiencyPercent / 100), psoW: fraction * acW };
}

/** AC output (W) for DC input `dcW`: zero up to Pso, then linear to the rating, clipped at the AC rating. */
export function inverterAcW(dcW: number, r: InverterRating): number {
  if (dcW <= r.psoW) return 0;
  const ac = (r.acW / (r.dcW - r.psoW)) * (dcW - r.psoW);
  return ac > r.acW ? r.acW : ac;
}
