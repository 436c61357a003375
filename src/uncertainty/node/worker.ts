/**
 * Worker thread of the simulation pool: builds the same plan and sampler as the main thread from the
 * scenario it is given, then evaluates the blocks of sample indices it is sent, returning the columns
 * (transferred, not copied).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Scenario } from "../../scenario/schema.ts";
import { makeSampler, runBlock } from "../evaluate.ts";
import { buildPlan } from "../plan.ts";
import type { SimulateOptions } from "../simulate.ts";

interface Init {
  scenario: Scenario;
  options: SimulateOptions;
}

const { scenario, options } = workerData as Init;
const built = buildPlan(scenario);
const port = parentPort;
if (!port) throw new Error("worker.ts must run as a worker thread");
if (!built.value) {
  port.postMessage({ type: "error", message: built.diagnostics.map((d) => `${d.path}: ${d.message}`).join("; ") });
} else {
  const plan = built.value;
  const sampler = makeSampler(plan, options);
  port.on("message", (msg: { start: number; count: number }) => {
    const block = runBlock(plan, sampler, msg.start, msg.count);
    const buffers = [...block.inputs, ...block.outputs].map((a) => a.buffer as ArrayBuffer);
    port.postMessage({ type: "block", block }, buffers);
  });
  port.postMessage({ type: "ready" });
}
