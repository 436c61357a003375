/**
 * Monte Carlo over a scenario's `uncertain` block: plan → samples (any index range, so shards and workers
 * split a run freely) → a sample table → report (percentiles, mean, standard error, convergence, risk,
 * sensitivity). `simulate` runs in the calling thread; the CLI fills the same table with a worker pool.
 */
import { type Diagnostic, error, hasErrors } from "../core/diagnostics.ts";
import { referenceData, type ReferenceData } from "../data/index.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { DistributionSpec } from "../scenario/uncertain-schema.ts";
import { makeSampler, outputNamesOfPlan, runBlock, type SampleBlock } from "./evaluate.ts";
import { FIRST_PHASE_DELAY_PREFIX, IT_MW_END_OF_YEAR_PREFIX, type OutputName } from "./outputs.ts";
import { type SimulationPlan, buildPlan } from "./plan.ts";
import { type SamplingMethod, samplerProblems } from "./sampler.ts";
import { type Design, type RiskFigures, type Tornado, ranks, regressionDesign, riskFigures, spearman, spearmanOfRanks, standardizedRegression, tornado } from "./sensitivity.ts";
import { type ColumnStats, type ConvergencePoint, columnStats, convergence } from "./stats.ts";
import { sobolIndicesProblems } from "./sobol-indices.ts";
import { type SobolReport, sobolReport } from "./sobol-report.ts";

export interface SimulateOptions {
  iterations: number;
  seed: number;
  method: SamplingMethod;
  /** shard k of n (k from 0): this run computes only its contiguous share of sample indices */
  shard?: { index: number; count: number };
  /** base sample size N of variance-based (Sobol) indices: N × (inputs + 2) more model runs; absent: none */
  sobolIndices?: number;
}

/** Sample indices [start, end) of shard k of n: contiguous, in order, together covering 0 … iterations−1. */
export function shardRange(iterations: number, index: number, count: number): { start: number; end: number } {
  return { start: Math.floor((iterations * index) / count), end: Math.floor((iterations * (index + 1)) / count) };
}

export function optionProblems(plan: SimulationPlan, o: SimulateOptions): Diagnostic[] {
  const out = samplerProblems(plan.inputs.length, o).map((m) => error(m.startsWith("seed") ? "--seed" : m.startsWith("iterations") ? "--iterations" : "--method", m));
  if (o.shard) {
    const { index, count } = o.shard;
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
      out.push(error("--shard", `must be k/n with n ≥ 1 and 0 ≤ k < n (got ${index}/${count}); shards are numbered from 0 like Kubernetes completion indices`));
    }
  }
  if (o.sobolIndices !== undefined) {
    for (const m of sobolIndicesProblems(plan.inputs.length, o.sobolIndices)) out.push(error("--sobol-indices", m));
    if (o.shard) out.push(error("--sobol-indices", "compute the indices once, in a run without --shard (they do not depend on the samples)"));
  }
  return out;
}

/** The samples of one run or shard, by column. */
export interface SampleTable {
  iterations: number;
  seed: number;
  method: SamplingMethod;
  start: number;
  count: number;
  inputNames: string[];
  outputNames: string[];
  inputs: Float64Array[];
  outputs: Float64Array[];
  failed: number;
}

export function emptyTable(plan: SimulationPlan, o: SimulateOptions): SampleTable {
  const { start, end } = o.shard ? shardRange(o.iterations, o.shard.index, o.shard.count) : { start: 0, end: o.iterations };
  const count = end - start;
  const outputNames = outputNamesOfPlan(plan);
  return {
    iterations: o.iterations,
    seed: o.seed,
    method: o.method,
    start,
    count,
    inputNames: plan.inputs.map((i) => i.path),
    outputNames,
    inputs: plan.inputs.map(() => new Float64Array(count)),
    outputs: outputNames.map(() => new Float64Array(count)),
    failed: 0,
  };
}

