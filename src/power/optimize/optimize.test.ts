import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHighsSolver } from "../../solver/highs.ts";
import { dispatch } from "../dispatch/dispatch.ts";
import type { Portfolio, TechParams, UnitFixedCosts } from "../dispatch/inputs.ts";
import { costBreakdown } from "../metrics/costs.ts";
import { cleanScores, maxBalanceErrorMwh } from "../metrics/energy.ts";
import { FREE_CAPACITY as free, NO_CAPACITY as allNone, makeSeries, perPeriodUsd as perPeriod, sizingProblem as problem, simpleTech, syntheticYear, zeroCosts } from "../../../test/helpers/power-series.ts";
import { buildSizingLp } from "./build.ts";
import { optimizePortfolio, readDispatch } from "./optimize.ts";
import { fixedPortfolioBounds } from "./site-result.ts";
import type { CapacityBounds } from "./problem.ts";

const solver = await createHighsSolver();

describe("sizing LP, hand-computed optima", () => {
  it("sizes gas to the peak: 2 hours, one technology", () => {
    // gas 10 USD per MW for the period + 30 USD/MWh; load 100 then 60; no grid
    const s = makeSeries({ loadMw: [100, 60] });
    const r = optimizePortfolio(problem(s, { bounds: { ...allNone, gasMw: free }, gridImportLimitMw: 0, unitCosts: { ...zeroCosts, gasUsdPerMwYear: perPeriod(10, 2) } }), solver);
    expect(r.status).toBe("optimal");
    expect(r.dispatch!.portfolio.gasMw).toBeCloseTo(100, 6);
    expect(r.objectiveUsd).toBeCloseTo(100 * 10 + 160 * 30, 6);
    expect(r.targetMarginalCostUsdPerMwh).toBeNull();
  });

  it("meets an annual-match target with PV and exports; the target's dual is the PV cost per MWh", () => {
    // PV produces only in hour 0 (1 MWh per MW), costs 20 USD per MW; grid 50 USD/MWh
    const s = makeSeries({ loadMw: [100, 100], pvCapacityFactor: [1, 0], gridPriceUsdPerMwh: 50 });
    const base = { bounds: { ...allNone, pvMw: free }, exportLimitMw: 100, unitCosts: { ...zeroCosts, pvUsdPerMwYear: perPeriod(20, 2) } };
    const cheap = optimizePortfolio(problem(s, base), solver);
    expect(cheap.dispatch!.portfolio.pvMw).toBeCloseTo(100, 6); // worth building up to hour-0 load only
    expect(cheap.objectiveUsd).toBeCloseTo(100 * 20 + 100 * 50, 6);
    const r = optimizePortfolio(problem(s, { ...base, target: { kind: "annual-match", levelFraction: 0.75, countGridClean: false } }), solver);
    expect(r.dispatch!.portfolio.pvMw).toBeCloseTo(150, 6); // 150 MWh clean: 100 used + 50 exported
    expect(r.objectiveUsd).toBeCloseTo(150 * 20 + 100 * 50, 6);
    expect(r.targetMarginalCostUsdPerMwh).toBeCloseTo(20, 6);
  });

  it("sizes a battery for arbitrage: charge cheap, discharge at the expensive hour", () => {
    // one-way efficiency 0.9: 90 MWh delivered needs 100 MWh stored and 111.1 MWh bought at 10;
    // battery 5 USD per MWh of energy and 5 USD per MW of power for the period; power ≥ charge + discharge
    const s = makeSeries({ loadMw: [0, 90], gridPriceUsdPerMwh: [10, 100] });
    const costs: UnitFixedCosts = { ...zeroCosts, batteryEnergyUsdPerMwhYear: perPeriod(5, 2), batteryPowerUsdPerMwYear: perPeriod(5, 2) };
    const r = optimizePortfolio(problem(s, { bounds: { ...allNone, batteryMw: free, batteryMwh: free }, unitCosts: costs }), solver);
    const p = r.dispatch!.portfolio;
    expect(p.batteryMwh).toBeCloseTo(100, 5);
    expect(p.batteryMw).toBeCloseTo(100 / 0.9, 5);
    expect(r.objectiveUsd).toBeCloseTo((100 / 0.9) * 10 + 100 * 5 + (100 / 0.9) * 5, 5);
    expect(r.dispatch!.series.gridImportMw[1]).toBeCloseTo(0, 6);
  });

  it("meets a 24/7 target with firm clean supply; the dual matches a finite difference", () => {
    // firm costs 100 USD per MW for the period + 10 USD/MWh (availability 0.9): 37.8 USD/MWh > grid 30 USD/MWh
    const s = makeSeries({ loadMw: [100, 100, 100, 100], gridPriceUsdPerMwh: 30 });
    const solve = (level: number) =>
      optimizePortfolio(problem(s, { bounds: { ...allNone, firmCleanMw: free }, unitCosts: { ...zeroCosts, firmCleanUsdPerMwYear: perPeriod(100, 4) }, target: { kind: "cfe-247", levelFraction: level, countGridClean: false } }), solver);
    const a = solve(0.5);
    // 200 MWh clean over 4 h = 50 MW delivered = 55.56 MW firm; firm variable 10 USD/MWh × 0.9 × 4 h per MW
    const firmMw = 50 / 0.9;
    expect(a.dispatch!.portfolio.firmCleanMw).toBeCloseTo(firmMw, 6);
    expect(a.objectiveUsd).toBeCloseTo(firmMw * (100 + 0.9 * 4 * 10) + 200 * 30, 6);
    const b = solve(0.51);
    const fd = (b.objectiveUsd - a.objectiveUsd) / (0.01 * 400);
    expect(a.targetMarginalCostUsdPerMwh).toBeCloseTo(fd, 6);
    expect(a.targetMarginalCostUsdPerMwh).toBeCloseTo((100 + 36) / (0.9 * 4) - 30, 6);
  });

  it("reports an impossible target as infeasible", () => {
    const s = makeSeries({ loadMw: [100, 100] });
    const r = optimizePortfolio(problem(s, { target: { kind: "cfe-247", levelFraction: 0.5, countGridClean: false } }), solver);
    expect(r.status).toBe("infeasible");
    expect(r.dispatch).toBeNull();
  });
});

