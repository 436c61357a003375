/** Percentiles of the recompute times the page measured (nearest-rank on the sorted sample). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The last `size` timings. */
export class Timings {
  private readonly values: number[] = [];
  constructor(private readonly size = 50) {}
  add(ms: number): void {
    this.values.push(ms);
    if (this.values.length > this.size) this.values.shift();
  }
  get count(): number {
    return this.values.length;
  }
  p(pct: number): number {
    return percentile(this.values, pct);
  }
}
