import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceData } from "../../../data/index.ts";
import type { PowerCurve } from "./power-curve.ts";
import { airDensityKgPerM3, createTurbineState, standardAirDensityKgPerM3, turbineOutputKw } from "./turbine.ts";

const model = referenceData.windModel;
const physics = model.physics;

/** The ssc test curve's shape, reduced: 0 up to 3.25 m/s, ramp, 1500 kW from 14 to 25 m/s, then 0. */
const curve: PowerCurve = {
  windSpeedsMps: Float64Array.from([0, 3.25, 3.5, 5, 8, 14, 25, 25.25, 40]),
  powerKw: Float64Array.from([0, 0, 21.32, 128.66, 656.49, 1500, 1500, 0, 0]),
};
const rhoStd = standardAirDensityKgPerM3(physics);
const fresh = () => createTurbineState(curve, 77, model);

describe("air density", () => {
  it("is 1.2250 kg/m³ at 1 atm and 15 °C and scales with p/T", () => {
    expect(rhoStd).toBeCloseTo(101325 / (287.058 * 288.15), 12);
    expect(rhoStd).toBeCloseTo(1.225, 3);
    expect(airDensityKgPerM3(0.88, 4.7, physics)).toBeCloseTo((0.88 * 101325) / (287.058 * 277.85), 12);
  });
});

describe("turbineOutputKw at standard density", () => {
  it("is 0 below cut-in, interpolates from the last zero-power point, and follows the curve", () => {
    const s = fresh();
    expect(turbineOutputKw(s, 3.2, rhoStd)).toBe(0);
    expect(turbineOutputKw(s, 3.3, rhoStd)).toBeCloseTo(21.32 * 0.2, 10);
    expect(turbineOutputKw(s, 5, rhoStd)).toBeCloseTo(128.66, 10);
    expect(turbineOutputKw(s, 6.5, rhoStd)).toBeCloseTo((128.66 + 656.49) / 2, 10);
    expect(turbineOutputKw(s, 20, rhoStd)).toBe(1500);
  });
  it("ramps down between the last full-power point and the next zero point (SAM behaviour), 0 beyond the curve", () => {
    const s = fresh();
    expect(turbineOutputKw(s, 25.1, rhoStd)).toBeCloseTo(1500 * (0.15 / 0.25), 9);
    expect(turbineOutputKw(s, 40, rhoStd)).toBe(0);
    expect(turbineOutputKw(s, 45, rhoStd)).toBe(0);
    expect(turbineOutputKw(s, 0, rhoStd)).toBe(0);
  });
  it("estimates thrust from the power coefficient (hand-computed Ct ≈ 0.530 at 8 m/s)", () => {
    const s = fresh();
    turbineOutputKw(s, 8, rhoStd);
    // Cp = 656.49 kW / (½ · 1.22498 · 8³ · π/4 · 77²) = 0.44958; Ct = −0.01454 + 1.47351 Cp − 2.33082 Cp² + 3.88512 Cp³
    expect(s.lastThrustCoefficient).toBeCloseTo(0.5299, 3);
    turbineOutputKw(s, 2, rhoStd);
    expect(s.lastThrustCoefficient).toBe(0);
  });
});

describe("density correction", () => {
  it("recomputes the curve only when density moved more than 0.001 kg/m³ (as ssc)", () => {
    const s = fresh();
    turbineOutputKw(s, 5, 1.1637);
    const corrected = Float64Array.from(s.correctedSpeedsMps);
    expect(corrected[3]).toBeCloseTo(5 * Math.cbrt(rhoStd / 1.1637), 12);
    turbineOutputKw(s, 5, 1.1645); // within tolerance: old curve kept
    expect(Array.from(s.correctedSpeedsMps)).toEqual(Array.from(corrected));
    turbineOutputKw(s, 5, 1.17);
    expect(s.correctedSpeedsMps[3]).toBeCloseTo(5 * Math.cbrt(rhoStd / 1.17), 12);
  });

  it("output stays within [0, rated] and rises with density below rated speed (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0.9, max: 1.4, noNaN: true }), fc.double({ min: 0.9, max: 1.4, noNaN: true }), (v, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const pLo = turbineOutputKw(fresh(), v, lo);
        const pHi = turbineOutputKw(fresh(), v, hi);
        return pLo >= 0 && pHi <= 1500 && pLo <= pHi + 1e-9;
      }),
    );
  });
});
