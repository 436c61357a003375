import { describe, expect, it } from "vitest";
import { SEGMENT, U_MAX, U_MIN, fillUniforms, philox4x32, uniformAt, wordsToUniform, xoshiro128ss } from "./rng.ts";

describe("Philox4x32-10", () => {
  // Random123 known-answer vectors (tests/kat_vectors of the reference distribution, Salmon et al. 2011).
  const kat: [number[], number[], number[]][] = [
    [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
    [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]],
    [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]],
  ];
  it.each(kat)("matches the Random123 known answer for counter %j", (c, k, want) => {
    const out = new Uint32Array(4);
    philox4x32(c[0], c[1], c[2], c[3], k[0], k[1], out);
    expect(Array.from(out)).toEqual(want);
  });
});

describe("xoshiro128**", () => {
  it("matches the reference implementation from state {1, 2, 3, 4}", () => {
    // xoshiro128starstar.c 1.1 (Blackman & Vigna), as in the rand_xoshiro test vectors
    const s = Uint32Array.from([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => xoshiro128ss(s))).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it("fillUniforms draws index i as the (i mod 64)-th output pair of its segment's Philox-seeded state", () => {
    const words = new Uint32Array(4);
    philox4x32(2, 0, 7, 0x6d63, 99, 0, words); // segment 2 of stream 7, seed 99
    for (let k = 0; k < 5; k++) {
      const hi = xoshiro128ss(words);
      const lo = xoshiro128ss(words);
      expect(uniformAt(99, 7, 2 * SEGMENT + k)).toBe(wordsToUniform(hi, lo));
    }
  });
});

describe("uniform streams", () => {
  it("give the same value for an index whatever block it is computed in", () => {
    const all = new Float64Array(301);
    fillUniforms(42, 3, 0, 301, all);
    for (const [start, count] of [[37, 25], [0, 1], [1, 1], [99, 2], [50, 51], [63, 2], [64, 200], [127, 174]]) {
      const part = new Float64Array(count);
      fillUniforms(42, 3, start, count, part);
      expect(Array.from(part)).toEqual(Array.from(all.subarray(start, start + count)));
    }
    expect(uniformAt(42, 3, 77)).toBe(all[77]);
  });

  it("differ between streams and seeds, and stay inside (0, 1)", () => {
    const a = new Float64Array(1000);
    const b = new Float64Array(1000);
    const c = new Float64Array(1000);
    fillUniforms(1, 0, 0, 1000, a);
    fillUniforms(1, 1, 0, 1000, b);
    fillUniforms(2, 0, 0, 1000, c);
    expect(a.some((v, i) => v === b[i])).toBe(false);
    expect(a.some((v, i) => v === c[i])).toBe(false);
    expect(wordsToUniform(0, 0)).toBe(U_MIN);
    expect(wordsToUniform(0xffffffff, 0xffffffff)).toBe(U_MAX);
    expect(U_MAX).toBeLessThan(1);
  });

  it("are uniform: mean, variance and Kolmogorov–Smirnov at a fixed seed (n = 100,000)", () => {
    const n = 100_000;
    const u = new Float64Array(n);
    fillUniforms(2026, 0, 0, n, u);
    let mean = 0;
    for (const v of u) mean += v / n;
    let variance = 0;
    for (const v of u) variance += (v - mean) ** 2 / (n - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    u.sort();
    let d = 0;
    for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(u[i] - i / n), Math.abs(u[i] - (i + 1) / n));
    expect(d).toBeLessThan(1.628 / Math.sqrt(n)); // 1 % critical value
  });
});
