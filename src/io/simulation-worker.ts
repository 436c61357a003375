/**
 * Worker thread of the simulation pool: rebuilds the evaluation plan and sampler from plain data sent by the
 * main thread (which validated everything), then evaluates the blocks of sample indices it is sent,
 * returning the columns (transferred, not copied).
 */
import { parentPort, workerData } from "node:worker_threads";
import { makeSampler, runBlock } from "../uncertainty/evaluate.ts";
import { type PlanWire, planFromWire } from "../uncertainty/plan-wire.ts";
import type { SamplerOptions } from "../uncertainty/sampler.ts";

const { wire, options } = workerData as { wire: PlanWire; options: SamplerOptions };
const port = parentPort;
if (!port) throw new Error("worker.ts must run as a worker thread");
const plan = planFromWire(wire);
const sampler = makeSampler(plan, options);
port.on("message", (msg: { start: number; count: number }) => {
  const block = runBlock(plan, sampler, msg.start, msg.count);
  const buffers = [...block.inputs, ...block.outputs].map((a) => a.buffer as ArrayBuffer);
  port.postMessage({ type: "block", block }, buffers);
});
port.postMessage({ type: "ready" });
