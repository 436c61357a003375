/**
 * Hourly output of a wind farm for one year from a wind resource (SAM/ssc `windpower` time-series model,
 * re-implemented): hub-height conditions → density-corrected power curve → internal wakes (simple model,
 * constant loss, or none) → other losses (availability, electrical, other; combined multiplicatively).
 * Validated against ssc's windpower test (32 × 1.5 MW; see sam-validation.test.ts).
 */
import { type Diagnostic, type Outcome, error, hasErrors } from "../../../core/diagnostics.ts";
import { referenceData } from "../../../data/index.ts";
import type { WindModelData } from "../../../data/wind-model.ts";
import { hubHeightWind, type HubHeightWind } from "./hub-height.ts";
import { checkLayout, defaultLayout, type TurbineLayout } from "./layout.ts";
import { checkPowerCurve, type PowerCurve, ratedPowerKw } from "./power-curve.ts";
import type { HeightMethod, WindResource } from "./resource.ts";
import { createTurbineState, turbineOutputKw } from "./turbine.ts";
import { createWakeWorkspace, simpleWakeFarmKw } from "./wake-simple.ts";
import { DAYS_IN_MONTH, HOURS_PER_YEAR } from "../../../core/calendar.ts";

export interface WindTurbineSpec {
  name?: string;
  /** at standard air density (1 atm, 15 °C) */
  powerCurve: PowerCurve;
  rotorDiameterM: number;
  hubHeightM: number;
}

export type WakeModelName = "simple" | "constant" | "none";

export interface WindLosses {
  availabilityPercent?: number;
  electricalPercent?: number;
  otherPercent?: number;
}

export interface WindFarmSpec {
  turbine: WindTurbineSpec;
  turbineCount: number;
  /** turbine positions; default: staggered rows (data/wind-model.json → defaultLayout) */
  layout?: TurbineLayout;
  /** power-law exponent for speeds not measured at hub height; default 0.14 */
  shearExponent?: number;
  /** ambient turbulence intensity for the simple wake model; default 0.10 */
  turbulenceIntensityFraction?: number;
  /** default "simple" */
  wakeModel?: WakeModelName;
  /** internal wake loss of the "constant" model, % */
  constantWakeLossPercent?: number;
  losses?: WindLosses;
}

export interface WindFarmResult {
  /** output after wakes and losses, kW (= kWh per hour), 8760 values */
  netKw: Float64Array;
  /** n × free-stream turbine output (before wakes and losses), kW */
  grossKw: Float64Array;
  annualEnergyKwh: number;
  annualGrossEnergyKwh: number;
  monthlyEnergyKwh: number[];
  /** internal wake loss, % of gross */
  wakeLossPercent: number;
  /** availability + electrical + other losses combined, % of post-wake energy */
  otherLossesPercent: number;
  nameplateKw: number;
  capacityFactorFraction: number;
  averageHubSpeedMps: number;
  hubSpeedMethod: HeightMethod;
  shearExponentApplied: number | null;
}

const HOURS_PER_DAY = 24;
const PERCENT = 100;

const inRange = (v: number | undefined, lo: number, hi: number): boolean => v === undefined || (Number.isFinite(v) && v >= lo && v <= hi);

/** Every problem with a farm spec (paths under `path`). */
export function checkWindFarmSpec(farm: WindFarmSpec, path = "farm"): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const t = farm.turbine;
  ds.push(...checkPowerCurve(t.powerCurve, `${path}.turbine.powerCurve`));
  if (!(Number.isFinite(t.rotorDiameterM) && t.rotorDiameterM > 0)) ds.push(error(`${path}.turbine.rotorDiameterM`, "must be > 0 m"));
  if (!(Number.isFinite(t.hubHeightM) && t.hubHeightM > 0)) ds.push(error(`${path}.turbine.hubHeightM`, "must be > 0 m"));
  if (!(Number.isInteger(farm.turbineCount) && farm.turbineCount >= 1)) ds.push(error(`${path}.turbineCount`, "must be a whole number ≥ 1"));
  if (farm.layout) {
    ds.push(...checkLayout(farm.layout, `${path}.layout`));
    if (farm.layout.xM.length !== farm.turbineCount)
      ds.push(error(`${path}.layout`, `has ${farm.layout.xM.length} turbines but turbineCount is ${farm.turbineCount}`));
  }
  if (!inRange(farm.shearExponent, 0, 1)) ds.push(error(`${path}.shearExponent`, "must be between 0 and 1"));
  if (!inRange(farm.turbulenceIntensityFraction, 0, 1)) ds.push(error(`${path}.turbulenceIntensityFraction`, "must be between 0 and 1"));
  if (farm.wakeModel !== undefined && !["simple", "constant", "none"].includes(farm.wakeModel))
    ds.push(error(`${path}.wakeModel`, `must be "simple", "constant" or "none"`));
  if (farm.wakeModel === "constant" && farm.constantWakeLossPercent === undefined)
    ds.push(error(`${path}.constantWakeLossPercent`, 'required with wakeModel "constant"'));
  if (!inRange(farm.constantWakeLossPercent, 0, PERCENT)) ds.push(error(`${path}.constantWakeLossPercent`, "must be between 0 and 100"));
  for (const [k, v] of Object.entries(farm.losses ?? {}))
    if (!inRange(v, 0, PERCENT)) ds.push(error(`${path}.losses.${k}`, "must be between 0 and 100"));
  return ds;
}

