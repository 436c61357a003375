import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backtrackRotationDeg, oneAxisShadeFraction, orientSurface, type SurfaceGeometry, SURF_AOI_DEG, SURF_AZIMUTH_DEG,
  SURF_ROTATION_DEG, SURF_TILT_DEG, trueTrackingRotationDeg,
} from "./incidence.ts";

const geometry = (g: Partial<SurfaceGeometry>): SurfaceGeometry => ({ mode: "fixed", tiltDeg: 20, azimuthDeg: 180, rotationLimitDeg: 45, backtrack: false, gcr: 0.4, ...g });
const sunArb = fc.record({ zen: fc.double({ min: 0.5, max: 89.5, noNaN: true }), az: fc.double({ min: 0, max: 359.9, noNaN: true }) });

describe("incidence and tracking", () => {
  it("fixed: zero incidence when the sun is on the surface normal; 90 deg tilt to the zenith sun", () => {
    const out = new Float64Array(4);
    orientSurface(geometry({ tiltDeg: 30, azimuthDeg: 200 }), 30, 200, out);
    expect(out[SURF_AOI_DEG]).toBeCloseTo(0, 5);
    orientSurface(geometry({ tiltDeg: 90, azimuthDeg: 180 }), 0, 123, out);
    expect(out[SURF_AOI_DEG]).toBeCloseTo(90, 9);
    // horizontal surface: incidence = zenith
    orientSurface(geometry({ tiltDeg: 0 }), 37, 95, out);
    expect(out[SURF_AOI_DEG]).toBeCloseTo(37, 9);
  });

  it("two-axis: always facing the sun", () => {
    const out = new Float64Array(4);
    orientSurface(geometry({ mode: "two-axis" }), 63, 250, out);
    expect([out[SURF_AOI_DEG], out[SURF_TILT_DEG], out[SURF_AZIMUTH_DEG]]).toEqual([0, 63, 250]);
  });

  it("one-axis, horizontal N-S axis: rotation = atan(tan(zen) sin(az - 180)) and incidence from the axis plane", () => {
    // hand check: sun at zenith 40, azimuth 250 (WSW): rotation = atan2(sin40 sin70 ..)
    const zen = 40;
    const az = 250;
    const expectedRot = (Math.atan2(Math.sin((zen * Math.PI) / 180) * Math.sin(((az - 180) * Math.PI) / 180), Math.cos((zen * Math.PI) / 180)) * 180) / Math.PI;
    expect(trueTrackingRotationDeg(az, zen, 0, 180)).toBeCloseTo(expectedRot, 9);
    const out = new Float64Array(4);
    orientSurface(geometry({ mode: "one-axis", tiltDeg: 0, rotationLimitDeg: 90 }), zen, az, out);
    expect(out[SURF_ROTATION_DEG]).toBeCloseTo(expectedRot, 9);
    expect(out[SURF_TILT_DEG]).toBeCloseTo(Math.abs(expectedRot), 9);
    expect(out[SURF_AZIMUTH_DEG]).toBeCloseTo(270, 9);
    // the beam stays in the plane normal to the axis: cos(aoi) = cos(elevation projected) = sin(el)/..., here
    // the remaining incidence equals the sun's angle out of the rotation plane: asin(cos(el) cos(az-180))
    const el = 90 - zen;
    const outOfPlane = (Math.asin(Math.cos((el * Math.PI) / 180) * Math.cos(((az - 180) * Math.PI) / 180)) * 180) / Math.PI;
    expect(out[SURF_AOI_DEG]).toBeCloseTo(Math.abs(outOfPlane), 6);
  });

  it("one-axis rotation is limited to the rotation limit", () => {
    const out = new Float64Array(4);
    orientSurface(geometry({ mode: "one-axis", tiltDeg: 0 }), 85, 100, out);
    expect(out[SURF_ROTATION_DEG]).toBeCloseTo(-45, 12);
  });

  it("backtracking never leaves beam shade and never turns further than true tracking", () => {
    fc.assert(
      fc.property(sunArb, fc.double({ min: 0.1, max: 0.9, noNaN: true }), ({ zen, az }, gcr) => {
        const trueRot = trueTrackingRotationDeg(az, zen, 0, 180);
        const bt = backtrackRotationDeg(trueRot, gcr);
        expect(Math.abs(bt)).toBeLessThanOrEqual(Math.abs(trueRot) + 1e-9);
        expect(oneAxisShadeFraction(az, zen, 0, 180, gcr, bt)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("true tracking at low sun shades the rows (hand cases, horizontal axis, sun in the rotation plane)", () => {
    // rotation 60 deg (sun 60 deg from zenith in the rotation plane), gcr 0.5: shadow length = cos(60)/... geometry:
    // fs = (gcr cos r + gcr sin r tan r - 1) / (gcr (sin r tan r + cos r)) = (gcr/cos r - 1) / (gcr / cos r) = 1 - cos r / gcr
    expect(oneAxisShadeFraction(270, 60, 0, 180, 0.5, 60)).toBeCloseTo(0, 9); // 1 - 0.5/0.5 = 0
    expect(oneAxisShadeFraction(270, 70, 0, 180, 0.5, 70)).toBeCloseTo(1 - Math.cos((70 * Math.PI) / 180) / 0.5, 9);
  });
});
