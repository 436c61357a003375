import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseSolarWeather } from "./solar.ts";
import { simulatePv } from "../../power/profiles/pv/simulate.ts";
import type { PvSystem } from "../../power/profiles/pv/system.ts";
import { readTextFile } from "../../io/read-text-file.ts";
import { PHOENIX_TMY2, REPO_ROOT, SHARED_VALIDATION_DIR } from "../../../test/helpers/solar-fixtures.ts";
import { tmy2AsEpw, tmy2AsTmy3 } from "../../../test/helpers/weather-layouts.ts";

const samCsv = gunzipSync(readFileSync(join(REPO_ROOT, "data", "weather", `${PHOENIX_TMY2}.gz`))).toString("utf8");
const tmy3 = parseSolarWeather(tmy2AsTmy3(samCsv), "phoenix.tmy3.csv").value!;
const epwText = tmy2AsEpw(samCsv);
const system: PvSystem = {
  systemCapacityKw: 1000, arrayType: 2, tiltDeg: 0, azimuthDeg: 180, lossesPercent: 14, dcAcRatio: 1.3, gcr: 0.35,
  inverterEfficiencyPercent: 96, moduleType: 0,
};

describe("EPW reader", () => {
  it("reads the same hours as the TMY3 file of the same data (Wh/m2 = W/m2 hour means, Pa → mbar)", () => {
    const { value: w, diagnostics } = parseSolarWeather(epwText, "phoenix.epw");
    expect(diagnostics).toEqual([]);
    expect(w!.source).toBe("EPW (TMY3)");
    expect([w!.latitudeDeg, w!.longitudeDeg, w!.timeZoneHours, w!.elevationM]).toEqual([33.433333, -112.016667, -7, 339]);
    expect(w!.intervalAveraged).toBe(true);
    expect(w!.albedoFraction).toBeNull(); // every row holds the missing marker 999
    for (const k of ["month", "day", "hour", "minute", "ghiWPerM2", "dniWPerM2", "dhiWPerM2", "temperatureC", "windSpeedMPerS", "yearByRow"] as const)
      expect(w![k], k).toEqual(tmy3[k]);
    for (let h = 0; h < 8760; h++) expect(w!.pressureMbar![h]).toBeCloseTo(tmy3.pressureMbar![h], 9);
  });

  it("gives the PV result of the TMY3 file it was made from, within 0.5 % (here: equal)", () => {
    const fromEpw = simulatePv(parseSolarWeather(epwText, "phoenix.epw").value!, system);
    const fromTmy3 = simulatePv(tmy3, system);
    expect(fromTmy3.annualEnergyKwh).toBeGreaterThan(1.5e6);
    expect(Math.abs(fromEpw.annualEnergyKwh / fromTmy3.annualEnergyKwh - 1)).toBeLessThan(0.005);
    expect(fromEpw.annualEnergyKwh).toBeCloseTo(fromTmy3.annualEnergyKwh, 3);
  });

  it("names the line and field of a missing value, a bad number and a short row", () => {
    const lines = epwText.split("\r\n");
    const f = lines[20].split(",");
    f[13] = "9999"; // missing-value marker of Global Horizontal Radiation
    lines[20] = f.join(",");
    const g = lines[30].split(",");
    g[6] = "warm";
    lines[30] = g.join(",");
    lines[40] = lines[40].split(",").slice(0, 10).join(",");
    const r = parseSolarWeather(lines.join("\n"), "t.epw");
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => d.path)).toEqual(["t.epw:21:Global Horizontal Radiation", "t.epw:31:Dry Bulb Temperature", "t.epw:41"]);
    expect(r.diagnostics[0].message).toMatch(/missing/);
    expect(r.diagnostics[1].message).toMatch(/"warm" is not a number/);
    expect(r.diagnostics[2].message).toMatch(/10 fields/);
  });

  it("rejects a bad LOCATION line, a negative irradiance, an hour out of range and a missing day", () => {
    const lines = epwText.split("\r\n");
    const bad = [...lines];
    bad[0] = "LOCATION,X,AZ,USA,TMY3,1,north,-112,-7,339";
    expect(parseSolarWeather(bad.join("\n"), "t.epw").diagnostics.map((d) => d.path)).toEqual(["t.epw:1:Latitude"]);
    const neg = [...lines];
    const f = neg[20].split(",");
    f[14] = "-5";
    neg[20] = f.join(",");
    const h = neg[25].split(",");
    h[3] = "25";
    neg[25] = h.join(",");
    const r = parseSolarWeather(neg.join("\n"), "t.epw");
    expect(r.diagnostics.map((d) => d.path)).toEqual(["t.epw:21:Direct Normal Radiation", "t.epw:26:Hour"]);
    const short = lines.filter((_, i) => i < 8 || i >= 8 + 24); // drops January 1
    const s = parseSolarWeather(short.join("\n"), "t.epw");
    expect(s.value).toBeNull();
    expect(s.diagnostics.at(-1)!.message).toMatch(/expected 8760 hourly rows/);
  });
});

/**
 * Real files: an EPW and the NREL TMY3 csv it was made from (same WMO/USAF number), when the shared validation
 * directory holds such a pair (e.g. `USA_..._723170_TMY3.epw` with `723170TYA.CSV`).
 */
describe("EPW = TMY3 on real station files", () => {
  const dir = join(SHARED_VALIDATION_DIR, "weather");
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const pairs = names.flatMap((epw) => {
    const wmo = /\.(\d{6})_TMY3\.epw$/i.exec(epw)?.[1];
    const csv = wmo ? names.find((n) => n.toUpperCase() === `${wmo}TYA.CSV`) : undefined;
    return csv ? [[epw, csv] as const] : [];
  });
  it.skipIf(pairs.length === 0)(`PV from each EPW within 0.5 % of its TMY3 source (${pairs.length} pair(s) in ${dir}; none: skipped)`, () => {
    for (const [epw, csv] of pairs) {
      const a = parseSolarWeather(readTextFile(join(dir, epw)).value!, epw).value!;
      const b = parseSolarWeather(readTextFile(join(dir, csv)).value!, csv).value!;
      const ratio = simulatePv(a, system).annualEnergyKwh / simulatePv(b, system).annualEnergyKwh;
      expect(Math.abs(ratio - 1), epw).toBeLessThan(0.005);
    }
  });
});
