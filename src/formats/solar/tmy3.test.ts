import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseSolarWeather } from "./solar.ts";
import { PHOENIX_TMY2, REPO_ROOT } from "../../../test/helpers/solar-fixtures.ts";

/** The 68 column names of an NREL TMY3 csv file (TMY3 user's manual, NREL/TP-581-43156, Table 1-1). */
const TMY3_COLUMNS = [
  "Date (MM/DD/YYYY)", "Time (HH:MM)", "ETR (W/m^2)", "ETRN (W/m^2)",
  ...["GHI (W/m^2)", "DNI (W/m^2)", "DHI (W/m^2)", "GH illum (lx)", "DN illum (lx)", "DH illum (lx)", "Zenith lum (cd/m^2)"].flatMap((c) => [c, `${c.split(" (")[0]} source`, `${c.split(" (")[0]} uncert (%)`]),
  ...["TotCld (tenths)", "OpqCld (tenths)", "Dry-bulb (C)", "Dew-point (C)", "RHum (%)", "Pressure (mbar)", "Wdir (degrees)", "Wspd (m/s)", "Hvis (m)", "CeilHgt (m)", "Pwat (cm)", "AOD (unitless)", "Alb (unitless)"].flatMap((c) => [c, `${c.split(" (")[0]} source`, `${c.split(" (")[0]} uncert (code)`]),
  "Lprecip depth (mm)", "Lprecip quantity (hr)", "Lprecip source", "Lprecip uncert (code)",
];

/** Rewrites the Phoenix TMY2 (SAM csv) file in TMY3 layout: hour-ending times 01:00..24:00, albedo column. */
function tmy2AsTmy3(samCsv: string): string {
  const rows = samCsv.trim().split("\n").slice(3).map((l) => l.split(","));
  const col = (name: string) => TMY3_COLUMNS.indexOf(name);
  const out = ['723183,"PHOENIX SKY HARBOR, INTL AP",AZ,-7.0,33.433333,-112.016667,339', TMY3_COLUMNS.join(",")];
  rows.forEach(([year, month, day, hour, ghi, dni, dhi, tdry, , , pres, wspd], k) => {
    const f = TMY3_COLUMNS.map(() => "0");
    f[col("Date (MM/DD/YYYY)")] = `${month.padStart(2, "0")}/${day.padStart(2, "0")}/${year}`;
    f[col("Time (HH:MM)")] = `${String(Number(hour) + 1).padStart(2, "0")}:00`;
    f[col("GHI (W/m^2)")] = ghi;
    f[col("DNI (W/m^2)")] = dni;
    f[col("DHI (W/m^2)")] = dhi;
    f[col("Dry-bulb (C)")] = tdry;
    f[col("Pressure (mbar)")] = pres;
    f[col("Wspd (m/s)")] = wspd;
    f[col("Alb (unitless)")] = k % 100 === 0 ? "-9900" : "0.2"; // TMY3 marks missing values -9900
    out.push(f.join(","));
  });
  return `${out.join("\r\n")}\r\n`;
}

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
