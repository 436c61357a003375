/**
 * Variance-based sensitivity: first-order and total Sobol indices with the Saltelli design and estimators
 * (Saltelli et al. 2010, "Variance based sensitivity analysis of model output. Design and estimator for the total
 * sensitivity index", Comput. Phys. Commun. 181: first order Sᵢ = mean(f(B)·(f(A_Bⁱ) − f(A))) / V, their eq. (b) of
 * Table 2; total Sᵀᵢ = mean((f(A) − f(A_Bⁱ))²) / 2V, Jansen 1999, eq. (f)). A and B are the two halves of a
 * 2d-dimensional digitally shifted Sobol sequence (the project's own, sobol.ts), A_Bⁱ is A with column i from B:
 * N(d + 2) model runs. Confidence intervals: percentile bootstrap over the N rows (counter-based RNG, so the same
 * seed gives the same intervals). Inputs are treated as independent (Sobol indices are defined for independent
 * inputs): a scenario's correlations are not applied here, and the report says so. Sᵀᵢ − Sᵢ is the share of the
 * variance input i explains only together with others, which a tornado cannot show.
 */
import type { Distribution } from "./distributions.ts";
import { fillUniforms, wordAt } from "./rng.ts";
import { SOBOL_MAX_DIMENSIONS, fillSobol, sobolDirections } from "./sobol.ts";

/** Stream offsets for the digital shifts and the bootstrap draws (apart from the sampler's streams). */
const SHIFT_STREAM = 0x300000;
const BOOTSTRAP_STREAM = 0x310000;
export const DEFAULT_BOOTSTRAP_RESAMPLES = 200;
const CI_LOW = 0.025;
const CI_HIGH = 0.975;

export interface SobolIndex {
  first: number;
  firstCi: [number, number];
  total: number;
  totalCi: [number, number];
  /** total − first: the part explained only through interactions */
  interaction: number;
}

export interface SobolIndicesResult {
  baseSamples: number;
  evaluations: number;
  bootstrapResamples: number;
  /** per output, base rows dropped because the output of A, B or an A_Bⁱ was not finite or the model failed */
  droppedRows: number[];
  /** per output, per input */
  indices: SobolIndex[][];
  /** output variance used (of f(A) and f(B) together) */
  variance: number[];
}

/** Evaluates one input row into `out` (one value per output); returns false when the model failed. */
export type RowModel = (x: Float64Array, out: Float64Array) => boolean;

/** Problems with the options, as messages. */
export function sobolIndicesProblems(dimensions: number, baseSamples: number): string[] {
  const out: string[] = [];
  if (dimensions < 1) out.push("Sobol indices need at least one uncertain input");
  if (2 * dimensions > SOBOL_MAX_DIMENSIONS) out.push(`Sobol indices support at most ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)} uncertain inputs`);
  if (!Number.isSafeInteger(baseSamples) || baseSamples < 16 || baseSamples > 1 << 20) out.push("the base sample size must be an integer from 16 to 1,048,576");
  return out;
}

function quantileOf(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The two estimators on the rows `rows` of the evaluated matrices (fA, fB, fAB[i]) of one output. */
function estimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], rows: Uint32Array | null, n: number): { first: Float64Array; total: Float64Array; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < n; k++) {
    const j = rows ? rows[k] : k;
    sum += fA[j] + fB[j];
    sumSq += fA[j] * fA[j] + fB[j] * fB[j];
  }
  const mean = sum / (2 * n);
  const variance = sumSq / (2 * n) - mean * mean;
  const d = fAB.length;
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s1 = 0;
    let st = 0;
    const ab = fAB[i];
    for (let k = 0; k < n; k++) {
      const j = rows ? rows[k] : k;
      s1 += fB[j] * (ab[j] - fA[j]);
      st += (fA[j] - ab[j]) ** 2;
    }
    first[i] = variance > 0 ? s1 / n / variance : 0;
    total[i] = variance > 0 ? st / (2 * n) / variance : 0;
  }
  return { first, total, variance };
}

/**
 * First-order and total indices of every output of `model` for inputs with distributions `dists`, from
 * `baseSamples` rows (N(d + 2) model runs), with bootstrap intervals. Pure and deterministic for a seed.
 */
