/** Summary statistics of sample columns: percentiles, mean, standard error, convergence of the mean. */

export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;

export interface ColumnStats {
  /** samples with a defined (non-NaN) value */
  n: number;
  mean: number;
  sd: number;
  /** standard error of the mean: sd / √n */
  standardError: number;
  min: number;
  max: number;
  /** "p5" → value (linear interpolation between order statistics, as R type 7 / NumPy default) */
  percentiles: Record<string, number>;
}

/** Defined values sorted ascending. */
export function sortedDefined(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[k++] = values[i];
  return out.sort();
}

/** Quantile q ∈ [0, 1] of sorted values (type 7). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Mean and sample standard deviation by Welford's update (stable), skipping NaN. */
export function meanSd(values: ArrayLike<number>, count = values.length): { n: number; mean: number; sd: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    n++;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  return { n, mean: n > 0 ? mean : NaN, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : n === 1 ? 0 : NaN };
}

export function columnStats(values: ArrayLike<number>): ColumnStats {
  const sorted = sortedDefined(values);
  const { n, mean, sd } = meanSd(values);
  const percentiles: Record<string, number> = {};
  for (const p of PERCENTILES) percentiles[`p${p}`] = quantileSorted(sorted, p / 100);
  return {
    n,
    mean,
    sd,
    standardError: n > 0 ? sd / Math.sqrt(n) : NaN,
    min: n > 0 ? sorted[0] : NaN,
    max: n > 0 ? sorted[n - 1] : NaN,
    percentiles,
  };
}

export interface ConvergencePoint {
  samples: number;
  mean: number;
  standardError: number;
}

/** Running mean and its standard error after 2^k samples (k ≥ 6) and after all samples, in sample order. */
export function convergence(values: ArrayLike<number>): ConvergencePoint[] {
  const out: ConvergencePoint[] = [];
  const points: number[] = [];
  for (let k = 64; k < values.length; k *= 2) points.push(k);
  points.push(values.length);
  for (const count of points) {
    const { n, mean, sd } = meanSd(values, count);
    out.push({ samples: count, mean, standardError: n > 0 ? sd / Math.sqrt(n) : NaN });
  }
  return out;
}
