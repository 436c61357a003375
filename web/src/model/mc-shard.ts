/**
 * One Monte Carlo shard, as a worker computes it: the API's `inThreadExecutor` on a plan prepared from the
 * document with `prepareSimulation` (the plan is kept while the document and the run options stay the same).
 */
import { type PreparedSimulation, inThreadExecutor, prepareSimulation } from "../../../src/index.ts";
import type { ShardRequest, ShardResponse } from "./mc-executor.ts";

export function shardEvaluator(): (req: ShardRequest) => Promise<ShardResponse> {
  let cached: { key: string; prepared: PreparedSimulation } | null = null;
  return async (req) => {
    const { iterations, seed, method } = req.options;
    const key = JSON.stringify([req.doc.text, iterations, seed, method]);
    if (cached?.key !== key) {
      const p = prepareSimulation(req.doc, req.options);
      if (!p.value) return { id: req.id, failure: p.diagnostics.map((d) => `${d.path}: ${d.message}`).join("; ") };
      cached = { key, prepared: p.value };
    }
    const table = await inThreadExecutor(cached.prepared.plan, req.options, {});
    return { id: req.id, table };
  };
}
