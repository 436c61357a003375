/**
 * Re-indexes a year of hour-ending UTC values (EIA-930 clock) to the 8760 hours of a calendar year in local
 * standard time (no daylight saving), hour 0 = Jan 1 00:00–01:00 local — the clock of SAM weather files and of
 * gigaplan's hourly models.
 *
 * Local hours the series does not cover (at a year edge: e.g. the last 7 hours of Dec 31 for UTC−6 when the
 * series is UTC calendar 2022) are taken from the same clock hour at the other end of the series (it wraps by
 * its length, a whole number of days), and counted in `wrappedHours`. Feb 29 is skipped in leap years.
 */
import { type Outcome, error } from "../../core/diagnostics.ts";
import { HOURS_PER_DAY, HOURS_PER_LEAP_YEAR, HOURS_PER_YEAR, LEAP_DAY_FIRST_HOUR } from "../../core/calendar.ts";

const MS_PER_HOUR = 3_600_000;
const MIN_OFFSET_HOURS = -12;
const MAX_OFFSET_HOURS = 14;

export interface LocalStandardYear {
  /** 8760 values, local standard time, hour-beginning */
  values: Float64Array;
  /** calendar year of the local hours */
  year: number;
  utcOffsetHours: number;
  /** local hours filled by wrapping around the series */
  wrappedHours: number;
}

/** mean calendar year (365.25 days) in hours, for a first guess of the year */
const HOURS_PER_JULIAN_YEAR = 8766;
const EPOCH_YEAR = 1970;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Calendar year (UTC) of an epoch-ms instant, without constructing dates. */
function utcYearOf(ms: number): number {
  let y = EPOCH_YEAR + Math.floor(ms / (HOURS_PER_JULIAN_YEAR * MS_PER_HOUR));
  while (Date.UTC(y, 0, 1) > ms) y--;
  while (Date.UTC(y + 1, 0, 1) <= ms) y++;
  return y;
}

/**
 * `values[i]` is the hour ending at `firstHourEndingUtcMs + i h` (UTC). `utcOffsetHours` is the local standard
 * time offset (ERCOT/Central: −6, Eastern: −5, Mountain: −7). The calendar year is the one holding the middle
 * of the series in local time.
 */
export function utcHourEndingToLocalStandard8760(values: Float64Array, firstHourEndingUtcMs: number, utcOffsetHours: number): Outcome<LocalStandardYear | null> {
  const n = values.length;
  if (n !== HOURS_PER_YEAR && n !== HOURS_PER_LEAP_YEAR)
    return { value: null, diagnostics: [error("values", `expected one year of hourly values (8760 or 8784), got ${n}`)] };
  if (!Number.isInteger(utcOffsetHours) || utcOffsetHours < MIN_OFFSET_HOURS || utcOffsetHours > MAX_OFFSET_HOURS)
    return { value: null, diagnostics: [error("utcOffsetHours", `must be a whole number of hours in ${MIN_OFFSET_HOURS}..${MAX_OFFSET_HOURS}, got ${utcOffsetHours}`)] };
  const offsetMs = utcOffsetHours * MS_PER_HOUR;
  // local start of row i = first − 1 h + offset
  const localStartOfRow0 = firstHourEndingUtcMs - MS_PER_HOUR + offsetMs;
  const year = utcYearOf(localStartOfRow0 + (n / 2) * MS_PER_HOUR);
  const yearStartMs = Date.UTC(year, 0, 1);
  const leap = isLeap(year);
  const out = new Float64Array(HOURS_PER_YEAR);
  let wrappedHours = 0;
  for (let k = 0; k < HOURS_PER_YEAR; k++) {
    const calendarHour = leap && k >= LEAP_DAY_FIRST_HOUR ? k + HOURS_PER_DAY : k;
    const localStart = yearStartMs + calendarHour * MS_PER_HOUR;
    let i = Math.round((localStart - localStartOfRow0) / MS_PER_HOUR);
    if (i < 0 || i >= n) {
      wrappedHours++;
      i = ((i % n) + n) % n;
    }
    out[k] = values[i];
  }
  return { value: { values: out, year, utcOffsetHours, wrappedHours }, diagnostics: [] };
}