/** Copies an evaluated block into the table (block indices are absolute sample indices). */
export function addBlock(table: SampleTable, block: SampleBlock): void {
  const at = block.start - table.start;
  block.inputs.forEach((col, k) => table.inputs[k].set(col, at));
  block.outputs.forEach((col, o) => table.outputs[o].set(col, at));
  table.failed += block.failed;
}

export interface InputReport {
  path: string;
  /** absent when summarizing a samples file without its scenario (merge) */
  distribution?: DistributionSpec;
  baseValue?: number;
  stats: ColumnStats;
}

/** Version of the `simulate --format json` contract; raised when a field changes meaning or goes away. */
export const SIMULATION_SCHEMA_VERSION = 1;

export interface SimulationReport {
  schemaVersion: typeof SIMULATION_SCHEMA_VERSION;
  iterations: number;
  seed: number;
  method: SamplingMethod;
  sampleRange: { start: number; end: number };
  failedSamples: number;
  targetYear: number;
  /** absent when summarizing a samples file without its scenario (merge) */
  plannedItMwAtTarget?: number;
  inputs: InputReport[];
  outputs: Record<OutputName, ColumnStats>;
  convergence: Record<OutputName, ConvergencePoint[]>;
  risk: RiskFigures;
  /** per site: how late its first phase comes online against the requested month (time-to-power and other delays) */
  firstPhaseDelayBySite: Record<string, { probabilityLate: number; meanMonths: number; p50Months: number; p95Months: number }>;
  /** IT MW online at each year end: mean and percentiles over the samples (the fan chart) */
  itPowerMwByYear: { year: number; mean: number; p5: number; p25: number; p50: number; p75: number; p95: number }[];
  sensitivity: {
    spearman: Record<OutputName, Record<string, number>>;
    src: Record<OutputName, { coefficients: Record<string, number>; rSquared: number }>;
    /** absent when summarizing a samples file without its scenario (merge) */
    tornado?: Tornado;
    /** variance-based indices, with `--sobol-indices N` */
    sobol?: SobolReport;
  };
}

/** Statistics, risk and sample-based sensitivity of a table (no model runs). */
export function summarizeTable(table: SampleTable, targetYear: number): SimulationReport {
  const byOutput = <T>(f: (col: Float64Array) => T): Record<OutputName, T> =>
    Object.fromEntries(table.outputNames.map((n, o) => [n, f(table.outputs[o])])) as Record<OutputName, T>;
  // each input's ranks and the regression design over all samples, computed once for every output defined in every sample
  const inputRanks: Float64Array[] = [];
  let design: Design | null = null;
  const fullDesign = (): Design => (design ??= regressionDesign(table.inputs));
  const spearmanOf = (y: Float64Array): Record<string, number> => {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) rows.push(i);
    if (rows.length === y.length) {
      const ry = ranks(y);
      return Object.fromEntries(table.inputNames.map((name, k) => [name, spearmanOfRanks((inputRanks[k] ??= ranks(table.inputs[k])), ry, table.inputs[k], y)]));
    }
    const ys = Float64Array.from(rows, (i) => y[i]);
    return Object.fromEntries(table.inputNames.map((name, k) => [name, spearman(Float64Array.from(rows, (i) => table.inputs[k][i]), ys)]));
  };
  return {
    schemaVersion: SIMULATION_SCHEMA_VERSION,
    iterations: table.iterations,
    seed: table.seed,
    method: table.method,
    sampleRange: { start: table.start, end: table.start + table.count },
    failedSamples: table.failed,
    targetYear,
    inputs: table.inputNames.map((path, k) => ({ path, stats: columnStats(table.inputs[k]) })),
    outputs: byOutput((col) => columnStats(col)),
    convergence: byOutput((col) => convergence(col)),
    risk: riskFigures(table.outputs),
    firstPhaseDelayBySite: firstPhaseDelays(table),
    itPowerMwByYear: table.outputNames.flatMap((name, o) => {
      if (!name.startsWith(IT_MW_END_OF_YEAR_PREFIX)) return [];
      const st = columnStats(table.outputs[o]);
      const q = st.percentiles;
      return [{ year: Number(name.slice(IT_MW_END_OF_YEAR_PREFIX.length)), mean: st.mean ?? NaN, p5: q.p5, p25: q.p25, p50: q.p50, p75: q.p75, p95: q.p95 }];
    }),
    sensitivity: {
      spearman: byOutput((col) => spearmanOf(col)),
      src: byOutput((col) => {
        const r = standardizedRegression(table.inputs, col, fullDesign);
        return { coefficients: Object.fromEntries(table.inputNames.map((name, k) => [name, r.coefficients[k]])), rSquared: r.rSquared };
      }),
    },
  };
}

