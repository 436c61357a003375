/**
 * The `LpProblem` in the form the interior-point method works on, and the way back:
 *
 *   minimize c·x  s.t.  A·x = b,  x_j ≥ 0 (j not free),  x_j ≤ u_j (j with an upper bound)
 *
 * - every range or inequality row gets a slack column (−1) bounded by the row's bounds; equality rows keep b;
 * - a column with a finite lower bound is shifted to 0; one with only an upper bound is negated; fixed columns
 *   (lower = upper) leave the problem, their value moved into b;
 * - the objective is scaled by one power of two; rows and columns optionally by powers of two (geometric mean
 *   scaling; off by default: on the sizing LPs it did not lower the interior-point iterations).
 * The matrix is stored column-wise (CSC).
 */
import type { LpProblem } from "../lp.ts";

export interface StandardForm {
  m: number;
  n: number;
  colStart: Int32Array;
  rowIndex: Int32Array;
  value: Float64Array;
  c: Float64Array;
  b: Float64Array;
  /** upper bound of each column (Infinity when none) */
  u: Float64Array;
  free: Uint8Array;
  /** per column: the problem column (≥ 0) or −1 − row for a row's slack */
  source: Int32Array;
  /** x_problem = shift + sign · scale · x */
  sign: Float64Array;
  shift: Float64Array;
  colScale: Float64Array;
  rowScale: Float64Array;
  /** the problem row of each row (rows may be reordered for the factorization) */
  rowOf: Int32Array;
  objectiveScale: number;
  /** objective of the shifts and fixed columns (problem units) */
  objectiveConstant: number;
}

const pow2 = (x: number): number => 2 ** Math.round(Math.log2(x));

export function toStandardForm(p: LpProblem, scalePasses = 0): StandardForm {
  const m = p.numRows;
  // column counts of the problem (CSR → CSC)
  const count = new Int32Array(p.numCols);
  for (let k = 0; k < p.colIndex.length; k++) count[p.colIndex[k]]++;
  const keep: number[] = [];
  for (let j = 0; j < p.numCols; j++) if (!(p.colLower[j] === p.colUpper[j])) keep.push(j);
  const slackRows: number[] = [];
  for (let i = 0; i < m; i++) if (!(p.rowLower[i] === p.rowUpper[i])) slackRows.push(i);
  const n = keep.length + slackRows.length;
  const colOf = new Int32Array(p.numCols).fill(-1);
  keep.forEach((j, k) => (colOf[j] = k));
  const colStart = new Int32Array(n + 1);
  for (let k = 0; k < keep.length; k++) colStart[k + 1] = colStart[k] + count[keep[k]];
  for (let k = 0; k < slackRows.length; k++) colStart[keep.length + k + 1] = colStart[keep.length + k] + 1;
  const nnz = colStart[n];
  const rowIndex = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  const fill = colStart.slice(0, n);
  const b = new Float64Array(m);
  for (let i = 0; i < m; i++) b[i] = p.rowLower[i] === p.rowUpper[i] ? p.rowLower[i] : 0;
  let objectiveConstant = 0;
  for (let j = 0; j < p.numCols; j++) if (colOf[j] < 0) objectiveConstant += p.colCost[j] * p.colLower[j];
  for (let i = 0; i < m; i++) {
    for (let k = p.rowStart[i]; k < p.rowStart[i + 1]; k++) {
      const j = p.colIndex[k];
      const c = colOf[j];
      if (c < 0) {
        b[i] -= p.value[k] * p.colLower[j];
        continue;
      }
      rowIndex[fill[c]] = i;
      value[fill[c]++] = p.value[k];
    }
  }
  const c = new Float64Array(n);
  const u = new Float64Array(n).fill(Infinity);
  const free = new Uint8Array(n);
  const source = new Int32Array(n);
  const sign = new Float64Array(n).fill(1);
  const shift = new Float64Array(n);
  const bounds = (k: number, lo: number, up: number, cost: number): void => {
    c[k] = cost;
    if (lo > -Infinity) {
      shift[k] = lo;
      if (up < Infinity) u[k] = up - lo;
    } else if (up < Infinity) {
      sign[k] = -1;
      shift[k] = up;
      c[k] = -cost;
    } else free[k] = 1;
    if (shift[k] !== 0) {
      objectiveConstant += cost * shift[k];
      for (let e = colStart[k]; e < colStart[k + 1]; e++) b[rowIndex[e]] -= value[e] * shift[k];
    }
    if (sign[k] < 0) for (let e = colStart[k]; e < colStart[k + 1]; e++) value[e] = -value[e];
  };
  keep.forEach((j, k) => {
    source[k] = j;
    bounds(k, p.colLower[j], p.colUpper[j], p.colCost[j]);
  });
  slackRows.forEach((i, s) => {
    const k = keep.length + s;
    source[k] = -1 - i;
    rowIndex[colStart[k]] = i;
    value[colStart[k]] = -1;
    bounds(k, p.rowLower[i], p.rowUpper[i], 0);
  });
  // the problem columns of each slack row were filled row by row, so they are sorted; so is each slack
  const sf: StandardForm = { m, n, colStart, rowIndex, value, c, b, u, free, source, sign, shift, colScale: new Float64Array(n).fill(1), rowScale: new Float64Array(m).fill(1), rowOf: Int32Array.from({ length: m }, (_, i) => i), objectiveScale: 1, objectiveConstant };
  scale(sf, scalePasses);
  return sf;
}

