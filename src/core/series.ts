/** Monthly arrays to calendar-year values. */
import type { Timeline } from "./months.ts";

/** Sum of a monthly flow per timeline year. */
export function sumByYear(t: Timeline, monthly: ArrayLike<number>): Float64Array {
  const out = new Float64Array(t.years.length);
  for (let m = 0; m < t.months; m++) out[t.yearIndex[m]] += monthly[m];
  return out;
}

/** Value of a monthly stock at the last month of each timeline year. */
export function endOfYear(t: Timeline, monthly: ArrayLike<number>): Float64Array {
  const out = new Float64Array(t.years.length);
  for (let m = 0; m < t.months; m++) out[t.yearIndex[m]] = monthly[m];
  return out;
}

/** Maximum of a monthly stock within each timeline year. */
export function maxByYear(t: Timeline, monthly: ArrayLike<number>): Float64Array {
  const out = new Float64Array(t.years.length);
  for (let m = 0; m < t.months; m++) out[t.yearIndex[m]] = Math.max(out[t.yearIndex[m]], monthly[m]);
  return out;
}

export function addInto(target: Float64Array, source: ArrayLike<number>): Float64Array {
  for (let i = 0; i < target.length; i++) target[i] += source[i];
  return target;
}

export function sumArrays(n: number, arrays: readonly ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(n);
  for (const a of arrays) addInto(out, a);
  return out;
}

export function total(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

export function max(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, a[i]);
  return s;
}

/** year → value record for the JSON summary. */
export function byYearRecord(t: Timeline, values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  t.years.forEach((y, i) => {
    out[String(y)] = values[i];
  });
  return out;
}
