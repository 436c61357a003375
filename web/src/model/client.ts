/**
 * The page's side of a model worker: `request` posts a job and resolves with its answer, or with `null` when a
 * newer job of the same kind superseded it (in the worker's queue or on the way back).
 */
import type { ModelKind, ModelRequest, ModelResponse } from "./protocol.ts";

type Answer<K extends ModelKind> = Extract<ModelResponse, { kind: K; superseded?: false }> | null;

export class ModelClient {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, (r: ModelResponse | null) => void>();
  private readonly latest = new Map<ModelKind, number>();

  constructor(worker: Worker) {
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<ModelResponse>) => {
      const r = e.data;
      const key = `${r.kind}:${r.rev}`;
      const resolve = this.waiting.get(key);
      if (!resolve) return;
      this.waiting.delete(key);
      resolve(r.superseded || this.latest.get(r.kind) !== r.rev ? null : r);
    };
    worker.onerror = (e) => {
      const failure = `model worker failed: ${e.message || "could not start (see the browser console)"}`;
      for (const [key, resolve] of this.waiting) {
        const [kind, rev] = key.split(":");
        resolve({ kind: kind as ModelKind, rev: Number(rev), failure });
      }
      this.waiting.clear();
    };
  }

  request<K extends ModelKind>(req: Extract<ModelRequest, { kind: K }>): Promise<Answer<K> | Extract<ModelResponse, { failure: string }>> {
    this.latest.set(req.kind, req.rev);
    return new Promise((resolve) => {
      this.waiting.set(`${req.kind}:${req.rev}`, resolve as (r: ModelResponse | null) => void);
      this.worker.postMessage(req);
    });
  }
}

export const newModelWorker = (): Worker => new Worker(new URL("./model.worker.ts", import.meta.url), { type: "module", name: "gigaplan-model" });
export const newMcWorker = (): Worker => new Worker(new URL("./mc.worker.ts", import.meta.url), { type: "module", name: "gigaplan-monte-carlo" });
