/**
 * PVWatts v8-class PV simulation of one weather year: sun position at the file's time convention, Perez
 * plane-of-array irradiance, self-shading, cover and spectral losses, NOCT cell temperature, CEC single-diode
 * module power, DC losses, inverter curve and clipping. One pass over typed arrays, no allocation per hour.
 */
import { referenceData } from "../../../data/index.ts";
import type { PvModuleData } from "../../../data/pv-model.ts";
import type { SolarWeather } from "./weather.ts";
import { orientSurface, oneAxisShadeFraction, type SurfaceGeometry, SURF_AOI_DEG, SURF_AZIMUTH_DEG, SURF_ROTATION_DEG, SURF_TILT_DEG } from "./incidence.ts";
import { airMassModifier, beamCoverModifier, cellTemperatureC, groundDiffuseModifier, moduleEfficiency, moduleMaxPowerW, skyDiffuseModifier } from "./module.ts";
import { extraterrestrialNormalWPerM2, perezPoa, POA_BEAM, POA_GROUND, POA_SKY } from "./perez.ts";
import { type ArrayLayout, arrayLayout, fixedRackShadeFraction, groundDiffuseDerate, skyDiffuseDerate } from "./self-shading.ts";
import { sunPositionAt, type SunClock, sunClock, SUN_AZIMUTH_DEG, SUN_ZENITH_DEG } from "./sun-clock.ts";
import { type InverterRating, inverterAcW, inverterRating, type PvResult, type PvSystem } from "./system.ts";
import { TiltTable } from "./tilt-table.ts";

const PV = referenceData.pvModel;
const DEG = Math.PI / 180;
const MODULE_KEYS = ["standard", "premium", "thinFilm"] as const;
/** Grid steps of the tilt tables (deg): whole degrees for the sky derate as in SAM; 0.1 deg for the cover modifiers. */
const SKY_DERATE_STEP_DEG = 1;
const COVER_TABLE_STEP_DEG = 0.1;

interface Context {
  clock: SunClock;
  geometry: SurfaceGeometry;
  module: PvModuleData;
  moduleEfficiencyFraction: number;
  noctC: number;
  /** Module count scale: system DC nameplate (W) / one module's Pmp (W). */
  modulesPerSystem: number;
  dcLossFactor: number;
  inverter: InverterRating;
  elevationM: number;
  layout: ArrayLayout | null;
  /** Self-shading sky diffuse derate by surface tilt (whole-degree grid; SAM caches it by whole degree). */
  skyDerates: TiltTable | null;
  /** Cover modifiers of sky and ground diffuse light by surface tilt. */
  skyCover: TiltTable;
  groundCover: TiltTable;
  fixedRack: boolean;
  oneAxisTrueTracking: boolean;
  sun: Float64Array;
  surface: Float64Array;
  poa: Float64Array;
}

function prepare(weather: SolarWeather, s: PvSystem): Context {
  const module = PV.modules[MODULE_KEYS[s.moduleType]];
  const dcW = s.systemCapacityKw * 1000;
  const oneAxis = s.arrayType === 2 || s.arrayType === 3;
  const selfShaded = s.arrayType === 0 || oneAxis;
  const geometry: SurfaceGeometry = {
    mode: oneAxis ? "one-axis" : s.arrayType === 4 ? "two-axis" : "fixed",
    tiltDeg: s.tiltDeg,
    azimuthDeg: s.azimuthDeg,
    rotationLimitDeg: PV.trackerRotationLimitDeg,
    backtrack: s.arrayType === 3,
    gcr: s.gcr,
  };
  return {
    clock: sunClock(weather),
    geometry,
    module,
    moduleEfficiencyFraction: moduleEfficiency(module),
    noctC: s.arrayType === 1 ? PV.cellTemperature.noctRoofMountC : PV.cellTemperature.noctOpenRackC,
    modulesPerSystem: dcW / (module.vmpV * module.impA),
    dcLossFactor: 1 - s.lossesPercent / 100,
    inverter: inverterRating(dcW, s.dcAcRatio, s.inverterEfficiencyPercent),
    elevationM: weather.elevationM,
    layout: selfShaded ? arrayLayout(dcW, module.stcEfficiencyFraction, oneAxis, false, s.gcr) : null,
    skyDerates: selfShaded ? new TiltTable((t) => skyDiffuseDerate(t, s.gcr), SKY_DERATE_STEP_DEG, s.tiltDeg) : null,
    skyCover: new TiltTable(skyDiffuseModifier, COVER_TABLE_STEP_DEG, s.tiltDeg),
    groundCover: new TiltTable(groundDiffuseModifier, COVER_TABLE_STEP_DEG, s.tiltDeg),
    fixedRack: s.arrayType === 0,
    oneAxisTrueTracking: s.arrayType === 2,
    sun: new Float64Array(2),
    surface: new Float64Array(4),
    poa: new Float64Array(3),
  };
}