/** Π (1 − loss/100) over availability, electrical and other losses. */
export function lossMultiplier(losses: WindLosses = {}): number {
  const parts = [losses.availabilityPercent, losses.electricalPercent, losses.otherPercent];
  return parts.reduce<number>((m, p) => m * (1 - (p ?? 0) / PERCENT), 1);
}

function monthlySums(netKw: Float64Array): number[] {
  const out: number[] = [];
  let h = 0;
  for (const days of DAYS_IN_MONTH) {
    let sum = 0;
    const end = h + days * HOURS_PER_DAY;
    for (; h < end; h++) sum += netKw[h];
    out.push(sum);
  }
  return out;
}

function hourlyFarm(hub: HubHeightWind, farm: WindFarmSpec, model: WindModelData): { net: Float64Array; gross: Float64Array; afterWakeKwh: number } {
  const { turbine, turbineCount: n } = farm;
  const layout = farm.layout ?? defaultLayout(n, turbine.rotorDiameterM, model.defaultLayout);
  const ti = farm.turbulenceIntensityFraction ?? model.defaults.turbulenceIntensityFraction;
  const wakeModel = farm.wakeModel ?? "simple";
  const constantFactor = 1 - (farm.constantWakeLossPercent ?? 0) / PERCENT;
  const multiplier = lossMultiplier(farm.losses);
  const state = createTurbineState(turbine.powerCurve, turbine.rotorDiameterM, model);
  const w = createWakeWorkspace(n);
  const net = new Float64Array(HOURS_PER_YEAR);
  const gross = new Float64Array(HOURS_PER_YEAR);
  let afterWakeKwh = 0;
  let farmKw = 0;
  for (let h = 0; h < HOURS_PER_YEAR; h++) {
    const v = hub.speedMps[h];
    const rho = hub.airDensityKgPerM3[h];
    if (h > 0 && v === hub.speedMps[h - 1] && rho === hub.airDensityKgPerM3[h - 1] && hub.directionDeg[h] === hub.directionDeg[h - 1]) {
      // same conditions as the hour before: same result (the turbine state is unchanged too)
      gross[h] = gross[h - 1];
    } else if (wakeModel === "simple") {
      farmKw = simpleWakeFarmKw(state, layout, turbine.rotorDiameterM, v, hub.directionDeg[h], rho, ti, model.simpleWake, w);
      gross[h] = w.lastGrossKw;
    } else {
      gross[h] = turbineOutputKw(state, v, rho) * n;
      farmKw = wakeModel === "constant" ? gross[h] * constantFactor : gross[h];
    }
    afterWakeKwh += farmKw;
    net[h] = farmKw * multiplier;
  }
  return { net, gross, afterWakeKwh };
}

/**
 * Simulates the farm for one year. Throws if `checkWindFarmSpec` or the hub-height step reports an error:
 * callers facing users should use `runWindFarm`, which returns diagnostics instead.
 */
export function simulateWindFarm(resource: WindResource, farm: WindFarmSpec, model: WindModelData = referenceData.windModel): WindFarmResult {
  const out = runWindFarm(resource, farm, model);
  if (!out.value) throw new Error(out.diagnostics.map((d) => `${d.path}: ${d.message}`).join("; "));
  return out.value;
}

/** Checks the inputs, then simulates; every problem comes back as a diagnostic. */
export function runWindFarm(resource: WindResource, farm: WindFarmSpec, model: WindModelData = referenceData.windModel): Outcome<WindFarmResult | null> {
  const ds = checkWindFarmSpec(farm);
  if (hasErrors(ds)) return { value: null, diagnostics: ds };
  const shear = farm.shearExponent ?? model.defaults.shearExponent;
  const hub = hubHeightWind(resource, farm.turbine.hubHeightM, shear, model);
  ds.push(...hub.diagnostics);
  if (!hub.value || hasErrors(ds)) return { value: null, diagnostics: ds };
  const { net, gross, afterWakeKwh } = hourlyFarm(hub.value, farm, model);
  const annualEnergyKwh = net.reduce((a, b) => a + b, 0);
  const annualGrossEnergyKwh = gross.reduce((a, b) => a + b, 0);
  const nameplateKw = ratedPowerKw(farm.turbine.powerCurve) * farm.turbineCount;
  const speedSum = hub.value.speedMps.reduce((a, b) => a + b, 0);
  const result: WindFarmResult = {
    netKw: net,
    grossKw: gross,
    annualEnergyKwh,
    annualGrossEnergyKwh,
    monthlyEnergyKwh: monthlySums(net),
    wakeLossPercent: annualGrossEnergyKwh > 0 ? (1 - afterWakeKwh / annualGrossEnergyKwh) * PERCENT : 0,
    otherLossesPercent: (1 - lossMultiplier(farm.losses)) * PERCENT,
    nameplateKw,
    capacityFactorFraction: annualEnergyKwh / (nameplateKw * HOURS_PER_YEAR),
    averageHubSpeedMps: speedSum / HOURS_PER_YEAR,
    hubSpeedMethod: hub.value.speedMethod,
    shearExponentApplied: hub.value.shearExponentApplied,
  };
  return { value: result, diagnostics: ds };
}
