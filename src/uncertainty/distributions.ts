/**
 * Distributions as inverse CDFs: every sample is quantile(u) of a uniform u, so plain Monte Carlo, Latin
 * hypercube, Sobol points and the Gaussian copula all feed the same code. Each distribution also gives its
 * CDF, mean, variance and support (used by tests, tornado bounds and range checks). `fill` runs the whole
 * column loop inside the class so the hot loop stays monomorphic and allocation-free.
 */
import { type Diagnostic, error } from "../core/diagnostics.ts";
import { normalCdf, normalQuantile } from "./normal.ts";
import type { DistributionSpec } from "../scenario/uncertain-schema.ts";
import { betaPdf, betaQuantile, incompleteBeta, logBeta } from "./special.ts";

export interface Distribution {
  readonly kind: string;
  readonly mean: number;
  readonly variance: number;
  /** support bounds (±Infinity when unbounded) */
  readonly lower: number;
  readonly upper: number;
  quantile(u: number): number;
  cdf(x: number): number;
  /** out[i] = quantile(u[i]) for i < n */
  fill(u: Float64Array, out: Float64Array, n: number): void;
}

/** Φ⁻¹(0.95): p5/p95 parameterizations. */
export const Z95 = normalQuantile(0.95);

class Fixed implements Distribution {
  readonly kind = "fixed";
  readonly variance = 0;
  readonly lower: number;
  readonly upper: number;
  constructor(readonly mean: number) {
    this.lower = mean;
    this.upper = mean;
  }
  quantile(): number {
    return this.mean;
  }
  cdf(x: number): number {
    return x >= this.mean ? 1 : 0;
  }
  fill(_u: Float64Array, out: Float64Array, n: number): void {
    out.fill(this.mean, 0, n);
  }
}

class Uniform implements Distribution {
  readonly kind = "uniform";
  readonly mean: number;
  readonly variance: number;
  constructor(readonly lower: number, readonly upper: number) {
    this.mean = (lower + upper) / 2;
    this.variance = ((upper - lower) * (upper - lower)) / 12;
  }
  quantile(u: number): number {
    return this.lower + u * (this.upper - this.lower);
  }
  cdf(x: number): number {
    return x <= this.lower ? 0 : x >= this.upper ? 1 : (x - this.lower) / (this.upper - this.lower);
  }
  fill(u: Float64Array, out: Float64Array, n: number): void {
    const a = this.lower;
    const w = this.upper - this.lower;
    for (let i = 0; i < n; i++) out[i] = a + u[i] * w;
  }
}

class Normal implements Distribution {
  readonly kind = "normal";
  readonly variance: number;
  readonly lower = -Infinity;
  readonly upper = Infinity;
  constructor(readonly mean: number, readonly sd: number) {
    this.variance = sd * sd;
  }
  quantile(u: number): number {
    return this.mean + this.sd * normalQuantile(u);
  }
  cdf(x: number): number {
    return normalCdf((x - this.mean) / this.sd);
  }
  fill(u: Float64Array, out: Float64Array, n: number): void {
    const m = this.mean;
    const s = this.sd;
    for (let i = 0; i < n; i++) out[i] = m + s * normalQuantile(u[i]);
  }
}

class Lognormal implements Distribution {
  readonly kind = "lognormal";
  readonly mean: number;
  readonly variance: number;
  readonly lower = 0;
  readonly upper = Infinity;
  constructor(readonly mu: number, readonly sigma: number) {
    const s2 = sigma * sigma;
    this.mean = Math.exp(mu + s2 / 2);
    this.variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
  }
  quantile(u: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(u));
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : normalCdf((Math.log(x) - this.mu) / this.sigma);
  }
  fill(u: Float64Array, out: Float64Array, n: number): void {
    const m = this.mu;
    const s = this.sigma;
    for (let i = 0; i < n; i++) out[i] = Math.exp(m + s * normalQuantile(u[i]));
  }
}

