import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPvSystem, inverterAcW, inverterRating, type PvSystem } from "./system.ts";

const valid: PvSystem = {
  systemCapacityKw: 4, arrayType: 0, tiltDeg: 20, azimuthDeg: 180, lossesPercent: 14, dcAcRatio: 1.2, gcr: 0.4,
  inverterEfficiencyPercent: 96, moduleType: 0,
};

describe("PV system checks", () => {
  it("accepts a valid system", () => expect(checkPvSystem(valid)).toEqual([]));

  it("lists every problem with its path", () => {
    const bad = { ...valid, systemCapacityKw: 0, tiltDeg: 95, gcr: 1, dcAcRatio: Number.NaN, arrayType: 7, moduleType: 3 } as unknown as PvSystem;
    expect(checkPvSystem(bad, "sites[0].pv").map((d) => d.path).sort()).toEqual(
      ["sites[0].pv.arrayType", "sites[0].pv.dcAcRatio", "sites[0].pv.gcr", "sites[0].pv.moduleType", "sites[0].pv.systemCapacityKw", "sites[0].pv.tiltDeg"].sort(),
    );
  });
});

describe("inverter (PVWatts v8: Sandia model with C0..C3 = 0)", () => {
  // 4 kWdc, DC/AC 1.2, 96 %: AC 3333.33 W, DC rating 3472.22 W. ssc compares the DC nameplate in watts with its
  // 10/1000 "kW" thresholds, so this system uses the utility Pso = 0.4931 % of the AC rating (16.44 W).
  const r = inverterRating(4000, 1.2, 96);

  it("rating and self-consumption", () => {
    expect(r.acW).toBeCloseTo(4000 / 1.2, 9);
    expect(r.dcW).toBeCloseTo(4000 / 1.2 / 0.96, 9);
    expect(r.psoW).toBeCloseTo(0.004931 * (4000 / 1.2), 9);
    expect(inverterRating(5, 1, 96).psoW).toBeCloseTo(0.002246 * 5, 12); // below 10 W
    expect(inverterRating(500, 1, 96).psoW).toBeCloseTo(0.002478 * 500, 12); // below 1000 W
  });

  it("96 % at rated DC input, zero below Pso, clipped at the AC rating", () => {
    expect(inverterAcW(r.dcW, r) / r.dcW).toBeCloseTo(0.96, 12);
    expect(inverterAcW(r.psoW, r)).toBe(0);
    expect(inverterAcW(2 * r.dcW, r)).toBe(r.acW);
    // hand value: 3333.33 / (3472.22 - 16.437) x (2000 - 16.437) = 1913.23 W
    expect(inverterAcW(2000, r)).toBeCloseTo(((4000 / 1.2) / (4000 / 1.2 / 0.96 - 16.43667)) * (2000 - 16.43667), 3);
  });

  it("output is monotone in input and never above the rating", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10000, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (dc, step) => {
        const a = inverterAcW(dc, r);
        expect(a).toBeLessThanOrEqual(r.acW);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(inverterAcW(dc + step, r)).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});
