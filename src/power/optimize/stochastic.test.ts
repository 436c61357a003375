/** Issue 13 item 4: sizing under uncertainty: the two-stage LP, VSS and EVPI. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHighsSolver } from "../../solver/highs.ts";
import { FREE_CAPACITY as free, NO_CAPACITY as allNone, makeSeries, perPeriodUsd as perPeriod, sizingProblem as problem, zeroCosts } from "../../../test/helpers/power-series.ts";
import { meanProblem, solveTwoStage, stochasticSizing } from "./stochastic.ts";

const solver = await createHighsSolver();

describe("two-stage sizing, hand-computed", () => {
  // One hour; gas 10 USD per MW for the period and 30 USD/MWh (7 × 4 + 2); grid 100 USD/MWh. Load 100 or 200 MW.
  const gas = (load: number) => problem(makeSeries({ loadMw: [load], gridPriceUsdPerMwh: 100 }), { bounds: { ...allNone, gasMw: free }, unitCosts: { ...zeroCosts, gasUsdPerMwYear: perPeriod(10, 1) } });
  const samples = [gas(100), gas(200)];
  const r = stochasticSizing(samples, solver);

  it("wait and see: each sample builds its own load in gas: (4,000 + 8,000) / 2 = 6,000", () => {
    expect(r.perSample.map((s) => s.capacities!.gasMw)).toEqual([expect.closeTo(100, 6), expect.closeTo(200, 6)]);
    expect(r.waitAndSeeUsd).toBeCloseTo(6000, 6);
  });
  it("recourse: one capacity for both, 200 MW (each MW saves 70 USD in the high sample, half the time, for 10): 6,500", () => {
    expect(r.robust.capacities!.gasMw).toBeCloseTo(200, 6);
    expect(r.robust.expectedCostUsd).toBeCloseTo(6500, 6);
  });
  it("expected value: 150 MW for the mean load; dispatched in both samples it costs 7,750 on average (the high one imports 50 MWh)", () => {
    expect(r.expectedValue.capacities!.gasMw).toBeCloseTo(150, 6);
    expect(r.eevUsd).toBeCloseTo(7750, 6);
  });
  it("VSS = EEV − RP = 1,250 and EVPI = RP − WS = 500", () => {
    expect(r.vssUsd).toBeCloseTo(1250, 6);
    expect(r.evpiUsd).toBeCloseTo(500, 6);
  });
  it("one sample: RP = WS = EV, so VSS = EVPI = 0", () => {
    const one = stochasticSizing([gas(130)], solver);
    expect(one.vssUsd).toBeCloseTo(0, 6);
    expect(one.evpiUsd).toBeCloseTo(0, 6);
  });
  it("the EV capacities can miss a sample's target: EEV is then undefined and the samples are counted", () => {
    const tgt = { kind: "cfe-247" as const, levelFraction: 1, countGridClean: false };
    const firm = (load: number) => problem(makeSeries({ loadMw: [load] }), { target: tgt, bounds: { ...allNone, firmCleanMw: free }, unitCosts: { ...zeroCosts, firmCleanUsdPerMwYear: perPeriod(1, 1) } });
    const s = stochasticSizing([firm(100), firm(200)], solver);
    expect(s.eevInfeasibleSamples).toBe(1);
    expect(s.vssUsd).toBeNull();
    expect(s.robust.capacities!.firmCleanMw).toBeCloseTo(200 / 0.9, 4);
  });
  it("the mean problem averages the series and parameters", () => {
    const m = meanProblem(samples);
    expect([...m.series.loadMw]).toEqual([150]);
    expect(m.unitCosts.gasUsdPerMwYear).toBeCloseTo(perPeriod(10, 1), 6);
  });
});

describe("two-stage sizing (property)", () => {
  it("VSS ≥ 0 and EVPI ≥ 0 for random loads and prices", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }),
        fc.double({ min: 35, max: 200, noNaN: true }),
        (loads, grid) => {
          const ps = loads.map((l) => problem(makeSeries({ loadMw: l, pvCapacityFactor: [1, 0.3, 0], gridPriceUsdPerMwh: grid }), { bounds: { ...allNone, gasMw: free, pvMw: free }, unitCosts: { ...zeroCosts, gasUsdPerMwYear: perPeriod(8, 3), pvUsdPerMwYear: perPeriod(15, 3) } }));
          const s = stochasticSizing(ps, solver);
          const scale = Math.max(1, s.robust.expectedCostUsd);
          expect(s.vssUsd!).toBeGreaterThanOrEqual(-1e-7 * scale);
          expect(s.evpiUsd!).toBeGreaterThanOrEqual(-1e-7 * scale);
          expect(solveTwoStage(ps, solver).status).toBe("optimal");
        },
      ),
      { numRuns: 25 },
    );
  });
});
