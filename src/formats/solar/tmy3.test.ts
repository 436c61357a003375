import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseSolarWeather } from "./solar.ts";
import { PHOENIX_TMY2, REPO_ROOT } from "../../../test/helpers/solar-fixtures.ts";
import { TMY3_COLUMNS, tmy2AsTmy3 } from "../../../test/helpers/weather-layouts.ts";

const samCsv = gunzipSync(readFileSync(join(REPO_ROOT, "data", "weather", `${PHOENIX_TMY2}.gz`))).toString("utf8");

describe("TMY3 reader", () => {
  const tmy2 = parseSolarWeather(samCsv, PHOENIX_TMY2).value!;
  const text = tmy2AsTmy3(samCsv);

  it("has the 68 TMY3 columns", () => expect(TMY3_COLUMNS).toHaveLength(68));

  it("reads the same hours as the SAM csv version of the same data", () => {
    const { value: w, diagnostics } = parseSolarWeather(text, "phoenix.tmy3.csv");
    expect(diagnostics).toEqual([]);
    expect(w!.source).toBe("TMY3");
    expect([w!.latitudeDeg, w!.longitudeDeg, w!.timeZoneHours, w!.elevationM]).toEqual([33.433333, -112.016667, -7, 339]);
    expect(w!.intervalAveraged).toBe(true);
    for (const k of ["month", "day", "hour", "minute", "ghiWPerM2", "dniWPerM2", "dhiWPerM2", "temperatureC", "windSpeedMPerS", "pressureMbar", "yearByRow"] as const) {
      expect(w![k], k).toEqual(tmy2[k]);
    }
    expect(w!.albedoFraction![0]).toBe(-9900); // kept as read; the PV model treats values outside (0, 1) as unknown
    expect(w!.albedoFraction![1]).toBe(0.2);
  });

  it("locates a bad time and a bad date", () => {
    const lines = text.split("\r\n");
    lines[9] = lines[9].replace(/,\d\d:00,/, ",25:00,");
    lines[20] = lines[20].replace(/^\d\d\/\d\d\/\d{4}/, "1988-01-01");
    const r = parseSolarWeather(lines.join("\n"), "t.csv");
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => d.path)).toEqual(["t.csv:10:Time (HH:MM)", "t.csv:21:Date (MM/DD/YYYY)"]);
  });

  it("reports a missing column and a bad station line", () => {
    const lines = text.split("\r\n");
    lines[0] = '723183,"PHOENIX",AZ,minus seven,33.4,-112.0,339';
    lines[1] = lines[1].replace("Wspd (m/s)", "Wind");
    const r = parseSolarWeather(lines.join("\n"), "t.csv");
    expect(r.diagnostics.map((d) => d.path)).toEqual(["t.csv:1:time zone", "t.csv:2:wspd (m/s)"]);
  });
});
