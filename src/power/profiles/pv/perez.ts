/**
 * Plane-of-array irradiance: beam, Perez (1990) anisotropic sky diffuse (isotropic + circumsolar + horizon band)
 * and ground-reflected irradiance, as PVWatts applies it (isotropic sky between 87.5 and 90 deg zenith).
 */
import { referenceData } from "../../../data/index.ts";

const P = referenceData.pvModel.perez;
const DEG = Math.PI / 180;
const MAX_ZENITH_RAD = P.maxZenithDeg * DEG;
const HALF_PI = Math.PI / 2;

export const POA_BEAM = 0;
export const POA_SKY = 1;
export const POA_GROUND = 2;

/** Perez sky clearness bin (0..7) of clearness `epsilon`. */
export function clearnessBin(epsilon: number): number {
  const bounds = P.clearnessBinUpperBounds;
  let i = 0;
  while (i < bounds.length && epsilon > bounds[i]) i++;
  return i;
}

/**
 * Irradiance on a surface (W/m2) from DNI and DHI, albedo, angle of incidence, surface tilt and sun zenith
 * (all radians). Writes [beam, sky diffuse, ground reflected] into `out`.
 */
export function perezPoa(dni: number, dhi: number, albedo: number, aoiRad: number, tiltRad: number, zenRad: number, out: Float64Array): void {
  const dn = dni < 0 ? 0 : dni;
  const cosInc = Math.cos(aoiRad);
  if (zenRad < 0 || zenRad > MAX_ZENITH_RAD) {
    const d = dhi < 0 ? 0 : dhi;
    out[POA_BEAM] = cosInc > 0 && zenRad < HALF_PI ? dn * cosInc : 0;
    out[POA_SKY] = (d * (1 + Math.cos(tiltRad))) / 2;
    out[POA_GROUND] = 0;
    return;
  }
  const cosZen = Math.cos(zenRad);
  if (dhi <= 0) {
    out[POA_BEAM] = cosInc > 0 ? dn * cosInc : 0;
    out[POA_SKY] = 0;
    out[POA_GROUND] = 0;
    return;
  }
  const zenDeg = zenRad / DEG;
  const airMass = 1 / (cosZen + P.airMassCoefficient * Math.pow(P.airMassOffsetDeg - zenDeg, P.airMassExponent));
  const brightness = (dhi * airMass) / P.brightnessNormalizationWPerM2;
  const kz3 = zenDeg * zenDeg * zenDeg * P.clearnessZenithCoefficientPerDeg3;
  const epsilon = ((dn + dhi) / dhi + kz3) / (1 + kz3);
  const i = clearnessBin(epsilon);
  const f1Raw = P.f11[i] + P.f12[i] * brightness + P.f13[i] * zenRad;
  const f1 = f1Raw > 0 ? f1Raw : 0;
  const f2 = P.f21[i] + P.f22[i] * brightness + P.f23[i] * zenRad;
  const zc = cosInc > 0 ? cosInc : 0;
  const zh = cosZen > P.minCosZenith ? cosZen : P.minCosZenith;
  const isotropic = (dhi * (1 - f1) * (1 + Math.cos(tiltRad))) / 2;
  const circumsolar = (dhi * f1 * zc) / zh;
  const horizon = dhi * f2 * Math.sin(tiltRad);
  out[POA_BEAM] = dn * zc;
  out[POA_SKY] = isotropic + circumsolar + horizon;
  out[POA_GROUND] = (albedo * (dn * cosZen + dhi) * (1 - Math.cos(tiltRad))) / 2;
}

/** Extraterrestrial normal irradiance (W/m2) on day of year `dayOfYear` (Duffie & Beckman eq. 1.4.1a). */
export function extraterrestrialNormalWPerM2(dayOfYear: number): number {
  const e = referenceData.pvModel.extraterrestrial;
  return e.solarConstantWPerM2 * (1 + e.eccentricityAmplitude * Math.cos((2 * Math.PI * dayOfYear) / e.daysPerYear));
}