/** Geometric-mean scaling of rows and columns (powers of two, a few passes), then b, u and c. */
function scale(sf: StandardForm, passes: number): void {
  const { m, n, colStart, rowIndex, value, rowScale, colScale } = sf;
  const rmin = new Float64Array(m);
  const rmax = new Float64Array(m);
  for (let pass = 0; pass < passes; pass++) {
    rmin.fill(Infinity);
    rmax.fill(0);
    for (let j = 0; j < n; j++) {
      for (let e = colStart[j]; e < colStart[j + 1]; e++) {
        const a = Math.abs(value[e]);
        if (a === 0) continue;
        const i = rowIndex[e];
        if (a < rmin[i]) rmin[i] = a;
        if (a > rmax[i]) rmax[i] = a;
      }
    }
    for (let i = 0; i < m; i++) {
      const f = rmax[i] > 0 ? pow2(1 / Math.sqrt(rmin[i] * rmax[i])) : 1;
      rowScale[i] *= f;
      rmin[i] = f;
    }
    for (let j = 0; j < n; j++) {
      let lo = Infinity;
      let hi = 0;
      for (let e = colStart[j]; e < colStart[j + 1]; e++) {
        value[e] *= rmin[rowIndex[e]];
        const a = Math.abs(value[e]);
        if (a === 0) continue;
        if (a < lo) lo = a;
        if (a > hi) hi = a;
      }
      const f = hi > 0 ? pow2(1 / Math.sqrt(lo * hi)) : 1;
      colScale[j] *= f;
      for (let e = colStart[j]; e < colStart[j + 1]; e++) value[e] *= f;
    }
  }
  for (let i = 0; i < m; i++) sf.b[i] *= rowScale[i];
  let cmax = 0;
  for (let j = 0; j < n; j++) {
    sf.c[j] *= colScale[j];
    if (sf.u[j] < Infinity) sf.u[j] /= colScale[j];
    cmax = Math.max(cmax, Math.abs(sf.c[j]));
  }
  sf.objectiveScale = cmax > 0 ? pow2(cmax) : 1;
  for (let j = 0; j < n; j++) sf.c[j] /= sf.objectiveScale;
}

/** The same problem with its rows renumbered: row `perm[k]` becomes row k. */
export function permuteRows(sf: StandardForm, perm: Int32Array): StandardForm {
  const inv = new Int32Array(sf.m);
  for (let k = 0; k < sf.m; k++) inv[perm[k]] = k;
  const rowIndex = new Int32Array(sf.rowIndex.length);
  for (let e = 0; e < rowIndex.length; e++) rowIndex[e] = inv[sf.rowIndex[e]];
  return {
    ...sf,
    rowIndex,
    b: Float64Array.from(perm, (i) => sf.b[i]),
    rowScale: Float64Array.from(perm, (i) => sf.rowScale[i]),
    rowOf: Int32Array.from(perm, (i) => sf.rowOf[i]),
  };
}

/** The problem's column values and row duals from the standard form's x and y. */
export function fromStandardForm(p: LpProblem, sf: StandardForm, x: Float64Array, y: Float64Array): { primal: Float64Array; dual: Float64Array } {
  const primal = new Float64Array(p.numCols);
  for (let j = 0; j < p.numCols; j++) if (p.colLower[j] === p.colUpper[j]) primal[j] = p.colLower[j];
  for (let k = 0; k < sf.n; k++) if (sf.source[k] >= 0) primal[sf.source[k]] = sf.shift[k] + sf.sign[k] * sf.colScale[k] * x[k];
  const dual = new Float64Array(p.numRows);
  for (let i = 0; i < sf.m; i++) dual[sf.rowOf[i]] = y[i] * sf.rowScale[i] * sf.objectiveScale;
  return { primal, dual };
}
