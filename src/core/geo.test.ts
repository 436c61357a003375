import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceKm } from "./geo.ts";

describe("distanceKm", () => {
  it("matches known distances", () => {
    // one degree of latitude on the mean sphere: 2πR/360 = 111.195 km
    expect(distanceKm({ latitudeDeg: 0, longitudeDeg: 0 }, { latitudeDeg: 1, longitudeDeg: 0 })).toBeCloseTo(111.195, 2);
    // Phoenix Sky Harbor (33.43, -112.02) to Amarillo (35.20, -101.95): about 937 km
    const d = distanceKm({ latitudeDeg: 33.433333, longitudeDeg: -112.016667 }, { latitudeDeg: 35.2018863, longitudeDeg: -101.945027 });
    expect(d).toBeGreaterThan(925);
    expect(d).toBeLessThan(950);
    expect(distanceKm({ latitudeDeg: 10, longitudeDeg: 0 }, { latitudeDeg: -10, longitudeDeg: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
  it("is symmetric, non-negative and zero at the same point", () => {
    const p = fc.record({ latitudeDeg: fc.double({ min: -90, max: 90, noNaN: true }), longitudeDeg: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(fc.property(p, p, (a, b) => {
      const d = distanceKm(a, b);
      return d >= 0 && Math.abs(d - distanceKm(b, a)) < 1e-6 && distanceKm(a, a) === 0 && d <= Math.PI * 6371.0088 + 1e-6;
    }));
  });
});
