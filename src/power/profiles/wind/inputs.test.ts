/** Power-curve and layout CSV readers and the default layout. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkLayout, defaultLayout, parseLayoutCsv } from "./layout.ts";
import { parsePowerCurveCsv, ratedPowerKw } from "./power-curve.ts";

const windDir = fileURLToPath(new URL("../../../../data/wind/", import.meta.url));
const read = (f: string): string => readFileSync(`${windDir}${f}`, "utf8");

describe("parsePowerCurveCsv", () => {
  it("reads the ssc 1500 kW curve: 161 points, 0-40 m/s, rated 1500 kW", () => {
    const { value: c, diagnostics } = parsePowerCurveCsv(read("ssc_windpower_test_powercurve_1500kW.csv"));
    expect(diagnostics).toEqual([]);
    expect(c!.windSpeedsMps.length).toBe(161);
    expect(c!.windSpeedsMps[160]).toBe(40);
    expect(c!.powerKw[20]).toBe(128.66); // 5 m/s
    expect(ratedPowerKw(c!)).toBe(1500);
  });

  it("accepts a file without header and with comments", () => {
    const c = parsePowerCurveCsv("# speed, kW\n0,0\n3,0\n4,100\n12,2000\n").value!;
    expect(Array.from(c.powerKw)).toEqual([0, 0, 100, 2000]);
  });

  it("reports bad cells, unordered speeds, negative power and a non-zero first point with line numbers", () => {
    const errs = (t: string) => parsePowerCurveCsv(t, "pc.csv").diagnostics.map((d) => `${d.path} ${d.message}`);
    expect(errs("ws,kw\n0,0\n3,x\n")).toEqual(['pc.csv:3:2 power (kW): "x" is not a number']);
    expect(errs("ws,kw\n0,0\n5,10\n4,20\n")[0]).toMatch(/^pc\.csv:4 wind speeds must increase/);
    expect(errs("ws,kw\n0,0\n5,-1\n")[0]).toMatch(/^pc\.csv:3 must be a finite power/);
    expect(errs("ws,kw\n0,5\n5,10\n")[0]).toMatch(/^pc\.csv:2 the first point must produce 0 kW/);
    expect(errs("ws,kw\n0,0\n5,0\n")[0]).toMatch(/never produces power/);
    expect(errs("speed_ms,watts\n0,0\n")[0]).toMatch(/^pc\.csv:1 no wind speed/);
    expect(errs("")[0]).toMatch(/no data rows/);
  });
});

describe("layouts", () => {
  it("reads the ssc 32-turbine layout, and defaultLayout(32, 77 m) reproduces it exactly", () => {
    const { value: l, diagnostics } = parseLayoutCsv(read("ssc_windpower_test_layout_32turbines.csv"));
    expect(diagnostics).toEqual([]);
    expect(l!.xM.length).toBe(32);
    expect([l!.xM[8], l!.yM[8]]).toEqual([308, 616]);
    const d = defaultLayout(32, 77);
    expect(Array.from(d.xM)).toEqual(Array.from(l!.xM));
    expect(Array.from(d.yM)).toEqual(Array.from(l!.yM));
  });

  it("large farms get max(8, ⌈√n⌉) turbines per row, every other row shifted by 4 D", () => {
    const d = defaultLayout(100, 100);
    expect(d.yM[9]).toBe(0);
    expect([d.xM[10], d.yM[10]]).toEqual([400, 800]);
    expect(d.yM[99]).toBe(9 * 800);
    expect(checkLayout(d)).toEqual([]);
  });

  it("rejects duplicate positions and bad coordinates with line numbers", () => {
    expect(parseLayoutCsv("x,y\n0,0\n10,0\n0,0\n", "l.csv").diagnostics).toEqual([
      { path: "l.csv:4", severity: "error", message: "same position as turbine 1 (0,0 m)" },
    ]);
    expect(parseLayoutCsv("x,y\n0,a\n", "l.csv").diagnostics[0].path).toBe("l.csv:2:2");
    expect(checkLayout({ xM: new Float64Array(2), yM: new Float64Array(3) })[0].message).toContain("2 x coordinates");
  });
});
