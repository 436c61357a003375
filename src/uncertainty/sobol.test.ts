import { describe, expect, it } from "vitest";
import { JOE_KUO_DIRECTIONS } from "./sobol-directions.ts";
import { SOBOL_MAX_DIMENSIONS, fillSobol, sobolDirections, sobolWord } from "./sobol.ts";

/** h = (h·31 + word) mod 1,000,000,007 over points then dimensions (the checksum of the reference tests). */
function checksum(n: number, dims: number): number {
  const v = sobolDirections(dims);
  let h = 0n;
  const cols = Array.from({ length: dims }, (_, d) => {
    const out = new Float64Array(n);
    fillSobol(v, d, 0, n, 0, out);
    return out;
  });
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) h = (h * 31n + BigInt(cols[d][i] * 4294967296 - 0.5)) % 1000000007n;
  return Number(h);
}

describe("Sobol points (Joe–Kuo new-joe-kuo-6.21201)", () => {
  it("match the first 10 points in 3 dimensions published by Joe and Kuo", () => {
    const want = [[0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375], [0.1875, 0.3125, 0.9375], [0.6875, 0.8125, 0.4375]];
    const v = sobolDirections(3);
    for (let i = 0; i < 10; i++) for (let d = 0; d < 3; d++) expect(sobolWord(v, i, d) / 2 ** 32).toBe(want[i][d]);
  });

  // Checksums of the output of Joe and Kuo's reference generator (sobol.cc with new-joe-kuo-6.21201), as pinned
  // in an independent C implementation's test suite: they fail if any direction number in the block is wrong.
  it("reproduce the reference generator over 65,536 points × 8 dimensions and 4,096 points × 300 dimensions", () => {
    expect(checksum(65536, 8)).toBe(43231725);
    expect(checksum(4096, 300)).toBe(965049671);
  });

  it("table: degrees follow the count of primitive polynomials and every m_k is odd and < 2^k", () => {
    const degrees = JOE_KUO_DIRECTIONS.map((row) => row.split(" ").length - 1);
    const count = (s: number): number => degrees.filter((d) => d === s).length;
    expect([count(1), count(2), count(3), count(4), count(5), count(6), count(7), count(8)]).toEqual([1, 1, 2, 2, 6, 6, 18, 16]);
    for (const row of JOE_KUO_DIRECTIONS) {
      const m = row.split(" ").slice(1).map(Number);
      m.forEach((mk, k) => {
        expect(mk % 2).toBe(1);
        expect(mk).toBeLessThan(2 ** (k + 1));
      });
    }
    expect(SOBOL_MAX_DIMENSIONS).toBe(300);
  });

  it("any block equals the direct Gray-code formula, also beyond 2^20 and near 2^32", () => {
    const v = sobolDirections(20);
    for (const start of [0, 12345, 2 ** 20 - 3, 2 ** 31 - 2, 2 ** 32 - 40]) {
      const out = new Float64Array(32);
      fillSobol(v, 19, start, 32, 0, out);
      for (let j = 0; j < 32; j++) expect(out[j]).toBe((sobolWord(v, start + j, 19) + 0.5) / 2 ** 32);
    }
  });

  it("is a (0, m, 1)-net in every dimension: the first 2^21 points fill each of 2^21 bins exactly once", () => {
    const v = sobolDirections(300);
    const n = 2 ** 21;
    const out = new Float64Array(n);
    for (const d of [0, 1, 7, 150, 299]) {
      fillSobol(v, d, 0, n, 0, out);
      const seen = new Uint8Array(n);
      for (let i = 0; i < n; i++) seen[Math.floor(out[i] * n)]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
  });

  it("a digital shift keeps the stratification", () => {
    const v = sobolDirections(2);
    const n = 1024;
    const out = new Float64Array(n);
    fillSobol(v, 1, 0, n, 0x9e3779b9, out);
    const seen = new Uint8Array(n);
    for (const x of out) seen[Math.floor(x * n)]++;
    expect(seen.every((c) => c === 1)).toBe(true);
  });
});
