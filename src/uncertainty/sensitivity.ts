/**
 * Sensitivity and risk: Spearman rank correlations and standardized regression coefficients (SRC) of each
 * output on the sampled inputs, a tornado (each input at its p10 and p90 with the others at base), and the
 * risk figures analysts ask for: P(NPV < 0), P(capacity shortfall), value at risk of free cash flow.
 */
import { pearson } from "../core/correlation.ts";
import { countAtOrBelow, countBelow } from "../core/search.ts";
import type { TornadoBar } from "../results/provenance.ts";
import { evaluate } from "./evaluate.ts";
import { OUTPUT_COUNT, OUTPUT_NAMES, type OutputName } from "./outputs.ts";
import type { EvaluationPlan } from "./evaluate.ts";
import { meanSd, quantileSorted, sortedDefined } from "./stats.ts";

/** Ranks 1 … n with ties given their average rank (values without NaN). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  // a native numeric sort of the values, then each value's first and last position among equals by binary search
  const sorted = Float64Array.from(values).sort();
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // equal values occupy positions [first, last]; they share the mean rank
    const first = countBelow(sorted, values[i]);
    const last = countAtOrBelow(sorted, values[i]) - 1;
    r[i] = (first + last) / 2 + 1;
  }
  return r;
}

/** Spearman's rank correlation; 0 when either side has no variance (a fixed input moves nothing). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return spearmanOfRanks(ranks(x), ranks(y), x, y);
}

/** Spearman's ρ from the ranks of x and y (computed once for many pairs); x and y only for the no-variance case. */
export function spearmanOfRanks(rx: Float64Array, ry: Float64Array, x: ArrayLike<number>, y: ArrayLike<number>): number {
  const r = pearson(rx, ry);
  return Number.isNaN(r) && (constant(x) || constant(y)) ? 0 : r;
}

function constant(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** Rows where the output is defined. */
function definedRows(y: ArrayLike<number>): number[] {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) rows.push(i);
  return rows;
}

/** a[rows[0]], a[rows[1]], … (a plain loop: a mapping callback per element is slow over 10⁴ rows × every output). */
function pick(a: ArrayLike<number>, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = a[rows[j]];
  return out;
}

/** Solves A x = b (n×n, row-major) by Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
    if (Math.abs(m[p * n + c]) < 1e-12) return null;
    if (p !== c) {
      for (let k = 0; k < n; k++) [m[c * n + k], m[p * n + k]] = [m[p * n + k], m[c * n + k]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c] / m[c * n + c];
      for (let k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < n; k++) s -= m[c * n + k] * x[k];
    x[c] = s / m[c * n + c];
  }
  return x;
}

export interface RegressionResult {
  /** standardized coefficient per input (0 for inputs without variance: a fixed input explains nothing; NaN only when the regression cannot be fitted) */
  coefficients: number[];
  /** share of the output's variance the linear model explains */
  rSquared: number;
}

export interface Design {
  /** inputs with variance: their index and mean/sd over the rows */
  varying: { k: number; mean: number; sd: number }[];
  /** z-scores of the varying inputs over the rows */
  z: Float64Array[];
  /** zᵀz (p × p, row-major) */
  xtx: Float64Array;
}


function zScores(v: Float64Array, mean: number, sd: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = (v[i] - mean) / sd;
  return out;
}

/** The design of x over `rows` (default: every row). */
export function regressionDesign(x: readonly ArrayLike<number>[], rows: number[] = x.length > 0 ? Array.from({ length: x[0].length }, (_, i) => i) : []): Design {
  const picked = x.map((col) => pick(col, rows));
  const varying = picked.map((col) => meanSd(col)).map((st, k) => ({ k, ...st })).filter((st) => st.sd > 0);
  const z = varying.map((st) => zScores(picked[st.k], st.mean, st.sd));
  const p = varying.length;
  const xtx = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let sum = 0;
      for (let i = 0; i < rows.length; i++) sum += z[a][i] * z[b][i];
      xtx[a * p + b] = xtx[b * p + a] = sum;
    }
  }
  return { varying, z, xtx };
}

/**
 * Standardized regression coefficients of y on the columns of x (OLS on z-scores). `fullDesign`: x's design over every
 * row (regressionDesign(x)), used when y is defined in every row, so many outputs on the same inputs share it.
 */
