/**
 * Correlated inputs by a Gaussian copula: target Spearman rank correlations ρ become normal-scale
 * correlations r = 2·sin(πρ/6) (exact for the Gaussian copula), the matrix is factored by Cholesky, and each
 * sample's uniforms are mapped u → z = Φ⁻¹(u) → L·z → Φ(·). Marginals are untouched (quantiles are applied
 * afterwards). A matrix that is not positive definite is repaired (eigenvalues clipped, unit diagonal
 * restored) with a warning, or rejected when it is not a correlation matrix at all.
 */
import { type Diagnostic, error, warning } from "../core/diagnostics.ts";
import { normalCdf, normalQuantile } from "./normal.ts";
import { U_MAX, U_MIN } from "./rng.ts";

/** Cholesky factor (lower, row-major n×n) or null when the matrix is not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  }
  return l;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: { values, vectors (columns) }. */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] * m[p * n + q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i];
  return { values, vectors: v };
}

/** Clips eigenvalues to ≥ minEigen and rescales to a unit diagonal: a nearby positive-definite correlation matrix. */
export function repairCorrelation(a: Float64Array, n: number, minEigen = 1e-4): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i * n + k] * Math.max(values[k], minEigen) * vectors[j * n + k];
      r[i * n + j] = s;
    }
  }
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = Math.sqrt(r[i * n + i]);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[i * n + j] = i === j ? 1 : r[i * n + j] / (d[i] * d[j]);
  return r;
}

export interface Copula {
  /** sample dimensions taking part, in matrix order */
  dims: Int32Array;
  /** lower Cholesky factor of the normal-scale correlation matrix (row-major) */
  factor: Float64Array;
}

/** Checks a rank-correlation matrix and builds the copula; `path` locates the matrix in diagnostics. */
export function makeCopula(dims: number[], rank: Float64Array, path: string): { copula: Copula | null; diagnostics: Diagnostic[] } {
  const n = dims.length;
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < n; i++) {
    if (rank[i * n + i] !== 1) diagnostics.push(error(`${path}[${i}][${i}]`, "diagonal entries must be 1"));
    for (let j = 0; j < i; j++) {
      if (rank[i * n + j] !== rank[j * n + i]) diagnostics.push(error(`${path}[${i}][${j}]`, `must equal entry [${j}][${i}] (symmetric matrix)`));
      if (Math.abs(rank[i * n + j]) > 1) diagnostics.push(error(`${path}[${i}][${j}]`, "must lie within [-1, 1]"));
    }
  }
  if (diagnostics.length > 0) return { copula: null, diagnostics };
  const normalScale = rank.map((rho, k) => (Math.floor(k / n) === k % n ? 1 : 2 * Math.sin((Math.PI * rho) / 6)));
  let factor = cholesky(normalScale, n);
  if (!factor) {
    const repaired = repairCorrelation(normalScale, n);
    factor = cholesky(repaired, n);
    let maxChange = 0;
    for (let k = 0; k < n * n; k++) maxChange = Math.max(maxChange, Math.abs(repaired[k] - normalScale[k]));
    diagnostics.push(warning(path, `rank-correlation matrix is not positive definite: repaired to the nearest usable matrix (largest change ${maxChange.toFixed(3)} on the normal scale)`));
    if (!factor) return { copula: null, diagnostics: [error(path, "rank-correlation matrix cannot be repaired")] };
  }
  return { copula: { dims: Int32Array.from(dims), factor }, diagnostics };
}


/**
 * Applies the copula in place to a block of uniforms stored by column (columns[d][j], j < count).
 * `z` and `y` are scratch arrays of length ≥ copula.dims.length.
 */
export function applyCopula(copula: Copula, columns: Float64Array[], count: number, z: Float64Array, y: Float64Array): void {
  const { dims, factor } = copula;
  const n = dims.length;
  for (let j = 0; j < count; j++) {
    for (let k = 0; k < n; k++) z[k] = normalQuantile(columns[dims[k]][j]);
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let k = 0; k <= r; k++) s += factor[r * n + k] * z[k];
      y[r] = s;
    }
    for (let k = 0; k < n; k++) columns[dims[k]][j] = Math.min(U_MAX, Math.max(U_MIN, normalCdf(y[k])));
  }
}
