/** `gigaplan profile wind`, in-process. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const CONSTANT = `${repo}data/weather/ssc_test_wind_constant_5ms.srw.gz`;
const AMARILLO = `${repo}data/weather/35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw.gz`;
const CURVE = `${repo}data/wind/ssc_windpower_test_powercurve_1500kW.csv`;
const LAYOUT = `${repo}data/wind/ssc_windpower_test_layout_32turbines.csv`;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["profile", "wind", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe("gigaplan profile wind", () => {
  it("reproduces SAM case C in JSON (32 × 1.5 MW, layout file)", async () => {
    const r = await cli(["--weather", CONSTANT, "--turbines", "32", "--hub-height-m", "80", "--layout", LAYOUT, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(""); // the "lat??" placeholders are info, not shown
    const j = JSON.parse(r.stdout);
    expect(Math.abs(j.annualEnergyKwh - 33_224_154)).toBeLessThan(10);
    expect(j.wakeLossPercent).toBeCloseTo(1.546, 3);
    expect(j.monthlyEnergyKwh).toHaveLength(12);
    expect(j.capacityFactorFraction).toBeCloseTo(j.annualEnergyKwh / (48_000 * 8760), 12);
    expect(j.hourlyNetKw).toBeUndefined();
    expect(j.schemaVersion).toBe(1);
  });

  it("defaults: bundled power curve, rotor 77 m, staggered layout = the ssc layout; --hourly adds 8760 values", async () => {
    const r = await cli(["--weather", CONSTANT, "--turbines", "32", "--hub-height-m", "80", "--format", "json", "--hourly"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Math.abs(j.annualEnergyKwh - 33_224_154)).toBeLessThan(10);
    expect(j.hourlyNetKw).toHaveLength(8760);
    expect(j.hourlyNetKw.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(j.annualEnergyKwh, 3);
  });

  it("losses, shear from the nearest height and the table format", async () => {
    const json = await cli(["--weather", AMARILLO, "--turbines", "10", "--hub-height-m", "120", "--losses-percent", "10", "--format", "json"]);
    expect(json.code, json.stderr).toBe(0);
    const j = JSON.parse(json.stdout);
    expect(j.shearExponentApplied).toBe(0.14);
    expect(j.otherLossesPercent).toBeCloseTo(10, 12);
    expect(j.capacityFactorFraction).toBeGreaterThan(0.3);
    const table = await cli(["--weather", AMARILLO, "--turbines", "10", "--hub-height-m", "120", "--losses-percent", "10", "--power-curve", CURVE, "--rotor-diameter-m", "77"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("capacity factor");
    expect(table.stdout).toContain(`${(j.capacityFactorFraction * 100).toFixed(2)} %`);
    expect(table.stdout.split("\n").filter((l) => /^(Jan|Dec) /.test(l))).toHaveLength(2);
  });

  it.each([
    [["--turbines", "abc"], "--turbines"],
    [["--turbines", "2.5"], "--turbines"],
    [["--shear", "2"], "--shear"],
    [["--hub-height-m", "-1"], "--hub-height-m"],
    [["--losses-percent", "120"], "--losses-percent"],
    [["--power-curve", CURVE], "--rotor-diameter-m"],
    [["--wake-model", "constant"], "--wake-loss-percent"],
    [["--layout", LAYOUT, "--turbines", "30"], "--turbines"],
  ])("bad option %j → exit 2 naming %s, nothing on stdout", async (extra, option) => {
    const base = ["--weather", CONSTANT, "--turbines", "32", "--hub-height-m", "80"];
    const r = await cli([...base, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`error: ${option}:`);
    expect(r.stderr).toContain("nothing was written");
  });

  it("commander-level problems (missing required option, unknown choice) also exit 2 with the option name", async () => {
    const missing = await cli(["--turbines", "3", "--hub-height-m", "80"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--weather");
    const choice = await cli(["--weather", CONSTANT, "--turbines", "3", "--hub-height-m", "80", "--format", "xml"]);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain("--format");
  });

  it("an unreadable weather file and a hub too far from the measurements are input errors", async () => {
    const gone = await cli(["--weather", `${repo}data/weather/nope.srw`, "--turbines", "3", "--hub-height-m", "80"]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain("nope.srw: cannot read file");
    const far = await cli(["--weather", CONSTANT, "--turbines", "3", "--hub-height-m", "140"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain("more than 35 m");
  });
});
