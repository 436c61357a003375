/**
 * Row-to-row self-shading of PVWatts v8 (Deline et al. 2013; Appelbaum & Bany 1979): the assumed array layout,
 * the linear beam shade fraction of fixed racks, and the reduction of sky and ground diffuse light seen between rows.
 */
import { referenceData } from "../../../data/index.ts";

const PV = referenceData.pvModel;
const SS = PV.selfShading;
const DEG = Math.PI / 180;

/** Assumed physical layout of the array (used for self-shading only). */
export interface ArrayLayout {
  modulesUp: number;
  rows: number;
  modulesAcross: number;
  stringsAcross: number;
  moduleLengthM: number;
  moduleWidthM: number;
  rowSpacingM: number;
  gcr: number;
}

/** PVWatts layout: 300 W modules in a "square" array, 2 up (fixed) or 1 up (trackers), 7 modules per string. */
export function arrayLayout(dcNameplateW: number, stcEfficiencyFraction: number, oneAxis: boolean, roof: boolean, gcr: number): ArrayLayout {
  const L = PV.layout;
  const areaM2 = L.moduleStcW / stcEfficiencyFraction / 1000;
  const moduleWidthM = Math.sqrt(areaM2 / L.moduleAspectRatio);
  const moduleLengthM = moduleWidthM * L.moduleAspectRatio;
  const modules = Math.max(1, Math.ceil(dcNameplateW / L.moduleStcW));
  const modulesUp = oneAxis ? L.modulesUpTracker : L.modulesUpFixed;
  const rows = roof ? 1 : Math.ceil(Math.sqrt(modules / modulesUp));
  const modulesAcross = Math.max(1, Math.ceil(modules / (rows * modulesUp)));
  return {
    modulesUp,
    rows,
    modulesAcross,
    stringsAcross: Math.trunc(modulesAcross / L.modulesPerString),
    moduleLengthM,
    moduleWidthM,
    rowSpacingM: (moduleLengthM * modulesUp) / gcr,
    gcr,
  };
}

/**
 * Fraction of the row area in beam shade for a fixed rack (Appelbaum & Bany eqs. 11-13, A12-A15), with the
 * shadow's along-row offset ignored when rows hold more than one string (horizontal stringing).
 */
export function fixedRackShadeFraction(layout: ArrayLayout, tiltDeg: number, surfaceAzimuthDeg: number, zenithDeg: number, azimuthDeg: number): number {
  const side = layout.moduleLengthM * layout.modulesUp;
  const rowLength = layout.modulesAcross * layout.moduleWidthM;
  const spacing = Math.max(layout.rowSpacingM, SS.minRowSpacingM);
  const azEff = azimuthDeg - surfaceAzimuthDeg;
  if (!(zenithDeg < 90 && tiltDeg !== 0 && Math.abs(azEff) < 90)) return 0;
  const tanElevation = Math.tan((90 - zenithDeg) * DEG);
  const sinTilt = Math.sin(tiltDeg * DEG);
  const py = side * (Math.cos(tiltDeg * DEG) + (Math.cos(azEff * DEG) * sinTilt) / tanElevation);
  const px = (side * sinTilt * Math.sin(azEff * DEG)) / tanElevation;
  if (py === 0) return 0;
  let offset = Math.min(Math.max((spacing * px) / py, 0), rowLength);
  if (layout.stringsAcross > 1) offset = 0;
  const height = Math.min(Math.max(side * (1 - spacing / py), 0), side);
  return (height * (rowLength - offset)) / (side * rowLength);
}

/**
 * Sky diffuse derate of a row behind another (isotropic sky, surface tilt in deg): a point at fraction s up the
 * row (side 1, spacing 1/gcr) sees the sky above the front row's top edge, at elevation
 * psi = atan2((1-s) sin t, 1/gcr - (1-s) cos t), so its sky view factor drops from (1 + cos t)/2 to
 * (1 + cos(t + psi))/2. Averaged over the row with the step count of SAM's table. (SAM takes |cos(t + psi)|,
 * which overstates the sky view when t + psi > 90 deg, i.e. steep dense rows; the geometry here does not.)
 */
export function skyDiffuseDerate(surfaceTiltDeg: number, gcr: number): number {
  const n = SS.skyDiffuseIntegrationSteps;
  const t = surfaceTiltDeg * DEG;
  const sinT = Math.sin(t);
  const cosT = Math.cos(t);
  const spacing = 1 / gcr;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const below = 1 - k / n; // fraction of the row above the point
    const psi = Math.atan2(below * sinT, spacing - below * cosT);
    sum += 1 + Math.cos(t + psi);
  }
  return Math.min(1, sum / n / (1 + cosT));
}

/** Albedo-weighted view factor from a row to the ground strip of length y in front of it (row side B). */
function groundViewFactor(y: number, B: number, cos180MinusTilt: number, albedo: number): number {
  return 0.5 * albedo * (1 + y / B - Math.sqrt((y * y) / (B * B) - (2 * y * cos180MinusTilt) / B + 1));
}

/**
 * Factor on ground-reflected irradiance for rows in an array: the rows in front block part of the sunlit and
 * diffuse-lit ground (Deline's view factors for row side B = 1 and spacing R = 1/gcr, first row unobstructed).
 */
export function groundDiffuseDerate(zenithDeg: number, tiltDeg: number, dni: number, dhi: number, albedo: number, gcr: number, rows: number): number {
  const beamHorizontal = dni * Math.cos(zenithDeg * DEG);
  const f1 = albedo * Math.sin((tiltDeg / 2) * DEG) ** 2;
  const unobstructed = f1 * (beamHorizontal + dhi);
  if (!(unobstructed > 0)) return 1;
  const B = 1;
  const R = B / gcr;
  const altitude = 90 - zenithDeg;
  const y1 = Math.max(SS.minGroundShadowLengthM, R - (B * Math.sin((180 - altitude - tiltDeg) * DEG)) / Math.sin(altitude * DEG));
  const cos180MinusTilt = Math.cos((180 - tiltDeg) * DEG);
  const f2 = groundViewFactor(y1, B, cos180MinusTilt, albedo);
  const f3 = groundViewFactor(R, B, cos180MinusTilt, albedo);
  const reduced = ((f1 + (rows - 1) * f2) / rows) * beamHorizontal + ((f1 + (rows - 1) * f3) / rows) * dhi;
  return reduced / unobstructed;
}
