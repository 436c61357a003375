/**
 * Sun position: geocentric coordinates from the SG2 algorithm (Blanc & Wald 2012; ~0.003 deg, the algorithm ssc
 * uses under the name "SPA"), topocentric parallax and refraction from NREL SPA (Reda & Andreas 2004), and
 * sunrise/sunset from SPA Annex A.2. Angles in the data are radians or degrees as their names say.
 */
import { referenceData } from "../../../data/index.ts";

const SP = referenceData.pvModel.sunPosition;
const DEG = Math.PI / 180;
const TWO_PI = 2 * Math.PI;
const SECONDS_PER_DAY = 86400;

/** Julian day (UT) of a local standard time; `minute` may be fractional. Meeus (1998) ch. 7, SPA eq. 4. */
export function julianDay(year: number, month: number, day: number, hour: number, minute: number, timeZoneHours: number): number {
  let y = year;
  let m = month;
  if (m < 3) {
    m += 12;
    y -= 1;
  }
  const dayFraction = day + (hour - timeZoneHours + minute / 60) / 24;
  let jd = Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + dayFraction - 1524.5;
  if (jd > 2299160) {
    const a = Math.trunc(y / 100);
    jd += 2 - a + Math.trunc(a / 4);
  }
  return jd;
}

/** Difference TT - UT in seconds for a calendar year (polynomial fits by year range). */
export function deltaTSeconds(year: number): number {
  for (const s of SP.deltaT.segments) {
    if (year < s.fromYear || year > s.toYear) continue;
    const t = year - s.baseYear;
    let v = 0;
    for (let k = s.coefficientsS.length - 1; k >= 0; k--) v = v * t + s.coefficientsS[k];
    return v;
  }
  return SP.deltaT.otherYearsS;
}

const periodic = (j: number, periodDays: number, amplitude: number, phaseRad: number): number =>
  amplitude * Math.cos((TWO_PI * j) / periodDays - phaseRad);

/** Index of the outputs of `geocentricSun`. */
export const GEO_RIGHT_ASCENSION_RAD = 0;
export const GEO_DECLINATION_RAD = 1;
export const GEO_SIDEREAL_TIME_RAD = 2;

/**
 * Geocentric apparent right ascension and declination of the Sun and the apparent sidereal time at Greenwich,
 * for a Julian day (UT) and Delta T (s). Writes into `out` [alpha, delta, nu] (radians).
 */
export function geocentricSun(jdUt: number, deltaTS: number, out: Float64Array): void {
  const j = jdUt + deltaTS / SECONDS_PER_DAY - SP.epochJulianDay;
  const hl = SP.heliocentricLongitude;
  let longitude = j / hl.daysPerRadian + hl.offsetRad;
  for (const t of hl.terms) longitude += periodic(j, t.periodDays, t.amplitudeRad, t.phaseRad);
  const nl = SP.nutationLongitude;
  const deltaPsi = periodic(j, nl.periodDays, nl.amplitudeRad, nl.phaseRad);
  const ob = SP.trueObliquity;
  const epsilon = ob.slopeRadPerDay * j + ob.offsetRad + periodic(j, ob.periodDays, ob.amplitudeRad, ob.phaseRad);
  const lambda = longitude + Math.PI + deltaPsi + SP.aberrationRad;
  const sinLambda = Math.sin(lambda);
  out[GEO_RIGHT_ASCENSION_RAD] = Math.atan2(sinLambda * Math.cos(epsilon), Math.cos(lambda));
  out[GEO_DECLINATION_RAD] = Math.asin(Math.sin(epsilon) * sinLambda);
  out[GEO_SIDEREAL_TIME_RAD] = greenwichMeanSiderealDeg(jdUt) * DEG + deltaPsi * Math.cos(epsilon);
}

/** Site constants used by the topocentric correction (precomputed once per simulation). */
export interface SunSite {
  latitudeRad: number;
  longitudeRad: number;
  timeZoneHours: number;
  sinLat: number;
  cosLat: number;
  /** SPA parallax terms x = rho cos(phi'), y = rho sin(phi'). */
  parallaxX: number;
  parallaxY: number;
}

export function sunSite(latitudeDeg: number, longitudeDeg: number, timeZoneHours: number, elevationM: number): SunSite {
  const phi = latitudeDeg * DEG;
  const ratio = SP.earth.polarToEquatorialRadiusRatio;
  const u = Math.atan(ratio * Math.tan(phi));
  const h = elevationM / SP.earth.equatorialRadiusM;
  return {
    latitudeRad: phi,
    longitudeRad: longitudeDeg * DEG,
    timeZoneHours,
    sinLat: Math.sin(phi),
    cosLat: Math.cos(phi),
    parallaxX: Math.cos(u) + h * Math.cos(phi),
    parallaxY: ratio * Math.sin(u) + h * Math.sin(phi),
  };
}

