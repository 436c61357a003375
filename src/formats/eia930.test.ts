import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseEia930Demand, parseEia930FuelMix } from "./eia930.ts";
import { readEia930DemandFile, readEia930FuelMixFile } from "../io/eia930-file.ts";
import { parseUtcTimestamp } from "./hourly-csv.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const DEMAND = `${repo}data/grid/ERCO_2022_hourly_demand_EIA930.csv.gz`;
const FUELMIX = `${repo}data/grid/ERCO_2022_hourly_fuelmix_avgCI.csv.gz`;
const SHARED = `${repo}../shared/validation/grid/`;
const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);

describe("parseUtcTimestamp", () => {
  it("reads EIA-930 styles and applies offsets", () => {
    expect(parseUtcTimestamp("2022-01-01 00:00:00")).toBe(Date.UTC(2022, 0, 1));
    expect(parseUtcTimestamp("2022-01-01 00:00:00+00:00")).toBe(Date.UTC(2022, 0, 1));
    expect(parseUtcTimestamp("2022-01-01T06")).toBe(Date.UTC(2022, 0, 1, 6));
    expect(parseUtcTimestamp("2022-01-01 00:00:00-06:00")).toBe(Date.UTC(2022, 0, 1, 6));
    expect(parseUtcTimestamp("2022-02-30 00:00:00")).toBeNull();
    expect(parseUtcTimestamp("01/01/2022 00:00")).toBeNull();
  });
});

describe("ERCO 2022 demand (EIA-930, truggles cleaned)", () => {
  const { value: d, diagnostics } = readEia930DemandFile(DEMAND);
  it("reads 8760 hour-ending UTC rows with three series", () => {
    expect(diagnostics).toEqual([]);
    expect(d!.hours).toBe(8760);
    expect(d!.hourEndingUtcMs[0]).toBe(Date.UTC(2022, 0, 1, 0));
    expect(d!.hourEndingUtcMs[8759]).toBe(Date.UTC(2022, 11, 31, 23));
    expect(Object.keys(d!.seriesMw)).toEqual(["erco_demand_raw_MW", "texas_ic_demand_raw_MW", "texas_ic_demand_cleaned_MW"]);
  });
  it("matches the SOURCE.md totals: cleaned 430.66 TWh, peak 79,830 MW", () => {
    const cleaned = d!.seriesMw.texas_ic_demand_cleaned_MW;
    expect(sum(cleaned) / 1e6).toBeCloseTo(430.66, 2);
    expect(Math.max(...cleaned)).toBe(79_830);
    expect(sum(d!.seriesMw.erco_demand_raw_MW) / 1e6).toBeCloseTo(430.63, 2);
  });
});

describe("ERCO 2022 fuel mix (EIA-930 via dc-rl)", () => {
  const { value: f, diagnostics } = readEia930FuelMixFile(FUELMIX);
  it("reads 8 fuels and the published avg_CI", () => {
    expect(diagnostics).toEqual([]);
    expect(f!.hours).toBe(8760);
    expect(Object.keys(f!.generationMwhByFuel).sort()).toEqual(["COL", "NG", "NUC", "OIL", "OTH", "SUN", "WAT", "WND"]);
    expect(f!.publishedIntensityKgPerMwh![0]).toBeCloseTo(334.2055847568988, 10);
  });
  it("matches the SOURCE.md totals (TWh): 429.05 total; wind 107.35, solar 23.67, gas 182.76, coal 71.95, nuclear 41.86", () => {
    const twh = Object.fromEntries(Object.entries(f!.generationMwhByFuel).map(([k, v]) => [k, sum(v) / 1e6]));
    expect(Object.values(twh).reduce((a, b) => a + b, 0)).toBeCloseTo(429.05, 2);
    const expected = { WND: 107.35, SUN: 23.67, NG: 182.76, COL: 71.95, NUC: 41.86, WAT: 0.32, OTH: 1.15, OIL: 0 };
    for (const [k, v] of Object.entries(expected)) expect(twh[k], k).toBeCloseTo(v, 2);
  });
  it("uses the same hour-ending UTC clock as the demand file (total generation tracks demand best at lag 0)", () => {
    const d = readEia930DemandFile(DEMAND).value!.seriesMw.erco_demand_raw_MW;
    const gen = new Float64Array(8760);
    for (const s of Object.values(f!.generationMwhByFuel)) for (let h = 0; h < 8760; h++) gen[h] += s[h];
    const meanAbs = (lag: number) => {
      let e = 0;
      for (let h = 1; h < 8759; h++) e += Math.abs(gen[h + lag] - d[h]);
      return e / 8758;
    };
    expect(meanAbs(0)).toBeLessThan(400); // MW; interchange makes demand ≠ generation
    expect(meanAbs(1)).toBeGreaterThan(3 * meanAbs(0));
    expect(meanAbs(-1)).toBeGreaterThan(3 * meanAbs(0));
  });
});

describe.runIf(existsSync(`${SHARED}ERCO_2022_hourly_fuelmix_avgCI.csv`))("bundled grid copies", () => {
  it("parse to the same data as ../shared/validation/grid", () => {
    expect(readEia930FuelMixFile(`${SHARED}ERCO_2022_hourly_fuelmix_avgCI.csv`).value!.generationMwhByFuel).toEqual(readEia930FuelMixFile(FUELMIX).value!.generationMwhByFuel);
    expect(readEia930DemandFile(`${SHARED}ERCO_2022_hourly_demand_EIA930.csv`).value!.seriesMw).toEqual(readEia930DemandFile(DEMAND).value!.seriesMw);
  });
});

describe("errors carry line and column", () => {
  const head = "utc_hour_ending,demand_MW\n";
  it("bad number, bad timestamp, gap, duplicate, wrong column count, negative demand", () => {
    const paths = (t: string) => parseEia930Demand(head + t, "d.csv").diagnostics.map((x) => x.path);
    expect(paths("2022-01-01 00:00:00,100\n2022-01-01 01:00:00,\n")).toEqual(["d.csv:3:2"]);
    expect(paths("2022-01-01 00:00:00,100\nyesterday,5\n")).toEqual(["d.csv:3:1"]);
    expect(paths("2022-01-01 00:00:00,100\n2022-01-01 02:00:00,5\n")).toEqual(["d.csv:3:1"]);
    expect(paths("2022-01-01 00:00:00,100\n2022-01-01 00:00:00,5\n")).toEqual(["d.csv:3:1"]);
    expect(paths("2022-01-01 00:00:00,100,7\n")).toEqual(["d.csv:2"]);
    expect(paths("2022-01-01 00:00:00,-5\n")).toEqual(["d.csv:2:2"]);
  });
  it("fuel mix: unknown columns are warned about and ignored; no fuel column is an error; hour-beginning shifts by 1 h", () => {
    const ok = parseEia930FuelMix("timestamp,NG,XYZ\n2022-01-01 00:00:00+00:00,5,1\n", "f.csv");
    expect(ok.diagnostics).toEqual([expect.objectContaining({ severity: "warning", path: "f.csv:1:3" })]);
    expect(Object.keys(ok.value!.generationMwhByFuel)).toEqual(["NG"]);
    expect(parseEia930FuelMix("timestamp,XYZ\n2022-01-01 00:00:00,1\n").value).toBeNull();
    const hb = parseEia930FuelMix("timestamp,NG\n2022-01-01 00:00:00,5\n", "f.csv", "hour-beginning").value!;
    expect(hb.hourEndingUtcMs[0]).toBe(Date.UTC(2022, 0, 1, 1));
  });
});
