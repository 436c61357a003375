/** Calendar months as "YYYY-MM" strings and integer indices on a timeline. */
import { DAYS_IN_MONTH } from "./calendar.ts";
export type MonthString = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthString(s: string): boolean {
  return MONTH_RE.test(s);
}

/** Absolute month number (year * 12 + month0). */
export function monthNumber(m: MonthString): number {
  const match = MONTH_RE.exec(m);
  if (!match) throw new Error(`not a YYYY-MM month: ${m}`);
  return Number(match[1]) * 12 + (Number(match[2]) - 1);
}

export function monthFromNumber(n: number): MonthString {
  const year = Math.floor(n / 12);
  const month0 = n - year * 12;
  return `${year}-${String(month0 + 1).padStart(2, "0")}`;
}

export function yearOfMonthNumber(n: number): number {
  return Math.floor(n / 12);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}


export function hoursInMonthNumber(n: number): number {
  const year = Math.floor(n / 12);
  const month0 = n - year * 12;
  const days = month0 === 1 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month0];
  return days * 24;
}

/** A monthly timeline from `start` to `end` inclusive. */
export interface Timeline {
  startMonthNumber: number;
  months: number;
  monthLabels: readonly MonthString[];
  hours: Float64Array;
  years: readonly number[];
  /** index of the calendar year of each month in `years` */
  yearIndex: Int32Array;
}

/** The last timeline made: a Monte Carlo resolves thousands of scenarios on the same horizon (timelines are never mutated). */
let lastTimeline: { start: MonthString; end: MonthString; timeline: Timeline } | null = null;

export function makeTimeline(start: MonthString, end: MonthString): Timeline {
  if (lastTimeline?.start === start && lastTimeline.end === end) return lastTimeline.timeline;
  const timeline = buildTimeline(start, end);
  lastTimeline = { start, end, timeline };
  return timeline;
}

function buildTimeline(start: MonthString, end: MonthString): Timeline {
  const s = monthNumber(start);
  const e = monthNumber(end);
  const months = e - s + 1;
  const monthLabels: MonthString[] = [];
  const hours = new Float64Array(months);
  const yearIndex = new Int32Array(months);
  const years: number[] = [];
  for (let i = 0; i < months; i++) {
    const n = s + i;
    monthLabels.push(monthFromNumber(n));
    hours[i] = hoursInMonthNumber(n);
    const y = yearOfMonthNumber(n);
    if (years.length === 0 || years[years.length - 1] !== y) years.push(y);
    yearIndex[i] = years.length - 1;
  }
  return { startMonthNumber: s, months, monthLabels, hours, years, yearIndex };
}

/** Timeline index of a month (may be outside [0, months)). */
export function monthIndex(t: Timeline, m: MonthString): number {
  return monthNumber(m) - t.startMonthNumber;
}
