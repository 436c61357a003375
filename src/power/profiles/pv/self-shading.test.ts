import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arrayLayout, fixedRackShadeFraction, groundDiffuseDerate, skyDiffuseDerate } from "./self-shading.ts";
import { TiltTable } from "./tilt-table.ts";

const DEG = Math.PI / 180;

/**
 * Independent derivation: a point at fraction s up a row (side 1, tilt t) sees the sky above the top edge of the
 * row in front (spacing R = 1/gcr), at elevation psi(s) = atan2((1-s) sin t, R - (1-s) cos t), so its sky view
 * factor is (1 + cos(t + psi))/2 instead of (1 + cos t)/2. Averaged with a fine midpoint rule.
 */
function skyDerateByGeometry(tiltDeg: number, gcr: number): number {
  const t = tiltDeg * DEG;
  const n = 20000;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const s = (k + 0.5) / n;
    const psi = Math.atan2((1 - s) * Math.sin(t), 1 / gcr - (1 - s) * Math.cos(t));
    sum += (1 + Math.cos(t + psi)) / (1 + Math.cos(t));
  }
  return sum / n;
}

describe("self-shading", () => {
  it("layout of a 4 kW fixed rack and a 100 MW tracker (hand-computed)", () => {
    const small = arrayLayout(4000, 0.19, false, false, 0.4);
    expect([small.modulesUp, small.rows, small.modulesAcross, small.stringsAcross]).toEqual([2, 3, 3, 0]); // 14 modules
    expect(small.moduleWidthM).toBeCloseTo(Math.sqrt(300 / 0.19 / 1000 / 1.7), 12);
    expect(small.rowSpacingM).toBeCloseTo((small.moduleLengthM * 2) / 0.4, 12);
    const big = arrayLayout(100e6, 0.19, true, false, 0.3);
    expect([big.modulesUp, big.rows, big.modulesAcross, big.stringsAcross]).toEqual([1, 578, 577, 82]); // 333,334 modules
  });

  it("sky diffuse derate agrees with the view-factor geometry (250-step integration, within 0.5 %)", () => {
    for (const [tilt, gcr] of [[20, 0.4], [10, 0.3], [30, 0.5], [45, 0.3], [60, 0.7]]) {
      expect(Math.abs(skyDiffuseDerate(tilt, gcr) / skyDerateByGeometry(tilt, gcr) - 1)).toBeLessThan(0.005);
    }
    expect(skyDiffuseDerate(0, 0.4)).toBe(1);
  });

  it("sky derate falls with tilt and ground coverage; the table interpolates between degrees", () => {
    expect(skyDiffuseDerate(30, 0.6)).toBeLessThan(skyDiffuseDerate(30, 0.3));
    expect(skyDiffuseDerate(40, 0.4)).toBeLessThan(skyDiffuseDerate(20, 0.4));
    const table = new TiltTable((t) => skyDiffuseDerate(t, 0.3), 1, 0);
    expect(table.at(0)).toBe(1);
    expect(table.at(12.5)).toBeCloseTo((skyDiffuseDerate(12, 0.3) + skyDiffuseDerate(13, 0.3)) / 2, 12);
    expect(table.at(90)).toBe(skyDiffuseDerate(90, 0.3));
    expect(new TiltTable((t) => skyDiffuseDerate(t, 0.4), 1, 20.3).at(20.3)).toBe(skyDiffuseDerate(20.3, 0.4));
  });

  it("ground derate is 1 for a single row and within (0, 1] for many rows", () => {
    expect(groundDiffuseDerate(40, 25, 700, 100, 0.2, 0.4, 1)).toBeCloseTo(1, 12);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 85, noNaN: true }), fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: 0.1, max: 0.9, noNaN: true }), (zen, tilt, gcr) => {
        const f = groundDiffuseDerate(zen, tilt, 600, 150, 0.2, gcr, 50);
        expect(f).toBeGreaterThan(0);
        expect(f).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it("fixed rack beam shade, sun in the plane of the rack azimuth (hand case)", () => {
    const layout = arrayLayout(4000, 0.19, false, false, 0.4);
    // tilt 20, sun due south at 10 deg elevation: py = A (cos t + sin t / tan(el)), fraction = 1 - R/py, R = A/gcr
    const py = Math.cos(20 * DEG) + Math.sin(20 * DEG) / Math.tan(10 * DEG);
    expect(fixedRackShadeFraction(layout, 20, 180, 80, 180)).toBeCloseTo(1 - 1 / 0.4 / py, 12); // 0.13176
    expect(fixedRackShadeFraction(layout, 20, 180, 30, 180)).toBe(0); // high sun: no shade
    expect(fixedRackShadeFraction(layout, 20, 180, 80, 300)).toBe(0); // sun behind the rack
  });
});
