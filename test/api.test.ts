/**
 * The public API reproduces the command line: examples/api.ts (which imports only src/index.ts) and the real
 * CLI, each in its own process, give byte-identical JSON for `run`, `optimize-power` and `check-claims` of the
 * Meta scenario (the same weather and grid files read, the same model run).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const META = "scenarios/meta-600b.yaml";

function node(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const viaCli = (args: string[]) => node(["bin/gigaplan.js", ...args]);
const viaApi = (args: string[]) => node(["--import", "tsx", "examples/api.ts", ...args]);

describe("examples/api.ts (the public API only) reproduces the CLI", () => {
  it("imports nothing of gigaplan but src/index.ts", () => {
    const imports = [...readFileSync(join(ROOT, "examples/api.ts"), "utf8").matchAll(/from "(\.[^"]+)"/g)].map((m) => m[1]);
    expect(imports).toEqual(["../src/index.ts"]);
  });

  it("run: the same JSON result, hourly power included", () => {
    const cli = viaCli(["run", META, "--format", "json"]);
    const api = viaApi(["run", META]);
    expect(cli.code).toBe(0);
    expect(api.code, api.stderr).toBe(0);
    expect(api.stdout).toBe(cli.stdout);
    expect(JSON.parse(api.stdout).summary.power.sites.length).toBeGreaterThan(0);
  });

  it("optimize-power: the same optimal portfolio and metrics", () => {
    const cli = viaCli(["optimize-power", META, "--site", "El Paso", "--representative-weeks", "4", "--format", "json"]);
    const api = viaApi(["optimize-power", META, "El Paso", "4"]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(api.code, api.stderr).toBe(0);
    expect(api.stdout).toBe(cli.stdout);
    expect(JSON.parse(api.stdout).capacities).not.toBeNull();
  });

  it("check-claims: the same judgments from the same model run", () => {
    const cli = viaCli(["check-claims", "--scenario", META, "--format", "json"]);
    const api = viaApi(["check-claims", META]);
    expect(cli.code).toBe(0);
    expect(api.code, api.stderr).toBe(0);
    expect(api.stdout).toBe(cli.stdout);
    expect(JSON.parse(api.stdout).judgments).toHaveLength(29);
  });
});
