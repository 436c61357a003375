/**
 * Fiscal calendars. Microsoft's fiscal year ends in June (FY2025 = July 2024 - June 2025) and Oracle's in May
 * (FY2025 = June 2024 - May 2025); the others use the calendar year. Periods are inclusive month ranges "YYYY-MM".
 */

export interface MonthSpan {
  start: string;
  end: string;
}

const monthIndex = (year: number, month: number): number => year * 12 + (month - 1);
const label = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
const parseMonth = (m: string): number => monthIndex(Number(m.slice(0, 4)), Number(m.slice(5, 7)));

/** Months covered by fiscal year `fiscalYear` when the fiscal year ends in `fiscalYearEndMonth` (1-12). */
export function fiscalYearSpan(fiscalYear: number, fiscalYearEndMonth: number): MonthSpan {
  const end = monthIndex(fiscalYear, fiscalYearEndMonth);
  return { start: label(end - 11), end: label(end) };
}

/** Months covered by fiscal quarter `quarter` (1-4) of `fiscalYear`. */
export function fiscalQuarterSpan(fiscalYear: number, quarter: number, fiscalYearEndMonth: number): MonthSpan {
  const start = parseMonth(fiscalYearSpan(fiscalYear, fiscalYearEndMonth).start) + 3 * (quarter - 1);
  return { start: label(start), end: label(start + 2) };
}

/** "2026Q1" → fiscal year 2026, quarter 1; null for anything else. */
export function parseQuarterKey(key: string): { fiscalYear: number; quarter: number } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(key);
  return m ? { fiscalYear: Number(m[1]), quarter: Number(m[2]) } : null;
}

/** Number of months of `span` that fall in calendar year `year`. */
export function monthsInCalendarYear(span: MonthSpan, year: number): number {
  const lo = Math.max(parseMonth(span.start), monthIndex(year, 1));
  const hi = Math.min(parseMonth(span.end), monthIndex(year, 12));
  return Math.max(0, hi - lo + 1);
}

export const spanLength = (span: MonthSpan): number => parseMonth(span.end) - parseMonth(span.start) + 1;

export const formatSpan = (span: MonthSpan): string => `${span.start}..${span.end}`;

/** True when `date` (YYYY-MM-DD or YYYY-MM) falls on or before `limit`. */
export const onOrBefore = (date: string, limit: string): boolean => date.slice(0, limit.length) <= limit;
