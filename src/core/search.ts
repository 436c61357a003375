/** Binary searches in ascending arrays (no NaN): how many values lie below, or at or below, x. */

/** Number of values of the ascending array below x (strictly): the index of the first value ≥ x. */
export function countBelow(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values of the ascending array at or below x: the index of the first value > x. */
export function countAtOrBelow(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
