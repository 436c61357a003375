import { describe, expect, it } from "vitest";
import { fillLhs, lhsPermutation } from "./lhs.ts";

describe("Latin hypercube", () => {
  it("puts exactly one sample in each of the n strata of every dimension", () => {
    const n = 1000;
    for (const d of [0, 1, 5]) {
      const perm = lhsPermutation(9, d, n);
      const u = new Float64Array(n);
      fillLhs(perm, 9, d, 0, n, u);
      const seen = new Uint8Array(n);
      for (const v of u) seen[Math.floor(v * n)]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
  });

  it("permutations are permutations, differ by dimension and seed, and are reproducible", () => {
    const a = lhsPermutation(1, 0, 5000);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(Array.from(lhsPermutation(1, 0, 5000))).toEqual(Array.from(a));
    expect(Array.from(lhsPermutation(1, 1, 5000))).not.toEqual(Array.from(a));
    expect(Array.from(lhsPermutation(2, 0, 5000))).not.toEqual(Array.from(a));
  });

  it("a shard computes the same values as the whole run for its indices", () => {
    const n = 777;
    const perm = lhsPermutation(3, 2, n);
    const all = new Float64Array(n);
    fillLhs(perm, 3, 2, 0, n, all);
    const part = new Float64Array(100);
    fillLhs(perm, 3, 2, 300, 100, part);
    expect(Array.from(part)).toEqual(Array.from(all.subarray(300, 400)));
  });
});
