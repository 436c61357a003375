/**
 * Sobol low-discrepancy points with 32-bit direction numbers (Joe–Kuo new-joe-kuo-6.21201), so indices up to
 * 2^32 − 1 are valid (far beyond 2^20). Point i of dimension d is a pure function of (i, d): a block of any
 * start is computed directly (Gray-code XOR of the direction numbers) and then walked in Gray-code order, so
 * shards and workers give identical points. An optional digital shift (XOR with a per-dimension word derived
 * from the seed) randomizes the points while keeping their net structure.
 */
import { JOE_KUO_DIRECTIONS } from "./sobol-directions.ts";

export const SOBOL_MAX_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;
export const SOBOL_MAX_POINTS = 4294967296;
const BITS = 32;
const TWO_POW_M32 = 1 / 4294967296;

/** Direction numbers V[d·32 + k] (k = bit index, scaled by 2^32) for the first `dimensions` dimensions. */
export function sobolDirections(dimensions: number): Uint32Array {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`Sobol points support 1 to ${SOBOL_MAX_DIMENSIONS} dimensions (got ${dimensions})`);
  }
  const v = new Uint32Array(dimensions * BITS);
  for (let k = 0; k < BITS; k++) v[k] = 2 ** (31 - k);
  for (let d = 1; d < dimensions; d++) {
    const [a, ...m] = JOE_KUO_DIRECTIONS[d - 1].split(" ").map(Number);
    const s = m.length;
    const base = d * BITS;
    for (let k = 0; k < BITS; k++) {
      if (k < s) {
        v[base + k] = (m[k] * 2 ** (31 - k)) >>> 0;
        continue;
      }
      let x = v[base + k - s] ^ (v[base + k - s] >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[base + k - j];
      v[base + k] = x >>> 0;
    }
  }
  return v;
}

/** The 32-bit integer of point `index` in dimension `d` (x = word / 2^32). */
export function sobolWord(directions: Uint32Array, index: number, d: number): number {
  let gray = (index ^ Math.floor(index / 2)) >>> 0;
  let x = 0;
  const base = d * BITS;
  for (let k = 0; gray !== 0; k++, gray >>>= 1) if (gray & 1) x ^= directions[base + k];
  return x >>> 0;
}

/** Index (0-based) of the lowest set bit of a positive uint32. */
function lowestSetBit(v: number): number {
  return 31 - Math.clz32(v & -v);
}

/**
 * Uniforms of dimension d for indices start … start+count−1 into out[offset…]: ((word XOR shift) + ½) / 2^32,
 * strictly inside (0, 1). With shift = 0 the points are the classical unscrambled sequence (offset by ½ ulp).
 */
export function fillSobol(directions: Uint32Array, d: number, start: number, count: number, shift: number, out: Float64Array, offset = 0): void {
  if (start < 0 || start + count > SOBOL_MAX_POINTS) throw new RangeError(`Sobol index out of range (max ${SOBOL_MAX_POINTS})`);
  if (count <= 0) return;
  const base = d * BITS;
  let x = sobolWord(directions, start, d);
  out[offset] = (((x ^ shift) >>> 0) + 0.5) * TWO_POW_M32;
  for (let j = 1; j < count; j++) {
    const i = start + j;
    x = (x ^ directions[base + lowestSetBit(i >>> 0)]) >>> 0;
    out[offset + j] = (((x ^ shift) >>> 0) + 0.5) * TWO_POW_M32;
  }
}
