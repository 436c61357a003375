/** Sobol indices of a simulation plan's outputs (the model run row by row, as the tornado does), for `simulate`. */
import { OUTPUT_COUNT, OUTPUT_NAMES, type OutputName } from "./outputs.ts";
import { type EvaluationPlan, evaluate } from "./evaluate.ts";
import { type SobolIndex, sobolIndices } from "./sobol-indices.ts";

export interface SobolReport {
  baseSamples: number;
  /** model runs: baseSamples × (inputs + 2) */
  evaluations: number;
  bootstrapResamples: number;
  /** per output: base rows left out because the output was not finite (e.g. an IRR that has no root) */
  droppedRows: Record<OutputName, number>;
  /** false when the scenario declares correlations: the indices then treat the inputs as independent */
  inputsIndependentInScenario: boolean;
  note: string;
  /** per output, per input path: first order, total, interaction and their 95 % bootstrap intervals */
  indices: Record<OutputName, Record<string, SobolIndex>>;
}

/** Runs the Saltelli design on `plan` with `baseSamples` rows (seeded like the simulation). */
export function sobolReport(plan: EvaluationPlan, baseSamples: number, seed: number): SobolReport {
  const x = new Float64Array(plan.inputs.length);
  const model = (row: Float64Array, out: Float64Array): boolean => {
    plan.inputs.forEach((input, k) => (x[k] = input.integer ? Math.round(row[k]) : row[k]));
    return evaluate(plan, x, out);
  };
  const r = sobolIndices(model, OUTPUT_COUNT, plan.inputs.map((i) => i.dist), baseSamples, seed);
  const indices = Object.fromEntries(
    OUTPUT_NAMES.map((name, o) => [name, Object.fromEntries(plan.inputs.map((input, k) => [input.path, r.indices[o][k]]))]),
  ) as Record<OutputName, Record<string, SobolIndex>>;
  const independent = plan.copula === null;
  return {
    baseSamples: r.baseSamples,
    evaluations: r.evaluations,
    bootstrapResamples: r.bootstrapResamples,
    droppedRows: Object.fromEntries(OUTPUT_NAMES.map((name, o) => [name, r.droppedRows[o]])) as Record<OutputName, number>,
    inputsIndependentInScenario: independent,
    note:
      "first = share of the output's variance explained by the input alone; total = alone and together with others; interaction = total − first. " +
      (independent ? "" : "The scenario's correlations are not applied here: Sobol indices are defined for independent inputs (the rank correlations and SRC above use them). ") +
      "Intervals: 95 % percentile bootstrap over the base samples.",
    indices,
  };
}
