import { describe, expect, it } from "vitest";
import { readSolarWeatherFile } from "../../../io/solar-file.ts";
import { PHOENIX_PSM3_TMY, solarWeatherFixture } from "../../../../test/helpers/solar-fixtures.ts";
import type { SolarWeather } from "./weather.ts";
import { simulatePv } from "./simulate.ts";
import type { PvSystem } from "./system.ts";

const weather = readSolarWeatherFile(solarWeatherFixture(PHOENIX_PSM3_TMY)!.path).value!;
const system: PvSystem = {
  systemCapacityKw: 1000, arrayType: 3, tiltDeg: 0, azimuthDeg: 180, lossesPercent: 14, dcAcRatio: 1.3, gcr: 0.35,
  inverterEfficiencyPercent: 96, moduleType: 0,
};
const acRatingKw = 1000 / 1.3;

describe("simulatePv invariants (Phoenix PSM3 TMY)", () => {
  const r = simulatePv(weather, system);

  it("AC within [0, AC rating], DC >= AC, zero when there is no light", () => {
    const bad: number[] = [];
    for (let i = 0; i < weather.hours; i++) {
      const dark = weather.dniWPerM2[i] === 0 && weather.dhiWPerM2[i] === 0;
      if (r.acKw[i] < 0 || r.acKw[i] > acRatingKw + 1e-9 || r.dcKw[i] < r.acKw[i] || (dark && r.acKw[i] !== 0)) bad.push(i);
    }
    expect(bad).toEqual([]);
    expect(r.acKw.filter((x) => x > 0).length).toBeGreaterThan(4000);
  });

  it("monthly energy sums to annual energy; capacity factor is annual / (AC rating x 8760 h)", () => {
    expect(r.monthlyEnergyKwh).toHaveLength(12);
    expect(r.monthlyEnergyKwh.reduce((a, b) => a + b, 0)).toBeCloseTo(r.annualEnergyKwh, 6);
    expect(r.acKw.reduce((a, b) => a + b, 0)).toBeCloseTo(r.annualEnergyKwh, 6);
    expect(r.capacityFactorAcFraction).toBeCloseTo(r.annualEnergyKwh / (acRatingKw * 8760), 12);
    expect(r.capacityFactorAcFraction).toBeGreaterThan(0.25); // a tracker in Phoenix
    expect(r.capacityFactorAcFraction).toBeLessThan(0.4);
  });

  it("does not mutate its inputs and is deterministic", () => {
    const ghi = weather.ghiWPerM2.slice();
    const frozen = Object.freeze({ ...system });
    const again = simulatePv(weather, frozen);
    expect(weather.ghiWPerM2).toEqual(ghi);
    expect(again.acKw).toEqual(r.acKw);
  });

  it("DC losses reduce energy in proportion (away from clipping)", () => {
    const lossless = simulatePv(weather, { ...system, lossesPercent: 0, dcAcRatio: 0.5 });
    const lossy = simulatePv(weather, { ...system, lossesPercent: 10, dcAcRatio: 0.5 });
    expect(lossy.annualEnergyKwh / lossless.annualEnergyKwh).toBeGreaterThan(0.89);
    expect(lossy.annualEnergyKwh / lossless.annualEnergyKwh).toBeLessThan(0.901);
  });

  it("two-axis > one-axis > fixed; the roof mount (hotter) < open rack", () => {
    const e = (s: Partial<PvSystem>) => simulatePv(weather, { ...system, ...s }).annualEnergyKwh;
    const fixed = e({ arrayType: 0, tiltDeg: 25 });
    expect(e({ arrayType: 4 })).toBeGreaterThan(e({ arrayType: 2 }));
    expect(e({ arrayType: 2 })).toBeGreaterThan(fixed);
    expect(e({ arrayType: 1, tiltDeg: 25 })).toBeLessThan(fixed);
  });

  it("clipping grows with the DC/AC ratio", () => {
    const perKwAc = (ratio: number) => simulatePv(weather, { ...system, dcAcRatio: ratio }).capacityFactorAcFraction;
    expect(perKwAc(1.6)).toBeGreaterThan(perKwAc(1.1));
    const clipped = simulatePv(weather, { ...system, dcAcRatio: 2 });
    expect(clipped.acKw.filter((x) => Math.abs(x - 500) < 1e-9).length).toBeGreaterThan(500);
  });

  it("works without the optional year and time-convention fields", () => {
    const { yearByRow: _y, intervalAveraged: _ia, ...plain } = weather;
    const bare: SolarWeather = { ...plain, year: 2020 };
    const e = simulatePv(bare, system).annualEnergyKwh;
    expect(Math.abs(e / r.annualEnergyKwh - 1)).toBeLessThan(0.002);
  });

  it("zero irradiance gives zero output", () => {
    const dark: SolarWeather = { ...weather, ghiWPerM2: new Float64Array(8760), dniWPerM2: new Float64Array(8760), dhiWPerM2: new Float64Array(8760) };
    expect(simulatePv(dark, system).annualEnergyKwh).toBe(0);
  });

  it("rejects an invalid system", () => {
    expect(() => simulatePv(weather, { ...system, gcr: 0 })).toThrow(RangeError);
  });
});
