/** Issue 12 item 6: the program's water, on site apart from the water of the grid generation it imports (hand-computed). */
import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { run } from "../pipeline/run.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";

const L = 3.785411784;
const col = (cols: string[], name: string): number => cols.indexOf(name);

describe("water without the hourly model (annual mix)", () => {
  // 100 MW of IT online from 2026-01 in WECC Southwest, utilization 0.68, PUE 1.08, WUE 0.26 L/kWh.
  const s = tinyScenario({ facility: { pue: 1.08, utilizationFraction: 0.68, wueLPerKwh: 0.26 } });
  s.sites[0] = { ...s.sites[0], gridRegion: "WECC-SW" };
  const w = run(s, referenceData, { hourlyPower: false }).result!.summary.water;
  const itMwh = 100 * 0.68 * 8760; // 595,680 MWh in 2027
  const facilityMwh = itMwh * 1.08; // 643,334.4 MWh, all imported
  const mix = referenceData.gridRegions["WECC-SW"].generationMixFraction;

  it("keeps the data centres' own water (WUE × IT energy) on site", () => {
    expect(w.onSiteDataCenterMegalitersByYear["2027"]).toBeCloseTo((itMwh * 1000 * 0.26) / 1e6, 9); // 154.9 ML
    expect(w.onSiteGenerationMegalitersByYear["2027"]).toBe(0);
  });

  it("adds the water the grid's plants consume to generate the site's energy, by fuel", () => {
    // gas 41 % × 205 gal, coal 17 % × 687, nuclear 21 % × 672, hydro 4 % × 4,491, solar 10 % × 1, other 1 % × 553
    expect(mix).toMatchObject({ NG: 0.41, COL: 0.17, NUC: 0.21, WAT: 0.04, SUN: 0.1, WND: 0.06, OTH: 0.01 });
    const f = w.gridGenerationMegalitersByFuelByYear;
    expect(f.NG["2027"]).toBeCloseTo((facilityMwh * 0.41 * 205 * L) / 1e6, 6); // 204.7 ML
    expect(f.COL["2027"]).toBeCloseTo((facilityMwh * 0.17 * 687 * L) / 1e6, 6); // 284.4 ML
    expect(f.NUC["2027"]).toBeCloseTo((facilityMwh * 0.21 * 672 * L) / 1e6, 6);
    expect(f.WAT["2027"]).toBeCloseTo((facilityMwh * 0.04 * 4491 * L) / 1e6, 6);
    const galPerMwh = 0.41 * 205 + 0.17 * 687 + 0.21 * 672 + 0.04 * 4491 + 0.1 * 1 + 0.06 * 0 + 0.01 * 553; // 538.5
    expect(w.gridGenerationMegalitersByYear["2027"]).toBeCloseTo((facilityMwh * galPerMwh * L) / 1e6, 6); // 1,311 ML
    expect(w.totalMegalitersByYear["2027"]).toBeCloseTo((itMwh * 260) / 1e6 + (facilityMwh * galPerMwh * L) / 1e6, 6);
    expect(w.basis).toEqual({ hourlySiteYears: 0, annualMixSiteYears: 5 }); // 2026-2030
  });
});

describe("water of a dispatched site (hourly imports, on-site gas in its own line)", () => {
  // ERCOT site with 50 MW of gas; no weather or grid files, so the grid mix is ERCOT's annual 2022 mix.
  const s = tinyScenario({ facility: { pue: 1.08, utilizationFraction: 0.68, wueLPerKwh: 0.26 } });
  s.sites[0] = { ...s.sites[0], power: { portfolio: { gasMw: 50 } } };
  const r = run(s, referenceData).result!;
  const t = r.tables.powerSitesYearly;
  const row = t.rows.find((x) => x[col(t.columns, "year")] === 2027)!;
  const importMwh = row[col(t.columns, "gridImportMwh")] as number;
  const gasMwh = row[col(t.columns, "gasMwh")] as number;
  const mix = referenceData.gridRegions.ERCOT.generationMixFraction;
  const gal = Object.entries(referenceData.gridWater.consumptionGalPerMwhByFuel).reduce((a, [f, g]) => a + (mix[f] ?? 0) * g, 0);

  it("dispatches both gas and grid", () => {
    expect(gasMwh).toBeGreaterThan(0);
    expect(importMwh).toBeGreaterThan(0);
  });
  it("counts the gas plant's cooling water on site and the imports' generation water off site", () => {
    const w = r.summary.water;
    expect(w.onSiteGenerationMegalitersByYear["2027"]).toBeCloseTo((gasMwh * 205 * L) / 1e6, 6);
    expect(w.gridGenerationMegalitersByYear["2027"]).toBeCloseTo((importMwh * gal * L) / 1e6, 6);
    expect(row[col(t.columns, "waterGridGenerationMegaliters")] as number).toBeCloseTo((importMwh * gal * L) / 1e6, 6);
    expect(w.basis.hourlySiteYears).toBe(5);
  });
  it("writes the waterYearly table with a column per fuel", () => {
    const y = r.tables.waterYearly;
    const row27 = y.rows.find((x) => x[0] === 2027)!;
    expect(row27[col(y.columns, "gridGenerationNGMegaliters")] as number).toBeCloseTo((importMwh * mix.NG * 205 * L) / 1e6, 6);
    expect(row27[col(y.columns, "totalMegaliters")]).toBeCloseTo(r.summary.water.totalMegalitersByYear["2027"], 9);
  });
});
