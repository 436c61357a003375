/**
 * Sun position for each weather row with SAM's time conventions: files with a minute column are instantaneous
 * (sun at that minute, up between sunrise and sunset); hour-average files (no minute column) take the sun at
 * mid-hour, and in the hours of sunrise and sunset at the middle of the sunlit part of the hour.
 */
import { referenceData } from "../../../data/index.ts";
import type { SolarWeather } from "./weather.ts";
import { DAILY_SUN_SLOTS, deltaTSeconds, fillDailySun, julianDay, sunPositionFromDaily, sunriseSunsetFromDaily, type SunSite, sunSite } from "./sun-position.ts";

const SP = referenceData.pvModel.sunPosition;
const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Half of an hourly time step (h). */
const HALF_STEP_H = 0.5;

export const SUN_ZENITH_DEG = 0;
export const SUN_AZIMUTH_DEG = 1;

/** Per-simulation state: site constants and caches of Delta T and of the current day's sunrise and sunset. */
export interface SunClock {
  site: SunSite;
  intervalAveraged: boolean;
  dayKey: number;
  sunriseH: number;
  sunsetH: number;
  /** Day of year (1..365) of the last row positioned. */
  dayOfYear: number;
  deltaTYear: number;
  deltaTS: number;
  /** Daily geocentric table of the current day (see fillDailySun). */
  daily: Float64Array;
  geo: Float64Array;
  riseSet: Float64Array;
}

export function sunClock(w: SolarWeather): SunClock {
  return {
    site: sunSite(w.latitudeDeg, w.longitudeDeg, w.timeZoneHours, w.elevationM),
    intervalAveraged: w.intervalAveraged === true,
    dayKey: -1,
    sunriseH: 0,
    sunsetH: 0,
    dayOfYear: 1,
    deltaTYear: Number.NaN,
    deltaTS: 0,
    daily: new Float64Array(DAILY_SUN_SLOTS),
    geo: new Float64Array(3),
    riseSet: new Float64Array(2),
  };
}

const rowYear = (w: SolarWeather, i: number): number => w.yearByRow?.[i] || w.year || SP.defaultYear;

function updateDay(c: SunClock, year: number, month: number, day: number): void {
  const key = (year * 100 + month) * 100 + day;
  if (key === c.dayKey) return;
  c.dayKey = key;
  if (year !== c.deltaTYear) {
    c.deltaTYear = year;
    c.deltaTS = deltaTSeconds(year);
  }
  fillDailySun(year, month, day, c.daily);
  sunriseSunsetFromDaily(c.daily, c.site, c.deltaTS, c.riseSet);
  c.sunriseH = c.riseSet[0];
  c.sunsetH = c.riseSet[1];
  c.dayOfYear = CUMULATIVE_DAYS[month - 1] + day;
}

/** Local hour at which to place the sun for a row at `tCur`, or NaN when the sun is down. */
function positionHour(c: SunClock, tCur: number): number {
  const rise = c.sunriseH;
  const set = c.sunsetH;
  if (c.intervalAveraged) {
    if (tCur >= rise - HALF_STEP_H && tCur < rise + HALF_STEP_H) return (rise + tCur + HALF_STEP_H) / 2;
    if (tCur > set - HALF_STEP_H && tCur <= set + HALF_STEP_H) return (tCur - HALF_STEP_H + set) / 2;
  }
  const up = rise < set ? tCur >= rise && tCur <= set : tCur <= set || tCur >= rise;
  return up ? tCur : Number.NaN;
}

/**
 * Writes [zenith, azimuth] (deg) of row `i` into `out` and returns true, or returns false when the sun is down.
 * Positions are computed at whole minutes, as SAM does.
 */
export function sunPositionAt(c: SunClock, w: SolarWeather, i: number, out: Float64Array): boolean {
  const year = rowYear(w, i);
  updateDay(c, year, w.month[i], w.day[i]);
  const t = positionHour(c, w.hour[i] + w.minute[i] / 60);
  if (Number.isNaN(t)) return false;
  const hour = Math.floor(t);
  const minute = Math.floor((t - hour) * 60);
  const p = w.pressureMbar?.[i] ?? Number.NaN;
  const pressure = p > SP.minValidPressureMbar ? p : SP.defaultPressureMbar;
  const temperature = Number.isFinite(w.temperatureC[i]) ? w.temperatureC[i] : SP.defaultTemperatureC;
  const jd = julianDay(year, w.month[i], w.day[i], hour, minute, c.site.timeZoneHours);
  sunPositionFromDaily(c.daily, c.site, jd, c.deltaTS, pressure, temperature, out, c.geo);
  return true;
}
