/**
 * Latin hypercube sampling over a whole run of n samples: in each dimension the n strata [k/n, (k+1)/n) are
 * assigned to samples by a seeded Fisher–Yates permutation, and each sample is jittered inside its stratum.
 * Both the permutation and the jitter come from the counter-based RNG, so any shard of the run recomputes
 * exactly the same strata for its indices.
 */
import { U_MAX, U_MIN, fillUniforms } from "./rng.ts";

/** Stream offset separating permutation draws from jitter draws of the same dimension. */
export const LHS_PERMUTATION_STREAM = 0x100000;

/** Stratum of each sample index for dimension d: a permutation of 0 … n−1. */
export function lhsPermutation(seed: number, d: number, n: number): Uint32Array {
  if (n > 0xffffffff) throw new RangeError("Latin hypercube supports at most 2^32 − 1 samples");
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const chunk = new Float64Array(Math.min(n, 4096));
  const scratch = new Uint32Array(4);
  for (let top = n - 1; top >= 1; top -= chunk.length) {
    const count = Math.min(chunk.length, top);
    // draws for j = top, top−1, …, top−count+1 (index j of the permutation stream)
    fillUniforms(seed, LHS_PERMUTATION_STREAM + d, top - count + 1, count, chunk, 0, scratch);
    for (let c = count - 1; c >= 0; c--) {
      const j = top - (count - 1 - c);
      const k = Math.floor(chunk[c] * (j + 1));
      const t = perm[j];
      perm[j] = perm[k];
      perm[k] = t;
    }
  }
  return perm;
}

/**
 * LHS uniforms of dimension d for sample indices start … start+count−1: (stratum + jitter) / n, with jitter the
 * plain MC uniform of (seed, d, index). Writes into out[offset…].
 */
export function fillLhs(perm: Uint32Array, seed: number, d: number, start: number, count: number, out: Float64Array, offset = 0, scratch = new Uint32Array(4)): void {
  const n = perm.length;
  fillUniforms(seed, d, start, count, out, offset, scratch);
  for (let j = 0; j < count; j++) out[offset + j] = Math.min(U_MAX, Math.max(U_MIN, (perm[start + j] + out[offset + j]) / n));
}
