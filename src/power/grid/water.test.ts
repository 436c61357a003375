/** Issue 12 item 6: water consumed off site to generate a site's grid imports, by fuel (hand-computed). */
import { describe, expect, it } from "vitest";
import { referenceData } from "../../data/index.ts";
import { operationalEmissionFactors } from "./carbon.ts";
import { LITERS_PER_US_GALLON, annualMixWaterMegalitersByFuel, gridWaterMegalitersByFuel, litersPerMwh, mixIntensityLPerMwh } from "./water.ts";

const L = LITERS_PER_US_GALLON;
const factorsLPerMwh = { NG: 205 * L, NUC: 672 * L, SUN: 1 * L };

describe("water of grid generation", () => {
  it("converts the Macknick factors to litres", () => {
    const f = litersPerMwh(referenceData.gridWater.consumptionGalPerMwhByFuel);
    expect(f.NG).toBeCloseTo(205 * 3.785411784, 9); // 776.0 L/MWh
    expect(f.NUC).toBeCloseTo(672 * 3.785411784, 9);
    expect(f.WND).toBe(0);
  });

  it("weights the factors by an annual mix", () => {
    // 1,000 MWh at 60 % gas, 40 % nuclear: gas 600 × 205 gal, nuclear 400 × 672 gal
    const ml = annualMixWaterMegalitersByFuel(1000, { factorsLPerMwh, annualMixFraction: { NG: 0.6, NUC: 0.4 } });
    expect(ml.NG).toBeCloseTo((600 * 205 * L) / 1e6, 12); // 0.4656 ML
    expect(ml.NUC).toBeCloseTo((400 * 672 * L) / 1e6, 12); // 1.0175 ML
    expect(mixIntensityLPerMwh({ NG: 0.6, NUC: 0.4 }, factorsLPerMwh)).toBeCloseTo((0.6 * 205 + 0.4 * 672) * L, 9);
  });

  it("follows the hour's own mix when an hourly mix is read, so imports at sunny hours carry less water", () => {
    // two hours, 100 MW imported in the first (all gas), 50 MW in the second (half gas, half solar)
    const importMw = Float64Array.from([100, 50]);
    const hourlyMixFraction = { NG: Float64Array.from([1, 0.5]), SUN: Float64Array.from([0, 0.5]) };
    const ml = gridWaterMegalitersByFuel(importMw, 1, { factorsLPerMwh, annualMixFraction: { NUC: 1 }, hourlyMixFraction });
    expect(ml.NG).toBeCloseTo(((100 + 25) * 205 * L) / 1e6, 12);
    expect(ml.SUN).toBeCloseTo((25 * 1 * L) / 1e6, 12);
    expect(ml.NUC).toBeUndefined(); // the annual mix is not used
  });

  it("falls back to the annual mix when the series is not the hourly year (e.g. representative steps)", () => {
    const ml = gridWaterMegalitersByFuel(Float64Array.from([10, 10, 10]), 2, { factorsLPerMwh, annualMixFraction: { NUC: 1 }, hourlyMixFraction: { NG: Float64Array.from([1, 1]) } });
    expect(ml).toEqual({ NUC: (60 * 672 * L) / 1e6 });
  });
});

describe("reference generation mixes", () => {
  // The unsourced mixes of MISO/SERC, PJM, WECC-SW and US are estimates of the eGRID subregions whose CO2 rate the
  // regions carry: with the model's operational emission factors they must give that CO2 rate within 10 %.
  const ef = operationalEmissionFactors();
  it.each(Object.entries(referenceData.gridRegions))("%s: the mix sums to 1 and matches the region's CO2 rate", (_, region) => {
    const shares = region.generationMixFraction;
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const co2 = Object.entries(shares).reduce((a, [f, x]) => a + x * (ef[f] ?? 0), 0);
    expect(Math.abs(co2 / region.co2KgPerMwh - 1)).toBeLessThan(0.1);
  });
});
