/**
 * The interior-point method's normal equations A·Θ·Aᵀ·dy = r for one standard form.
 *
 * - Dense columns (`denseColumnThreshold`: the capacities, which appear in every hour) stay out of
 *   the matrix: S = A_s·Θ_s·A_sᵀ is factored as L·D·Lᵀ in envelope storage, and the dense columns A_d come back by
 *   the Sherman–Morrison–Woodbury formula: M⁻¹·r = L⁻ᵀ·D⁻¹·(z − V·t) with z = L⁻¹·r, V = L⁻¹·A_d,
 *   t = K⁻¹·Vᵀ·D⁻¹·z and K = Θ_d⁻¹ + Vᵀ·D⁻¹·V (6 × 6 for a site). One forward and one backward pass per solve.
 *   (A quasi-definite augmented system [S, A_d; A_dᵀ, −Θ_d⁻¹] was tried instead: five orders of magnitude less
 *   accurate once Θ spreads, and the interior point stalled.)
 * - Rows are renumbered once, in reverse Cuthill–McKee order with dense rows (the annual clean target) last, so
 *   the hour-by-hour LP's S is banded (about 6 entries per row of L) and no solve permutes vectors.
 * Symbolic work once (`prepare`), numeric factor per iteration (`factorize`).
 */
import { type EnvelopeFactor, backwardEnvelope, envelopeOf, envelopeOrder, factorEnvelope, forwardEnvelope, forwardEnvelope3 } from "./envelope.ts";
import { type StandardForm, permuteRows } from "./standard-form.ts";

/**
 * Columns with more entries than this are dense: 5 % of the rows, at least 64, at most 1,000 (a capacity of a
 * multi-site LP bounds 8,760 of 200,000 rows: as a sparse column its 8,760² couples would not fit in memory).
 */
export const denseColumnThreshold = (rows: number): number => Math.min(1000, Math.max(64, 0.05 * rows));

export class NormalEquations {
  readonly factor: EnvelopeFactor;
  readonly denseCols: number[];
  private readonly position: Int32Array;
  /** the sparse columns, and where each one's couples start in position/pairCoef */
  private readonly pairCols: Int32Array;
  private readonly pairStart: Int32Array;
  private readonly pairCoef: Float64Array;
  private readonly diagonal: Int32Array;
  private readonly V: Float64Array[];
  /** D⁻¹·V */
  private readonly U: Float64Array[];
  /** V and U padded with zero vectors to a multiple of three (the loops take three columns at a time) */
  private readonly paddedV: Float64Array[];
  private readonly paddedU: Float64Array[];
  private K = new Float64Array(0);
  private readonly t: Float64Array;
  /** relative regularization of S's diagonal */
  private readonly regularization: number;

  /** The standard form with its rows in the factor's order, and its normal equations. */
  static prepare(sf0: StandardForm, regularization = 1e-12): { sf: StandardForm; ne: NormalEquations } {
    const dense = denseColumns(sf0);
    const pairs = rowPairs(sf0, dense.isDense);
    const denseRow = denseRows(sf0, dense.isDense);
    const perm = envelopeOrder(sf0.m, pairs.rows, pairs.cols, denseRow);
    const sf = permuteRows(sf0, perm);
    return { sf, ne: new NormalEquations(sf, dense.columns, dense.isDense, regularization) };
  }

  private constructor(
    private readonly sf: StandardForm,
    denseCols: number[],
    isDense: Uint8Array,
    regularization: number,
  ) {
    const { m } = sf;
    this.denseCols = denseCols;
    this.regularization = regularization;
    const pairs = rowPairs(sf, isDense);
    const env = envelopeOf(m, pairs.rows, pairs.cols);
    const np = pairs.col.length;
    this.factor = env.factor;
    this.position = env.position.subarray(0, np);
    // the couples come column by column: index them by column
    const cols: number[] = [];
    const starts: number[] = [];
    for (let p = 0; p < np; p++) {
      if (p === 0 || pairs.col[p] !== pairs.col[p - 1]) {
        cols.push(pairs.col[p]);
        starts.push(p);
      }
    }
    starts.push(np);
    this.pairCols = Int32Array.from(cols);
    this.pairStart = Int32Array.from(starts);
    this.pairCoef = pairs.coef;
    this.diagonal = env.diagonal;
    this.t = new Float64Array(denseCols.length);
    this.V = denseCols.map(() => new Float64Array(m));
    this.U = denseCols.map(() => new Float64Array(m));
    const zeros = new Float64Array(m);
    const pad = (3 - (denseCols.length % 3)) % 3;
    this.paddedV = [...this.V, ...Array.from({ length: pad }, () => new Float64Array(m))];
    this.paddedU = [...this.U, ...Array.from({ length: pad }, () => zeros)];
  }