/** Applies row-to-row shading to the POA components in `ctx.poa`. */
function applySelfShading(ctx: Context, dni: number, dhi: number, albedo: number): void {
  const layout = ctx.layout!;
  const { sun, surface, poa } = ctx;
  const zen = sun[SUN_ZENITH_DEG];
  const az = sun[SUN_AZIMUTH_DEG];
  if (ctx.fixedRack) poa[POA_BEAM] *= 1 - fixedRackShadeFraction(layout, surface[SURF_TILT_DEG], surface[SURF_AZIMUTH_DEG], zen, az);
  else if (ctx.oneAxisTrueTracking) {
    const g = ctx.geometry;
    poa[POA_BEAM] *= 1 - oneAxisShadeFraction(az, zen, g.tiltDeg, g.azimuthDeg, g.gcr, surface[SURF_ROTATION_DEG]);
  }
  if (poa[POA_SKY] + poa[POA_GROUND] < PV.selfShading.minDiffusePoaWPerM2) return;
  const tol = PV.selfShading.derateTolerance;
  const fSky = ctx.skyDerates!.at(surface[SURF_TILT_DEG]);
  const fGround = groundDiffuseDerate(zen, surface[SURF_TILT_DEG], dni, dhi, albedo, layout.gcr, layout.rows);
  if (fSky >= -tol && fSky <= 1 + tol) poa[POA_SKY] *= fSky;
  if (fGround >= -tol && fGround <= 1 + tol) poa[POA_GROUND] *= fGround;
}

/** DC power (W, after DC losses) of row `i`; 0 when the sun is down or the beam exceeds extraterrestrial. */
function rowDcW(ctx: Context, w: SolarWeather, i: number): number {
  if (!sunPositionAt(ctx.clock, w, i, ctx.sun)) return 0;
  const zen = ctx.sun[SUN_ZENITH_DEG];
  const dni = w.dniWPerM2[i];
  const dhi = w.dhiWPerM2[i];
  const cosZen = Math.cos(zen * DEG);
  if (zen < 90 && dni * cosZen > extraterrestrialNormalWPerM2(ctx.clock.dayOfYear) * cosZen) return 0;
  const { surface, poa } = ctx;
  orientSurface(ctx.geometry, zen, ctx.sun[SUN_AZIMUTH_DEG], surface);
  const a = w.albedoFraction?.[i] ?? Number.NaN;
  const albedo = a > 0 && a < 1 ? a : PV.defaultAlbedoFraction;
  perezPoa(dni, dhi, albedo, surface[SURF_AOI_DEG] * DEG, surface[SURF_TILT_DEG] * DEG, zen * DEG, poa);
  if (ctx.layout) applySelfShading(ctx, dni, dhi, albedo);
  const tilt = surface[SURF_TILT_DEG];
  const through = poa[POA_BEAM] * beamCoverModifier(surface[SURF_AOI_DEG]) + poa[POA_SKY] * ctx.skyCover.at(tilt) + poa[POA_GROUND] * ctx.groundCover.at(tilt);
  const geff = (through > 0 ? through : 0) * airMassModifier(zen, ctx.elevationM);
  if (!(geff > 0)) return 0;
  const cellC = cellTemperatureC(geff, w.temperatureC[i], w.windSpeedMPerS[i], ctx.noctC, ctx.moduleEfficiencyFraction);
  return moduleMaxPowerW(geff, cellC, ctx.module) * ctx.modulesPerSystem * ctx.dcLossFactor;
}

/**
 * Simulates a PV system over the weather rows (hourly). Callers check the system with `checkPvSystem` first;
 * an invalid system throws a RangeError (a programming error, not a user-input path).
 */
export function simulatePv(weather: SolarWeather, system: PvSystem): PvResult {
  if (!(system.systemCapacityKw > 0 && system.dcAcRatio > 0 && system.gcr > 0 && system.gcr < 1)) {
    throw new RangeError("simulatePv: invalid PV system (check it with checkPvSystem first)");
  }
  const ctx = prepare(weather, system);
  const n = weather.hours;
  const acKw = new Float64Array(n);
  const dcKw = new Float64Array(n);
  const monthlyEnergyKwh = new Array<number>(12).fill(0);
  let annualEnergyKwh = 0;
  for (let i = 0; i < n; i++) {
    const dcW = rowDcW(ctx, weather, i);
    const acW = dcW > 0 ? inverterAcW(dcW, ctx.inverter) : 0;
    dcKw[i] = dcW / 1000;
    acKw[i] = acW / 1000;
    monthlyEnergyKwh[weather.month[i] - 1] += acKw[i];
    annualEnergyKwh += acKw[i];
  }
  const acNameplateKw = ctx.inverter.acW / 1000;
  return { acKw, dcKw, annualEnergyKwh, monthlyEnergyKwh, capacityFactorAcFraction: annualEnergyKwh / (acNameplateKw * n) };
}