export const TOPO_ZENITH_DEG = 0;
export const TOPO_AZIMUTH_DEG = 1;

/** Atmospheric refraction correction (deg) of a true elevation `e0Deg` (SPA eq. 42); 0 below the horizon. */
function refractionDeg(e0Deg: number, pressureMbar: number, temperatureC: number): number {
  const r = SP.refraction;
  if (e0Deg < -(r.sunRadiusDeg + r.horizonRefractionDeg)) return 0;
  const arg = (e0Deg + r.elevationTermDeg / (e0Deg + r.elevationOffsetDeg)) * DEG;
  return (((pressureMbar / r.referencePressureMbar) * (r.referenceTemperatureK / (r.temperatureOffsetK + temperatureC))) * r.coefficientArcmin) / (60 * Math.tan(arg));
}

/**
 * Topocentric zenith and azimuth (deg, azimuth east of north) from the geocentric values of `geocentricSun`,
 * with parallax and refraction (pressure in mbar, temperature in C). Writes [zenith, azimuth] into `out`.
 */
export function topocentricSun(site: SunSite, geo: Float64Array, pressureMbar: number, temperatureC: number, out: Float64Array): void {
  const delta = geo[GEO_DECLINATION_RAD];
  const hourAngle = geo[GEO_SIDEREAL_TIME_RAD] + site.longitudeRad - geo[GEO_RIGHT_ASCENSION_RAD];
  const sinXi = Math.sin(SP.equatorialParallaxRad);
  const cosDelta = Math.cos(delta);
  const cosH = Math.cos(hourAngle);
  const denom = cosDelta - site.parallaxX * sinXi * cosH;
  const deltaAlpha = Math.atan2(-site.parallaxX * sinXi * Math.sin(hourAngle), denom);
  const deltaPrime = Math.atan2((Math.sin(delta) - site.parallaxY * sinXi) * Math.cos(deltaAlpha), denom);
  const hPrime = hourAngle - deltaAlpha;
  const cosHp = Math.cos(hPrime);
  const e0Deg = Math.asin(site.sinLat * Math.sin(deltaPrime) + site.cosLat * Math.cos(deltaPrime) * cosHp) / DEG;
  let eDeg = e0Deg + refractionDeg(e0Deg, pressureMbar, temperatureC);
  if (eDeg > 90) eDeg = 90;
  out[TOPO_ZENITH_DEG] = 90 - eDeg;
  const az = Math.atan2(Math.sin(hPrime), cosHp * site.sinLat - Math.tan(deltaPrime) * site.cosLat) / DEG + 180;
  out[TOPO_AZIMUTH_DEG] = ((az % 360) + 360) % 360;
}

/** Sunrise/sunset codes for polar day and night (hours far outside 0..24, as ssc uses). */
export const ALWAYS_UP_SUNRISE_H = -100;
export const NEVER_UP_SUNRISE_H = 100;

const wrapDeg180 = (d: number): number => d - 360 * Math.round(d / 360);

/** Three-point interpolation of a daily series (SPA eq. A.8) at day fraction n (values in degrees, wrap-safe). */
function interpolateDaily(prev: number, cur: number, next: number, n: number): number {
  const a = wrapDeg180(cur - prev);
  const b = wrapDeg180(next - cur);
  return cur + (n * (a + b + (b - a) * n)) / 2;
}

/** Layout of a daily table: right ascension and declination (deg) at 0h TT of the day before, the day and the day
 * after; the Julian day of 0h UT; the nutation term of the apparent sidereal time (deg); 3 slots of scratch. */
export const DAILY_SUN_SLOTS = 12;
const D_ALPHA = 0;
const D_DELTA = 3;
const D_JD0 = 6;
const D_NUTATION = 7;
const D_SCRATCH = 9;

/** Fills `table` (DAILY_SUN_SLOTS long) for a calendar day; hourly positions are then interpolated from it. */
export function fillDailySun(year: number, month: number, day: number, table: Float64Array): void {
  const jd0 = julianDay(year, month, day, 0, 0, 0);
  const g = table.subarray(D_SCRATCH, D_SCRATCH + 3);
  for (let k = 0; k < 3; k++) {
    geocentricSun(jd0 + k - 1, 0, g);
    table[D_ALPHA + k] = g[GEO_RIGHT_ASCENSION_RAD] / DEG;
    table[D_DELTA + k] = g[GEO_DECLINATION_RAD] / DEG;
  }
  table[D_JD0] = jd0;
  geocentricSun(jd0, 0, g);
  table[D_NUTATION] = g[GEO_SIDEREAL_TIME_RAD] / DEG - greenwichMeanSiderealDeg(jd0);
}

