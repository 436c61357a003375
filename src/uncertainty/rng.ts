/**
 * Counter-based random numbers: Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy
 * as 1, 2, 3", SC'11) keys every segment of 64 indices of a stream, and xoshiro128** (Blackman & Vigna) draws
 * within the segment. The output is a pure function of (seed, stream, index), so sample i of stream s is the
 * same on any machine, in any worker and in any shard; Philox alone would cost ~10× more per uniform in
 * JavaScript (bench/mc-vs-squiggle). 32-bit products are split so every step is exact. Uniforms carry 52
 * random bits and lie strictly inside (0, 1).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
/** Round-key buffer reused by fillUniforms (filled on every call: no state carries over). */
const KEYS = new Uint32Array(20);
const TWO32 = 4294967296;
const TWO_POW_M52 = 1 / 4503599627370496;
/** Smallest and largest uniform any sampler produces: 2^-53 and 1 − 2^-53. */
export const U_MIN = 2 ** -53;
export const U_MAX = 1 - 2 ** -53;

/** Round keys of Philox4x32-10 for a key (k0, k1): keys[2r], keys[2r+1] for rounds r = 0 … 9. */
export function philoxKeys(k0: number, k1: number, keys = new Uint32Array(20)): Uint32Array {
  let a = k0 >>> 0;
  let b = k1 >>> 0;
  for (let r = 0; r < 10; r++) {
    keys[2 * r] = a;
    keys[2 * r + 1] = b;
    a = (a + W0) >>> 0;
    b = (b + W1) >>> 0;
  }
  return keys;
}

const M0_HI = M0 >>> 16;
const M0_LO = M0 & 0xffff;
const M1_HI = M1 >>> 16;
const M1_LO = M1 & 0xffff;

/**
 * Philox4x32-10 of counter (c0 … c3) with precomputed round keys; writes four uint32 words to `out`.
 * High halves of the 32×32-bit products are assembled from 16-bit limbs (every partial product < 2^32).
 */
export function philoxRounds(c0: number, c1: number, c2: number, c3: number, keys: Uint32Array, out: Uint32Array): void {
  let x0 = c0 >>> 0, x1 = c1 >>> 0, x2 = c2 >>> 0, x3 = c3 >>> 0;
  for (let r = 0; r < 20; r += 2) {
    const a1 = x0 >>> 16, a0 = x0 & 0xffff;
    const p00 = M0_LO * a0, p01 = M0_LO * a1, p10 = M0_HI * a0;
    const mid0 = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const hi0 = (M0_HI * a1 + (p01 >>> 16) + (p10 >>> 16) + (mid0 >>> 16)) >>> 0;
    const lo0 = Math.imul(M0, x0) >>> 0;
    const b1 = x2 >>> 16, b0 = x2 & 0xffff;
    const q00 = M1_LO * b0, q01 = M1_LO * b1, q10 = M1_HI * b0;
    const mid1 = (q00 >>> 16) + (q01 & 0xffff) + (q10 & 0xffff);
    const hi1 = (M1_HI * b1 + (q01 >>> 16) + (q10 >>> 16) + (mid1 >>> 16)) >>> 0;
    const lo1 = Math.imul(M1, x2) >>> 0;
    const y0 = (hi1 ^ x1 ^ keys[r]) >>> 0;
    const y2 = (hi0 ^ x3 ^ keys[r + 1]) >>> 0;
    x0 = y0;
    x1 = lo1;
    x2 = y2;
    x3 = lo0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
}

/**
 * Philox4x32 with 10 rounds: counter (c0..c3) and key (k0, k1), all uint32; writes four uint32 words to `out`.
 * Matches the Random123 known-answer vectors (see rng.test.ts).
 */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array): void {
  philoxRounds(c0, c1, c2, c3, philoxKeys(k0, k1), out);
}

/** A seed is a non-negative integer below 2^53; it becomes the two Philox key words. */
export function seedKey(seed: number): [number, number] {
  return [seed % TWO32 >>> 0, Math.floor(seed / TWO32) >>> 0];
}

/** Two 32-bit words → (k + ½)/2^52 with 52 random bits k: exact, within [U_MIN, U_MAX], never 0 or 1. */
export function wordsToUniform(hi: number, lo: number): number {
  return ((hi >>> 6) * 67108864 + (lo >>> 6) + 0.5) * TWO_POW_M52;
}

/** Indices per segment: each segment's xoshiro128** state comes from one Philox call. */
export const SEGMENT = 64;

/**
 * One xoshiro128** step (Blackman & Vigna; reference xoshiro128starstar.c 1.1) on state s[0…3]: returns the
 * next uint32 output. Kept for tests and single draws; fillUniforms inlines the same step.
 */
export function xoshiro128ss(s: Uint32Array): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Uniforms of stream `stream` for indices start … start+count−1 into out[offset…]. Index i belongs to segment
 * ⌊i/64⌋: Philox4x32-10 of (segment, stream) under the seed's key gives a 128-bit xoshiro128** state, and index
 * i is the (i mod 64)-th pair of its outputs (two words → 52 bits). So the value of index i is a pure function
 * of (seed, stream, i), whatever block it is computed in, at the cost of ~1/64 Philox call per uniform.
 */
export function fillUniforms(seed: number, stream: number, start: number, count: number, out: Float64Array, offset = 0, scratch = new Uint32Array(4)): void {
  const k0 = seed % TWO32 >>> 0;
  const k1 = Math.floor(seed / TWO32) >>> 0;
  const keys = philoxKeys(k0, k1, KEYS);
  const end = start + count;
  const s32 = stream >>> 0;
  let i = start;
  let segment = Math.floor(start / SEGMENT);
  let first = segment * SEGMENT;
  const o = offset - start; // out index = o + j
  while (i < end) {
    philoxRounds(segment % TWO32, Math.floor(segment / TWO32), s32, 0x6d63 /* "mc" */, keys, scratch);
    let s0 = scratch[0] | 0, s1 = scratch[1] | 0, s2 = scratch[2] | 0, s3 = scratch[3] | 0;
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is xoshiro's only fixed point
    // skip the indices of this segment before `start` (two xoshiro128** steps each)
    for (let j = first; j < i; j++) {
      let t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
    }
    const stop = Math.min(end, first + SEGMENT);
    for (let j = i; j < stop; j++) {
      // two xoshiro128** steps, written out: the first output is the high word, the second the low word
      let x = Math.imul(s1, 5);
      const hi = Math.imul((x << 7) | (x >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      x = Math.imul(s1, 5);
      const lo = Math.imul((x << 7) | (x >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[o + j] = ((hi >>> 6) * 67108864 + (lo >>> 6) + 0.5) * TWO_POW_M52;
    }
    i = stop;
    segment++;
    first += SEGMENT;
  }
}

/** The uniform of one (seed, stream, index); same value as fillUniforms gives for that index. */
export function uniformAt(seed: number, stream: number, index: number, scratch = new Uint32Array(4)): number {
  const out = new Float64Array(1);
  fillUniforms(seed, stream, index, 1, out, 0, scratch);
  return out[0];
}

/** A uint32 derived from (seed, stream, index) for integer needs (digital shifts, shuffles). */
export function wordAt(seed: number, stream: number, index: number, scratch = new Uint32Array(4)): number {
  const [k0, k1] = seedKey(seed);
  philox4x32(index % TWO32, Math.floor(index / TWO32), stream >>> 0, 0x7764 /* "wd" */, k0, k1, scratch);
  return scratch[0];
}
