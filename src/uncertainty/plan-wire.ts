/**
 * What a worker needs to evaluate samples, as plain structured-cloneable data: the base scenario, the inputs
 * (path, distribution spec, rounding), the copula factor, the output context and the reference data. Workers
 * rebuild distributions from their specs and never import the validation, data-loading or reporting code,
 * so they start in a fraction of the time (the plan was checked once, in the main thread).
 */
import { makeDistribution } from "./distributions.ts";
import type { EvaluationPlan } from "./evaluate.ts";
import type { PlanInput } from "./plan.ts";

export interface PlanWire {
  base: EvaluationPlan["base"];
  inputs: Omit<PlanInput, "dist">[];
  copula: EvaluationPlan["copula"];
  targetYearIndex: number;
  plannedItMwAtTarget: number;
  ref: EvaluationPlan["ref"];
  powerProfiles?: EvaluationPlan["powerProfiles"];
}

export function planToWire(plan: EvaluationPlan): PlanWire {
  return {
    base: plan.base,
    inputs: plan.inputs.map(({ path, segments, spec, integer, baseValue }) => ({ path, segments, spec, integer, baseValue })),
    copula: plan.copula,
    targetYearIndex: plan.targetYearIndex,
    plannedItMwAtTarget: plan.plannedItMwAtTarget,
    ref: plan.ref,
    ...(plan.powerProfiles ? { powerProfiles: plan.powerProfiles } : {}),
  };
}

export function planFromWire(w: PlanWire): EvaluationPlan {
  return { ...w, inputs: w.inputs.map((i) => ({ ...i, dist: makeDistribution(i.spec) })) };
}
