import { describe, expect, it } from "vitest";
import { U_MAX, U_MIN, fillUniforms, philox4x32, uniformAt, wordsToUniform } from "./rng.ts";

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

describe("uniform streams", () => {
  it("give the same value for an index whatever block it is computed in", () => {
    const all = new Float64Array(101);
    fillUniforms(42, 3, 0, 101, all);
    for (const [start, count] of [[37, 25], [0, 1], [1, 1], [99, 2], [50, 51]]) {
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
