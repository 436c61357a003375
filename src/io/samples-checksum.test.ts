/** Issue 15 items 6 and 13: shards carry a checksum merge verifies; a shard overstating its range is a message. */
import { parquetMetadata } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { mergeSamples } from "../api/uncertainty.ts";
import { buildPlan } from "../uncertainty/plan.ts";
import { simulateTable } from "../uncertainty/simulate.ts";
import { tableInfo } from "../uncertainty/samples.ts";
import { SMALL_UNCERTAIN, uncertainScenario } from "../../test/helpers/uncertain.ts";
import { SAMPLES_CHECKSUM_KEY, SAMPLES_META_KEY, decodeParquet, encodeParquet } from "./samples-file.ts";

const plan = buildPlan(uncertainScenario(SMALL_UNCERTAIN)).value!;
const shard = (index: number) => {
  const t = simulateTable(plan, { iterations: 20, seed: 3, method: "mc", shard: { index, count: 2 } });
  return { table: t, bytes: encodeParquet(t, tableInfo(t, "abc", 2030)) };
};

/** Re-writes a shard with one output value changed but the original checksum: what a flipped byte amounts to. */
function tampered(bytes: ArrayBuffer, edit: (cols: Map<string, Float64Array>) => void, infoEdit: (i: Record<string, unknown>) => void = () => undefined): Promise<ArrayBuffer> {
  const meta = parquetMetadata(bytes);
  const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value ?? ""]));
  return decodeParquet(bytes).then((d) => {
    edit(d.columns);
    const info = JSON.parse(kv[SAMPLES_META_KEY]) as Record<string, unknown>;
    infoEdit(info);
    const sample = Int32Array.from(d.columns.get("sample")!);
    const names = [...(info.inputs as string[]), ...(info.outputs as string[])];
    return parquetWriteBuffer({
      columnData: [{ name: "sample", data: sample, type: "INT32" as const }, ...names.map((name) => ({ name, data: d.columns.get(name)!, type: "DOUBLE" as const }))],
      kvMetadata: [{ key: SAMPLES_META_KEY, value: JSON.stringify(info) }, { key: SAMPLES_CHECKSUM_KEY, value: kv[SAMPLES_CHECKSUM_KEY] }],
    });
  });
}

describe("shard checksums", () => {
  it("intact shards decode and merge", async () => {
    const parts = await Promise.all([0, 1].map(async (i) => ({ name: `p${i}`, samples: await decodeParquet(shard(i).bytes) })));
    expect(mergeSamples(parts).value?.table.count).toBe(20);
  });
  it("a changed value is refused with a sentence, not merged", async () => {
    const { bytes } = shard(0);
    const bad = await tampered(bytes, (cols) => {
      const c = [...cols.keys()].find((k) => k !== "sample")!;
      cols.get(c)![0] += 1;
    });
    await expect(decodeParquet(bad)).rejects.toThrow(/does not match its checksum/);
  });
  it("a shard without a checksum (older versions) is refused with what to do", async () => {
    const t = shard(0).table;
    const names = [...t.inputNames, ...t.outputNames];
    const cols = [...t.inputs, ...t.outputs];
    const old = parquetWriteBuffer({
      columnData: [{ name: "sample", data: Int32Array.from({ length: t.count }, (_, j) => t.start + j), type: "INT32" as const }, ...names.map((name, k) => ({ name, data: cols[k].subarray(0, t.count), type: "DOUBLE" as const }))],
      kvMetadata: [{ key: SAMPLES_META_KEY, value: JSON.stringify(tableInfo(t, "abc", 2030)) }],
    });
    await expect(decodeParquet(old)).rejects.toThrow(/regenerate/);
  });
  it("a shard whose metadata understates the iterations is a message naming it, not a crash", async () => {
    const a = { name: "p0", samples: await decodeParquet(shard(0).bytes) };
    const b = { name: "p1", samples: await decodeParquet(shard(1).bytes) };
    const under = { name: "p1-edited", samples: { ...b.samples, info: { ...b.samples.info, iterations: 12 } } };
    const a12 = { ...a, samples: { ...a.samples, info: { ...a.samples.info, iterations: 12 } } };
    const out = mergeSamples([a12, under]);
    expect(out.value).toBeNull();
    expect(out.diagnostics.map((d) => d.message).join("\n")).toMatch(/p1-edited: holds samples 10…19, beyond the 12 iterations/);
  });
});

describe("with the scenario, sampled inputs must lie in their distributions", () => {
  it("a value outside its distribution's range is refused, naming the part, the sample and the input", async () => {
    const { stringify } = await import("yaml");
    const { uncertainScenarioInput } = await import("../../test/helpers/uncertain.ts");
    const doc = { text: stringify(uncertainScenarioInput(SMALL_UNCERTAIN)), name: "s.yaml" };
    const { prepareSimulation } = await import("../api/uncertainty.ts");
    const prepared = prepareSimulation(doc, { iterations: 20, seed: 3, method: "mc" }).value!;
    const parts = [0, 1].map((index) => {
      const t = simulateTable(prepared.plan, { iterations: 20, seed: 3, method: "mc", shard: { index, count: 2 } });
      return encodeParquet(t, tableInfo(t, prepared.scenarioDigest, prepared.plan.targetYear));
    });
    const decoded = await Promise.all(parts.map(async (b, i) => ({ name: `p${i}`, samples: await decodeParquet(b) })));
    expect(mergeSamples(decoded, doc).value).not.toBeNull();
    const name = decoded[1].samples.info.inputs[0];
    decoded[1].samples.columns.get(name)![2] = 1e30; // a value no distribution of this run produces
    const out = mergeSamples(decoded, doc);
    expect(out.value).toBeNull();
    expect(out.diagnostics[0].message).toMatch(new RegExp(`^p1: sample 12 has .* = 1e\\+30, outside its distribution's range`));
  });
});
