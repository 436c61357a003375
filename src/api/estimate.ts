/**
 * What a simulation or a strategy comparison will cost before it starts: memory from the sizes of the arrays it
 * allocates (samples × columns × 8 bytes, the report's sort and rank buffers, LHS permutations, worker threads)
 * and time from a calibration, a few samples evaluated in the calling thread and timed with the caller's clock.
 * Faces print the estimate and refuse runs beyond their limits (the CLI: 4 GiB or an hour without --force).
 */
import { type CompareOptions, type CompareSettings, runComparison } from "../strategy/compare.ts";
import { makeSampler, runBlock } from "../uncertainty/evaluate.ts";
import { OUTPUT_COUNT } from "../uncertainty/outputs.ts";
import { shardRange } from "../uncertainty/simulate.ts";
import type { PreparedSimulation } from "./uncertainty.ts";

export interface RunEstimate {
  /** samples (simulate: of this shard) or demand paths (compare) the run computes */
  samples: number;
  /** numbers kept per sample (simulate: inputs + outputs; compare: cost and regret per strategy + demand) */
  columns: number;
  /** peak memory of the run, bytes (the process's own baseline included) */
  memoryBytes: number;
  /** wall time on the given threads, seconds; null when not calibrated (no clock given) */
  seconds: number | null;
}

/** A Node process with the model loaded, before any sample (measured: 140-170 MB). */
export const BASE_PROCESS_BYTES = 160e6;
/** One worker thread: its isolate, the model and its plan (measured: 35-70 MB). */
export const WORKER_BYTES = 70e6;
/** Starting the worker threads (their isolates load the model; measured: 0.3-1 s on a busy machine). */
const WORKER_START_SECONDS = 0.5;
/** The report's working set per sample: row index, copies and ranks of one input/output pair (spearman). */
const REPORT_BYTES_PER_SAMPLE = 64;
/** LHS keeps one permutation of all iterations per input, 4 bytes an entry, in every sampler. */
const LHS_BYTES_PER_ITERATION_PER_INPUT = 4;
/** Calibration stops after this much time or this many samples. */
const CALIBRATION_MS = 150;
const CALIBRATION_MAX_SAMPLES = 256;

/** Seconds per unit of work: `work(n)` timed on growing n until CALIBRATION_MS has passed. */
function secondsPerUnit(now: () => number, maxUnits: number, work: (n: number) => void): number {
  let n = 1;
  let perUnit = 0;
  let spentMs = 0;
  for (;;) {
    const t0 = now();
    work(n);
    const ms = Math.max(0, now() - t0);
    spentMs += ms;
    perUnit = ms / 1000 / n;
    if (spentMs >= CALIBRATION_MS || n >= maxUnits) return perUnit;
    n = Math.min(maxUnits, n * 4);
  }
}

export interface SimulationEstimateOptions {
  /** worker threads that will share the samples (1: the calling thread) */
  workers: number;
  /** the samples will also be encoded to a file (Parquet or CSV) */
  writesFile?: boolean;
  /** a clock in milliseconds (performance.now); without it, no calibration and `seconds` is null */
  now?: () => number;
}

/** Memory and time of a prepared simulation (or shard) before it runs. */
export function estimateSimulation(p: PreparedSimulation, o: SimulationEstimateOptions): RunEstimate {
  const { iterations, shard } = p.options;
  const { start, end } = shard ? shardRange(iterations, shard.index, shard.count) : { start: 0, end: iterations };
  const samples = end - start;
  const inputs = p.plan.inputs.length;
  const columns = inputs + OUTPUT_COUNT;
  const workers = Math.max(1, Math.floor(o.workers));
  const perSample = columns * 8 + REPORT_BYTES_PER_SAMPLE + (o.writesFile ? columns * 16 : 0);
  const lhs = p.options.method === "lhs" ? inputs * iterations * LHS_BYTES_PER_ITERATION_PER_INPUT * workers : 0;
  const memoryBytes = BASE_PROCESS_BYTES + (workers > 1 ? workers * WORKER_BYTES : 0) + samples * perSample + lhs;
  if (!o.now || samples === 0) return { samples, columns, memoryBytes, seconds: o.now ? 0 : null };
  // the model's cost does not depend on the sampling method: calibrate with mc (no LHS permutation to build)
  const calibration = Math.min(samples, CALIBRATION_MAX_SAMPLES);
  const sampler = makeSampler(p.plan, { seed: p.options.seed, method: "mc", iterations: calibration });
  const perSampleSeconds = secondsPerUnit(o.now, calibration, (n) => void runBlock(p.plan, sampler, 0, n));
  return { samples, columns, memoryBytes, seconds: (samples * perSampleSeconds) / workers + (workers > 1 ? WORKER_START_SECONDS : 0) };
}

/** Memory and time of a strategy comparison before it runs (it runs in the calling thread). */
export function estimateComparison(settings: CompareSettings, o: CompareOptions, clock: { now?: () => number } = {}): RunEstimate {
  const k = o.strategies.length;
  const columns = 2 * k + 1;
  const dimensions = 1 + Math.ceil(settings.months / 12);
  const perPath = columns * 8 + 8 + (o.method === "lhs" ? dimensions * LHS_BYTES_PER_ITERATION_PER_INPUT : 0);
  const memoryBytes = BASE_PROCESS_BYTES + o.paths * perPath;
  if (!clock.now || o.paths === 0) return { samples: o.paths, columns, memoryBytes, seconds: clock.now ? 0 : null };
  const calibration = Math.min(o.paths, 4096);
  const perPathSeconds = secondsPerUnit(clock.now, calibration, (n) => void runComparison(settings, { ...o, method: "mc", paths: n }));
  return { samples: o.paths, columns, memoryBytes, seconds: o.paths * perPathSeconds };
}
