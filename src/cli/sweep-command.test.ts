/** Issue 15 item 18: sweep, diff and init from the command line (in process, real model runs). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";
import type { Io } from "./io.ts";

const META = new URL("../../scenarios/meta-600b.yaml", import.meta.url).pathname;
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("sweep", () => {
  it("runs the cartesian product; facility energy scales with PUE, NPV rises with the compute price", async () => {
    const r = await cli(["sweep", META, "--set", "facility.pue=1.08,1.2", "--set", "economics.revenueUsdPerPflopSYear=12e3,17000", "--format", "json"]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.schemaVersion).toBe(1);
    expect(rep.parameters).toEqual(["facility.pue", "economics.revenueUsdPerPflopSYear"]);
    expect(rep.cases.map((c: { values: Record<string, number> }) => Object.values(c.values))).toEqual([[1.08, 12000], [1.08, 17000], [1.2, 12000], [1.2, 17000]]);
    const e = rep.cases.map((c: { outputs: { facilityEnergyMwhAtPlanEnd: number } }) => c.outputs.facilityEnergyMwhAtPlanEnd);
    expect(e[2] / e[0]).toBeCloseTo(1.2 / 1.08, 9);
    expect(rep.cases[1].outputs.npvUsd).toBeGreaterThan(rep.cases[0].outputs.npvUsd);
    expect(rep.cases[0].outputs.capexUsdTotal).toBe(rep.cases[3].outputs.capexUsdTotal);
  });
  it("a value beyond a schema bound is a refused case with its path; a bad path or value is exit 2", async () => {
    const r = await cli(["sweep", META, "--set", "facility.pue=1.1,9", "--format", "json"]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.cases[0].outputs).not.toBeNull();
    expect(rep.cases[1].outputs).toBeNull();
    expect(rep.cases[1].diagnostics[0].path).toBe("facility.pue");
    for (const bad of [["--set", "facility.nosuch=1"], ["--set", "facility.pue=1.1,x"], ["--set", "__proto__.x=1"], ["--set", "facility.pue"], []]) {
      const b = await cli(["sweep", META, ...bad]);
      expect(b.code, bad.join(" ")).toBe(2);
      expect(b.stdout).toBe("");
    }
  });
  it("--hourly reads the sites' weather and grid files as run does: the case at the scenario's own value gives run's NPV", async () => {
    const run = JSON.parse((await cli(["run", META, "--format", "json"])).stdout);
    const r = await cli(["sweep", META, "--set", "facility.pue=1.08,1.2", "--hourly", "--format", "json"]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    // energy priced by the dispatch on the files (without them the sweep's NPV was off by ~$5B)
    expect(rep.cases[0].outputs.npvUsd).toBeCloseTo(run.summary.npvUsd, -3);
    expect(rep.cases[1].outputs.npvUsd).toBeLessThan(rep.cases[0].outputs.npvUsd);
  });
  it("refuses more than 1,000 cases without --force, naming the count", async () => {
    const many = Array.from({ length: 40 }, (_, i) => 1.05 + i * 0.001).join(",");
    const r = await cli(["sweep", META, "--set", `facility.pue=${many}`, "--set", `facility.utilizationFraction=${Array.from({ length: 30 }, (_, i) => 0.5 + i * 0.01).join(",")}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("1,200 cases");
  });
});

describe("diff", () => {
  it("of a scenario against itself: no input differs and every output change is 0", async () => {
    const r = await cli(["diff", META, META, "--format", "json"]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.inputs).toEqual([]);
    for (const o of rep.outputs) if (o.change !== null) expect(o.change).toBe(0);
  });
  it("--hourly: each side read with its own files, so a scenario against itself gives run's NPV on both sides", async () => {
    const run = JSON.parse((await cli(["run", META, "--format", "json"])).stdout);
    const rep = JSON.parse((await cli(["diff", META, META, "--hourly", "--format", "json"])).stdout);
    const npv = rep.outputs.find((o: { output: string }) => o.output === "npvUsd");
    expect(npv.a).toBeCloseTo(run.summary.npvUsd, -3);
    expect(npv.change).toBe(0);
  });
  it("names the changed input with both values and the output changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gigaplan-diff-"));
    const b = join(dir, "b.yaml");
    writeFileSync(b, readFileSync(META, "utf8").replace("itPowerMw: 1000\n", "itPowerMw: 950\n"));
    const r = await cli(["diff", META, b, "--format", "json"]);
    const rep = JSON.parse(r.stdout);
    expect(rep.inputs).toEqual([{ path: "sites[0].phases[0].itPowerMw", a: 1000, b: 950 }]);
    expect(rep.outputs.find((o: { output: string }) => o.output === "capexUsdTotal").change).toBeLessThan(0);
  });
});

describe("init", () => {
  it.each(["minimal", "meta"])("the %s template validates and keeps its comments", async (template) => {
    const dir = mkdtempSync(join(tmpdir(), "gigaplan-init-"));
    const file = join(dir, "s.yaml");
    expect((await cli(["init", "--template", template, file])).code).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^#/m);
    const v = await cli(["validate", file]);
    expect(v.code).toBe(0);
    expect(v.stdout + v.stderr).toContain("valid");
    const again = await cli(["init", file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");
  });
  it("without FILE prints the template", async () => {
    const r = await cli(["init"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("program:");
  });
});
