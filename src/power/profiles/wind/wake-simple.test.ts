import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceData } from "../../../data/index.ts";
import type { TurbineLayout } from "./layout.ts";
import type { PowerCurve } from "./power-curve.ts";
import { createTurbineState, standardAirDensityKgPerM3, turbineOutputKw } from "./turbine.ts";
import { createWakeWorkspace, prepareGeometry, simpleWakeFarmKw } from "./wake-simple.ts";

const model = referenceData.windModel;
const rho = standardAirDensityKgPerM3(model.physics);
const D = 77;
const curve: PowerCurve = {
  windSpeedsMps: Float64Array.from([0, 3, 4, 6, 8, 10, 12, 25, 25.25]),
  powerKw: Float64Array.from([0, 0, 50, 250, 650, 1150, 1500, 1500, 0]),
};
const layoutOf = (pts: [number, number][]): TurbineLayout => ({ xM: Float64Array.from(pts.map((p) => p[0])), yM: Float64Array.from(pts.map((p) => p[1])) });

function farm(pts: [number, number][], speedMps: number, directionDeg: number, ti = 0.1): { netKw: number; grossKw: number } {
  const w = createWakeWorkspace(pts.length);
  const netKw = simpleWakeFarmKw(createTurbineState(curve, D, model), layoutOf(pts), D, speedMps, directionDeg, rho, ti, model.simpleWake, w);
  return { netKw, grossKw: w.lastGrossKw };
}

describe("geometry", () => {
  it("orders turbines by downwind distance in rotor radii (wind from the south: south first)", () => {
    const w = createWakeWorkspace(3);
    prepareGeometry(layoutOf([[0, 1232], [0, 0], [0, 616]]), 180, D, w);
    expect(Array.from(w.order)).toEqual([1, 2, 0]);
    expect(Array.from(w.sortedDownwindRadii).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 16, 32]);
    prepareGeometry(layoutOf([[0, 1232], [0, 0], [0, 616]]), 0, D, w);
    expect(Array.from(w.order)).toEqual([0, 2, 1]);
  });
});

describe("simpleWakeFarmKw", () => {
  it("one turbine: no wake", () => {
    const s = createTurbineState(curve, D, model);
    const free = turbineOutputKw(s, 8, rho);
    expect(farm([[0, 0]], 8, 270)).toEqual({ netKw: free, grossKw: free });
  });

  it("two turbines in line 8 D apart: the hand-computed Gaussian deficit", () => {
    const s = createTurbineState(curve, D, model);
    const p0 = turbineOutputKw(s, 8, rho);
    const ct = s.lastThrustCoefficient;
    const x = 16; // axial distance in rotor radii
    const added = (ct / 7) * (1 - 0.4 * Math.log(2 * x));
    const ti2 = added * added + 0.1 * 0.1;
    const deficit = ct / (4 * ti2 * x * x); // crosswind 0 → exp(0) = 1
    const p1 = turbineOutputKw(s, 8 * (1 - deficit), rho);
    const r = farm([[0, 0], [0, 616]], 8, 180);
    expect(deficit).toBeGreaterThan(0.01);
    expect(r.grossKw).toBeCloseTo(2 * p0, 9);
    expect(r.netKw).toBeCloseTo(p0 + p1, 9);
    expect(r.netKw).toBeLessThan(r.grossKw);
  });

  it("no wake across the wind, or beyond 20 rotor radii crosswind, or with zero ambient turbulence", () => {
    const side = farm([[0, 0], [616, 0]], 8, 180); // 16 radii apart across a southerly wind
    expect(side.netKw).toBeCloseTo(side.grossKw, 9);
    const offset = farm([[0, 0], [800, 616]], 8, 180); // 20.8 radii crosswind
    expect(offset.netKw).toBeCloseTo(offset.grossKw, 9);
    const calm = farm([[0, 0], [0, 616]], 8, 180, 0);
    expect(calm.netKw).toBeCloseTo(calm.grossKw, 9);
  });

  it("is symmetric for opposite wind directions along a line of turbines", () => {
    const line: [number, number][] = [[0, 0], [0, 616], [0, 1232], [0, 1848]];
    expect(farm(line, 9, 0).netKw).toBeCloseTo(farm(line, 9, 180).netKw, 9);
  });

  it("farther spacing → less wake loss", () => {
    const loss = (spacingD: number) => {
      const r = farm([[0, 0], [0, spacingD * D], [0, 2 * spacingD * D]], 8, 180);
      return 1 - r.netKw / r.grossKw;
    };
    expect(loss(4)).toBeGreaterThan(loss(8));
    expect(loss(8)).toBeGreaterThan(loss(12));
    expect(loss(12)).toBeGreaterThan(0);
  });

  it("0 ≤ net ≤ gross and turbine numbering does not matter (property)", () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(
        fc.uniqueArray(point, { minLength: 2, maxLength: 10, selector: (p) => `${p[0]},${p[1]}` }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 359.9, noNaN: true }),
        (cells, v, dir) => {
          const pts = cells.map(([i, j]) => [i * 100, j * 100] as [number, number]);
          const a = farm(pts, v, dir);
          const b = farm([...pts].reverse(), v, dir);
          return a.netKw >= 0 && a.netKw <= a.grossKw + 1e-9 && Math.abs(a.netKw - b.netKw) <= 1e-9 * Math.max(1, a.grossKw);
        },
      ),
      { numRuns: 200 },
    );
  });
});