class Triangular implements Distribution {
  readonly kind = "triangular";
  readonly mean: number;
  readonly variance: number;
  private readonly split: number;
  constructor(readonly lower: number, readonly mode: number, readonly upper: number) {
    const [a, c, b] = [lower, mode, upper];
    this.mean = (a + b + c) / 3;
    this.variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    this.split = (c - a) / (b - a);
  }
  quantile(u: number): number {
    const { lower: a, mode: c, upper: b } = this;
    return u < this.split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
  cdf(x: number): number {
    const { lower: a, mode: c, upper: b } = this;
    if (x <= a) return 0;
    if (x >= b) return 1;
    return x <= c ? ((x - a) * (x - a)) / ((b - a) * (c - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
  }
  fill(u: Float64Array, out: Float64Array, n: number): void {
    const { lower: a, mode: c, upper: b, split } = this;
    const left = (b - a) * (c - a);
    const right = (b - a) * (b - c);
    for (let i = 0; i < n; i++) {
      const v = u[i];
      out[i] = v < split ? a + Math.sqrt(v * left) : b - Math.sqrt((1 - v) * right);
    }
  }
}

/**
 * Beta quantiles for sampling come from cubic Hermite tables with exact slopes: on a uniform grid in u for
 * the centre (dx/du = 1/pdf(x)) and in t = logit(u) for the tails (dx/dt = u(1 − u)/pdf(x)). ~8,000 exact
 * inversions once, then a few flops per sample (the exact inversion costs microseconds). Each table is checked
 * against the exact quantile halfway between its nodes (where cubic Hermite errs most); a table that misses
 * BETA_TABLE_TOLERANCE there (extreme shapes, alpha or beta near the schema's lower bound) is not used and that
 * distribution samples by exact inversion. Results are clamped to [0, 1]: a sample never leaves [min, max].
 */
const BETA_TABLE_TOLERANCE = 1e-7;
const BETA_TABLE_T = 25;
const BETA_TABLE_STEPS = 4096;
const BETA_CENTRE_LO = 0.02;
const BETA_CENTRE_HI = 0.98;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Cubic Hermite interpolation at grid position `pos` of interleaved (value, slope) nodes spaced h apart. */
function hermite(table: Float64Array, pos: number, h: number): number {
  const k = Math.min(BETA_TABLE_STEPS - 1, Math.floor(pos));
  const s = pos - k;
  const s2 = s * s;
  const s3 = s2 * s;
  return (2 * s3 - 3 * s2 + 1) * table[2 * k] + (s3 - 2 * s2 + s) * h * table[2 * k + 1] + (3 * s2 - 2 * s3) * table[2 * k + 2] + (s3 - s2) * h * table[2 * k + 3];
}

class ScaledBeta implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly lnBeta: number;
  private table: Float64Array | null = null;
  private centre: Float64Array | null = null;
  /** set when a table fails its check: every sample is then an exact inversion */
  private exactOnly = false;
  constructor(readonly kind: string, readonly alpha: number, readonly beta: number, readonly lower: number, readonly upper: number) {
    const w = upper - lower;
    const s = alpha + beta;
    this.mean = lower + (w * alpha) / s;
    this.variance = (w * w * alpha * beta) / (s * s * (s + 1));
    this.lnBeta = logBeta(alpha, beta);
  }
  quantile(u: number): number {
    return this.lower + (this.upper - this.lower) * betaQuantile(u, this.alpha, this.beta, this.lnBeta);
  }
  cdf(x: number): number {
    return incompleteBeta((x - this.lower) / (this.upper - this.lower), this.alpha, this.beta, this.lnBeta);
  }
  /** Nodes x_k and slopes dx/dt (interleaved) of the standard beta quantile on the logit grid. */
  private buildTable(): Float64Array {
    const dt = (2 * BETA_TABLE_T) / BETA_TABLE_STEPS;
    const table = new Float64Array(2 * (BETA_TABLE_STEPS + 1));
    for (let k = 0; k <= BETA_TABLE_STEPS; k++) {
      const t = -BETA_TABLE_T + k * dt;
      const u = 1 / (1 + Math.exp(-t));
      const x = betaQuantile(u, this.alpha, this.beta, this.lnBeta);
      table[2 * k] = x;
      table[2 * k + 1] = (u * (1 - u)) / betaPdf(x, this.alpha, this.beta, this.lnBeta);
    }
    this.check(table, dt, (pos) => 1 / (1 + Math.exp(-(-BETA_TABLE_T + pos * dt))));
    return table;
  }
  /** Compares the table with the exact quantile halfway between nodes; a miss switches to exact sampling. */
  private check(table: Float64Array, h: number, uAt: (pos: number) => number): void {
    for (let k = 0; k < BETA_TABLE_STEPS && !this.exactOnly; k++) {
      const exact = betaQuantile(uAt(k + 0.5), this.alpha, this.beta, this.lnBeta);
      const approx = hermite(table, k + 0.5, h);
      if (!(Math.abs(approx - exact) <= BETA_TABLE_TOLERANCE)) this.exactOnly = true;
    }
  }
  /** Nodes and slopes dx/du on the uniform centre grid. */
  private buildCentre(): Float64Array {
    const du = (BETA_CENTRE_HI - BETA_CENTRE_LO) / BETA_TABLE_STEPS;
    const table = new Float64Array(2 * (BETA_TABLE_STEPS + 1));
    for (let k = 0; k <= BETA_TABLE_STEPS; k++) {
      const x = betaQuantile(BETA_CENTRE_LO + k * du, this.alpha, this.beta, this.lnBeta);
      table[2 * k] = x;
      table[2 * k + 1] = 1 / betaPdf(x, this.alpha, this.beta, this.lnBeta);
    }
    this.check(table, du, (pos) => BETA_CENTRE_LO + pos * du);
    return table;
  }
  /** Standard beta quantile by the tables (exact outside them, or when a table failed its check), in [0, 1]. */
  tableQuantile(u: number): number {
    // both tables are built (and checked) before the first sample, so whether a distribution samples exactly never
    // depends on which samples came first (shards stay bit-identical)
    if (this.centre === null || this.table === null) {
      this.centre = this.buildCentre();
      this.table = this.buildTable();
    }
    if (this.exactOnly) return betaQuantile(u, this.alpha, this.beta, this.lnBeta);
    if (u >= BETA_CENTRE_LO && u < BETA_CENTRE_HI) {
      const du = (BETA_CENTRE_HI - BETA_CENTRE_LO) / BETA_TABLE_STEPS;
      return clamp01(hermite(this.centre, (u - BETA_CENTRE_LO) / du, du));
    }
    const t = Math.log(u / (1 - u));
    if (!(t > -BETA_TABLE_T && t < BETA_TABLE_T)) return betaQuantile(u, this.alpha, this.beta, this.lnBeta);
    const dt = (2 * BETA_TABLE_T) / BETA_TABLE_STEPS;
    return clamp01(hermite(this.table, (t + BETA_TABLE_T) / dt, dt));
  }
  fill(u: Float64Array, out: Float64Array, n: number): void {
    const a = this.lower;
    const w = this.upper - this.lower;
    for (let i = 0; i < n; i++) out[i] = a + w * this.tableQuantile(u[i]);
  }
}

class Discrete implements Distribution {
  readonly kind = "discrete";
  readonly mean: number;
  readonly variance: number;
  readonly lower: number;
  readonly upper: number;
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;
  constructor(values: readonly number[], weights: readonly number[]) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const total = weights.reduce((s, w) => s + w, 0);
    this.values = Float64Array.from(order, (i) => values[i]);
    this.cumulative = new Float64Array(values.length);
    let c = 0;
    let m = 0;
    let m2 = 0;
    order.forEach((i, k) => {
      const p = weights[i] / total;
      c += p;
      this.cumulative[k] = c;
      m += p * values[i];
      m2 += p * values[i] * values[i];
    });
    this.cumulative[values.length - 1] = 1;
    this.mean = m;
    this.variance = Math.max(0, m2 - m * m);
    this.lower = this.values[0];
    this.upper = this.values[values.length - 1];
  }
  quantile(u: number): number {
    const cum = this.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.values[lo];
  }
  cdf(x: number): number {
    let c = 0;
    for (let k = 0; k < this.values.length && this.values[k] <= x; k++) c = this.cumulative[k];
    return c;
  }
  fill(u: Float64Array, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) out[i] = this.quantile(u[i]);
  }
}

