import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { envelopeOf, envelopeOrder, factorEnvelope, solveEnvelope } from "./envelope.ts";

/** A random symmetric positive-definite matrix B·Θ·Bᵀ with B a chain (banded) plus a few long-range couplings. */
function randomSpd(n: number, seed: number, spread: number): number[][] {
  let s = seed;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const M = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const addCol = (rows: number[], vals: number[]): void => {
    const th = 10 ** ((rnd() - 0.5) * 2 * spread);
    rows.forEach((a, i) => rows.forEach((b, k) => (M[a][b] += th * vals[i] * vals[k])));
  };
  for (let i = 0; i < n; i++) {
    addCol([i], [1]);
    if (i + 1 < n) addCol([i, i + 1], [1, -1]);
    if (i + 3 < n && rnd() < 0.3) addCol([i, i + 3], [rnd(), 1]);
  }
  return M;
}

function factorOf(M: number[][], dense: Uint8Array): { perm: Int32Array; solve: (b: Float64Array) => Float64Array; width: number } {
  const n = M.length;
  const pr: number[] = [];
  const pc: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) if (M[i][j] !== 0) pr.push(i), pc.push(j);
  const perm = envelopeOrder(n, Int32Array.from(pr), Int32Array.from(pc), dense);
  const inv = new Int32Array(n);
  perm.forEach((row, k) => (inv[row] = k));
  const env = envelopeOf(n, Int32Array.from(pr, (i) => inv[i]), Int32Array.from(pc, (j) => inv[j]));
  pr.forEach((i, p) => (env.factor.values[env.position[p]] = M[i][pc[p]]));
  factorEnvelope(env.factor);
  let width = 0;
  for (let i = 0; i < n; i++) if (!dense[perm[i]]) width = Math.max(width, i - env.factor.first[i]);
  const solve = (b: Float64Array): Float64Array => {
    const x = Float64Array.from(perm, (row) => b[row]);
    solveEnvelope(env.factor, x, x);
    const out = new Float64Array(n);
    perm.forEach((row, k) => (out[row] = x[k]));
    return out;
  };
  return { perm, solve, width };
}

describe("envelope L·D·Lᵀ factorization", () => {
  it("solves random banded SPD systems to round-off, even with a wide spread of weights (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 6 }), (n, seed, spread) => {
        const M = randomSpd(n, seed, spread);
        const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + seed));
        const x = factorOf(M, new Uint8Array(n)).solve(b);
        let err = 0;
        let scale = 0;
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) (s += M[i][j] * x[j]), (scale = Math.max(scale, Math.abs(M[i][j] * x[j])));
          err = Math.max(err, Math.abs(s - b[i]));
        }
        expect(err).toBeLessThanOrEqual(1e-12 * Math.max(1, scale));
      }),
      { numRuns: 80 },
    );
  });

  it("orders a shuffled chain back to a band and puts dense rows last", () => {
    // a chain 0-1-2-…-29 under a shuffled numbering, plus row 30 coupled to every row
    const n = 31;
    const shuffle = Array.from({ length: 30 }, (_, i) => (i * 7) % 30);
    const M = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let k = 0; k < 30; k++) {
      M[shuffle[k]][shuffle[k]] = 4;
      M[30][shuffle[k]] = M[shuffle[k]][30] = 0.1;
      if (k > 0) M[shuffle[k]][shuffle[k - 1]] = M[shuffle[k - 1]][shuffle[k]] = -1;
    }
    M[30][30] = 10;
    const dense = new Uint8Array(n);
    dense[30] = 1;
    const f = factorOf(M, dense);
    expect(f.perm[n - 1]).toBe(30);
    expect(f.width).toBe(1);
  });
});
