/**
 * Surface orientation and angle of incidence for fixed, one-axis (true tracking or backtracking) and two-axis
 * arrays, with the conventions of PVWatts/ssc: azimuths east of north, tracker rotation positive toward west,
 * one-axis rotation limited to the tracker limit, backtracking by the closed-form rule of Anderson & Mikofski (2020).
 */
const DEG = Math.PI / 180;
/** An axis within 0.1 deg of vertical is treated as vertical (its true-tracking formula is singular). */
const VERTICAL_AXIS_MAX_COS_TILT = Math.cos((90 - 0.1) * DEG);

export type TrackingMode = "fixed" | "one-axis" | "two-axis";

export const SURF_AOI_DEG = 0;
export const SURF_TILT_DEG = 1;
export const SURF_AZIMUTH_DEG = 2;
export const SURF_ROTATION_DEG = 3;

/** Rotation (deg) of a one-axis tracker that puts the sun in the plane normal to the modules (true tracking). */
export function trueTrackingRotationDeg(solarAzimuthDeg: number, solarZenithDeg: number, axisTiltDeg: number, axisAzimuthDeg: number): number {
  const el = (90 - solarZenithDeg) * DEG;
  const az = solarAzimuthDeg * DEG;
  const sx = Math.cos(el) * Math.sin(az);
  const sy = Math.cos(el) * Math.cos(az);
  const sz = Math.sin(el);
  const sinYa = Math.sin(axisAzimuthDeg * DEG);
  const cosYa = Math.cos(axisAzimuthDeg * DEG);
  const sinBa = Math.sin(axisTiltDeg * DEG);
  const cosBa = Math.cos(axisTiltDeg * DEG);
  const sxp = sx * cosYa - sy * sinYa;
  const szp = sx * sinYa * sinBa + sy * sinBa * cosYa + sz * cosBa;
  return Math.atan2(sxp, szp) / DEG;
}

/** Backtracking rotation (deg) on flat ground: turns away from the sun just enough to avoid row-to-row beam shade. */
export function backtrackRotationDeg(trueRotationDeg: number, gcr: number): number {
  const projection = Math.abs(Math.cos(trueRotationDeg * DEG)) / gcr;
  if (projection >= 1) return trueRotationDeg;
  const sign = trueRotationDeg > 0 ? 1 : -1;
  return trueRotationDeg - (sign * Math.acos(projection)) / DEG;
}

/** Fraction (0..1) of a one-axis row's width in the shade of the row in front (flat ground). */
export function oneAxisShadeFraction(solarAzimuthDeg: number, solarZenithDeg: number, axisTiltDeg: number, axisAzimuthDeg: number, gcr: number, rotationDeg: number): number {
  const tanTrue = Math.tan(trueTrackingRotationDeg(solarAzimuthDeg, solarZenithDeg, axisTiltDeg, axisAzimuthDeg) * DEG);
  const sinR = Math.sin(rotationDeg * DEG);
  const cosR = Math.cos(rotationDeg * DEG);
  const fs = (gcr * cosR + gcr * sinR * tanTrue - 1) / (gcr * (sinR * tanTrue + cosR));
  return fs < 0 ? 0 : fs > 1 ? 1 : fs;
}

const acosClamped = (x: number): number => (x <= -1 ? Math.PI : x >= 1 ? 0 : Math.acos(x));

function incidenceRad(zenRad: number, azRad: number, tiltRad: number, surfAzRad: number): number {
  return acosClamped(Math.sin(zenRad) * Math.cos(azRad - surfAzRad) * Math.sin(tiltRad) + Math.cos(zenRad) * Math.cos(tiltRad));
}

/** Surface azimuth (rad, 0..2pi) of a one-axis tracker at rotation `rot` about an axis of azimuth `axisAz`. */
function trackerSurfaceAzimuthRad(rot: number, tilt: number, axisAz: number): number {
  if (tilt === 0) return Math.PI;
  const arg = Math.sin(rot) / Math.sin(tilt);
  let az: number;
  if (arg < -1) az = 1.5 * Math.PI + axisAz;
  else if (arg > 1) az = 0.5 * Math.PI + axisAz;
  else if (rot < -0.5 * Math.PI) az = axisAz - Math.PI - Math.asin(arg);
  else if (rot > 0.5 * Math.PI) az = axisAz + Math.PI - Math.asin(arg);
  else az = Math.asin(arg) + axisAz;
  if (az > 2 * Math.PI) az -= 2 * Math.PI;
  else if (az < 0) az += 2 * Math.PI;
  return az;
}

export interface SurfaceGeometry {
  mode: TrackingMode;
  /** Fixed: surface tilt; one-axis: axis tilt (deg). */
  tiltDeg: number;
  /** Fixed: surface azimuth; one-axis: axis azimuth (deg). */
  azimuthDeg: number;
  rotationLimitDeg: number;
  backtrack: boolean;
  gcr: number;
}

function oneAxisRotationRad(g: SurfaceGeometry, zenDeg: number, azDeg: number): number {
  const axisAz = g.azimuthDeg * DEG;
  const limit = g.rotationLimitDeg * DEG;
  let rot: number;
  if (Math.abs(Math.cos(g.tiltDeg * DEG)) < VERTICAL_AXIS_MAX_COS_TILT) {
    // vertical axis: the modules face the sun's azimuth
    const az = azDeg * DEG;
    rot = az - axisAz;
    if (rot > Math.PI) rot -= 2 * Math.PI;
    else if (rot < -Math.PI) rot += 2 * Math.PI;
  } else rot = trueTrackingRotationDeg(azDeg, zenDeg, g.tiltDeg, g.azimuthDeg) * DEG;
  const trueRot = rot;
  rot = Math.max(-limit, Math.min(limit, rot));
  if (g.backtrack) rot = Math.max(-limit, Math.min(limit, backtrackRotationDeg(trueRot / DEG, g.gcr) * DEG));
  return rot;
}

/** Orientation of the surface for a sun position (deg); writes [aoi, tilt, azimuth, rotation] (deg) into `out`. */
export function orientSurface(g: SurfaceGeometry, zenDeg: number, azDeg: number, out: Float64Array): void {
  const zen = zenDeg * DEG;
  const az = azDeg * DEG;
  if (g.mode === "two-axis") {
    out[SURF_AOI_DEG] = 0;
    out[SURF_TILT_DEG] = zenDeg;
    out[SURF_AZIMUTH_DEG] = azDeg;
    out[SURF_ROTATION_DEG] = 0;
    return;
  }
  if (g.mode === "fixed") {
    out[SURF_AOI_DEG] = incidenceRad(zen, az, g.tiltDeg * DEG, g.azimuthDeg * DEG) / DEG;
    out[SURF_TILT_DEG] = g.tiltDeg;
    out[SURF_AZIMUTH_DEG] = g.azimuthDeg;
    out[SURF_ROTATION_DEG] = 0;
    return;
  }
  const rot = oneAxisRotationRad(g, zenDeg, azDeg);
  const tilt = acosClamped(Math.cos(g.tiltDeg * DEG) * Math.cos(rot));
  const surfAz = trackerSurfaceAzimuthRad(rot, tilt, g.azimuthDeg * DEG);
  out[SURF_AOI_DEG] = incidenceRad(zen, az, tilt, surfAz) / DEG;
  out[SURF_TILT_DEG] = tilt / DEG;
  out[SURF_AZIMUTH_DEG] = surfAz / DEG;
  out[SURF_ROTATION_DEG] = rot / DEG;
}
