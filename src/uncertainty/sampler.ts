/**
 * The sampler: sample index → one value per input, identical for any block boundaries, worker or shard.
 * Uniforms come from the counter-based RNG (mc), stratified permutations (lhs) or digitally shifted Sobol
 * points (sobol); the Gaussian copula correlates them; each distribution's inverse CDF maps them to values.
 * Buffers are reused across blocks: no allocation per sample.
 */
import { type Copula, applyCopula } from "./correlation.ts";
import type { Distribution } from "./distributions.ts";
import { fillLhs, lhsPermutation } from "./lhs.ts";
import { fillUniforms, wordAt } from "./rng.ts";
import { SOBOL_MAX_DIMENSIONS, SOBOL_MAX_POINTS, fillSobol, sobolDirections } from "./sobol.ts";

export const SAMPLING_METHODS = ["mc", "lhs", "sobol"] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

export interface SamplerOptions {
  seed: number;
  method: SamplingMethod;
  /** total samples of the whole run (LHS strata depend on it) */
  iterations: number;
}

/** Stream offset for the per-dimension Sobol digital shifts. */
const SOBOL_SHIFT_STREAM = 0x200000;

/** Problems with sampler options, as messages (checked before a run starts). */
export function samplerProblems(dimensions: number, o: SamplerOptions): string[] {
  const out: string[] = [];
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) out.push("seed must be an integer from 0 to 2^53 − 1");
  if (!Number.isSafeInteger(o.iterations) || o.iterations < 1) out.push("iterations must be a positive integer");
  if (o.method === "sobol" && dimensions > SOBOL_MAX_DIMENSIONS) out.push(`sobol supports at most ${SOBOL_MAX_DIMENSIONS} uncertain inputs (use lhs or mc)`);
  if (o.method === "sobol" && o.iterations > SOBOL_MAX_POINTS) out.push(`sobol supports at most 2^32 iterations`);
  if (o.method === "lhs" && o.iterations > 0xffffffff) out.push("lhs supports at most 2^32 − 1 iterations");
  return out;
}

export class Sampler {
  private uniforms: Float64Array[];
  private readonly perms: (Uint32Array | null)[];
  private readonly directions: Uint32Array | null;
  private readonly shifts: Uint32Array;
  private readonly z: Float64Array;
  private readonly y: Float64Array;
  private readonly scratch = new Uint32Array(4);

  constructor(
    readonly dists: readonly Distribution[],
    readonly copula: Copula | null,
    readonly options: SamplerOptions,
  ) {
    const d = dists.length;
    const problems = samplerProblems(d, options);
    if (problems.length > 0) throw new RangeError(problems.join("; "));
    this.uniforms = dists.map(() => new Float64Array(0));
    this.perms = dists.map(() => null);
    this.directions = options.method === "sobol" && d > 0 ? sobolDirections(d) : null;
    this.shifts = Uint32Array.from(dists, (_, k) => (options.method === "sobol" ? wordAt(options.seed, SOBOL_SHIFT_STREAM + k, 0) : 0));
    const n = copula ? copula.dims.length : 0;
    this.z = new Float64Array(n);
    this.y = new Float64Array(n);
  }

  get dimensions(): number {
    return this.dists.length;
  }

  /** Uniforms (after the copula) of indices start … start+count−1 into columns[d]. */
  uniformsInto(start: number, count: number, columns: Float64Array[]): void {
    const { seed, method, iterations } = this.options;
    if (start < 0 || start + count > iterations) throw new RangeError(`sample indices ${start}…${start + count - 1} outside 0…${iterations - 1}`);
    for (let d = 0; d < this.dists.length; d++) {
      const out = columns[d];
      if (method === "mc") fillUniforms(seed, d, start, count, out, 0, this.scratch);
      else if (method === "lhs") fillLhs(this.permutation(d), seed, d, start, count, out, 0, this.scratch);
      else fillSobol(this.directions as Uint32Array, d, start, count, this.shifts[d], out, 0);
    }
    if (this.copula) applyCopula(this.copula, columns, count, this.z, this.y);
  }

  /** Sampled input values of indices start … start+count−1 into columns[d][0 … count−1]. */
  sample(start: number, count: number, columns: Float64Array[]): void {
    if (this.uniforms.length > 0 && this.uniforms[0].length < count) this.uniforms = this.dists.map(() => new Float64Array(count));
    this.uniformsInto(start, count, this.uniforms);
    for (let d = 0; d < this.dists.length; d++) this.dists[d].fill(this.uniforms[d], columns[d], count);
  }

  private permutation(d: number): Uint32Array {
    let p = this.perms[d];
    if (!p) {
      p = lhsPermutation(this.options.seed, d, this.options.iterations);
      this.perms[d] = p;
    }
    return p;
  }
}
