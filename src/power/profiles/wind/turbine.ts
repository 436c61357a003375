/**
 * One turbine's output from its power curve, with SAM/ssc's air-density correction and thrust estimate
 * (behaviour of `windTurbine::turbinePower` in ssc `shared/lib_windwakemodel.cpp`, re-implemented):
 *
 * - the curve's wind speeds are scaled by (ρ_std / ρ)^(1/3), ρ_std = 1 atm / (R · 288.15 K); the scaled curve is
 *   recomputed only when ρ moved more than a tolerance since the last correction (exactly as ssc does);
 * - output is linear between curve points, 0 below cut-in (the last zero-power speed before output starts) and
 *   beyond the curve;
 * - the thrust coefficient comes from the power coefficient Cp = P / (½ ρ v³ A) by ssc's cubic polynomial.
 *
 * A `TurbineState` is mutable scratch for one simulation run: create one per run, never share it.
 */
import type { WindModelData } from "../../../data/wind-model.ts";
import type { PowerCurve } from "./power-curve.ts";
import { interpolateLinear } from "./resource.ts";

const CUBE_ROOT_EXPONENT = 1 / 3;
const HALF = 0.5;
const QUARTER = 0.25;
const WATTS_PER_KW = 1000;

export interface TurbineState {
  speedsMps: Float64Array;
  powerKw: Float64Array;
  correctedSpeedsMps: Float64Array;
  /** density the corrected curve was computed for */
  curveDensityKgPerM3: number;
  standardDensityKgPerM3: number;
  toleranceKgPerM3: number;
  /** index of the first point with non-zero output */
  firstProducingIndex: number;
  rotorAreaM2: number;
  ctPolynomial: readonly number[];
  /** thrust coefficient of the last `turbineOutputKw` call */
  lastThrustCoefficient: number;
}

/** Air density (kg/m³) from pressure (atm) and temperature (°C): ρ = p / (R_dry · T). */
export function airDensityKgPerM3(pressureAtm: number, temperatureC: number, physics: WindModelData["physics"]): number {
  return (pressureAtm * physics.pascalsPerAtm) / (physics.dryAirGasConstantJPerKgK * (temperatureC + physics.celsiusToKelvinOffsetK));
}

export function standardAirDensityKgPerM3(physics: WindModelData["physics"]): number {
  return airDensityKgPerM3(1, physics.standardAirTemperatureC, physics);
}

export function createTurbineState(curve: PowerCurve, rotorDiameterM: number, model: WindModelData): TurbineState {
  const rhoStd = standardAirDensityKgPerM3(model.physics);
  let first = 0;
  while (first < curve.powerKw.length && curve.powerKw[first] === 0) first++;
  return {
    speedsMps: curve.windSpeedsMps,
    powerKw: curve.powerKw,
    correctedSpeedsMps: Float64Array.from(curve.windSpeedsMps),
    curveDensityKgPerM3: rhoStd,
    standardDensityKgPerM3: rhoStd,
    toleranceKgPerM3: model.turbine.densityRecomputeToleranceKgPerM3,
    firstProducingIndex: first,
    rotorAreaM2: Math.PI * QUARTER * rotorDiameterM * rotorDiameterM,
    ctPolynomial: model.turbine.thrustFromPowerCoefficientPolynomial,
    lastThrustCoefficient: 0,
  };
}

/** Rescales the curve's wind speeds for air density ρ when ρ moved more than the tolerance. */
export function applyAirDensity(s: TurbineState, densityKgPerM3: number): void {
  if (Math.abs(densityKgPerM3 - s.curveDensityKgPerM3) <= s.toleranceKgPerM3) return;
  const factor = Math.pow(s.standardDensityKgPerM3 / densityKgPerM3, CUBE_ROOT_EXPONENT);
  for (let i = 0; i < s.speedsMps.length; i++) s.correctedSpeedsMps[i] = s.speedsMps[i] * factor;
  s.curveDensityKgPerM3 = densityKgPerM3;
}

/** First index j ≥ 1 with corrected[j] > v (corrected is increasing and v < corrected[last]). */
function upperIndex(corrected: Float64Array, v: number): number {
  let lo = 1;
  let hi = corrected.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (corrected[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Output (kW) on the density-corrected curve at hub speed v; sets `lastThrustCoefficient`. */
export function turbineOutputKw(s: TurbineState, speedMps: number, densityKgPerM3: number): number {
  applyAirDensity(s, densityKgPerM3);
  const ws = s.correctedSpeedsMps;
  const last = ws.length - 1;
  let out = 0;
  if (speedMps > ws[0] && speedMps < ws[last]) {
    const j = upperIndex(ws, speedMps);
    out = interpolateLinear(ws[j - 1], s.powerKw[j - 1], ws[j], s.powerKw[j], speedMps);
  } else if (speedMps === ws[last]) out = s.powerKw[last];
  const cutInMps = s.firstProducingIndex > 0 ? ws[s.firstProducingIndex - 1] : ws[0];
  if (speedMps < cutInMps) out = 0;
  s.lastThrustCoefficient = 0;
  if (!(out > 0)) return 0;
  const powerDensityWPerM2 = HALF * densityKgPerM3 * speedMps * speedMps * speedMps;
  const cp = Math.max(0, (WATTS_PER_KW * out) / (powerDensityWPerM2 * s.rotorAreaM2));
  const c = s.ctPolynomial;
  s.lastThrustCoefficient = Math.max(0, c[0] + c[1] * cp + c[2] * Math.pow(cp, 2) + c[3] * Math.pow(cp, 3));
  return out;
}
