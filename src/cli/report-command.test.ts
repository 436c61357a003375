/** End-to-end tests of `gigaplan report` through `main(argv, io)`: the file written, what it holds, bad input. */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHARTS_SCENARIO } from "../../test/helpers/chart-inputs.ts";
import { chartIds } from "../visual.ts";
import { main } from "./main.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const d = mkdtempSync(join(tmpdir(), "gigaplan-report-"));
  dirs.push(d);
  return d;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe("gigaplan report", () => {
  it("writes one self-contained HTML file with every chart, the scenario's SHA-256 and the seed", async () => {
    const dir = fresh();
    const out = join(dir, "nested", "report.html");
    const r = await cli(["report", CHARTS_SCENARIO, "--out", out, "--simulate", "96", "--compare", "96", "--seed", "3", "--workers", "1"]);
    expect(r.stderr).toContain("warning: sites[0].phases[1]: Alpha/A2 online 6 month(s) later than requested (interconnection)");
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(r.stdout).toBe(`wrote ${out} (${Buffer.byteLength(html).toLocaleString("en-US")} bytes)\n`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    // nothing is loaded over the network: no http(s) URL in the src or href of link, script or img (anchors to sources may link out)
    expect(html).not.toMatch(/<(?:link|script|img)\b[^>]*\b(?:src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?https?:/i);
    for (const id of chartIds()) expect(html, id).toContain(`id="chart-${id}"`);
    const sha = createHash("sha256").update(readFileSync(CHARTS_SCENARIO)).digest("hex");
    expect(html).toContain(sha);
    expect(html).toContain("96 samples, method mc, seed 3");
    expect(html).toContain("96 demand paths, method lhs, seed 3");
    expect(html).toMatch(/<dt>gigaplan version<\/dt><dd>\d+\.\d+\.\d+/);
    expect(readdirSync(join(dir, "nested"))).toEqual(["report.html"]);
  }, 120_000);

  it("without --simulate/--compare: the run and its hours only; --site and --year choose the hours", async () => {
    const out = join(fresh(), "r.html");
    const r = await cli(["report", CHARTS_SCENARIO, "--out", out, "--site", "Beta", "--year", "2030"]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Hour by hour: Beta, 2030");
    expect(html).not.toContain('id="chart-mc-fan"');
    expect(html).not.toContain('id="chart-strategy-cost"');
  }, 60_000);

  it("bad input: exit 2, every problem with its path, nothing written", async () => {
    const dir = fresh();
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, readFileSync(CHARTS_SCENARIO, "utf8").replace("itPowerMw: 200", "itPowerMw: -5"));
    const out = join(dir, "report.html");
    const r = await cli(["report", bad, "--out", out, "--simulate", "50"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: sites[0].phases[0].itPowerMw:");
    expect(r.stderr.match(/error: sites\[0\]\.phases\[0\]\.itPowerMw/g)).toHaveLength(1);
    expect(existsSync(out)).toBe(false);

    const flags = await cli(["report", CHARTS_SCENARIO, "--out", join(dir, "r.txt"), "--simulate", "x", "--site", "Gamma"]);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain("error: --out: must end in .html");
    expect(flags.stderr).toContain('error: --simulate: must be an integer ≥ 1 (got "x")');
    const site = await cli(["report", CHARTS_SCENARIO, "--out", out, "--site", "Gamma"]);
    expect(site.code).toBe(2);
    expect(site.stderr).toContain('error: --site: "Gamma" has no hours dispatched in this run (sites with a power block and load: Alpha, Beta)');
    const missing = await cli(["report", join(dir, "nope.yaml"), "--out", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/error: .*nope\.yaml: cannot read scenario: no such file$/m);
    expect(readdirSync(dir)).toEqual(["bad.yaml"]);
  }, 60_000);
});
