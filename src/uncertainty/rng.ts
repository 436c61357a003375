/**
 * Counter-based random numbers: Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy
 * as 1, 2, 3", SC'11). The output is a pure function of (seed, stream, index), so sample i of stream s is the
 * same on any machine, in any worker and in any shard. 32-bit products are split so every step is exact in
 * float64 arithmetic. Uniforms carry 52 random bits and lie strictly inside (0, 1).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const TWO16 = 65536;
const TWO32 = 4294967296;
const TWO_POW_M52 = 1 / 4503599627370496;
/** Smallest and largest uniform any sampler produces: 2^-53 and 1 − 2^-53. */
export const U_MIN = 2 ** -53;
export const U_MAX = 1 - 2 ** -53;

/** High 32 bits of the 64-bit product a·b of two uint32 values (exact in float64). */
function mulHi(a: number, b: number): number {
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const t1 = a * bLo; // < 2^48
  const t2 = a * bHi; // < 2^48
  const t2Hi = Math.floor(t2 / TWO16);
  const t2Lo = t2 - t2Hi * TWO16;
  return (t2Hi + Math.floor((t2Lo * TWO16 + t1) / TWO32)) >>> 0;
}

/**
 * Philox4x32 with 10 rounds: counter (c0..c3) and key (k0, k1), all uint32; writes four uint32 words to `out`.
 * Matches the Random123 known-answer vectors (see rng.test.ts).
 */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array): void {
  let x0 = c0 >>> 0, x1 = c1 >>> 0, x2 = c2 >>> 0, x3 = c3 >>> 0;
  let key0 = k0 >>> 0, key1 = k1 >>> 0;
  for (let r = 0; r < 10; r++) {
    if (r > 0) {
      key0 = (key0 + W0) >>> 0;
      key1 = (key1 + W1) >>> 0;
    }
    const hi0 = mulHi(M0, x0);
    const lo0 = Math.imul(M0, x0) >>> 0;
    const hi1 = mulHi(M1, x2);
    const lo1 = Math.imul(M1, x2) >>> 0;
    const y0 = (hi1 ^ x1 ^ key0) >>> 0;
    const y2 = (hi0 ^ x3 ^ key1) >>> 0;
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

/** A seed is a non-negative integer below 2^53; it becomes the two Philox key words. */
export function seedKey(seed: number): [number, number] {
  return [seed % TWO32 >>> 0, Math.floor(seed / TWO32) >>> 0];
}

/** Two 32-bit words → (k + ½)/2^52 with 52 random bits k: exact, within [U_MIN, U_MAX], never 0 or 1. */
export function wordsToUniform(hi: number, lo: number): number {
  return ((hi >>> 6) * 67108864 + (lo >>> 6) + 0.5) * TWO_POW_M52;
}

/**
 * Uniforms of stream `stream` for indices start … start+count−1 into out[offset…]. One Philox call gives the
 * uniforms of two consecutive even/odd indices, so the value of index i never depends on where a block starts.
 */
export function fillUniforms(seed: number, stream: number, start: number, count: number, out: Float64Array, offset = 0, scratch = new Uint32Array(4)): void {
  const [k0, k1] = seedKey(seed);
  let i = start;
  const end = start + count;
  while (i < end) {
    const block = Math.floor(i / 2);
    philox4x32(block % TWO32, Math.floor(block / TWO32), stream >>> 0, 0x6d63 /* "mc" */, k0, k1, scratch);
    if (i % 2 === 0) {
      out[offset + i - start] = wordsToUniform(scratch[0], scratch[1]);
      if (i + 1 < end) out[offset + i + 1 - start] = wordsToUniform(scratch[2], scratch[3]);
      i += 2;
    } else {
      out[offset + i - start] = wordsToUniform(scratch[2], scratch[3]);
      i += 1;
    }
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