export function sobolIndices(model: RowModel, outputs: number, dists: readonly Distribution[], baseSamples: number, seed: number, bootstrapResamples = DEFAULT_BOOTSTRAP_RESAMPLES): SobolIndicesResult {
  const d = dists.length;
  const problems = sobolIndicesProblems(d, baseSamples);
  if (problems.length > 0) throw new RangeError(problems.join("; "));
  const n = baseSamples;
  const directions = sobolDirections(2 * d);
  // uniforms → values, column by column: A = dimensions 0 … d−1, B = d … 2d−1
  const colA: Float64Array[] = [];
  const colB: Float64Array[] = [];
  const u = new Float64Array(n);
  for (let k = 0; k < 2 * d; k++) {
    fillSobol(directions, k, 0, n, wordAt(seed, SHIFT_STREAM + k, 0), u, 0);
    const values = new Float64Array(n);
    dists[k % d].fill(u, values, n);
    (k < d ? colA : colB).push(values);
  }
  const fA = Array.from({ length: outputs }, () => new Float64Array(n));
  const fB = Array.from({ length: outputs }, () => new Float64Array(n));
  const fAB = Array.from({ length: outputs }, () => Array.from({ length: d }, () => new Float64Array(n)));
  const ok = Array.from({ length: outputs }, () => new Uint8Array(n).fill(1));
  const x = new Float64Array(d);
  const y = new Float64Array(outputs);
  const run = (row: number, pick: (k: number) => number, into: (o: number) => Float64Array): void => {
    for (let k = 0; k < d; k++) x[k] = pick(k);
    const good = model(x, y);
    for (let o = 0; o < outputs; o++) {
      into(o)[row] = y[o];
      if (!good || !Number.isFinite(y[o])) ok[o][row] = 0;
    }
  };
  for (let j = 0; j < n; j++) {
    run(j, (k) => colA[k][j], (o) => fA[o]);
    run(j, (k) => colB[k][j], (o) => fB[o]);
    for (let i = 0; i < d; i++) run(j, (k) => (k === i ? colB[k][j] : colA[k][j]), (o) => fAB[o][i]);
  }
  const indices: SobolIndex[][] = [];
  const variance: number[] = [];
  const droppedRows: number[] = [];
  for (let o = 0; o < outputs; o++) {
    const kept = Uint32Array.from({ length: n }, (_, j) => j).filter((j) => ok[o][j] === 1);
    const m = kept.length;
    droppedRows.push(n - m);
    if (m < 2) {
      const none: SobolIndex = { first: Number.NaN, firstCi: [Number.NaN, Number.NaN], total: Number.NaN, totalCi: [Number.NaN, Number.NaN], interaction: Number.NaN };
      indices.push(Array.from({ length: d }, () => none));
      variance.push(Number.NaN);
      continue;
    }
    const draws = new Float64Array(m);
    const resampled = new Uint32Array(m);
    const point = estimate(fA[o], fB[o], fAB[o], kept, m);
    variance.push(point.variance);
    const bootFirst = Array.from({ length: d }, () => new Float64Array(bootstrapResamples));
    const bootTotal = Array.from({ length: d }, () => new Float64Array(bootstrapResamples));
    for (let r = 0; r < bootstrapResamples; r++) {
      // resample r draws the same uniforms for every output
      fillUniforms(seed, BOOTSTRAP_STREAM + r, 0, m, draws);
      for (let k = 0; k < m; k++) resampled[k] = kept[Math.min(m - 1, Math.floor(draws[k] * m))];
      const e = estimate(fA[o], fB[o], fAB[o], resampled, m);
      for (let i = 0; i < d; i++) {
        bootFirst[i][r] = e.first[i];
        bootTotal[i][r] = e.total[i];
      }
    }
    indices.push(
      Array.from({ length: d }, (_, i) => {
        const bf = bootFirst[i].sort();
        const bt = bootTotal[i].sort();
        return {
          first: point.first[i],
          firstCi: [quantileOf(bf, CI_LOW), quantileOf(bf, CI_HIGH)] as [number, number],
          total: point.total[i],
          totalCi: [quantileOf(bt, CI_LOW), quantileOf(bt, CI_HIGH)] as [number, number],
          interaction: point.total[i] - point.first[i],
        };
      }),
    );
  }
  return { baseSamples: n, evaluations: n * (d + 2), bootstrapResamples, droppedRows, indices, variance };
}