export function standardizedRegression(x: readonly ArrayLike<number>[], y: ArrayLike<number>, fullDesign?: () => Design): RegressionResult {
  const rows = definedRows(y);
  const ys = pick(y, rows);
  const yStats = meanSd(ys);
  const all = x.length > 0 && rows.length === x[0].length;
  const { varying, z, xtx } = all && fullDesign ? fullDesign() : regressionDesign(x, rows);
  const coefficients = x.map(() => NaN);
  if (rows.length <= varying.length + 1 || !(yStats.sd > 0)) return { coefficients, rSquared: NaN };
  for (let k = 0; k < x.length; k++) coefficients[k] = 0;
  const p = varying.length;
  const zy = zScores(ys, yStats.mean, yStats.sd);
  const xty = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let sum = 0;
    for (let i = 0; i < rows.length; i++) sum += z[a][i] * zy[i];
    xty[a] = sum;
  }
  const beta = solveLinear(xtx, xty, p);
  if (!beta) return { coefficients: x.map(() => NaN), rSquared: NaN };
  let ssRes = 0;
  for (let i = 0; i < rows.length; i++) {
    let fit = 0;
    for (let a = 0; a < p; a++) fit += beta[a] * z[a][i];
    ssRes += (zy[i] - fit) ** 2;
  }
  varying.forEach((s, a) => {
    coefficients[s.k] = beta[a];
  });
  return { coefficients, rSquared: 1 - ssRes / (rows.length - 1) };
}

export type { TornadoBar };

export interface Tornado {
  baseOutputs: Record<OutputName, number>;
  /** bars per output, largest swing first */
  bars: Record<OutputName, TornadoBar[]>;
}

/** Tornado: 2·d + 1 model runs (base, and each input at its p10 and p90 with the others at base). */
export function tornado(plan: EvaluationPlan, lowQuantile = 0.1, highQuantile = 0.9): Tornado {
  const base = plan.inputs.map((i) => i.baseValue);
  const out = new Float64Array(OUTPUT_COUNT);
  evaluate(plan, base, out);
  const baseOutputs = Object.fromEntries(OUTPUT_NAMES.map((n, o) => [n, out[o]])) as Record<OutputName, number>;
  const runs = plan.inputs.map((input, k) => {
    const lo = input.dist.quantile(lowQuantile);
    const hi = input.dist.quantile(highQuantile);
    const values = base.slice();
    values[k] = lo;
    const low = new Float64Array(OUTPUT_COUNT);
    evaluate(plan, values, low);
    values[k] = hi;
    const high = new Float64Array(OUTPUT_COUNT);
    evaluate(plan, values, high);
    return { input: input.path, lo: input.integer ? Math.round(lo) : lo, hi: input.integer ? Math.round(hi) : hi, low, high };
  });
  const bars = {} as Record<OutputName, TornadoBar[]>;
  OUTPUT_NAMES.forEach((name, o) => {
    bars[name] = runs
      .map((r) => ({ input: r.input, lowInput: r.lo, highInput: r.hi, lowOutput: r.low[o], highOutput: r.high[o], swing: Math.abs(r.high[o] - r.low[o]) }))
      .sort((a, b) => (b.swing || 0) - (a.swing || 0));
  });
  return { baseOutputs, bars };
}

export interface RiskFigures {
  /** P(NPV < 0) among samples with an NPV */
  probabilityNpvNegative: number;
  /** P(IT MW online at the end of the target year < the plan's MW for that date) */
  probabilityCapacityShortfall: number;
  /** 5th percentile of company free cash flow through the target year */
  fcfP5Usd: number;
  /** value at risk (95 %): −p5 of cumulative company FCF through the target year (loss exceeded with 5 % chance) */
  fcfValueAtRisk95Usd: number;
  /** expected shortfall (95 %): −mean of the worst 5 % of cumulative company FCF */
  fcfExpectedShortfall95Usd: number;
}

export function riskFigures(outputs: readonly ArrayLike<number>[]): RiskFigures {
  const col = (n: OutputName): ArrayLike<number> => outputs[OUTPUT_NAMES.indexOf(n)];
  const share = (a: ArrayLike<number>, test: (v: number) => boolean): number => {
    let n = 0;
    let k = 0;
    for (let i = 0; i < a.length; i++) {
      if (Number.isNaN(a[i])) continue;
      n++;
      if (test(a[i])) k++;
    }
    return n > 0 ? k / n : NaN;
  };
  const fcf = sortedDefined(col("companyFcfUsdThroughTargetYear"));
  const p5 = quantileSorted(fcf, 0.05);
  const tail = Math.max(1, Math.floor(fcf.length * 0.05));
  let tailSum = 0;
  for (let i = 0; i < tail && i < fcf.length; i++) tailSum += fcf[i];
  return {
    probabilityNpvNegative: share(col("npvUsd"), (v) => v < 0),
    probabilityCapacityShortfall: share(col("itPowerMwShortfallTargetYear"), (v) => v > 1e-6),
    fcfP5Usd: p5,
    fcfValueAtRisk95Usd: -p5,
    fcfExpectedShortfall95Usd: fcf.length > 0 ? -tailSum / Math.min(tail, fcf.length) : NaN,
  };
}
