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

/**
 * `count` zero-filled arrays of length `n` on one buffer. A typed array of its own costs about 3 µs to allocate
 * (the model builds a few hundred per run, thousands of runs in a Monte Carlo); views of one buffer cost a tenth.
 * The views share the buffer: never transfer one (postMessage) or read its `.buffer` as if it were its own.
 */
export function zeroArrays(count: number, n: number): Float64Array[] {
  const pool = new Float64Array(count * n);
  const out = new Array<Float64Array>(count);
  for (let i = 0; i < count; i++) out[i] = pool.subarray(i * n, (i + 1) * n);
  return out;
}

/** `count` records of zero-filled arrays of length `n`, one per key, all on one buffer (see zeroArrays). */
export function zeroRecords<K extends string>(count: number, keys: readonly K[], n: number): Record<K, Float64Array>[] {
  const arrays = zeroArrays(count * keys.length, n);
  return Array.from({ length: count }, (_, r) => {
    const out = {} as Record<K, Float64Array>;
    keys.forEach((k, i) => (out[k] = arrays[r * keys.length + i]));
    return out;
  });
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
