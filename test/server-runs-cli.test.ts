/**
 * `gigaplan runs list|show|diff` (in-process main()) on a temporary run store, and `gigaplan serve`'s refusals
 * (another host without a token, bad flags).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { RESULT_SCHEMA_VERSION, type RunResult, run } from "../src/index.ts";
import { main } from "../src/cli/main.ts";
import { serverInputFiles } from "../src/server/input-files.ts";
import { RunStore } from "../src/store/index.ts";
import { SMALL_YAML } from "./helpers/server.ts";

const dir = mkdtempSync(join(tmpdir(), "gigaplan-runs-cli-"));
const db = join(dir, "runs.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const bigger = (() => {
  const s = parseYaml(SMALL_YAML);
  s.sites[0].phases[0].itPowerMw = 60;
  return stringifyYaml(s);
})();

beforeAll(async () => {
  const store = RunStore.open(db);
  for (const text of [SMALL_YAML, bigger]) {
    const { result } = await run({ text, name: "scenario.yaml" }, { files: serverInputFiles() });
    store.add({ kind: "run", name: (result as RunResult).summary.scenarioName, scenarioText: text, scenarioFormat: "yaml", result, resultSchemaVersion: RESULT_SCHEMA_VERSION });
  }
  const { result } = await run({ text: SMALL_YAML, name: "scenario.yaml" });
  const tampered = structuredClone(result) as RunResult;
  tampered.summary.jobs.permanent += 1;
  store.add({ kind: "run", name: "tampered", scenarioText: SMALL_YAML, scenarioFormat: "yaml", result: tampered, resultSchemaVersion: RESULT_SCHEMA_VERSION });
  store.close();
});

describe("gigaplan runs", () => {
  it("list: newest first, as a table or JSON", async () => {
    const r = await cli(["runs", "list", "--db", db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^id\s+kind\s+created \(UTC\)\s+scenario\s+sha256/);
    expect(lines.slice(2).map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([3, 2, 1]);
    const json = JSON.parse((await cli(["runs", "list", "--db", db, "--format", "json", "--limit", "2"])).stdout);
    expect(json.total).toBe(3);
    expect(json.runs.map((x: { id: number }) => x.id)).toEqual([3, 2]);
  });

  it("show: identity and the text report, or the stored record as JSON", async () => {
    const r = await cli(["runs", "show", "1", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^run 1 \(run\): Small test program\n {2}created/);
    expect(r.stdout).toMatch(/scenario sha256 {2}[0-9a-f]{64}/);
    const json = JSON.parse((await cli(["runs", "show", "1", "--db", db, "--format", "json"])).stdout);
    expect(json.scenarioText).toBe(SMALL_YAML);
  });

  it("show --reproduce: identical (exit 0), or the differing fields (exit 1)", async () => {
    const same = await cli(["runs", "show", "1", "--db", db, "--reproduce"]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("reproduce: identical result (same gigaplan version and data vintage)");
    const differs = await cli(["runs", "show", "3", "--db", db, "--reproduce"]);
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain("reproduce: the result DIFFERS");
    expect(differs.stdout).toMatch(/jobs\.permanent\s+\S+\s+\S+\s+-1\s/);
    const json = JSON.parse((await cli(["runs", "show", "3", "--db", db, "--reproduce", "--format", "json"])).stdout);
    expect(json).toMatchObject({ id: 3, identical: false, changes: [{ path: "jobs.permanent", change: -1 }] });
  });

  it("diff: the summary fields that differ, with both values and the change", async () => {
    const r = await cli(["runs", "diff", "1", "2", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("different scenario texts");
    const row = r.stdout.split("\n").find((l) => l.startsWith('itPowerMwByYear["2027"]'));
    expect(row).toMatch(/ 80\s+90\s+\+10\s+\+12\.50%$/);
    const json = JSON.parse((await cli(["runs", "diff", "1", "2", "--db", db, "--format", "json"])).stdout);
    expect(json.changes).toContainEqual({ path: 'itPowerMwByYear["2027"]', a: 80, b: 90, change: 10, changeFraction: 0.125 });
    expect((await cli(["runs", "diff", "1", "1", "--db", db])).stdout).toContain("no summary field differs");
  });

  it("a missing store or run is bad input (exit 2)", async () => {
    const missing = await cli(["runs", "list", "--db", join(dir, "none.db")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no run store at");
    expect((await cli(["runs", "show", "99", "--db", db])).code).toBe(2);
    expect((await cli(["runs", "diff", "1", "x", "--db", db])).code).toBe(2);
  });
});

describe("gigaplan serve refuses", () => {
  it("another host without a token, a short token, and bad flags", async () => {
    const open = await cli(["serve", "--host", "0.0.0.0", "--db", join(dir, "s.db")]);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain("refusing to listen on 0.0.0.0 without a token");
    expect((await cli(["serve", "--host", "0.0.0.0", "--token", "short", "--db", join(dir, "s.db")])).stderr).toContain("at least 16 characters");
    for (const flags of [["--port", "70000"], ["--port", "x"], ["--max-jobs", "0"]]) expect((await cli(["serve", ...flags, "--db", join(dir, "s.db")])).code, flags.join(" ")).toBe(2);
  });
});
