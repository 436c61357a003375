/** Estimates of a simulation's and a comparison's memory and time, before they run. */
import { describe, expect, it } from "vitest";
import { SMALL_UNCERTAIN, uncertainScenarioInput } from "../../test/helpers/uncertain.ts";
import { BASE_PROCESS_BYTES, WORKER_BYTES, estimateComparison, estimateSimulation } from "./estimate.ts";
import { prepareComparison, prepareSimulation } from "./uncertainty.ts";

const doc = { value: uncertainScenarioInput(SMALL_UNCERTAIN) };
const prepared = (iterations: number, method: "mc" | "lhs" = "mc", shard?: { index: number; count: number }) => {
  const p = prepareSimulation(doc, { iterations, seed: 1, method, ...(shard ? { shard } : {}) });
  if (!p.value) throw new Error(JSON.stringify(p.diagnostics));
  return p.value;
};
/** A clock that advances 1 ms every time it is read: calibration sees 1 ms per timed block. */
const tick = (): (() => number) => {
  let t = 0;
  return () => (t += 1);
};

describe("estimateSimulation", () => {
  it("memory: samples × (inputs + outputs) × 8 bytes plus the report's working set, workers and LHS permutations", () => {
    const mc = estimateSimulation(prepared(1e6), { workers: 1 });
    expect(mc).toEqual({ samples: 1e6, columns: 5 + 17, memoryBytes: BASE_PROCESS_BYTES + 1e6 * (22 * 8 + 64), seconds: null });
    const lhs = estimateSimulation(prepared(1e6, "lhs"), { workers: 2 });
    expect(lhs.memoryBytes - mc.memoryBytes).toBe(2 * WORKER_BYTES + 2 * 5 * 1e6 * 4);
    // a shard holds its own samples only
    expect(estimateSimulation(prepared(1e6, "mc", { index: 0, count: 4 }), { workers: 1 }).samples).toBe(250000);
    // 2^32 samples: hundreds of GB, said before any allocation (the run used to die with a RangeError)
    expect(estimateSimulation(prepared(2 ** 32), { workers: 1 }).memoryBytes).toBeGreaterThan(700e9);
  });

  it("time: a calibration in the calling thread, scaled to the samples and shared by the workers", () => {
    // with a clock advancing 1 ms per reading, every timed block takes 1 ms: the last (256 samples) sets the rate
    const e = estimateSimulation(prepared(1e6), { workers: 1, now: tick() });
    expect(e.seconds).toBeCloseTo((1e6 * 0.001) / 256, 9);
    const two = estimateSimulation(prepared(1e6), { workers: 2, now: tick() });
    expect(two.seconds).toBeCloseTo((1e6 * 0.001) / 256 / 2 + 0.5, 9);
  });
});

describe("estimateComparison", () => {
  it("memory per path: cost and regret per strategy, demand, a sort buffer and the LHS permutations", () => {
    const input = uncertainScenarioInput({ demand: { startMonth: "2025-01", endYear: 2029, initialItMw: 300, growthFractionPerYear: { dist: "triangular", min: 0, mode: 0.2, max: 0.5 } } });
    const options = { paths: 1e6, seed: 1, method: "lhs" as const, strategies: ["aggressive", "staged"] as ("aggressive" | "staged")[] };
    const settings = prepareComparison({ value: input }, options);
    if (!settings.value) throw new Error(JSON.stringify(settings.diagnostics));
    const dims = 1 + Math.ceil(settings.value.months / 12);
    const e = estimateComparison(settings.value, options);
    expect(e).toEqual({ samples: 1e6, columns: 5, memoryBytes: BASE_PROCESS_BYTES + 1e6 * (5 * 8 + 8 + dims * 4), seconds: null });
    expect(estimateComparison(settings.value, options, { now: tick() }).seconds).toBeCloseTo(1e6 * 0.001 / 4096, 9);
  });
});
