/** `gigaplan profile pv`, in-process. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const TMY2 = `${repo}data/weather/USA_AZ_Phoenix_TMY2.csv.gz`;
const PSM3 = `${repo}data/weather/phoenix_az_33.450495_-111.983688_psmv3_60_tmy.csv.gz`;
// SAM case A (ssc pvwatts_cases.h L67-85); expected annual 7043.1973 kWh (cmod_pvwattsv8_test.cpp L65)
const CASE_A = ["--weather", TMY2, "--system-capacity-kw", "4", "--array-type", "fixed", "--tilt", "20", "--azimuth", "180", "--losses-percent", "14.075660705566406", "--dc-ac-ratio", "1.2000000476837158", "--gcr", "0.4"];

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["profile", "pv", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const withOption = (args: string[], name: string, value: string | null): string[] => {
  const i = args.indexOf(name);
  const rest = [...args.slice(0, i), ...args.slice(i + 2)];
  return value === null ? rest : [...rest, name, value];
};

const dir = mkdtempSync(join(tmpdir(), "gigaplan-pv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("gigaplan profile pv", () => {
  it("reproduces SAM case A in JSON", async () => {
    const r = await cli([...CASE_A, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout);
    expect(Math.abs(j.annualEnergyKwh / 7043.1973 - 1)).toBeLessThan(0.001);
    expect(j.monthlyEnergyKwh).toHaveLength(12);
    expect(j.capacityFactorAcFraction).toBeCloseTo(j.annualEnergyKwh / ((4 / 1.2000000476837158) * 8760), 12);
    expect(j.system).toMatchObject({ arrayType: 0, arrayTypeName: "fixed", moduleType: 0, inverterEfficiencyPercent: 96 });
    expect(j.weather).toMatchObject({ source: "TMY2", latitudeDeg: 33.433333 });
    expect(j.acKw).toBeUndefined();
  });

  it("table format, and --hourly adds the 8760 AC values", async () => {
    const t = await cli(CASE_A);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/annual energy\s+7,04\d\.\d kWh/);
    expect(t.stdout).toMatch(/capacity factor\s+24\.1\d % \(AC\)/);
    const h = await cli([...CASE_A, "--format", "json", "--hourly"]);
    const j = JSON.parse(h.stdout);
    expect(j.acKw).toHaveLength(8760);
    expect(j.acKw.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(j.annualEnergyKwh, 6);
    const th = await cli([...CASE_A, "--hourly"]);
    expect(th.stdout.split("\n").filter((l) => /^\d+,/.test(l))).toHaveLength(8760);
  });

  it("two-axis needs no tilt or azimuth; module type and inverter efficiency options", async () => {
    const base = withOption(withOption(withOption(CASE_A, "--tilt", null), "--azimuth", null), "--array-type", "2-axis");
    const r = await cli([...base, "--format", "json", "--module-type", "thin-film", "--inverter-efficiency-percent", "98"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.system).toMatchObject({ arrayType: 4, moduleType: 2, inverterEfficiencyPercent: 98 });
    expect(j.annualEnergyKwh).toBeGreaterThan(9000);
  });

  it("PSM3 input with a 1-axis backtracking tracker", async () => {
    const args = ["--weather", PSM3, "--system-capacity-kw", "1000", "--array-type", "1-axis-backtrack", "--tilt", "0", "--azimuth", "180", "--losses-percent", "14", "--dc-ac-ratio", "1.3", "--gcr", "0.35", "--format", "json"];
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).capacityFactorAcFraction).toBeGreaterThan(0.25);
  });

  it.each([
    [["--tilt", "abc"], "--tilt", 'must be a number, got "abc"'],
    [["--gcr", "1.5"], "--gcr", "must be between 0.01 and 0.99"],
    [["--system-capacity-kw", "-4"], "--system-capacity-kw", "must be > 0"],
    [["--azimuth", "400"], "--azimuth", "must be between 0 and 360"],
    [["--losses-percent", ""], "--losses-percent", "must be a number"],
  ])("bad value %j exits 2 naming %s", async (change, option, message) => {
    const r = await cli(withOption(CASE_A, change[0], change[1]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`error: ${option}: ${message}`);
  });

  it("missing or invalid options exit 2 with the option name", async () => {
    const noGcr = await cli(withOption(CASE_A, "--gcr", null));
    expect(noGcr.code).toBe(2);
    expect(noGcr.stderr).toContain("--gcr");
    const badType = await cli(withOption(CASE_A, "--array-type", "carousel"));
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain("--array-type");
    const noTilt = await cli(withOption(CASE_A, "--tilt", null));
    expect(noTilt.code).toBe(2);
    expect(noTilt.stderr).toContain("error: --tilt: required for --array-type fixed");
  });

  it("unreadable or malformed weather files exit 2 with the file, line and column", async () => {
    const missing = await cli(withOption(CASE_A, "--weather", join(dir, "nope.csv")));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read weather file: no such file");
    const lines = gunzipSync(readFileSync(TMY2)).toString("utf8").split("\n");
    lines[99] = lines[99].replace(/^(\d+,\d+,\d+,\d+,)\d+/, "$1-5");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, lines.join("\n"));
    const r = await cli(withOption(CASE_A, "--weather", bad));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: bad.csv:100:GHI: negative irradiance");
    expect(r.stdout).toBe("");
  });
});
