import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RESULT_SCHEMA_VERSION, type RunResult, run, simulate } from "../index.ts";
import { serverInputFiles } from "../server/input-files.ts";
import { reproduceRun, scenarioDocument } from "./reproduce.ts";
import { RunStore } from "./run-store.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gigaplan-reproduce-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = serverInputFiles();

describe("reproducing a stored run", () => {
  const store = RunStore.open(join(dir, "runs.db"));
  afterAll(() => store.close());
  const text = readFileSync(join(ROOT, "test", "fixtures", "small.yaml"), "utf8");

  it("re-runs the stored text and finds the identical result", async () => {
    const { result } = await run(scenarioDocument(text, "yaml"), { files });
    const meta = store.add({ kind: "run", name: "small", scenarioText: text, scenarioFormat: "yaml", result, resultSchemaVersion: RESULT_SCHEMA_VERSION });
    const stored = store.get(meta.id);
    if (!stored) throw new Error("not stored");
    const r = await reproduceRun(stored, files);
    expect(r).toMatchObject({ identical: true, changes: [], tablesDiffering: [] });
  });

  it("names the summary fields and tables that differ from a stored result", async () => {
    const { result } = await run(scenarioDocument(text, "yaml"), { files });
    const tampered = structuredClone(result) as RunResult;
    tampered.summary.capexUsdTotal += 1e6;
    tampered.tables.yearly.rows[0][1] = -1;
    const meta = store.add({ kind: "run", name: "small", scenarioText: text, scenarioFormat: "yaml", result: tampered, resultSchemaVersion: RESULT_SCHEMA_VERSION });
    const r = await reproduceRun(store.get(meta.id) as NonNullable<ReturnType<typeof store.get>>, files);
    expect(r.identical).toBe(false);
    expect(r.changes).toEqual([{ path: "capexUsdTotal", a: tampered.summary.capexUsdTotal, b: result?.summary.capexUsdTotal, change: -1e6, changeFraction: expect.any(Number) }]);
    expect(r.tablesDiffering).toEqual(["yearly"]);
  });

  it("re-samples a stored simulation with its seed, method and iterations", async () => {
    const meta600 = readFileSync(join(ROOT, "scenarios", "meta-600b.yaml"), "utf8");
    const options = { iterations: 24, seed: 3, method: "lhs" as const };
    const sim = await simulate(scenarioDocument(meta600, "yaml"), { ...options, files });
    const meta = store.add({ kind: "simulation", name: "meta", scenarioText: meta600, scenarioFormat: "yaml", seed: 3, options, result: sim.value?.report, resultSchemaVersion: RESULT_SCHEMA_VERSION });
    const r = await reproduceRun(store.get(meta.id) as NonNullable<ReturnType<typeof store.get>>, files);
    expect(r.identical).toBe(true);
  });
});
