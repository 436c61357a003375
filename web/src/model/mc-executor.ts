/**
 * A `SampleExecutor` over Web Workers: the run's sample indices are cut into shards (`shard: { index, count }`,
 * contiguous, together covering the run once), handed to N workers as they become free, and copied into one table
 * by index. Each worker fills its shard with the API's own `inThreadExecutor` on a plan it prepares from the same
 * document (`prepareSimulation`), so the table does not depend on N, on the shard size or on timing: it equals an
 * in-thread run. Cancelling (the AbortSignal) terminates the workers and rejects; nothing partial is returned.
 */
import type { SampleExecutor, SampleTable, SimulateOptions } from "../../../src/index.ts";
import type { Doc } from "./protocol.ts";

export interface ShardRequest {
  id: number;
  doc: Doc;
  /** the URL of the site's /data/ folder: the worker reads the sites' weather and grid files from it (absent: none) */
  dataRoot?: string;
  /** the run's options with this job's shard */
  options: SimulateOptions;
}
export type ShardResponse = { id: number; table: SampleTable } | { id: number; failure: string };

/** What the executor needs of a worker (a Web Worker, or a fake in tests). */
export interface ShardWorker {
  postMessage(req: ShardRequest): void;
  onmessage: ((e: { data: ShardResponse }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

export interface WorkerExecutorOptions {
  workers: number;
  makeWorker: () => ShardWorker;
  /** samples per shard job (progress is reported per job); default: about 8 jobs per worker, 16 to 500 samples */
  samplesPerJob?: number;
  /** where the workers read the sites' weather and grid files (the plan must have been given the same profiles) */
  dataRoot?: string;
}

export class CancelledError extends Error {
  constructor() {
    super("simulation cancelled");
    this.name = "CancelledError";
  }
}

/** The shard jobs of a run: its options with `shard` k of n (a run that is itself a shard runs as one job). */
export function shardJobs(options: SimulateOptions, workers: number, samplesPerJob?: number): SimulateOptions[] {
  if (options.shard) return [options];
  const size = samplesPerJob ?? Math.min(500, Math.max(16, Math.ceil(options.iterations / (Math.max(1, workers) * 8))));
  const count = Math.max(1, Math.min(options.iterations, Math.ceil(options.iterations / size)));
  return Array.from({ length: count }, (_, index) => ({ ...options, shard: { index, count } }));
}

/** An empty table for the range of `first`'s run, the names taken from a shard's table. */
function emptyLike(options: SimulateOptions, from: SampleTable): SampleTable {
  const start = options.shard ? from.start : 0;
  const count = options.shard ? from.count : options.iterations;
  return {
    iterations: options.iterations,
    seed: options.seed,
    method: options.method,
    start,
    count,
    inputNames: [...from.inputNames],
    outputNames: [...from.outputNames],
    inputs: from.inputNames.map(() => new Float64Array(count)),
    outputs: from.outputNames.map(() => new Float64Array(count)),
    failed: 0,
  };
}

/** Copies a shard's columns into the run's table at the shard's sample indices. */
export function addShard(table: SampleTable, part: SampleTable): void {
  const at = part.start - table.start;
  if (at < 0 || at + part.count > table.count) throw new Error(`shard ${part.start}…${part.start + part.count - 1} outside the run`);
  if (part.inputNames.join("\n") !== table.inputNames.join("\n") || part.outputNames.join("\n") !== table.outputNames.join("\n")) {
    throw new Error("a worker planned different columns than the run (the document changed?)");
  }
  part.inputs.forEach((col, k) => table.inputs[k].set(col, at));
  part.outputs.forEach((col, k) => table.outputs[k].set(col, at));
  table.failed += part.failed;
}

/** The executor for one document (each worker re-plans it; the plan itself holds functions and does not travel). */
export function webWorkerExecutor(doc: Doc, o: WorkerExecutorOptions): SampleExecutor {
  return (plan, options, hooks) =>
    new Promise<SampleTable>((resolve, reject) => {
      const jobs = shardJobs(options, o.workers, o.samplesPerJob);
      const expectedInputs = plan.inputs.map((i) => i.path).join("\n");
      const workers: ShardWorker[] = [];
      let table: SampleTable | null = null;
      let next = 0;
      let finishedJobs = 0;
      let doneSamples = 0;
      let settled = false;
      const finish = (err: Error | null): void => {
        if (settled) return;
        settled = true;
        hooks.signal?.removeEventListener("abort", onAbort);
        for (const w of workers) w.terminate();
        if (err) reject(err);
        else resolve(table as SampleTable);
      };
      const onAbort = (): void => finish(new CancelledError());
      if (hooks.signal?.aborted) return finish(new CancelledError());
      hooks.signal?.addEventListener("abort", onAbort);
      const feed = (w: ShardWorker): void => {
        if (next < jobs.length) w.postMessage({ id: next, doc, options: jobs[next++], ...(o.dataRoot ? { dataRoot: o.dataRoot } : {}) });
      };
      const accept = (part: SampleTable): void => {
        if (part.inputNames.join("\n") !== expectedInputs) throw new Error("a worker planned different inputs than the run");
        table ??= emptyLike(options, part);
        addShard(table, part);
        finishedJobs++;
        doneSamples += part.count;
        hooks.onProgress?.(doneSamples, table.count);
      };
      const k = Math.max(1, Math.min(o.workers, jobs.length));
      for (let i = 0; i < k && !settled; i++) {
        const w = o.makeWorker();
        workers.push(w);
        w.onmessage = (e) => {
          if (settled) return;
          const msg = e.data;
          if ("failure" in msg) return finish(new Error(msg.failure));
          try {
            accept(msg.table);
          } catch (err) {
            return finish(err as Error);
          }
          if (finishedJobs === jobs.length) return finish(null);
          feed(w);
        };
        w.onerror = (e) => finish(new Error(`simulation worker failed: ${e.message ?? "unknown error"}`));
        feed(w);
      }
    });
}
