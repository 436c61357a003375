import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { uncertainScenario } from "../../test/helpers/uncertain.ts";
import { compareSettings, compareStrategies } from "./compare.ts";

const demand = { startMonth: "2025-01", endYear: 2029, initialItMw: 100, growthFractionPerYear: { dist: "triangular", min: 0, mode: 0.3, max: 0.8 }, volatilityFractionPerYear: 0.1 };

describe("compare", () => {
  it("resolves plan phases, lead time and costs from the scenario and data/", () => {
    const s = compareSettings(uncertainScenario({ demand })).value!;
    expect(s.months).toBe(60);
    expect(s.context.phases.map((p) => [p.itPowerMw, p.startMonth, p.onlineMonth])).toEqual([[100, 0, 12], [200, 5, 23], [150, 12, 36]]);
    expect(s.context.leadTimeMonths).toBe(Math.round((100 * 12 + 200 * 18 + 150 * 24) / 450));
    expect(s.shortfallUsdPerMwMonth).toBe(12e6 / 12);
    expect(s.idleUsdPerMwMonth).toBe(referenceData.strategy.idleCostUsdPerMwItYear / 12);
    expect(s.targetMonth).toBe(23); // December 2026, the last capital-plan year
  });

  it("is reproducible, and regret is zero for the best strategy on each path", () => {
    const s = uncertainScenario({ demand, strategies: { shortfallCostUsdPerMwMonth: 2e6, idleCostUsdPerMwMonth: 5e5 } });
    const o = { paths: 300, seed: 4, method: "lhs" as const, strategies: ["aggressive", "staged", "just-in-time"] as const };
    const a = compareStrategies(s, o).value!;
    expect(compareStrategies(s, o).value).toEqual(a);
    expect(a.strategies.reduce((t, r) => t + r.probabilityBest, 0)).toBeCloseTo(1, 12);
    for (const r of a.strategies) {
      expect(r.regretUsd.min).toBeGreaterThanOrEqual(0);
      if (r.probabilityBest > 0) expect(r.regretUsd.min).toBe(0);
    }
    expect(a.newsvendor.atCosts.ratio).toBe(4);
    expect(a.newsvendor.atCosts.criticalRatio).toBe(0.8);
  });

  it("with certain flat demand equal to the plan, aggressive costs nothing after the build and is best", () => {
    // zero growth at the plan's final size: aggressive matches demand once its last phase is online,
    // just-in-time never overbuilds.
    const s = uncertainScenario({ demand: { ...demand, initialItMw: 450, growthFractionPerYear: 0, volatilityFractionPerYear: 0 }, strategies: { idleCostUsdPerMwMonth: 1, shortfallCostUsdPerMwMonth: 1 } });
    const r = compareStrategies(s, { paths: 4, seed: 1, method: "mc", strategies: ["aggressive", "just-in-time"] }).value!;
    const [agg, jit] = r.strategies;
    // aggressive: 450 MW short until month 12, 350 short until 23, 150 short until 36, then exact
    expect(agg.meanShortfallMwMonths).toBeCloseTo(450 * 12 + 350 * 11 + 150 * 13, 9);
    expect(agg.meanIdleMwMonths).toBe(0);
    // just-in-time orders 450 MW at month 0 and gets it after the lead time
    expect(jit.meanShortfallMwMonths).toBeCloseTo(450 * r.leadTimeMonths, 9);
  });

  it("needs a demand model", () => {
    const r = compareSettings(uncertainScenario({}));
    expect(r.diagnostics[0]).toMatchObject({ path: "uncertain.demand", severity: "error" });
  });

  it("time-to-power risk: every strategy faces the same delay; a zero delay changes nothing; the plan's newsvendor position moves", () => {
    const flat = { ...demand, initialItMw: 450, growthFractionPerYear: 0, volatilityFractionPerYear: 0 };
    const costs = { idleCostUsdPerMwMonth: 1, shortfallCostUsdPerMwMonth: 1 };
    const o = { paths: 4, seed: 1, method: "mc" as const, strategies: ["aggressive", "just-in-time"] as const };
    const none = compareStrategies(uncertainScenario({ demand: flat, strategies: costs }), o).value!;
    const zero = compareStrategies(uncertainScenario({ demand: flat, strategies: { ...costs, powerDelayMonths: { dist: "fixed", value: 0 } } }), o).value!;
    expect(zero.strategies).toEqual(none.strategies);
    expect(zero.leadTimeRisk!.delayMonths.mean).toBe(0);
    const six = compareStrategies(uncertainScenario({ demand: flat, strategies: { ...costs, powerDelayMonths: { dist: "fixed", value: 6 } } }), o).value!;
    const [agg, jit] = six.strategies;
    // every phase 6 months later: 450 short until 18, 350 until 29, 150 until 42; just-in-time waits 6 months more
    expect(agg.meanShortfallMwMonths).toBeCloseTo(450 * 18 + 350 * 11 + 150 * 13, 9);
    expect(jit.meanShortfallMwMonths).toBeCloseTo(450 * (six.leadTimeMonths + 6), 9);
    // the target (Dec 2026, month 23) now sees only the first phase (online at 18): 100 MW against 450 of demand
    expect(six.leadTimeRisk!.planCapacityAtTargetMw.mean).toBe(100);
    expect(six.leadTimeRisk!.planDemandQuantile).toBe(0);
    expect(none.newsvendor.plan.capacityMw).toBe(300);
  });

  it("the same demand paths with and without the risk (the delay is an extra sampling dimension)", () => {
    const o = { paths: 200, seed: 3, method: "sobol" as const, strategies: ["aggressive"] as const };
    const a = compareStrategies(uncertainScenario({ demand }), o).value!;
    const b = compareStrategies(uncertainScenario({ demand, strategies: { powerDelayMonths: { dist: "triangular", min: 0, mode: 3, max: 12 } } }), o).value!;
    expect(b.demandAtTargetMw).toEqual(a.demandAtTargetMw);
    expect(b.strategies[0].costUsd.mean!).toBeGreaterThan(a.strategies[0].costUsd.mean!);
    expect(b.leadTimeRisk!.planCapacityAtTargetMw.mean!).toBeLessThanOrEqual(a.newsvendor.plan.capacityMw);
  });
});