/** Builds the distribution; call checkDistribution first (parameters are assumed consistent here). */
export function makeDistribution(spec: DistributionSpec): Distribution {
  switch (spec.dist) {
    case "fixed":
      return new Fixed(spec.value);
    case "uniform":
      return new Uniform(spec.min, spec.max);
    case "normal":
      if (spec.p5 !== undefined && spec.p95 !== undefined) return new Normal((spec.p5 + spec.p95) / 2, (spec.p95 - spec.p5) / (2 * Z95));
      return new Normal(spec.mean ?? 0, spec.sd ?? 1);
    case "lognormal":
      return lognormalFrom(spec);
    case "triangular":
      return new Triangular(spec.min, spec.mode, spec.max);
    case "pert": {
      const w = spec.max - spec.min;
      const a = 1 + (spec.lambda * (spec.mode - spec.min)) / w;
      const b = 1 + (spec.lambda * (spec.max - spec.mode)) / w;
      return new ScaledBeta("pert", a, b, spec.min, spec.max);
    }
    case "beta":
      return new ScaledBeta("beta", spec.alpha, spec.beta, spec.min, spec.max);
    case "discrete":
      return new Discrete(spec.values, spec.weights ?? spec.values.map(() => 1));
    case "empirical":
      return new Discrete(spec.values, spec.values.map(() => 1));
  }
}

