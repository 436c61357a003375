/**
 * One Monte Carlo shard, as a worker computes it: the API's `inThreadExecutor` on a plan prepared from the
 * document with `prepareSimulation` and, when the request names a data root, the sites' weather and grid files read
 * from it (`withPowerProfiles`, as the page's plan); the plan is kept while the document, the data root and the run
 * options stay the same.
 */
import { type InputFiles, type PreparedSimulation, inThreadExecutor, prepareSimulation, withPowerProfiles } from "../../../src/index.ts";
import type { ShardRequest, ShardResponse } from "./mc-executor.ts";

export function shardEvaluator(filesFor?: (dataRoot: string) => InputFiles): (req: ShardRequest) => Promise<ShardResponse> {
  let cached: { key: string; prepared: PreparedSimulation } | null = null;
  return async (req) => {
    const { iterations, seed, method } = req.options;
    const key = JSON.stringify([req.doc.text, iterations, seed, method, req.dataRoot ?? null]);
    if (cached?.key !== key) {
      const planned = prepareSimulation(req.doc, req.options);
      const p = planned.value && req.dataRoot && filesFor ? await withPowerProfiles(planned.value, filesFor(req.dataRoot)) : planned;
      if (!p.value) return { id: req.id, failure: p.diagnostics.map((d) => `${d.path}: ${d.message}`).join("; ") };
      cached = { key, prepared: p.value };
    }
    const table = await inThreadExecutor(cached.prepared.plan, req.options, {});
    return { id: req.id, table };
  };
}