const bigCosts: UnitFixedCosts = {
  pvUsdPerMwYear: 90_000,
  windUsdPerMwYear: 140_000,
  batteryPowerUsdPerMwYear: 55_000,
  batteryEnergyUsdPerMwhYear: 40_000,
  gasUsdPerMwYear: 130_000,
  firmCleanUsdPerMwYear: 800_000,
};

function randomCase(n: number, seed: number, load: number[], price: number[]) {
  const { pv, wind } = syntheticYear(n, seed);
  return makeSeries({ loadMw: load, pvCapacityFactor: [...pv], windCapacityFactor: [...wind], gridPriceUsdPerMwh: price, exportPriceUsdPerMwh: 5, gridCo2KgPerMwh: 400 });
}


describe("sizing LP versus rule-based dispatch (fast-check)", () => {
  const n = 36;
  const arb = fc.record({
    seed: fc.integer({ min: 1, max: 1e6 }),
    load: fc.array(fc.double({ min: 50, max: 300, noNaN: true }), { minLength: n, maxLength: n }),
    price: fc.array(fc.double({ min: 5, max: 150, noNaN: true }), { minLength: n, maxLength: n }),
    pvMw: fc.double({ min: 0, max: 400, noNaN: true }),
    windMw: fc.double({ min: 0, max: 300, noNaN: true }),
    batteryMw: fc.double({ min: 0, max: 100, noNaN: true }),
    hours: fc.double({ min: 0.5, max: 6, noNaN: true }),
    gasMw: fc.double({ min: 0, max: 200, noNaN: true }),
    firmMw: fc.double({ min: 0, max: 100, noNaN: true }),
    exportMw: fc.double({ min: 0, max: 100, noNaN: true }),
    carbon: fc.constantFrom(0, 50),
    withTarget: fc.boolean(),
  });

  it("never costs more than dispatching the same capacities, and its dispatch balances with CFE ≤ annual match", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const s = randomCase(n, c.seed, c.load, c.price);
        const p: Portfolio = { pvMw: c.pvMw, windMw: c.windMw, batteryMw: c.batteryMw, batteryMwh: c.batteryMw * c.hours, gasMw: c.gasMw, firmCleanMw: c.firmMw, gridImportLimitMw: Infinity, exportLimitMw: c.exportMw };
        const tech: TechParams = { ...simpleTech, carbonPriceUsdPerTco2: c.carbon };
        const rule = dispatch(s, p, tech);
        const ruleCost = costBreakdown(s, rule.series, p, tech, bigCosts).totalUsd;
        const ruleCfe = cleanScores(s, rule.series).cfeScoreFraction;
        const target = c.withTarget ? { kind: "cfe-247" as const, levelFraction: Math.max(0, ruleCfe - 1e-9), countGridClean: false } : { kind: "none" as const, levelFraction: 0, countGridClean: false };
        const r = optimizePortfolio(problem(s, { tech, unitCosts: bigCosts, bounds: fixedPortfolioBounds(p), exportLimitMw: c.exportMw, storageBoundary: "start-empty", target }), solver);
        expect(r.status).toBe("optimal");
        expect(r.objectiveUsd).toBeLessThanOrEqual(ruleCost + 1e-6 * Math.abs(ruleCost) + 1e-6);
        const d = r.dispatch!;
        expect(costBreakdown(s, d.series, d.portfolio, tech, bigCosts).totalUsd).toBeCloseTo(r.objectiveUsd, 3);
        expect(maxBalanceErrorMwh(s, d.series)).toBeLessThan(1e-6);
        const sc = cleanScores(s, d.series);
        expect(sc.cfeScoreFraction).toBeLessThanOrEqual(sc.annualMatchFraction + 1e-6);
        if (c.withTarget) expect(sc.cfeScoreFraction).toBeGreaterThanOrEqual(target.levelFraction - 1e-6);
        const socMax = d.portfolio.batteryMwh * tech.battery.socMaxFraction;
        expect(Math.max(...d.series.batterySocMwh)).toBeLessThanOrEqual(socMax + 1e-6);
      }),
      { numRuns: 25 },
    );
  });
});

