/** Monte Carlo worker: fills the shards it is sent (mc-shard.ts) and returns their columns transferred, not copied. */
import type { ShardRequest, ShardResponse } from "./mc-executor.ts";
import { shardEvaluator } from "./mc-shard.ts";
import { fetchInputFiles } from "./fetch-files.ts";

const scope = self as unknown as { postMessage(m: unknown, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent) => void) | null };
const evaluate = shardEvaluator((dataRoot) => fetchInputFiles({ dataRoot }));

scope.onmessage = async (e: MessageEvent) => {
  const req = e.data as ShardRequest;
  let res: ShardResponse;
  try {
    res = await evaluate(req);
  } catch (err) {
    res = { id: req.id, failure: err instanceof Error ? err.message : String(err) };
  }
  const buffers = "table" in res ? [...res.table.inputs, ...res.table.outputs].map((a) => a.buffer as ArrayBuffer) : [];
  scope.postMessage(res, buffers);
};
