import { describe, expect, it } from "vitest";
import { concatenate, digest, mergeProblems, tableInfo } from "./samples.ts";
import { OUTPUT_NAMES } from "./outputs.ts";
import { decodeParquet, encodeCsv, encodeParquet } from "../io/samples-file.ts";
import { buildPlan } from "./plan.ts";
import { type SampleTable, shardRange, simulate, simulateTable } from "./simulate.ts";
import { SMALL_UNCERTAIN, uncertainScenario } from "../../test/helpers/uncertain.ts";

const scenario = uncertainScenario(SMALL_UNCERTAIN);
const plan = buildPlan(scenario).value!;
const run = (o: Parameters<typeof simulate>[1], blockSize?: number): SampleTable => simulateTable(plan, o, blockSize);
const bits = (t: SampleTable): number[][] => [...t.inputs, ...t.outputs].map((c) => Array.from(c));

describe("simulate: reproducible across shards and block sizes", () => {
  it.each(["mc", "lhs", "sobol"] as const)("%s: any shard split and block size gives the same samples as one run", (method) => {
    const o = { iterations: 40, seed: 5, method };
    const whole = run(o);
    expect(whole.failed).toBe(0);
    expect(bits(run(o, 7))).toEqual(bits(whole));
    for (const count of [2, 7]) {
      const parts = Array.from({ length: count }, (_, index) => run({ ...o, shard: { index, count } }));
      expect(parts.map((p) => p.start)).toEqual(Array.from({ length: count }, (_, k) => shardRange(40, k, count).start));
      const joined = [...whole.inputs, ...whole.outputs].map((_, c) => parts.flatMap((p) => Array.from([...p.inputs, ...p.outputs][c])));
      expect(joined).toEqual(bits(whole));
    }
  });

  it("different seeds and methods give different samples; integer fields are rounded", () => {
    const a = run({ iterations: 20, seed: 1, method: "mc" });
    const b = run({ iterations: 20, seed: 2, method: "mc" });
    expect(bits(a)).not.toEqual(bits(b));
    expect(a.inputs[2].every((v) => Number.isInteger(v) && v >= 18 && v <= 36)).toBe(true);
  });

  it("shards cover every index exactly once", () => {
    for (const [n, k] of [[10, 3], [7, 7], [5, 8], [1_000_003, 16]]) {
      let next = 0;
      for (let i = 0; i < k; i++) {
        const r = shardRange(n, i, k);
        expect(r.start).toBe(next);
        next = r.end;
      }
      expect(next).toBe(n);
    }
  });

  it("rejects bad options with diagnostics", () => {
    const r = simulate(scenario, { iterations: 0, seed: -1, method: "mc", shard: { index: 3, count: 3 } });
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => d.path).sort()).toEqual(["--iterations", "--seed", "--shard"]);
  });
});

describe("report", () => {
  it("has percentiles, standard errors, convergence, risk and sensitivity that fit the samples", () => {
    const r = simulate(scenario, { iterations: 200, seed: 3, method: "lhs" }).value!;
    const npv = r.report.outputs.npvUsd;
    expect(npv.n).toBe(200);
    expect(npv.percentiles.p5).toBeLessThan(npv.percentiles.p50);
    expect(npv.standardError).toBeCloseTo(npv.sd / Math.sqrt(200), 6);
    expect(r.report.convergence.npvUsd.map((c) => c.samples)).toEqual([64, 128, 200]);
    expect(r.report.convergence.npvUsd[2].mean).toBeCloseTo(npv.mean, 3);
    // revenue per MW drives NPV: strongly positive rank correlation, the biggest tornado bar
    expect(r.report.sensitivity.spearman.npvUsd["economics.revenueUsdPerMwItYear"]).toBeGreaterThan(0.8);
    expect(r.report.sensitivity.tornado?.bars.npvUsd[0].input).toBe("economics.revenueUsdPerMwItYear");
    const pNeg = r.table.outputs[OUTPUT_NAMES.indexOf("npvUsd")].filter((v) => v < 0).length / 200;
    expect(r.report.risk.probabilityNpvNegative).toBe(pNeg);
  });
});

describe("samples files", () => {
  it("Parquet round-trips exactly, and merged shards are byte-identical to a single run", async () => {
    const o = { iterations: 50, seed: 8, method: "mc" as const };
    const whole = run(o);
    const info = tableInfo(whole, digest(scenario), 2026);
    const bytes = new Uint8Array(encodeParquet(whole, info));
    const decoded = await decodeParquet(bytes.buffer as ArrayBuffer);
    expect(decoded.start).toBe(0);
    expect(decoded.count).toBe(50);
    expect(Array.from(decoded.columns.get("npvUsd")!)).toEqual(Array.from(whole.outputs[OUTPUT_NAMES.indexOf("npvUsd")]));
    expect(Array.from(decoded.columns.get("sites[1].phases[0].itPowerMw")!)).toEqual(Array.from(whole.inputs[1]));
    const parts = await Promise.all(
      [0, 1, 2].map(async (index) => {
        const t = run({ ...o, shard: { index, count: 3 } });
        return decodeParquet(encodeParquet(t, tableInfo(t, digest(scenario), 2026)));
      }),
    );
    const named = parts.map((part, k) => ({ file: `part-${k}`, part }));
    expect(mergeProblems(named)).toEqual([]);
    expect(mergeProblems(named.slice(1))).toEqual(["samples 0…15 are missing (no part covers them)"]);
    const merged = new Uint8Array(encodeParquet(concatenate(parts.reverse()), info));
    expect(Buffer.from(merged).equals(Buffer.from(bytes))).toBe(true);
  });

  it("CSV has a header and exact numbers", () => {
    const t = run({ iterations: 3, seed: 1, method: "mc" });
    const lines = encodeCsv(t).trim().split("\n");
    expect(lines[0].split(",")[0]).toBe("sample");
    expect(lines[0]).toContain('"sites[1].phases[0].itPowerMw"'.replace(/"/g, ""));
    expect(lines).toHaveLength(4);
    expect(Number(lines[2].split(",")[1])).toBe(t.inputs[0][1]);
  });
});
