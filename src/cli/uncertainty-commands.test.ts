/**
 * End-to-end tests of `simulate`, `merge` and `compare` through `main(argv, io)`: exit codes, diagnostics with
 * paths, all-or-nothing output, and shards merged into the same bytes as one run.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { SMALL_UNCERTAIN, uncertainScenarioInput } from "../../test/helpers/uncertain.ts";
import { main } from "./main.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const d = mkdtempSync(join(tmpdir(), "gigaplan-mc-"));
  dirs.push(d);
  return d;
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

function scenarioFile(dir: string, uncertain: Record<string, unknown>): string {
  const file = join(dir, "s.yaml");
  writeFileSync(file, stringify(uncertainScenarioInput(uncertain)));
  return file;
}

describe("gigaplan simulate / merge", () => {
  it("--sobol-indices N adds variance-based indices to the JSON report; a bad N is exit 2 naming the flag", async () => {
    const dir = fresh();
    const file = scenarioFile(dir, SMALL_UNCERTAIN);
    const r = await run(["simulate", file, "--iterations", "16", "--workers", "1", "--sobol-indices", "32", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const sobol = JSON.parse(r.stdout).sensitivity.sobol;
    expect(sobol).toMatchObject({ baseSamples: 32, evaluations: 32 * 7, inputsIndependentInScenario: false });
    expect(Object.keys(sobol.indices.npvUsd)).toHaveLength(5);
    const bad = await run(["simulate", file, "--iterations", "16", "--sobol-indices", "5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sobol-indices/);
  });

  it("bad paths and options: exit 2, each problem with its path, nothing written", async () => {
    const dir = fresh();
    const file = scenarioFile(dir, { "sites[4].phases[0].itPowerMw": { dist: "uniform", min: 1, max: 2 }, "facility.pue": { dist: "triangular", min: 1.1, mode: 1.0, max: 1.2 } });
    const r = await run(["simulate", file, "--iterations", "10", "--shard", "2/2", "--out", join(dir, "x.parquet")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: uncertain["sites[4].phases[0].itPowerMw"]: sites has 2 item(s): index 4 does not exist');
    expect(r.stderr).toContain('error: uncertain["facility.pue"].mode: must lie within [min, max]');
    expect(readdirSync(dir)).toEqual(["s.yaml"]);
    const bad = await run(["simulate", scenarioFile(dir, SMALL_UNCERTAIN), "--shard", "2/2", "--out", join(dir, "x.txt")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error: --shard: must be k\/n with n ≥ 1 and 0 ≤ k < n/);
    expect(bad.stderr).toMatch(/error: --out: must end in .parquet or .csv/);
  });

  it("shards merged with `gigaplan merge` are byte-identical to one run; reports and CSV", async () => {
    const dir = fresh();
    const file = scenarioFile(dir, SMALL_UNCERTAIN);
    const common = ["--iterations", "30", "--seed", "9", "--method", "sobol", "--workers", "1", "--no-progress"];
    const whole = await run(["simulate", file, ...common, "--out", join(dir, "whole.parquet"), "--format", "json"]);
    expect(whole.code).toBe(0);
    const report = JSON.parse(whole.stdout);
    expect(report.iterations).toBe(30);
    expect(report.sensitivity.tornado.bars.npvUsd).toHaveLength(5);
    for (const k of [0, 1]) expect((await run(["simulate", file, ...common, "--shard", `${k}/2`, "--out", join(dir, `part-${k}.parquet`)])).code).toBe(0);
    const merged = await run(["merge", join(dir, "part-1.parquet"), join(dir, "part-0.parquet"), "--out", join(dir, "merged.parquet")]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("Monte Carlo: 30 iterations, method sobol, seed 9, samples all");
    expect(readFileSync(join(dir, "merged.parquet")).equals(readFileSync(join(dir, "whole.parquet")))).toBe(true);
    // with the scenario, the merged report is the single run's report in full (base values, tornado, planned MW)
    const full = await run(["merge", join(dir, "part-0.parquet"), join(dir, "part-1.parquet"), "--scenario", file, "--format", "json"]);
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout)).toEqual(report);
    const other = scenarioFile(fresh(), { ...SMALL_UNCERTAIN, "facility.utilizationFraction": { dist: "uniform", min: 0.5, max: 0.9 } });
    const wrong = await run(["merge", join(dir, "part-0.parquet"), join(dir, "part-1.parquet"), "--scenario", other]);
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toContain("is not the scenario the parts were simulated from");
    // a missing shard is an error and nothing is written
    const partial = await run(["merge", join(dir, "part-1.parquet"), "--out", join(dir, "partial.parquet")]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain("samples 0…14 are missing");
    expect(existsSync(join(dir, "partial.parquet"))).toBe(false);
    const csv = await run(["simulate", file, ...common, "--out", join(dir, "s.csv")]);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, "s.csv"), "utf8").trim().split("\n")).toHaveLength(31);
  }, 60_000);
});

describe("gigaplan compare", () => {
  it("prints expected cost, regret and the newsvendor curve; needs a demand model", async () => {
    const dir = fresh();
    const demand = { startMonth: "2025-01", endYear: 2029, initialItMw: 100, growthFractionPerYear: { dist: "triangular", min: 0, mode: 0.3, max: 0.8 }, volatilityFractionPerYear: 0.1 };
    const ok = await run(["compare", scenarioFile(dir, { demand }), "--paths", "200", "--strategies", "aggressive,staged,just-in-time"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/aggressive\s+\$/);
    expect(ok.stdout).toContain("Asymmetric bet (newsvendor)");
    const json = JSON.parse((await run(["compare", scenarioFile(dir, { demand }), "--paths", "50", "--format", "json"])).stdout);
    expect(json.strategies.map((s: { name: string }) => s.name)).toEqual(["aggressive", "staged", "just-in-time"]);
    const none = await run(["compare", scenarioFile(dir, {}), "--strategies", "aggressive,yolo"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("error: uncertain.demand:");
    expect(none.stderr).toContain('error: --strategies: unknown strategy "yolo"');
  });
});
