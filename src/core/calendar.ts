/**
 * The hourly calendar of gigaplan's power models: a year of 8760 hours (no February 29, as in SAM weather files),
 * hour 0 = January 1, 00:00–01:00 local standard time.
 */
export const HOURS_PER_DAY = 24;
export const HOURS_PER_YEAR = 8760;
/** A leap year's hours, as some source files hold them before February 29 is dropped. */
export const HOURS_PER_LEAP_YEAR = 8784;
/** Days of each month of a 365-day year. */
export const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** First hour of each month in an 8760-hour year. */
export const MONTH_START_HOURS: readonly number[] = DAYS_IN_MONTH.map((_, m) => DAYS_IN_MONTH.slice(0, m).reduce((a, d) => a + d * HOURS_PER_DAY, 0));
/** First hour of February 29 in a leap year ((31 + 28) days × 24). */
export const LEAP_DAY_FIRST_HOUR = MONTH_START_HOURS[2];