/** P(late) and the distribution of each site's first-phase delay, from the per-site output columns. */
function firstPhaseDelays(table: SampleTable): SimulationReport["firstPhaseDelayBySite"] {
  const out: SimulationReport["firstPhaseDelayBySite"] = {};
  table.outputNames.forEach((name, o) => {
    if (!name.startsWith(FIRST_PHASE_DELAY_PREFIX)) return;
    const col = table.outputs[o];
    const st = columnStats(col);
    let late = 0;
    let n = 0;
    for (const v of col) {
      if (Number.isNaN(v)) continue;
      n++;
      if (v > 0) late++;
    }
    out[name.slice(FIRST_PHASE_DELAY_PREFIX.length)] = { probabilityLate: n > 0 ? late / n : NaN, meanMonths: st.mean ?? NaN, p50Months: st.percentiles.p50, p95Months: st.percentiles.p95 };
  });
  return out;
}

/** summarizeTable plus what needs the scenario: distributions, base values, planned MW and the tornado. */
export function summarize(plan: SimulationPlan, table: SampleTable, options?: SimulateOptions): SimulationReport {
  const report = summarizeTable(table, plan.targetYear);
  report.plannedItMwAtTarget = plan.plannedItMwAtTarget;
  report.inputs = report.inputs.map((r, k) => ({ ...r, distribution: plan.inputs[k].spec, baseValue: plan.inputs[k].baseValue }));
  report.sensitivity.tornado = tornado(plan);
  if (options?.sobolIndices !== undefined) report.sensitivity.sobol = sobolReport(plan, options.sobolIndices, options.seed);
  return report;
}

/** Plan and option checks together (every problem at once). */
export function preparePlan(s: Scenario, o: SimulateOptions, ref: ReferenceData = referenceData): { value: SimulationPlan | null; diagnostics: Diagnostic[] } {
  const built = buildPlan(s, ref);
  if (!built.value) return built;
  const problems = optionProblems(built.value, o);
  const diagnostics = [...built.diagnostics, ...problems];
  return { value: hasErrors(diagnostics) ? null : built.value, diagnostics };
}

/** Fills the sample table of a run (or one shard of it) in the calling thread. */
export function simulateTable(plan: SimulationPlan, o: SimulateOptions, blockSize = 256): SampleTable {
  const table = emptyTable(plan, o);
  const sampler = makeSampler(plan, o);
  for (let at = table.start; at < table.start + table.count; at += blockSize) {
    addBlock(table, runBlock(plan, sampler, at, Math.min(blockSize, table.start + table.count - at)));
  }
  return table;
}

/** Runs a simulation (or one shard of it) in the calling thread: samples and report. */
export function simulate(s: Scenario, o: SimulateOptions, ref: ReferenceData = referenceData, blockSize = 256): { value: { table: SampleTable; report: SimulationReport } | null; diagnostics: Diagnostic[] } {
  const prepared = preparePlan(s, o, ref);
  if (!prepared.value) return { value: null, diagnostics: prepared.diagnostics };
  const table = simulateTable(prepared.value, o, blockSize);
  return { value: { table, report: summarize(prepared.value, table, o) }, diagnostics: prepared.diagnostics };
}
