import { describe, expect, it } from "vitest";
import { makeDistribution } from "../uncertainty/distributions.ts";
import { demandPath } from "./demand.ts";
import { newsvendor } from "./newsvendor.ts";
import { type StrategyContext, aggressive, justInTime, pathCost, staged } from "./strategies.ts";

const flat = (months: number, mw: number): Float64Array => new Float64Array(months).fill(mw);

describe("strategies on hand-solvable cases", () => {
  const ctx: StrategyContext = {
    months: 24,
    leadTimeMonths: 6,
    gateFraction: 0.9,
    phases: [
      { itPowerMw: 100, startMonth: -4, onlineMonth: 2 }, // committed before the paths start
      { itPowerMw: 100, startMonth: 0, onlineMonth: 10 },
      { itPowerMw: 100, startMonth: 3, onlineMonth: 13 },
    ],
  };

  it("aggressive builds the whole plan on schedule", () => {
    const c = new Float64Array(24);
    aggressive(ctx, flat(24, 150), c);
    expect([c[0], c[1], c[2], c[9], c[10], c[12], c[13], c[23]]).toEqual([0, 0, 100, 100, 200, 200, 300, 300]);
  });

  it("staged stops releasing phases once committed capacity is ahead of demand", () => {
    // demand 150: phase 2 is released at month 0 (150 ≥ 0.9 × 100), phase 3 never (150 < 0.9 × 200)
    const c = new Float64Array(24);
    staged(ctx, flat(24, 150), c);
    expect([c[2], c[9], c[10], c[23]]).toEqual([100, 100, 200, 200]);
    // demand jumps to 190 at month 8: phase 3 (planned start 3) is released then and takes its 10 months
    const d = flat(24, 150);
    d.fill(190, 8);
    staged(ctx, d, c);
    expect([c[17], c[18]]).toEqual([200, 300]);
  });

  it("just-in-time orders the gap and gets it after the lead time", () => {
    const d = flat(24, 100);
    d.fill(160, 5);
    const c = new Float64Array(24);
    justInTime(ctx, d, c);
    // committed 100 (pre-start phase, online month 2); the 60 MW gap ordered at month 5 arrives at month 11
    expect([c[1], c[2], c[10], c[11], c[23]]).toEqual([0, 100, 100, 160, 160]);
  });

  it("costs: shortfall and idle MW-months priced separately, discounting monthly", () => {
    const d = flat(4, 100);
    const c = Float64Array.from([0, 50, 100, 130]);
    expect(pathCost(d, c, 10, 1, 0)).toEqual({ costUsd: 100 * 10 + 50 * 10 + 30 * 1, shortfallMwMonths: 150, idleMwMonths: 30 });
    const r = 0.01;
    expect(pathCost(d, c, 10, 1, r).costUsd).toBeCloseTo(1000 + 500 / 1.01 + 30 / 1.01 ** 3, 9);
  });
});

describe("demand paths", () => {
  it("grow geometrically at the drawn rate when volatility is 0", () => {
    const model = { months: 25, initialItMw: 1000, growth: makeDistribution({ dist: "fixed", value: 0.2 }), volatilityFractionPerYear: 0 };
    const out = new Float64Array(25);
    demandPath(model, [0.2, 0, 0, 0], out);
    expect(out[0]).toBeCloseTo(1000, 9);
    expect(out[12]).toBeCloseTo(1200, 9);
    expect(out[24]).toBeCloseTo(1440, 9);
    expect(out[6]).toBeCloseTo(1000 * Math.sqrt(1.2), 9);
  });

  it("yearly shocks move the path by exp(σz − σ²/2)", () => {
    const model = { months: 13, initialItMw: 100, growth: makeDistribution({ dist: "fixed", value: 0 }), volatilityFractionPerYear: 0.1 };
    const out = new Float64Array(13);
    demandPath(model, [0, 1.5, 0], out);
    expect(out[12]).toBeCloseTo(100 * Math.exp(0.15 - 0.005), 9);
  });
});

describe("newsvendor", () => {
  it("optimal capacity is the critical-ratio quantile; the plan's implied ratio is F/(1 − F)", () => {
    const demand = Float64Array.from({ length: 1001 }, (_, i) => 1000 + i); // uniform on 1000 … 2000
    const nv = newsvendor(demand, 1750, 3);
    expect(nv.curve.find((p) => p.ratio === 1)?.optimalCapacityMw).toBe(1500);
    expect(nv.atCosts).toEqual({ ratio: 3, criticalRatio: 0.75, optimalCapacityMw: 1750 });
    expect(nv.plan.demandQuantile).toBeCloseTo(751 / 1001, 12);
    expect(nv.plan.impliedRatio).toBeCloseTo(751 / 250, 12);
    // above every path: a finite lower bound (N paths) that survives JSON, flagged, instead of Infinity (null in JSON)
    const above = newsvendor(demand, 5000, 1).plan;
    expect(above.impliedRatio).toBe(demand.length);
    expect(above.impliedRatioIsLowerBound).toBe(true);
    expect(JSON.parse(JSON.stringify(above)).impliedRatio).toBe(demand.length);
    expect(nv.plan.impliedRatioIsLowerBound).toBe(false);
  });
});
