import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fieldsOfKind, nearestField, seriesAtHeight } from "../power/profiles/wind/resource.ts";
import { parseSrw } from "./srw.ts";
import { readSrwFile } from "../io/srw-file.ts";

const dataDir = fileURLToPath(new URL("../../data/weather/", import.meta.url));
const CONSTANT = `${dataDir}ssc_test_wind_constant_5ms.srw.gz`;
const AMARILLO = `${dataDir}35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw.gz`;

/** A small SRW text: header lines then `rows` data lines. */
function srw(rows: string[], opts: { line1?: string; names?: string; units?: string; heights?: string } = {}): string {
  return [
    opts.line1 ?? `1,city,TX,USA,2012,35.2,-101.9,1099,-6,${rows.length}`,
    "test file",
    opts.names ?? "Speed,Direction,Temperature,Pressure",
    opts.units ?? "m/s,degrees,C,atm",
    opts.heights ?? "80,80,80,80",
    ...rows,
  ].join("\n");
}

describe("parseSrw on the bundled files", () => {
  it("reads the ssc constant 5 m/s file (8760 rows at 80 m, '??' header values as null)", () => {
    const { value: r, diagnostics } = readSrwFile(CONSTANT);
    expect(r).not.toBeNull();
    expect(r!.hours).toBe(8760);
    expect(r!.heightsM).toEqual([80]);
    expect(r!.elevationM).toBe(758);
    expect(r!.latitudeDeg).toBeNull();
    expect(r!.year).toBeNull();
    expect(diagnostics.every((d) => d.severity === "info")).toBe(true); // "lat??" placeholders
    expect(diagnostics.map((d) => d.path)).toEqual(expect.arrayContaining([expect.stringMatching(/:1:6$/)]));
    const speed = nearestField(r!, "speed", 80)!.values;
    expect(speed.every((v) => v === 5)).toBe(true);
    expect(nearestField(r!, "pressure", 80)!.values[100]).toBe(0.95);
    expect(nearestField(r!, "temperature", 80)!.values[8759]).toBe(15);
    expect(nearestField(r!, "direction", 80)!.values[0]).toBe(180);
  });

  it("reads the Amarillo WIND Toolkit file: two heights, columns by name, first and last rows", () => {
    const { value: r, diagnostics } = readSrwFile(AMARILLO);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "info", path: `${AMARILLO}:1:8` })]); // elevation "Not Available"
    expect(r!.hours).toBe(8760);
    expect(r!.year).toBe(2012);
    expect(r!.latitudeDeg).toBeCloseTo(35.2070121765, 9);
    expect(r!.longitudeDeg).toBeCloseTo(-101.940917969, 9);
    expect(r!.elevationM).toBeNull(); // "Not Available"
    expect(r!.heightsM).toEqual([80, 100]);
    expect(fieldsOfKind(r!, "speed").map((f) => f.heightM)).toEqual([80, 100]);
    expect(nearestField(r!, "speed", 100)!.values[0]).toBe(13.54);
    expect(nearestField(r!, "speed", 80)!.values[8759]).toBe(10.55);
    expect(nearestField(r!, "direction", 100)!.values[8759]).toBe(352.8);
  });
});

describe("height helpers", () => {
  const r = parseSrw(
    srw(["4,10,5,0.9,6,350,4,0.88", "5,100,6,0.9,8,120,5,0.88"], {
      names: "Speed,Direction,Temperature,Pressure,Speed,Direction,Temperature,Pressure",
      units: "m/s,degrees,C,atm,m/s,degrees,C,atm",
      heights: "80,80,80,80,100,100,100,100",
      line1: "1,c,TX,USA,2012,35,-101,1000,-6,2",
    }),
  ).value!;

  it("picks exact, interpolated and nearest series like ssc", () => {
    expect(seriesAtHeight(r, "speed", 80)!.method).toBe("exact");
    const at90 = seriesAtHeight(r, "speed", 90)!;
    expect(at90.method).toBe("interpolated");
    expect(Array.from(at90.values)).toEqual([5, 6.5]);
    expect(seriesAtHeight(r, "speed", 97)!.values[0]).toBeCloseTo(4 + 0.85 * 2, 12);
    const above = seriesAtHeight(r, "speed", 120)!;
    expect(above).toMatchObject({ method: "nearest", heightM: 100 });
    expect(seriesAtHeight(r, "speed", 90, false)!.method).toBe("nearest");
    expect(seriesAtHeight(r, "temperature", 90)!.values[1]).toBeCloseTo(5.5, 12);
  });

  it("interpolates direction across north", () => {
    const dir = seriesAtHeight(r, "direction", 90)!.values;
    expect(dir[0]).toBeCloseTo(0, 9); // 10° at 80 m, 350° at 100 m → north at 90 m
    expect(dir[1]).toBeCloseTo(110, 9);
  });
});

