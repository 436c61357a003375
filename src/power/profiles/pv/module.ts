/**
 * Module physics of PVWatts v8: light through the cover (De Soto 2006 incidence angle modifiers with an
 * anti-reflective coating), spectral air mass modifier, NOCT cell temperature, and the CEC 6-parameter
 * single-diode model solved at the maximum power point.
 */
import { referenceData } from "../../../data/index.ts";
import type { PvModuleData } from "../../../data/pv-model.ts";

const PV = referenceData.pvModel;
const DEG = Math.PI / 180;

// ------------------------------------------------------------------------------------------------ cover

/** Fresnel + Bouguer transmittance of a layer (index nLayer, extinction K, thickness L) for light arriving at
 * `theta1Deg` from a medium of index nIn. */
function transmittance(theta1Deg: number, nLayer: number, nIn: number, extinctionPerM: number, thicknessM: number): number {
  const t1 = theta1Deg * DEG;
  const t2 = Math.asin((nIn / nLayer) * Math.sin(t1));
  const s = Math.sin(t2 - t1) / Math.sin(t2 + t1);
  const t = Math.tan(t2 - t1) / Math.tan(t2 + t1);
  return (1 - 0.5 * (s * s + t * t)) * Math.exp((-extinctionPerM * thicknessM) / Math.cos(t2));
}

const refractionDeg = (theta1Deg: number, nLayer: number, nIn: number): number => Math.asin((nIn / nLayer) * Math.sin(theta1Deg * DEG)) / DEG;

const C = PV.cover;
const glassTransmittance = (thetaDeg: number): number => transmittance(thetaDeg, C.glassRefractiveIndex, 1, C.glassExtinctionPerM, C.glassThicknessM);
/** Transmittance of the coated glass for beam light at incidence `thetaDeg`. */
function coatedGlassTransmittance(thetaDeg: number): number {
  const inCoating = refractionDeg(thetaDeg, C.coatingRefractiveIndex, 1);
  return (
    transmittance(thetaDeg, C.coatingRefractiveIndex, 1, C.coatingExtinctionPerM, C.coatingThicknessM) *
    transmittance(inCoating, C.glassRefractiveIndex, C.coatingRefractiveIndex, C.glassExtinctionPerM, C.glassThicknessM)
  );
}
/** Normal-incidence reference as ssc computes it: the coating, then the glass as if entered from air (this makes
 * the beam modifier reach 1 (capped) over a wide range of angles, which SAM's results include). */
const TAU_NORMAL =
  transmittance(C.minAngleDeg, C.coatingRefractiveIndex, 1, C.coatingExtinctionPerM, C.coatingThicknessM) *
  glassTransmittance(refractionDeg(C.minAngleDeg, C.coatingRefractiveIndex, 1));
const quadratic = (c: readonly number[], x: number): number => c[0] + c[1] * x + c[2] * x * x;

/** Irradiance through the cover (W/m2): beam at the angle of incidence, sky and ground diffuse at their
 * equivalent angles for the surface tilt (Duffie & Beckman 5.4.1-2), each relative to normal incidence. */
export function irradianceThroughCover(aoiDeg: number, tiltDeg: number, beam: number, sky: number, ground: number): number {
  const g = beam * beamCoverModifier(aoiDeg) + sky * skyDiffuseModifier(tiltDeg) + ground * groundDiffuseModifier(tiltDeg);
  return g > 0 ? g : 0;
}

/** Largest incidence angle at which the coated-glass beam modifier is still capped at 1 (it decreases with angle). */
const BEAM_UNITY_MAX_DEG = ((): number => {
  let lo = C.minAngleDeg;
  let hi = C.maxAngleDeg;
  if (coatedGlassTransmittance(lo) < TAU_NORMAL) return lo;
  for (let k = 0; k < 60; k++) {
    const mid = 0.5 * (lo + hi);
    if (coatedGlassTransmittance(mid) >= TAU_NORMAL) lo = mid;
    else hi = mid;
  }
  return lo;
})();

/** Incidence angle modifier of beam light through the coated cover (angle limited to the cover's range). */
export function beamCoverModifier(aoiDeg: number): number {
  if (aoiDeg <= BEAM_UNITY_MAX_DEG) return 1;
  const theta = aoiDeg > C.maxAngleDeg ? C.maxAngleDeg : aoiDeg;
  return Math.min(1, coatedGlassTransmittance(theta) / TAU_NORMAL);
}

/** Incidence angle modifier of sky diffuse light for a surface tilt (deg). */
export const skyDiffuseModifier = (tiltDeg: number): number => Math.min(1, glassTransmittance(quadratic(C.skyAngleDeg, tiltDeg)) / TAU_NORMAL);
/** Incidence angle modifier of ground-reflected light for a surface tilt (deg). */
export const groundDiffuseModifier = (tiltDeg: number): number => Math.min(1, glassTransmittance(quadratic(C.groundAngleDeg, tiltDeg)) / TAU_NORMAL);

