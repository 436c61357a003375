import { describe, expect, it } from "vitest";
import { referenceData } from "../../../data/index.ts";
import { hubHeightWind } from "./hub-height.ts";
import type { WindField, WindFieldKind, WindResource } from "./resource.ts";

const model = referenceData.windModel;

function resource(hours: number, heightsM: number[], speed: (h: number, heightM: number) => number = () => 7): WindResource {
  const fields: WindField[] = [];
  for (const heightM of heightsM) {
    const make = (kind: WindFieldKind, f: (h: number) => number): WindField => ({ kind, heightM, values: Float64Array.from({ length: hours }, (_, h) => f(h)) });
    fields.push(make("speed", (h) => speed(h, heightM)), make("direction", () => 200), make("temperature", () => 10), make("pressure", () => 0.9));
  }
  return { latitudeDeg: 35, longitudeDeg: -100, elevationM: 1000, year: 2021, timeZoneHours: -6, locationId: "t", description: "", hours, heightsM, fields };
}

describe("hubHeightWind", () => {
  it("uses the hub-height column as is", () => {
    const out = hubHeightWind(resource(8760, [80]), 80, 0.14, model);
    expect(out.value!.speedMethod).toBe("exact");
    expect(out.value!.shearExponentApplied).toBeNull();
    expect(out.value!.speedMps[5]).toBe(7);
    expect(out.value!.airDensityKgPerM3[0]).toBeCloseTo((0.9 * 101325) / (287.058 * 283.15), 12);
    expect(out.diagnostics).toEqual([]);
  });

  it("applies power-law shear from the nearest height when hub height is outside the measured range", () => {
    const out = hubHeightWind(resource(8760, [80]), 100, 0.14, model);
    expect(out.value!.speedMps[0]).toBeCloseTo(7 * Math.pow(100 / 80, 0.14), 12);
    expect(out.value!.shearExponentApplied).toBe(0.14);
    expect(out.diagnostics).toEqual([expect.objectContaining({ severity: "info" })]);
    // within 1 m of the measurement: no shear (ssc tolerance)
    expect(hubHeightWind(resource(8760, [80]), 80.5, 0.3, model).value!.shearExponentApplied).toBeNull();
  });

  it("interpolates linearly between heights that bracket the hub (no shear)", () => {
    const r = resource(8760, [80, 100], (_h, z) => (z === 80 ? 6 : 8));
    const out = hubHeightWind(r, 97, 0.14, model).value!;
    expect(out.speedMethod).toBe("interpolated");
    expect(out.speedSourceHeightsM).toEqual([100, 80]); // nearest first
    expect(out.speedMps[0]).toBeCloseTo(7.7, 12);
    expect(out.shearExponentApplied).toBeNull();
  });

  it("refuses a hub more than 35 m from the closest speed measurement (ssc)", () => {
    const out = hubHeightWind(resource(8760, [10]), 80, 0.14, model);
    expect(out.value).toBeNull();
    expect(out.diagnostics[0].message).toContain("more than 35 m");
  });

  it("skips Feb 29 of a leap-year file and rejects other lengths", () => {
    const out = hubHeightWind(resource(8784, [80], (h) => h), 80, 0.14, model);
    expect(out.value!.hours).toBe(8760);
    expect(out.value!.speedMps[1415]).toBe(1415);
    expect(out.value!.speedMps[1416]).toBe(1440); // Mar 1 00:00
    expect(out.value!.speedMps[8759]).toBe(8783);
    expect(out.diagnostics[0].severity).toBe("info");
    const bad = hubHeightWind(resource(17520, [80]), 80, 0.14, model);
    expect(bad.value).toBeNull();
    expect(bad.diagnostics[0].message).toContain("17520");
  });

  it("rejects non-finite values and non-positive pressure (no silent zeros)", () => {
    const r = resource(8760, [80]);
    r.fields[0].values[10] = NaN;
    expect(hubHeightWind(r, 80, 0.14, model).diagnostics).toEqual([expect.objectContaining({ path: "resource.speed[10]" })]);
    const p = resource(8760, [80]);
    p.fields[3].values[0] = 0;
    expect(hubHeightWind(p, 80, 0.14, model).diagnostics[0].path).toBe("resource.pressure");
  });

  it("reports a missing quantity", () => {
    const r = resource(8760, [80]);
    const noPressure = { ...r, fields: r.fields.filter((f) => f.kind !== "pressure") };
    expect(hubHeightWind(noPressure, 80, 0.14, model).diagnostics).toEqual([expect.objectContaining({ severity: "error", message: "the resource has no pressure column" })]);
  });
});