  /** Factors S = A_s·Θ_s·A_sᵀ (plus regularization) and prepares the dense columns' correction. */
  factorize(theta: Float64Array): void {
    const v = this.factor.values;
    v.fill(0);
    const { position, pairStart, pairCols, pairCoef, diagonal } = this;
    for (let q = 0; q < pairCols.length; q++) {
      const th = theta[pairCols[q]];
      for (let p = pairStart[q]; p < pairStart[q + 1]; p++) v[position[p]] += th * pairCoef[p];
    }
    const m = this.sf.m;
    // dual regularization, relative to the largest diagonal (smaller ones, or one per row, were tried: the
    // factor then loses rows whose columns all sit at bounds, and the method does not converge)
    let maxDiag = 0;
    for (let i = 0; i < m; i++) maxDiag = Math.max(maxDiag, v[diagonal[i]]);
    const reg = this.regularization * Math.max(1, maxDiag);
    for (let i = 0; i < m; i++) v[diagonal[i]] += reg;
    factorEnvelope(this.factor);
    const k = this.denseCols.length;
    if (k === 0) return;
    const { colStart, rowIndex, value } = this.sf;
    const d = this.factor.d;
    for (let a = 0; a < k; a++) {
      const j = this.denseCols[a];
      const va = this.V[a];
      va.fill(0);
      for (let e = colStart[j]; e < colStart[j + 1]; e++) va[rowIndex[e]] = value[e];
    }
    // V = L⁻¹·A_d, three columns per pass over the factor (the padding vectors of the last triple stay zero)
    const Vp = this.paddedV;
    for (let a = 0; a < k; a += 3) forwardEnvelope3(this.factor, Vp[a], Vp[a + 1], Vp[a + 2]);
    for (let a = 0; a < k; a++) {
      const va = this.V[a];
      const ua = this.U[a];
      for (let i = 0; i < m; i++) ua[i] = va[i] / d[i];
    }
    // K = Θ_d⁻¹ + Vᵀ·D⁻¹·V (lower triangle), three entries per pass
    const K = new Float64Array(k * k);
    const Up = this.paddedU;
    for (let a = 0; a < k; a++) {
      const va = this.V[a];
      for (let b = 0; b <= a; b += 3) {
        const u0 = Up[b];
        const u1 = Up[b + 1];
        const u2 = Up[b + 2];
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        for (let i = 0; i < m; i++) {
          const v = va[i];
          s0 += v * u0[i];
          s1 += v * u1[i];
          s2 += v * u2[i];
        }
        K[a * k + b] = s0;
        if (b + 1 <= a) K[a * k + b + 1] = s1;
        if (b + 2 <= a) K[a * k + b + 2] = s2;
      }
      K[a * k + a] += 1 / theta[this.denseCols[a]];
    }
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        let s = K[a * k + b];
        for (let c = 0; c < b; c++) s -= K[a * k + c] * K[b * k + c];
        K[a * k + b] = a === b ? Math.sqrt(Math.max(s, 1e-300)) : s / K[b * k + b];
      }
    }
    this.K = K;
  }

  /** y = (A·Θ·Aᵀ)⁻¹·r (y may be r). */
  solve(r: Float64Array, y: Float64Array): void {
    const d = this.factor.d;
    const m = this.sf.m;
    if (y !== r) y.set(r);
    forwardEnvelope(this.factor, y);
    for (let i = 0; i < m; i++) y[i] /= d[i];
    const k = this.denseCols.length;
    if (k > 0) {
      const { t, K } = this;
      const Vp = this.paddedV;
      for (let a = 0; a < k; a += 3) {
        const v0 = Vp[a];
        const v1 = Vp[a + 1];
        const v2 = Vp[a + 2];
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        for (let i = 0; i < m; i++) {
          const yi = y[i];
          s0 += v0[i] * yi;
          s1 += v1[i] * yi;
          s2 += v2[i] * yi;
        }
        t[a] = s0;
        if (a + 1 < k) t[a + 1] = s1;
        if (a + 2 < k) t[a + 2] = s2;
      }
      for (let a = 0; a < k; a++) {
        let s = t[a];
        for (let c = 0; c < a; c++) s -= K[a * k + c] * t[c];
        t[a] = s / K[a * k + a];
      }
      for (let a = k - 1; a >= 0; a--) {
        let s = t[a];
        for (let c = a + 1; c < k; c++) s -= K[c * k + a] * t[c];
        t[a] = s / K[a * k + a];
      }
      const Up = this.paddedU;
      for (let a = 0; a < k; a += 3) {
        const u0 = Up[a];
        const u1 = Up[a + 1];
        const u2 = Up[a + 2];
        const t0 = t[a];
        const t1 = a + 1 < k ? t[a + 1] : 0;
        const t2 = a + 2 < k ? t[a + 2] : 0;
        for (let i = 0; i < m; i++) y[i] -= u0[i] * t0 + u1[i] * t1 + u2[i] * t2;
      }
    }
    backwardEnvelope(this.factor, y);
  }
}