// ------------------------------------------------------------------------------------------------ spectrum

const AM = PV.airMassModifier;
/** Spectral modifier (De Soto 2006 polynomial of the Kasten-Young air mass, elevation corrected). */
export function airMassModifier(zenithDeg: number, elevationM: number): number {
  const z = zenithDeg > AM.maxZenithDeg ? AM.maxZenithDeg : zenithDeg < 0 ? 0 : zenithDeg;
  const am = Math.exp(-AM.elevationScalePerM * elevationM) / (Math.cos(z * DEG) + AM.airMassCoefficient * Math.pow(AM.airMassOffsetDeg - z, AM.airMassExponent));
  const c = AM.coefficients;
  const f = c[0] + am * (c[1] + am * (c[2] + am * (c[3] + am * c[4])));
  return f > 0 ? f : 0;
}

// ------------------------------------------------------------------------------------------------ temperature

const T = PV.cellTemperature;
/** NOCT cell temperature (C) for effective irradiance `geff` (W/m2) of a module of STC efficiency `effRef`. */
export function cellTemperatureC(geff: number, ambientC: number, windMPerS: number, noctC: number, effRef: number): number {
  const wind = Math.max(windMPerS * T.windSpeedFactor, T.minWindSpeedMPerS);
  const rise = (geff / T.noctIrradianceWPerM2) * (noctC - T.noctAmbientC) * (1 - effRef / T.tauAlpha);
  return ambientC + (rise * T.heatLossNumerator) / (T.heatLossConstant + T.heatLossWindCoefficient * wind);
}

// ------------------------------------------------------------------------------------------------ single diode

const D = PV.diode;
const T_REF_K = D.referenceCellTemperatureC + D.kelvinAtZeroCelsius;

/** STC efficiency of the representative module (Pmp / (1000 W/m2 x area)). */
export const moduleEfficiency = (m: PvModuleData): number => (m.vmpV * m.impA) / (D.referenceIrradianceWPerM2 * m.areaM2);

/**
 * Maximum power (W) of one module with effective irradiance `geff` (W/m2) and cell temperature `cellC`
 * (CEC 6-parameter model: De Soto et al. 2006 with the Adjust factor of Dobos 2012).
 */
export function moduleMaxPowerW(geff: number, cellC: number, m: PvModuleData): number {
  if (geff < D.minEffectiveIrradianceWPerM2) return 0;
  const tK = cellC + D.kelvinAtZeroCelsius;
  const muIsc = m.alphaIscAPerC * (1 - m.adjustPercent / 100);
  const il = Math.max(0, (geff / D.referenceIrradianceWPerM2) * (m.lightCurrentA + muIsc * (tK - T_REF_K)));
  const bandgap = D.bandgapEv * (1 - D.bandgapTemperatureCoefficientPerK * (tK - T_REF_K));
  const ratio = tK / T_REF_K;
  const io = m.saturationCurrentA * ratio * ratio * ratio * Math.exp((D.bandgapEv / T_REF_K - bandgap / tK) / D.boltzmannEvPerK);
  const a = m.idealityVoltageV * ratio;
  const rsh = (m.shuntResistanceOhm * D.referenceIrradianceWPerM2) / geff;
  return maxPowerSingleDiode(il, io, a, m.seriesResistanceOhm, rsh);
}

/**
 * Maximum of P = V I on the single-diode curve I = IL - I0 (exp((V + I Rs)/a) - 1) - (V + I Rs)/Rsh.
 * Parameterized by the diode voltage x = V + I Rs, current and voltage are explicit in x, so the maximum is
 * found by safeguarded Newton iteration on dP/dx over [0, x_oc].
 */
export function maxPowerSingleDiode(il: number, io: number, a: number, rs: number, rsh: number): number {
  if (il <= 0) return 0;
  let lo = 0;
  let hi = a * Math.log(il / io + 1); // I(hi) = -hi/Rsh < 0
  let x = hi - a * Math.log(1 + hi / a);
  for (let iter = 0; iter < 50; iter++) {
    const e = io * Math.exp(x / a);
    const i = il - (e - io) - x / rsh;
    const di = -e / a - 1 / rsh;
    const d2i = -e / (a * a);
    const v = x - rs * i;
    const dp = di * v + i * (1 - rs * di);
    const d2p = d2i * (v - rs * i) + 2 * di * (1 - rs * di);
    if (dp > 0) lo = x;
    else hi = x;
    let next = d2p < 0 ? x - dp / d2p : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-8 * (1 + x)) {
      x = next;
      break;
    }
    x = next;
  }
  const current = il - io * (Math.exp(x / a) - 1) - x / rsh;
  const p = (x - rs * current) * current;
  return p > 0 ? p : 0;
}
