/** Hourly series of a site-year built from the monthly model: load flat within each month, flat prices. */
import type { Timeline } from "../../core/months.ts";
import type { PowerSeries } from "../dispatch/inputs.ts";
import { DAYS_IN_MONTH, HOURS_PER_DAY, HOURS_PER_YEAR, MONTH_START_HOURS } from "../../core/calendar.ts";


export function allocateSeries(n = HOURS_PER_YEAR): PowerSeries {
  return {
    stepHours: HOURS_PER_YEAR / n,
    loadMw: new Float64Array(n),
    pvCapacityFactor: new Float64Array(n),
    windCapacityFactor: new Float64Array(n),
    gridPriceUsdPerMwh: new Float64Array(n),
    exportPriceUsdPerMwh: new Float64Array(n),
    gridCo2KgPerMwh: new Float64Array(n),
    gridCleanFraction: new Float64Array(n),
  };
}

/**
 * Writes the hourly load (8760 h, no leap day) of `year` into `out`: each month's average facility MW
 * (monthly MWh / hours of the month) held flat over the month's hours. Returns the annual MWh of the hourly series
 * (in a leap year it is one February day short of the monthly model).
 */
export function fillHourlyLoad(t: Timeline, facilityEnergyMwh: Float64Array, year: number, out: Float64Array): number {
  const mw = new Float64Array(12);
  const total = monthlyLoadMw(t, facilityEnergyMwh, year, mw);
  for (let month = 0; month < 12; month++) out.fill(mw[month], MONTH_START_HOURS[month], MONTH_START_HOURS[month] + DAYS_IN_MONTH[month] * HOURS_PER_DAY);
  return total;
}

/**
 * Writes each month's average facility MW of `year` (monthly MWh / hours of the month) into `out` (12 values): the load
 * `fillHourlyLoad` holds flat over each month. Returns the annual MWh of the hourly series.
 */
export function monthlyLoadMw(t: Timeline, facilityEnergyMwh: Float64Array, year: number, out: Float64Array): number {
  let total = 0;
  for (let month = 0; month < 12; month++) {
    const m = year * 12 + month - t.startMonthNumber;
    const mw = m >= 0 && m < t.months ? facilityEnergyMwh[m] / t.hours[m] : 0;
    out[month] = mw;
    total += mw * DAYS_IN_MONTH[month] * HOURS_PER_DAY;
  }
  return total;
}

/** Sum of a monthly series over the months of `year`. */
export function yearSum(t: Timeline, monthly: Float64Array, year: number): number {
  let s = 0;
  for (let month = 0; month < 12; month++) {
    const m = year * 12 + month - t.startMonthNumber;
    if (m >= 0 && m < t.months) s += monthly[m];
  }
  return s;
}
