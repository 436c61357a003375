/**
 * Runs an optimize-power solve in a worker thread with a time limit (the thread is terminated when it runs
 * over). The worker is the compiled optimize-worker.mjs when gigaplan runs from dist/, else optimize-worker.ts
 * through tsx's loader (as the simulation pool does); when neither exists the solve runs in this thread,
 * without a time limit.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { OptimizeAnswer, OptimizeTask } from "./optimize-worker.ts";

export class TimeLimitError extends Error {
  constructor(readonly seconds: number) {
    super(`optimize-power ran longer than ${seconds} s`);
    this.name = "TimeLimitError";
  }
}

/** The request was abandoned (client disconnected or server closing): the solve was stopped. */
export class ClientGoneError extends Error {
  constructor() {
    super("the client went away; the solve was stopped");
    this.name = "ClientGoneError";
  }
}

function workerSource(): string | null {
  const compiled = new URL("./optimize-worker.mjs", import.meta.url); // beside dist/cli.cjs in the compiled CLI
  if (existsSync(fileURLToPath(compiled))) return `import(${JSON.stringify(compiled.href)});`;
  const ts = new URL("./optimize-worker.ts", import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return null;
  const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  const tsxApi = pathToFileURL(cjs.replace(/index\.cjs$/, "index.mjs")).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`;
}

export async function runOptimize(task: OptimizeTask, o: { timeLimitSeconds: number; signal?: AbortSignal }): Promise<OptimizeAnswer> {
  const code = workerSource();
  if (code === null) {
    const { solve } = await import("./optimize-worker.ts");
    return solve(task);
  }
  return new Promise<OptimizeAnswer>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { gigaplanOptimize: true } });
    let settled = false;
    const finish = (err: Error | null, answer?: OptimizeAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      if (err) reject(err);
      else resolve(answer as OptimizeAnswer);
    };
    const timer = setTimeout(() => finish(new TimeLimitError(o.timeLimitSeconds)), o.timeLimitSeconds * 1000);
    const onAbort = (): void => finish(new ClientGoneError());
    o.signal?.addEventListener("abort", onAbort);
    worker.on("message", (msg: { type: string; answer?: OptimizeAnswer; message?: string }) => {
      if (msg.type === "answer") finish(null, msg.answer);
      else finish(new Error(msg.message ?? "optimize worker failed"));
    });
    worker.on("error", (e) => finish(e));
    worker.on("exit", (exitCode) => finish(new Error(`optimize worker exited with code ${exitCode}`)));
    worker.postMessage(task);
  });
}