describe("LP file round trip", async () => {
  const text = await createHighsSolver({ input: "lp-text" });
  it("the CPLEX LP text of a sizing model, re-read by HiGHS, gives the same optimum as the arrays", () => {
    const n = 72;
    const load = Array.from({ length: n }, (_, t) => 200 + 50 * Math.sin(t / 5));
    const price = Array.from({ length: n }, (_, t) => 40 + 30 * Math.cos(t / 3));
    const s = randomCase(n, 7, load, price);
    const free: CapacityBounds = { min: 0, max: 1000 };
    const p = problem(s, {
      unitCosts: bigCosts,
      bounds: { pvMw: free, windMw: free, batteryMw: free, batteryMwh: free, gasMw: free, firmCleanMw: free },
      gridImportLimitMw: 150,
      exportLimitMw: 50,
      target: { kind: "cfe-247", levelFraction: 0.8, countGridClean: true },
    });
    const a = optimizePortfolio(p, solver);
    const b = optimizePortfolio(p, text);
    expect(a.status).toBe("optimal");
    expect(b.status).toBe("optimal");
    expect(Math.abs(a.objectiveUsd - b.objectiveUsd) / a.objectiveUsd).toBeLessThan(1e-9);
    expect(a.targetMarginalCostUsdPerMwh!).toBeCloseTo(b.targetMarginalCostUsdPerMwh!, 6);
    const lp = buildSizingLp(p).lp;
    expect(lp.numRows).toBeGreaterThan(n);
  });
});

describe("reading the dispatch of an LP solution", () => {
  // two hours, battery 50 MW / 100 MWh, a solution that charges 20 and discharges 9 MW in hour 0 (equally cheap
  // while surplus is curtailed, so an interior-point optimum may do it)
  const s = makeSeries({ loadMw: [10, 10], pvCapacityFactor: [1, 0] });
  const bounds = { ...allNone, pvMw: free, batteryMw: free, batteryMwh: free };
  const solution = (p: ReturnType<typeof problem>): { x: Float64Array; m: ReturnType<typeof buildSizingLp> } => {
    const m = buildSizingLp(p);
    const x = new Float64Array(m.lp.numCols);
    const { capacity: c, block: k } = m.columns;
    x[c.pv] = 40;
    x[c.batteryPower] = 50;
    x[c.batteryEnergy] = 100;
    x[k.charge] = 20;
    x[k.discharge] = 9;
    x[k.soc] = 0.9 * 20 - 9 / 0.9;
    return { x, m };
  };

  it("nets a charge and a discharge in the same step: same state of charge, the rest is curtailed", () => {
    const p = problem(s, { bounds, target: { kind: "cfe-247", levelFraction: 0.5, countGridClean: false } });
    const { x, m } = solution(p);
    const d = readDispatch(p, m, x);
    // stored 0.9 × 20 − 9 / 0.9 = 8 MWh: a charge of 8 / 0.9, no discharge
    expect(d.series.batteryChargeMw[0]).toBeCloseTo(8 / 0.9, 9);
    expect(d.series.batteryDischargeMw[0]).toBe(0);
    expect(d.series.batterySocMwh[0]).toBeCloseTo(8, 9);
    expect(d.series.curtailmentMw[0]).toBeCloseTo(40 - 10 - 8 / 0.9, 9);
  });

  it("keeps both under an annual-match target, where charging counts toward the target", () => {
    const p = problem(s, { bounds, target: { kind: "annual-match", levelFraction: 0.5, countGridClean: false } });
    const { x, m } = solution(p);
    const d = readDispatch(p, m, x);
    expect(d.series.batteryChargeMw[0]).toBe(20);
    expect(d.series.batteryDischargeMw[0]).toBe(9);
  });
});
