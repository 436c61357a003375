import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inThreadExecutor, prepareSimulation, runSimulation, type SimulateOptions } from "../../../src/index.ts";
import { CancelledError, type ShardRequest, type ShardResponse, type ShardWorker, shardJobs, webWorkerExecutor } from "./mc-executor.ts";
import { shardEvaluator } from "./mc-shard.ts";

const doc = { text: readFileSync(new URL("../../../scenarios/meta-600b.yaml", import.meta.url), "utf8"), name: "meta-600b.yaml" };

/** A stand-in for a Web Worker: the worker's own shard code, answering asynchronously (and a structured clone). */
function fakeWorker(log: { made: number; terminated: number; jobs: number[] }, delayMs = 0): ShardWorker {
  const evaluate = shardEvaluator();
  log.made++;
  let alive = true;
  const w: ShardWorker = {
    onmessage: null,
    onerror: null,
    postMessage(req: ShardRequest) {
      log.jobs.push(req.id);
      setTimeout(async () => {
        const res: ShardResponse = await evaluate(structuredClone(req));
        if (alive) w.onmessage?.({ data: structuredClone(res) });
      }, delayMs);
    },
    terminate() {
      alive = false;
      log.terminated++;
    },
  };
  return w;
}

describe("shardJobs", () => {
  it("covers the run with contiguous shards", () => {
    const jobs = shardJobs({ iterations: 200, seed: 1, method: "lhs" }, 2);
    expect(jobs.length).toBeGreaterThan(2);
    expect(jobs.every((j) => j.shard?.count === jobs.length)).toBe(true);
    expect(shardJobs({ iterations: 5, seed: 1, method: "mc" }, 4, 16)).toHaveLength(1);
    const shard: SimulateOptions = { iterations: 100, seed: 1, method: "mc", shard: { index: 1, count: 4 } };
    expect(shardJobs(shard, 4)).toEqual([shard]);
  });
});

describe("webWorkerExecutor", () => {
  it("fills the same table, and so the same report, as an in-thread run", async () => {
    for (const [method, workers] of [["lhs", 3], ["sobol", 2], ["mc", 1]] as const) {
      const prepared = prepareSimulation(doc, { iterations: 120, seed: 7, method }).value;
      if (!prepared) throw new Error("the Meta scenario should simulate");
      const log = { made: 0, terminated: 0, jobs: [] as number[] };
      const progress: number[] = [];
      const viaWorkers = await runSimulation(prepared, { executor: webWorkerExecutor(doc, { workers, makeWorker: () => fakeWorker(log), samplesPerJob: 25 }), onProgress: (d) => progress.push(d) });
      const inThread = await runSimulation(prepared, { executor: inThreadExecutor });
      expect(viaWorkers.table).toEqual(inThread.table);
      expect(viaWorkers.report).toEqual(inThread.report);
      expect(log.made).toBe(workers);
      expect(log.terminated).toBe(workers);
      expect(progress.at(-1)).toBe(120);
      expect([...log.jobs].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it("rejects when cancelled and stops every worker", async () => {
    const prepared = prepareSimulation(doc, { iterations: 400, seed: 1, method: "lhs" }).value;
    if (!prepared) throw new Error("the Meta scenario should simulate");
    const log = { made: 0, terminated: 0, jobs: [] as number[] };
    const abort = new AbortController();
    const running = runSimulation(prepared, {
      executor: webWorkerExecutor(doc, { workers: 2, makeWorker: () => fakeWorker(log, 5), samplesPerJob: 20 }),
      signal: abort.signal,
      onProgress: (done) => done >= 40 && abort.abort(),
    });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(log.terminated).toBe(2);
    expect(log.jobs.length).toBeLessThan(20);
  });

  it("passes a worker's failure on", async () => {
    const prepared = prepareSimulation(doc, { iterations: 50, seed: 1, method: "mc" }).value;
    if (!prepared) throw new Error("the Meta scenario should simulate");
    const broken: ShardWorker = { onmessage: null, onerror: null, postMessage(req) { setTimeout(() => broken.onmessage?.({ data: { id: req.id, failure: "boom" } })); }, terminate() {} };
    await expect(runSimulation(prepared, { executor: webWorkerExecutor(doc, { workers: 1, makeWorker: () => broken }) })).rejects.toThrow("boom");
  });
});
