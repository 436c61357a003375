import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseSolarWeather } from "./solar.ts";
import { readSolarWeatherFile } from "../../io/solar-file.ts";
import { AMARILLO_PSM3_2012, PHOENIX_PSM3_TMY, PHOENIX_TMY2, REPO_ROOT, solarWeatherFixture } from "../../../test/helpers/solar-fixtures.ts";

const sum = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);
const bundledText = (name: string): string => gunzipSync(readFileSync(join(REPO_ROOT, "data", "weather", `${name}.gz`))).toString("utf8");

describe("bundled reference weather files", () => {
  // Sums computed with awk over the upstream files (see data/weather/README-solar.md).
  it("reads the Phoenix TMY2 (SAM csv) file", () => {
    const { value: w, diagnostics } = parseSolarWeather(bundledText(PHOENIX_TMY2), PHOENIX_TMY2);
    expect(diagnostics).toEqual([]);
    expect(w).not.toBeNull();
    expect(w!.source).toBe("TMY2");
    expect([w!.latitudeDeg, w!.longitudeDeg, w!.timeZoneHours, w!.elevationM]).toEqual([33.433333, -112.016667, -7, 339]);
    expect(w!.hours).toBe(8760);
    expect(w!.year).toBeNull(); // months from 1961..1990
    expect(w!.yearByRow?.[0]).toBe(1988);
    expect(w!.yearByRow?.[8759]).toBe(1990);
    expect(w!.intervalAveraged).toBe(true);
    expect(w!.minute[0]).toBe(30);
    expect(w!.albedoFraction).toBeNull();
    expect(sum(w!.ghiWPerM2)).toBe(2116976);
    expect(sum(w!.dniWPerM2)).toBe(2518615);
    expect(sum(w!.dhiWPerM2)).toBe(565682);
    // line 4000 of the file: 1973,6,16,12,1058,892,180,32.8,... (row index 3996)
    const i = 3996;
    expect([w!.month[i], w!.day[i], w!.hour[i], w!.ghiWPerM2[i], w!.dniWPerM2[i], w!.dhiWPerM2[i], w!.temperatureC[i], w!.windSpeedMPerS[i], w!.pressureMbar![i]]).toEqual([
      6, 16, 12, 1058, 892, 180, 32.8, 4.1, 973,
    ]);
  });

  it("reads the Phoenix NSRDB PSM3 TMY with its minute and albedo columns", () => {
    const { value: w, diagnostics } = parseSolarWeather(bundledText(PHOENIX_PSM3_TMY), PHOENIX_PSM3_TMY);
    expect(diagnostics).toEqual([]);
    expect(w!.source).toBe("NSRDB PSM3");
    expect([w!.latitudeDeg, w!.longitudeDeg, w!.timeZoneHours, w!.elevationM]).toEqual([33.45, -111.98, -7, 358]);
    expect(w!.intervalAveraged).toBe(false);
    expect(w!.minute.every((m) => m === 30)).toBe(true);
    expect(sum(w!.ghiWPerM2)).toBe(2115088);
    expect(sum(w!.dniWPerM2)).toBe(2677510);
    expect(sum(w!.albedoFraction!)).toBeCloseTo(1611.408, 6);
    // line 4000: 2013,6,16,12,30,DNI 899,DHI 143,GHI 1029,dew 0,T 40,P 960,wdir 265.4,ws 0.6,alb 0.19
    expect([w!.ghiWPerM2[3996], w!.dniWPerM2[3996], w!.dhiWPerM2[3996], w!.temperatureC[3996], w!.windSpeedMPerS[3996], w!.albedoFraction![3996]]).toEqual([
      1029, 899, 143, 40, 0.6, 0.19,
    ]);
  });

  it("reads the Amarillo 2012 PSM3 file (single year, no albedo)", () => {
    const { value: w, diagnostics } = parseSolarWeather(bundledText(AMARILLO_PSM3_2012), AMARILLO_PSM3_2012);
    expect(diagnostics).toEqual([]);
    expect(w!.year).toBe(2012);
    expect([w!.latitudeDeg, w!.longitudeDeg, w!.timeZoneHours, w!.elevationM]).toEqual([35.21, -101.94, -6, 1102]);
    expect(w!.albedoFraction).toBeNull();
    expect(sum(w!.ghiWPerM2)).toBe(2002201);
    expect(sum(w!.dniWPerM2)).toBe(2547159);
  });

  it.each([PHOENIX_TMY2, PHOENIX_PSM3_TMY, AMARILLO_PSM3_2012])("%s: the bundled gzip copy reads like the shared plain file", (name) => {
    const gz = readSolarWeatherFile(join(REPO_ROOT, "data", "weather", `${name}.gz`));
    const located = solarWeatherFixture(name);
    const plain = located?.from === "shared" ? readSolarWeatherFile(located.path) : parseSolarWeather(bundledText(name), name);
    expect(gz.diagnostics).toEqual([]);
    expect(gz.value).toEqual(plain.value);
  });

  it("reports an unreadable file as a diagnostic", () => {
    const r = readSolarWeatherFile(join(REPO_ROOT, "data", "weather", "no-such-file.csv"));
    expect(r.value).toBeNull();
    expect(r.diagnostics[0].severity).toBe("error");
    expect(r.diagnostics[0].message).toBe("cannot read weather file: no such file");
  });
});