describe("parseSrw units and errors", () => {
  it("converts pressure in Pa/kPa/mbar and temperature in K to atm and °C", () => {
    const r = parseSrw(srw(["5,180,288.15,101325"], { units: "m/s,deg,K,Pa" })).value!;
    expect(nearestField(r, "pressure", 80)!.values[0]).toBeCloseTo(1, 12);
    expect(nearestField(r, "temperature", 80)!.values[0]).toBeCloseTo(15, 12);
    expect(nearestField(parseSrw(srw(["5,180,15,96.26"], { units: "m/s,deg,C,kPa" })).value!, "pressure", 80)!.values[0]).toBeCloseTo(0.95, 3);
    expect(nearestField(parseSrw(srw(["5,180,15,1013.25"], { units: "m/s,deg,C,mbar" })).value!, "pressure", 80)!.values[0]).toBeCloseTo(1, 12);
  });

  it("reports a bad cell with line and column, and never fills zeros", () => {
    const out = parseSrw(srw(["5,180,15,0.95", "abc,180,15,0.95", "5,180,,0.95"]), "bad.srw");
    expect(out.value).toBeNull();
    expect(out.diagnostics).toEqual([
      { path: "bad.srw:7:1", severity: "error", message: 'Speed at 80 m: "abc" is not a number' },
      { path: "bad.srw:8:3", severity: "error", message: 'Temperature at 80 m: "" is not a number' },
    ]);
  });

  it("rejects short rows, unknown fields, bad units, bad heights, missing kinds and truncation", () => {
    const path = (t: string): string[] => parseSrw(t, "f.srw").diagnostics.filter((d) => d.severity === "error").map((d) => d.path);
    expect(path(srw(["5,180,15"]))).toEqual(["f.srw:6"]);
    expect(path(srw(["5,180,15,1"], { names: "Speed,Direction,Humidity,Pressure" }))).toEqual(["f.srw:3:3"]);
    expect(path(srw(["5,180,15,1"], { units: "mph,degrees,C,atm" }))).toEqual(["f.srw:4:1"]);
    expect(path(srw(["5,180,15,1"], { heights: "80,80,x,80" }))).toEqual(["f.srw:5:3"]);
    expect(path(srw(["5,180,15,1"], { heights: "80,80,80" }))).toEqual(["f.srw:5"]);
    expect(path(srw(["5,180,1"], { names: "Speed,Direction,Temperature", units: "m/s,deg,C", heights: "80,80,80" }))).toEqual(["f.srw:3"]);
    expect(path(srw(["5,180,15,1"], { line1: "1,c,TX,USA,2012,35,-101,1000,-6,8760" }))).toEqual(["f.srw:1:10"]);
    expect(path(srw(["5,180,15,1"], { line1: "1,c,TX" }))).toEqual(["f.srw:1"]);
    expect(path("only\nthree\nlines")).toEqual(["f.srw"]);
  });

  it("rejects out-of-range speeds and temperatures (ssc limits) and warns on implausible pressure", () => {
    const bad = parseSrw(srw(["-1,180,15,0.95", "5,180,150,0.95"]), "r.srw");
    expect(bad.diagnostics.map((d) => d.path)).toEqual(["r.srw:6:1", "r.srw:7:3"]);
    const pa = parseSrw(srw(["5,180,15,95000"]), "p.srw");
    expect(pa.value).not.toBeNull();
    expect(pa.diagnostics).toEqual([expect.objectContaining({ severity: "warning", path: "p.srw:6" })]);
  });

  it("caps the number of listed cell errors", () => {
    const rows = Array.from({ length: 50 }, () => "x,180,15,0.95");
    const ds = parseSrw(srw(rows)).diagnostics;
    expect(ds).toHaveLength(21);
    expect(ds[20].message).toContain("30 more");
  });

  it("warns about a header value that is neither a number nor a placeholder", () => {
    const ds = parseSrw(srw(["5,180,15,0.95"], { line1: "1,c,TX,USA,2012,north,-101,1000,-6,1" }), "h.srw").diagnostics;
    expect(ds).toEqual([{ path: "h.srw:1:6", severity: "warning", message: 'latitude "north" is not a number; latitude unknown' }]);
  });

  it("accepts CRLF line endings, trailing blank lines and trailing empty columns", () => {
    const text = `${srw(["5,180,15,0.95,", "6,190,16,0.96,"], { names: "Speed,Direction,Temperature,Pressure,", units: "m/s,deg,C,atm,", heights: "80,80,80,80," }).replace(/\n/g, "\r\n")}\r\n\r\n`;
    const out = parseSrw(text);
    expect(out.diagnostics).toEqual([]);
    expect(Array.from(nearestField(out.value!, "speed", 80)!.values)).toEqual([5, 6]);
  });
});