function denseColumns(sf: StandardForm): { columns: number[]; isDense: Uint8Array } {
  const threshold = denseColumnThreshold(sf.m);
  const columns: number[] = [];
  const isDense = new Uint8Array(sf.n);
  for (let j = 0; j < sf.n; j++) {
    if (sf.colStart[j + 1] - sf.colStart[j] > threshold) {
      columns.push(j);
      isDense[j] = 1;
    }
  }
  return { columns, isDense };
}

/** Rows with many entries in sparse columns: ordered last, so they do not widen every other row's envelope. */
function denseRows(sf: StandardForm, isDense: Uint8Array): Uint8Array {
  const count = new Int32Array(sf.m);
  for (let j = 0; j < sf.n; j++) if (!isDense[j]) for (let e = sf.colStart[j]; e < sf.colStart[j + 1]; e++) count[sf.rowIndex[e]]++;
  const threshold = denseColumnThreshold(sf.n);
  return Uint8Array.from(count, (c) => (c > threshold ? 1 : 0));
}

/** The (row, row) couples each sparse column makes non-zero in A·Θ·Aᵀ, with the column and a_i·a_k; then every diagonal. */
function rowPairs(sf: StandardForm, isDense: Uint8Array): { rows: Int32Array; cols: Int32Array; col: Int32Array; coef: Float64Array } {
  const { m, n, colStart, rowIndex, value } = sf;
  let np = 0;
  for (let j = 0; j < n; j++) {
    const c = colStart[j + 1] - colStart[j];
    if (!isDense[j]) np += (c * (c + 1)) / 2;
  }
  const rows = new Int32Array(np + m);
  const cols = new Int32Array(np + m);
  const col = new Int32Array(np);
  const coef = new Float64Array(np);
  let p = 0;
  for (let j = 0; j < n; j++) {
    if (isDense[j]) continue;
    for (let e1 = colStart[j]; e1 < colStart[j + 1]; e1++) {
      for (let e2 = e1; e2 < colStart[j + 1]; e2++) {
        rows[p] = rowIndex[e1];
        cols[p] = rowIndex[e2];
        col[p] = j;
        coef[p] = value[e1] * value[e2];
        p++;
      }
    }
  }
  // every diagonal exists (it carries the regularization), even for a row with no sparse column
  for (let i = 0; i < m; i++) (rows[np + i] = i), (cols[np + i] = i);
  return { rows, cols, col, coef };
}
