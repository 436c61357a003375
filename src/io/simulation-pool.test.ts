import { describe, expect, it } from "vitest";
import { buildPlan } from "../uncertainty/plan.ts";
import { simulateTable } from "../uncertainty/simulate.ts";
import { SMALL_UNCERTAIN, uncertainScenario } from "../../test/helpers/uncertain.ts";
import { availableParallelism } from "node:os";
import { CancelledError, capWorkers, runPool } from "./simulation-pool.ts";

const scenario = uncertainScenario(SMALL_UNCERTAIN);
const plan = buildPlan(scenario).value!;
const options = { iterations: 48, seed: 21, method: "lhs" as const };
const columns = (t: { inputs: Float64Array[]; outputs: Float64Array[] }): number[][] => [...t.inputs, ...t.outputs].map((c) => Array.from(c));

describe("worker pool", () => {
  it("caps the workers at the machine's cores unless forced (400 workers were killed for memory)", () => {
    const cores = availableParallelism();
    expect(capWorkers(400)).toEqual({ workers: cores, capped: true, cores });
    expect(capWorkers(400, true)).toEqual({ workers: 400, capped: false, cores });
    expect(capWorkers(1)).toEqual({ workers: 1, capped: false, cores });
  });

  it("gives identical results with 1, 2 and 4 workers, equal to the in-thread run", async () => {
    const reference = columns(simulateTable(plan, options));
    const runs = await Promise.all(
      [1, 2, 4].map(async (workers) => {
        const progress: number[] = [];
        const table = await runPool(plan, options, { workers, blockSize: 5, onProgress: (done) => progress.push(done) });
        return { table, progress };
      }),
    );
    for (const { table, progress } of runs) {
      expect(columns(table)).toEqual(reference);
      expect(progress[progress.length - 1]).toBe(48);
    }

  }, 60_000);


  it("cancels cleanly: rejects with CancelledError and returns nothing", async () => {
    const abort = new AbortController();
    const run = runPool(plan, { ...options, iterations: 5000 }, { workers: 2, blockSize: 2, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  }, 60_000);
});
