/**
 * One Monte Carlo iteration: the sampled values written into a copy of the scenario, resolved and
 * run through the monthly model, key outputs read from the model state. A block of iterations fills
 * column arrays (inputs and outputs) for any range of sample indices.
 */
import { runModel } from "../buildout/model.ts";
import { pricedByPower } from "../pipeline/run.ts";
import { DurationCache } from "../power/site/duration-cache.ts";
import { type PowerProfiles, simulateProgramPower } from "../power/site/site-power.ts";
import type { ReferenceData } from "../data/index.ts";
import type { Scenario } from "../scenario/schema.ts";
import { resolveScenario } from "../scenario/resolve.ts";
import type { Copula } from "./correlation.ts";
import { OUTPUT_COUNT, outputNamesOf, writeOutputs } from "./outputs.ts";
import type { PlanInput } from "./plan.ts";
import { Sampler, type SamplerOptions } from "./sampler.ts";

/** The part of a simulation plan that evaluating samples needs (what workers receive). */
export interface EvaluationPlan {
  base: Scenario;
  inputs: readonly PlanInput[];
  copula: Copula | null;
  targetYearIndex: number;
  plannedItMwAtTarget: number;
  ref: ReferenceData;
  /** the sites' hourly PV, wind and grid profiles (read at the edge); absent: sites that need PV or wind are not dispatched, as in `run` without files */
  powerProfiles?: PowerProfiles;
}

/**
 * The scenario of one sample: the base with each input's value written at its path. Only the objects and
 * arrays along the paths are copied (the model never mutates its input, so the rest is shared): the same
 * result as a structuredClone of the base, for a fraction of the cost.
 */
export function sampledScenario(plan: EvaluationPlan, values: ArrayLike<number>): Scenario {
  const root: Record<string | number, unknown> = { ...plan.base };
  const copied = new Set<unknown>([root]);
  plan.inputs.forEach((input, k) => {
    const segs = input.segments;
    let cur = root;
    for (let d = 0; d < segs.length - 1; d++) {
      const child = cur[segs[d]];
      let next: Record<string | number, unknown>;
      if (child === undefined || child === null) next = {};
      else if (copied.has(child)) next = child as Record<string | number, unknown>;
      else next = (Array.isArray(child) ? child.slice() : { ...(child as object) }) as Record<string | number, unknown>;
      copied.add(next);
      cur[segs[d]] = next;
      cur = next;
    }
    cur[segs[segs.length - 1]] = input.integer ? Math.round(values[k]) : values[k];
  });
  return root as unknown as Scenario;
}

/**
 * Runs the model for one set of input values; writes OUTPUT_COUNT outputs at out[offset…] (NaN when the
 * sampled scenario does not resolve). Capital-plan sufficiency is deliberately not checked: a sample whose
 * phases cost more than the plan gets them delayed or unbuilt by the build stage, which is the point.
 */
export function evaluate(plan: EvaluationPlan, values: ArrayLike<number>, out: Float64Array, offset = 0): boolean {
  const resolved = resolveScenario(sampledScenario(plan, values), plan.ref);
  if (!resolved.value) {
    out.fill(NaN, offset, Math.min(out.length, offset + outputCountOf(plan)));
    return false;
  }
  const built = runModel(resolved.value);
  // every site-year with load dispatched as `run` dispatches it, and the opex energy priced by it as in `run`
  const power = simulateProgramPower(built, plan.powerProfiles, durationCacheOf(plan)).siteYears;
  writeOutputs(pricedByPower(built, power), plan, out, offset, power);
  return true;
}

/** One duration-curve cache per plan (per worker), kept across blocks: it changes no number, only the speed. */
const durationCaches = new WeakMap<EvaluationPlan, DurationCache>();
function durationCacheOf(plan: EvaluationPlan): DurationCache {
  let cache = durationCaches.get(plan);
  if (!cache) durationCaches.set(plan, (cache = new DurationCache()));
  return cache;
}

export interface SampleBlock {
  start: number;
  count: number;
  /** inputs[k][j]: value of input k in sample start + j (rounded for integer fields) */
  inputs: Float64Array[];
  /** outputs[o][j] */
  outputs: Float64Array[];
  failed: number;
}

/** Number of outputs of a plan: the fixed ones, one per site and one per year of the horizon. */
export const outputCountOf = (plan: EvaluationPlan): number => OUTPUT_COUNT + plan.base.sites.length + horizonYears(plan).length;

/** Names of the outputs of a plan (outputNamesOf its sites and horizon years). */
export const outputNamesOfPlan = (plan: EvaluationPlan): string[] => outputNamesOf(plan.base.sites.map((s) => s.name), horizonYears(plan));

/** Calendar years of the plan's horizon. */
function horizonYears(plan: EvaluationPlan): number[] {
  const first = Number(plan.base.program.horizonStartMonth.slice(0, 4));
  const last = Number(plan.base.program.horizonEndMonth.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

export function makeSampler(plan: EvaluationPlan, options: SamplerOptions): Sampler {
  return new Sampler(plan.inputs.map((i) => i.dist), plan.copula, options);
}

/** Samples and evaluates indices start … start+count−1. */
export function runBlock(plan: EvaluationPlan, sampler: Sampler, start: number, count: number): SampleBlock {
  const width = outputCountOf(plan);
  const inputs = plan.inputs.map(() => new Float64Array(count));
  const outputs = Array.from({ length: width }, () => new Float64Array(count));
  sampler.sample(start, count, inputs);
  plan.inputs.forEach((input, k) => {
    if (input.integer) for (let j = 0; j < count; j++) inputs[k][j] = Math.round(inputs[k][j]);
  });
  const values = new Float64Array(plan.inputs.length);
  const row = new Float64Array(width);
  let failed = 0;
  for (let j = 0; j < count; j++) {
    for (let k = 0; k < values.length; k++) values[k] = inputs[k][j];
    if (!evaluate(plan, values, row)) failed++;
    for (let o = 0; o < width; o++) outputs[o][j] = row[o];
  }
  return { start, count, inputs, outputs, failed };
}