/** Greenwich mean sidereal time (deg, not reduced to 0..360) of a Julian day (UT). */
function greenwichMeanSiderealDeg(jdUt: number): number {
  const st = SP.siderealTime;
  const days = jdUt - st.j2000JulianDay;
  const c = days / st.daysPerJulianCentury;
  return (st.offsetDeg + st.rateDegPerDay * days + c * c * (st.quadraticDegPerCentury2 - c / st.cubicCenturies3PerDeg)) % 360;
}

/**
 * Topocentric [zenith, azimuth] (deg) at Julian day `jdUt` of the day in `table`: right ascension and declination
 * interpolated from the daily values (error < 0.0001 deg, well inside SG2's 0.003 deg), sidereal time exact.
 * `geo` is a 3-slot scratch array.
 */
export function sunPositionFromDaily(table: Float64Array, site: SunSite, jdUt: number, deltaTS: number, pressureMbar: number, temperatureC: number, out: Float64Array, geo: Float64Array): void {
  const n = jdUt + deltaTS / SECONDS_PER_DAY - table[D_JD0];
  geo[GEO_RIGHT_ASCENSION_RAD] = interpolateDaily(table[D_ALPHA], table[D_ALPHA + 1], table[D_ALPHA + 2], n) * DEG;
  geo[GEO_DECLINATION_RAD] = interpolateDaily(table[D_DELTA], table[D_DELTA + 1], table[D_DELTA + 2], n) * DEG;
  geo[GEO_SIDEREAL_TIME_RAD] = (greenwichMeanSiderealDeg(jdUt) + table[D_NUTATION]) * DEG;
  topocentricSun(site, geo, pressureMbar, temperatureC, out);
}

/**
 * Sunrise and sunset of the local calendar day of `table` in local standard hours (SPA Annex A.2, sun elevation
 * -0.8333 deg). Writes [sunrise, sunset] into `out`; polar day gives [-100, 100], polar night [100, -100].
 */
export function sunriseSunsetFromDaily(table: Float64Array, site: SunSite, deltaTS: number, out: Float64Array): void {
  const nuDeg = greenwichMeanSiderealDeg(table[D_JD0]) + table[D_NUTATION];
  const lonDeg = site.longitudeRad / DEG;
  const h0 = SP.riseSetElevationDeg * DEG;
  const delta0 = table[D_DELTA + 1] * DEG;
  const cosH0 = (Math.sin(h0) - site.sinLat * Math.sin(delta0)) / (site.cosLat * Math.cos(delta0));
  if (cosH0 > 1 || cosH0 < -1) {
    out[0] = cosH0 > 1 ? NEVER_UP_SUNRISE_H : ALWAYS_UP_SUNRISE_H;
    out[1] = -out[0];
    return;
  }
  let m0 = ((((table[D_ALPHA + 1] - lonDeg - nuDeg) / 360) % 1) + 1) % 1;
  const transitLocalH = 24 * m0 + site.timeZoneHours;
  if (transitLocalH < 0) m0 += 1;
  else if (transitLocalH >= 24) m0 -= 1;
  const halfDayFraction = Math.acos(cosH0) / DEG / 360;
  for (let k = 0; k < 2; k++) {
    const m = k === 0 ? m0 - halfDayFraction : m0 + halfDayFraction;
    const n = m + deltaTS / SECONDS_PER_DAY;
    const alpha = interpolateDaily(table[D_ALPHA], table[D_ALPHA + 1], table[D_ALPHA + 2], n);
    const delta = interpolateDaily(table[D_DELTA], table[D_DELTA + 1], table[D_DELTA + 2], n) * DEG;
    const hPrimeDeg = wrapDeg180(nuDeg + SP.siderealTime.riseSetRateDegPerDay * m + lonDeg - alpha);
    const altitude = Math.asin(site.sinLat * Math.sin(delta) + site.cosLat * Math.cos(delta) * Math.cos(hPrimeDeg * DEG)) / DEG;
    const correction = (altitude - SP.riseSetElevationDeg) / (360 * Math.cos(delta) * site.cosLat * Math.sin(hPrimeDeg * DEG));
    out[k] = 24 * (m + correction) + site.timeZoneHours;
  }
}

/** Sunrise and sunset (local standard hours) of a calendar day; `scratch` needs DAILY_SUN_SLOTS slots. */
export function sunriseSunset(year: number, month: number, day: number, site: SunSite, deltaTS: number, scratch: Float64Array, out: Float64Array): void {
  fillDailySun(year, month, day, scratch);
  sunriseSunsetFromDaily(scratch, site, deltaTS, out);
}
