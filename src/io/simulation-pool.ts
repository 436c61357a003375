/**
 * A worker_threads pool that fills a sample table: blocks of sample indices are handed to K workers as they
 * become free and copied into the table by index, so the result does not depend on K or on timing. With one
 * worker the blocks run in the calling thread.
 * Cancellation (AbortSignal) terminates every worker and rejects; nothing partial is returned.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type SampleBlock, makeSampler, runBlock } from "../uncertainty/evaluate.ts";
import { planToWire } from "../uncertainty/plan-wire.ts";
import type { SimulationPlan } from "../uncertainty/plan.ts";
import type { SampleExecutor } from "../index.ts";
import { type SampleTable, type SimulateOptions, addBlock, emptyTable } from "../uncertainty/simulate.ts";

export interface PoolOptions {
  workers: number;
  blockSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Worker source: the compiled worker beside this module when gigaplan runs from dist/ (scripts/build.mjs), else
 * tsx's loader (resolved from this package) registered before importing simulation-worker.ts.
 */
function bootstrap(): string {
  const compiled = new URL("./simulation-worker.mjs", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return `import(${JSON.stringify(compiled.href)});`;
  // The ESM build of tsx's API (its CJS build registers hooks that cannot resolve from a worker).
  const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  const tsxApi = pathToFileURL(cjs.replace(/index\.cjs$/, "index.mjs")).href;
  const workerUrl = new URL("./simulation-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
}

/**
 * The worker threads a run gets: at most the machine's cores (os.availableParallelism()), since more threads
 * only add memory (each is a V8 isolate with the model) and no speed; `force` lets a caller have what it asks.
 */
export function capWorkers(requested: number, force = false): { workers: number; capped: boolean; cores: number } {
  const cores = availableParallelism();
  const workers = Math.max(1, Math.floor(requested));
  return !force && workers > cores ? { workers: cores, capped: true, cores } : { workers, capped: false, cores };
}

export class CancelledError extends Error {
  constructor() {
    super("simulation cancelled");
    this.name = "CancelledError";
  }
}

/** One worker: the blocks run in this thread, yielding to the event loop between blocks (Ctrl-C still works). */
async function runInThread(plan: SimulationPlan, options: SimulateOptions, pool: PoolOptions, blocks: { start: number; count: number }[]): Promise<SampleTable> {
  const table = emptyTable(plan, options);
  const sampler = makeSampler(plan, options);
  let done = 0;
  for (const b of blocks) {
    await new Promise((resolve) => setImmediate(resolve));
    if (pool.signal?.aborted) throw new CancelledError();
    addBlock(table, runBlock(plan, sampler, b.start, b.count));
    done += b.count;
    pool.onProgress?.(done, table.count);
  }
  return table;
}

/** Fills the sample table with K worker threads (K = 1: in this thread, without start-up cost). */
export function runPool(plan: SimulationPlan, options: SimulateOptions, pool: PoolOptions): Promise<SampleTable> {
  const table = emptyTable(plan, options);
  const blockSize = pool.blockSize ?? Math.max(16, Math.min(256, Math.ceil(table.count / (pool.workers * 8))));
  const blocks: { start: number; count: number }[] = [];
  for (let at = table.start; at < table.start + table.count; at += blockSize) {
    blocks.push({ start: at, count: Math.min(blockSize, table.start + table.count - at) });
  }
  const k = Math.max(1, Math.min(pool.workers, blocks.length || 1));
  if (pool.workers <= 1) return runInThread(plan, options, pool, blocks);
  const code = bootstrap();
  const workerData = { wire: planToWire(plan), options };
  return new Promise<SampleTable>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      pool.signal?.removeEventListener("abort", onAbort);
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(table);
    };
    const onAbort = (): void => finish(new CancelledError());
    if (pool.signal?.aborted) return finish(new CancelledError());
    pool.signal?.addEventListener("abort", onAbort);
    if (blocks.length === 0) return finish(null);
    const feed = (w: Worker): void => {
      if (next < blocks.length) w.postMessage(blocks[next++]);
    };
    for (let i = 0; i < k; i++) {
      const w = new Worker(code, { eval: true, workerData });
      workers.push(w);
      w.on("message", (msg: { type: string; block?: SampleBlock; message?: string }) => {
        if (settled) return;
        if (msg.type === "error") return finish(new Error(msg.message));
        if (msg.type === "ready") return feed(w);
        const block = msg.block as SampleBlock;
        addBlock(table, block);
        done += block.count;
        pool.onProgress?.(done, table.count);
        if (done === table.count) return finish(null);
        feed(w);
      });
      w.on("error", (e) => finish(e));
      w.on("exit", (code) => {
        if (!settled && code !== 0) finish(new Error(`simulation worker exited with code ${code}`));
      });
    }
  });
}

/** The pool as the API's sample executor (one worker: the calling thread, yielding between blocks). */
export const workerPoolExecutor =
  (workers: number, blockSize?: number): SampleExecutor =>
  (plan, options, hooks) =>
    runPool(plan, options, { workers, blockSize, ...hooks });
