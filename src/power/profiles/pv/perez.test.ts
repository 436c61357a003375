import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceData } from "../../../data/index.ts";
import { clearnessBin, extraterrestrialNormalWPerM2, perezPoa, POA_BEAM, POA_GROUND, POA_SKY } from "./perez.ts";

const DEG = Math.PI / 180;
const P = referenceData.pvModel.perez;

describe("Perez plane-of-array irradiance", () => {
  it("on a horizontal surface gives back the horizontal components (below 85 deg zenith)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0, max: 84, noNaN: true }), (dni, dhi, zen) => {
        const out = new Float64Array(3);
        perezPoa(dni, dhi, 0.2, zen * DEG, 0, zen * DEG, out);
        expect(out[POA_BEAM]).toBeCloseTo(dni * Math.cos(zen * DEG), 9);
        expect(out[POA_SKY]).toBeCloseTo(dhi, 9); // (1 - F1) + F1 cos z / cos z, no horizon term
        expect(out[POA_GROUND]).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("hand-computed case: 30 deg tilt, overcast-ish sky", () => {
    const dni = 300;
    const dhi = 200;
    const zen = 40 * DEG;
    const aoi = 25 * DEG;
    const tilt = 30 * DEG;
    const am = 1 / (Math.cos(zen) + 0.15 * Math.pow(93.9 - 40, -1.253));
    const delta = (dhi * am) / 1367;
    const k = 5.534e-6 * 40 ** 3;
    const eps = ((dni + dhi) / dhi + k) / (1 + k); // 2.47 -> bin 4 (1.95 < eps <= 2.8)
    expect(clearnessBin(eps)).toBe(4);
    const f1 = Math.max(0, P.f11[4] + P.f12[4] * delta + P.f13[4] * zen);
    const f2 = P.f21[4] + P.f22[4] * delta + P.f23[4] * zen;
    const sky = (dhi * (1 - f1) * (1 + Math.cos(tilt))) / 2 + (dhi * f1 * Math.cos(aoi)) / Math.cos(zen) + dhi * f2 * Math.sin(tilt);
    const out = new Float64Array(3);
    perezPoa(dni, dhi, 0.25, aoi, tilt, zen, out);
    expect(out[POA_BEAM]).toBeCloseTo(dni * Math.cos(aoi), 10);
    expect(out[POA_SKY]).toBeCloseTo(sky, 10);
    expect(out[POA_GROUND]).toBeCloseTo((0.25 * (dni * Math.cos(zen) + dhi) * (1 - Math.cos(tilt))) / 2, 10);
  });

  it("uses an isotropic sky near the horizon and no beam from behind", () => {
    const out = new Float64Array(3);
    perezPoa(100, 50, 0.2, 60 * DEG, 20 * DEG, 88 * DEG, out);
    expect(out[POA_BEAM]).toBeCloseTo(50, 10);
    expect(out[POA_SKY]).toBeCloseTo((50 * (1 + Math.cos(20 * DEG))) / 2, 10);
    expect(out[POA_GROUND]).toBe(0);
    perezPoa(800, 100, 0.2, 120 * DEG, 90 * DEG, 50 * DEG, out);
    expect(out[POA_BEAM]).toBe(0);
  });

  it("clearness bins and extraterrestrial irradiance", () => {
    expect(clearnessBin(1)).toBe(0);
    expect(clearnessBin(1.065)).toBe(0);
    expect(clearnessBin(1.0651)).toBe(1);
    expect(clearnessBin(10)).toBe(7);
    expect(extraterrestrialNormalWPerM2(0)).toBeCloseTo(1367 * 1.033, 9);
    expect(extraterrestrialNormalWPerM2(365 / 2)).toBeCloseTo(1367 * 0.967, 9);
  });
});