function lognormalFrom(spec: Extract<DistributionSpec, { dist: "lognormal" }>): Distribution {
  if (spec.p5 !== undefined && spec.p95 !== undefined) {
    const l5 = Math.log(spec.p5);
    const l95 = Math.log(spec.p95);
    return new Lognormal((l5 + l95) / 2, (l95 - l5) / (2 * Z95));
  }
  if (spec.mean !== undefined && spec.sd !== undefined) {
    const s2 = Math.log1p((spec.sd * spec.sd) / (spec.mean * spec.mean));
    return new Lognormal(Math.log(spec.mean) - s2 / 2, Math.sqrt(s2));
  }
  return new Lognormal(spec.mu ?? 0, spec.sigma ?? 1);
}

/** Every parameter problem of one distribution, with `path` the distribution's own path. */
export function checkDistribution(spec: DistributionSpec, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const need = (ok: boolean, field: string, message: string): void => {
    if (!ok) out.push(error(field === "" ? path : `${path}.${field}`, message));
  };
  const pairs = (names: [string, string][]): void => {
    const given = names.filter(([a, b]) => (spec as Record<string, unknown>)[a] !== undefined || (spec as Record<string, unknown>)[b] !== undefined);
    const complete = given.filter(([a, b]) => (spec as Record<string, unknown>)[a] !== undefined && (spec as Record<string, unknown>)[b] !== undefined);
    const list = names.map(([a, b]) => `${a} and ${b}`).join(", or ");
    need(given.length === 1 && complete.length === 1, "", `give exactly one parameter pair: ${list}`);
  };
  switch (spec.dist) {
    case "uniform":
      need(spec.min < spec.max, "max", `must be > min (${spec.min}); use {dist: fixed} for a constant`);
      break;
    case "normal":
      pairs([["mean", "sd"], ["p5", "p95"]]);
      if (spec.p5 !== undefined && spec.p95 !== undefined) need(spec.p5 < spec.p95, "p95", "must be > p5");
      break;
    case "lognormal":
      pairs([["mu", "sigma"], ["mean", "sd"], ["p5", "p95"]]);
      if (spec.p5 !== undefined && spec.p95 !== undefined) need(spec.p5 < spec.p95, "p95", "must be > p5");
      break;
    case "triangular":
    case "pert":
      need(spec.min < spec.max, "max", `must be > min (${spec.min})`);
      need(spec.mode >= spec.min && spec.mode <= spec.max, "mode", `must lie within [min, max] = [${spec.min}, ${spec.max}]`);
      break;
    case "beta":
      need(spec.min < spec.max, "max", `must be > min (${spec.min})`);
      break;
    case "discrete":
      if (spec.weights) {
        need(spec.weights.length === spec.values.length, "weights", `must have one weight per value (${spec.values.length})`);
        need(spec.weights.some((w) => w > 0), "weights", "at least one weight must be > 0");
      }
      break;
    default:
      break;
  }
  return out;
}