describe("malformed files give located diagnostics", () => {
  const text = bundledText(PHOENIX_PSM3_TMY);
  const lines = text.split("\n");
  const withLine = (lineNo: number, edit: (l: string) => string): string => lines.map((l, k) => (k === lineNo - 1 ? edit(l) : l)).join("\n");
  const setField = (l: string, idx: number, v: string): string => l.split(",").map((f, k) => (k === idx ? v : f)).join(",");
  const GHI = 7; // Year,Month,Day,Hour,Minute,DNI,DHI,GHI,...

  it("missing column", () => {
    const r = parseSolarWeather(withLine(3, (l) => l.replace("GHI", "GHX")), "f.csv");
    expect(r.value).toBeNull();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", path: "f.csv:3:ghi", message: expect.stringContaining('missing column "ghi"') }));
  });

  it("non-numeric value with line and column", () => {
    const r = parseSolarWeather(withLine(1204, (l) => setField(l, GHI, "abc")), "f.csv");
    expect(r.value).toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: "error", path: "f.csv:1204:GHI", message: expect.stringContaining('"abc" is not a number') })]);
  });

  it("empty required value", () => {
    const r = parseSolarWeather(withLine(50, (l) => setField(l, GHI, "")), "f.csv");
    expect(r.diagnostics).toEqual([expect.objectContaining({ path: "f.csv:50:GHI", message: '"GHI" is empty' })]);
  });

  it("negative irradiance", () => {
    const r = parseSolarWeather(withLine(4000, (l) => setField(l, 5, "-3")), "f.csv");
    expect(r.value).toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({ path: "f.csv:4000:DNI", message: expect.stringContaining("negative irradiance") })]);
  });

  it("wrong row count", () => {
    const r = parseSolarWeather(lines.filter((_, k) => k !== 500).join("\n"), "f.csv");
    expect(r.value).toBeNull();
    expect(r.diagnostics.some((d) => d.severity === "error" && /expected 8760 hourly rows .* found 8759/.test(d.message))).toBe(true);
  });

  it("rows out of calendar order", () => {
    const swapped = [...lines];
    [swapped[10], swapped[11]] = [swapped[11], swapped[10]];
    const r = parseSolarWeather(swapped.join("\n"), "f.csv");
    expect(r.value).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ path: "f.csv:11", message: expect.stringContaining("expected month 1 day 1 hour 7") });
  });

  it("caps the number of listed errors", () => {
    const bad = lines.map((l, k) => (k >= 3 && k < 203 ? setField(l, GHI, "x") : l)).join("\n");
    const r = parseSolarWeather(bad, "f.csv");
    expect(r.diagnostics).toHaveLength(51);
    expect(r.diagnostics[50].message).toBe("150 more error(s) not listed");
  });

  it("bad header values and unknown formats", () => {
    expect(parseSolarWeather(withLine(2, (l) => setField(l, 5, "north")), "f.csv").diagnostics).toContainEqual(
      expect.objectContaining({ path: "f.csv:2:latitude", message: 'header "latitude" is not a number' }),
    );
    expect(parseSolarWeather("", "e.csv").diagnostics).toEqual([expect.objectContaining({ path: "e.csv", message: "the file is empty" })]);
    expect(parseSolarWeather("a,b\n1,2\n", "x.csv").diagnostics[0].message).toContain("unrecognized solar weather format");
  });

  it("drops February 29 rows of a leap-year file", () => {
    const feb28 = lines.filter((l) => /^\d{4},2,28,/.test(l)).map((l) => l.replace(/^(\d{4}),2,28,/, "$1,2,29,"));
    const idx = lines.findIndex((l) => /^\d{4},3,1,0,/.test(l));
    const leap = [...lines.slice(0, idx), ...feb28, ...lines.slice(idx)].join("\n");
    const r = parseSolarWeather(leap, "leap.csv");
    expect(r.value?.hours).toBe(8760);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: "info", message: expect.stringContaining("dropped 24 rows of February 29") })]);
  });
});
