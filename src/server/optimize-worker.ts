/**
 * Worker thread of POST /api/optimize-power: one LP sizing, off the server's event loop (so other requests are
 * answered while HiGHS solves, and the server can stop a solve that runs past its time limit by terminating
 * the thread). Receives the scenario and options, answers with the outcome as JSON text.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type OptimizePowerOptions, type ScenarioDocument, optimizePower } from "../index.ts";
import { serverInputFiles } from "./input-files.ts";

export interface OptimizeTask {
  doc: ScenarioDocument;
  options: Omit<OptimizePowerOptions, "files" | "solver" | "now" | "ref">;
  filesDir?: string;
}

export interface OptimizeAnswer {
  /** `{ report, log, diagnostics }` as JSON */
  json: string;
  ok: boolean;
  solverFailed: boolean;
}

/** The solve itself (also used in-thread when no worker can be started). */
export async function solve(task: OptimizeTask): Promise<OptimizeAnswer> {
  const out = await optimizePower(task.doc, { ...task.options, files: serverInputFiles({ filesDir: task.filesDir }), now: () => performance.now() });
  return { json: JSON.stringify({ report: out.report, log: out.log, diagnostics: out.diagnostics }), ok: out.report !== null, solverFailed: out.solverFailed };
}

if (parentPort && (workerData as { gigaplanOptimize?: boolean } | undefined)?.gigaplanOptimize) {
  const port = parentPort;
  port.once("message", (task: OptimizeTask) => {
    solve(task).then(
      (answer) => port.postMessage({ type: "answer", answer }),
      (e: unknown) => port.postMessage({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
}
