/** Issue 13 item 2: several sites in one LP, flexible load moved between them hour by hour. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHighsSolver } from "../../solver/highs.ts";
import { FREE_CAPACITY as free, NO_CAPACITY as allNone, makeSeries, perPeriodUsd as perPeriod, sizingProblem as problem, zeroCosts } from "../../../test/helpers/power-series.ts";
import { optimizePortfolio } from "./optimize.ts";
import { buildProgramLp, optimizeProgram } from "./program.ts";

const solver = await createHighsSolver();

describe("program LP, hand-computed", () => {
  // Two hours. Site A buys grid power at 10 USD/MWh, site B at 50; each has 100 MW of load.
  const a = problem(makeSeries({ loadMw: [100, 100], gridPriceUsdPerMwh: 10 }));
  const b = problem(makeSeries({ loadMw: [100, 100], gridPriceUsdPerMwh: 50 }));

  it("uncoupled, the program LP is the sites' own LPs side by side: its optimum is the sum of theirs", () => {
    const r = optimizeProgram([{ name: "A", problem: a, inFraction: 0.2, outFraction: 0.2 }, { name: "B", problem: b, inFraction: 0.2, outFraction: 0.2 }], solver, false);
    expect(r.status).toBe("optimal");
    expect(r.objectiveUsd).toBeCloseTo(optimizePortfolio(a, solver).objectiveUsd + optimizePortfolio(b, solver).objectiveUsd, 6);
    expect(r.sites!.every((s) => s.movedInMwh === 0 && s.movedOutMwh === 0)).toBe(true);
  });
  it("coupled, 20 % of B's load moves to A's spare capacity each hour: 2 × 20 MWh × 40 USD saved", () => {
    const sites = [{ name: "A", problem: a, inFraction: 0.3, outFraction: 0.2 }, { name: "B", problem: b, inFraction: 0.3, outFraction: 0.2 }];
    const r = optimizeProgram(sites, solver, true);
    expect(r.objectiveUsd).toBeCloseTo(200 * 10 + 200 * 50 - 2 * 20 * 40, 6);
    const [ra, rb] = r.sites!;
    expect(ra.movedInMwh).toBeCloseTo(40, 6);
    expect(rb.movedOutMwh).toBeCloseTo(40, 6);
    expect(ra.netMovedMwhByHourOfDay.slice(0, 2)).toEqual([expect.closeTo(20, 6), expect.closeTo(20, 6)]);
    expect(rb.netMovedMwhByMonth[0]).toBeCloseTo(-40, 6);
    // A serves 120 MW, B 80 MW, every hour
    expect(ra.dispatch.servedLoadMw![0]).toBeCloseTo(120, 6);
    expect(rb.dispatch.servedLoadMw![1]).toBeCloseTo(80, 6);
  });
  it("the spare capacity of the receiving site binds: A can take only 10 %", () => {
    const r = optimizeProgram([{ name: "A", problem: a, inFraction: 0.1, outFraction: 0.2 }, { name: "B", problem: b, inFraction: 0.1, outFraction: 0.2 }], solver, true);
    expect(r.sites![0].movedInMwh).toBeCloseTo(20, 6);
  });
  it("a 24/7 target applies to the load each site serves", () => {
    // A has cheap firm clean supply (capacity cost 1 USD per MW for the period); B only grid. Both must be 100 % clean.
    const tgt = { kind: "cfe-247" as const, levelFraction: 1, countGridClean: false };
    const aa = problem(makeSeries({ loadMw: [100, 100], gridPriceUsdPerMwh: 10 }), { target: tgt, bounds: { ...allNone, firmCleanMw: free }, unitCosts: { ...zeroCosts, firmCleanUsdPerMwYear: perPeriod(1, 2) } });
    const bb = problem(makeSeries({ loadMw: [100, 100], gridPriceUsdPerMwh: 10 }), { target: tgt, bounds: { ...allNone, firmCleanMw: free }, unitCosts: { ...zeroCosts, firmCleanUsdPerMwYear: perPeriod(3, 2) } });
    const r = optimizeProgram([{ name: "A", problem: aa, inFraction: 0.5, outFraction: 0.5 }, { name: "B", problem: bb, inFraction: 0.5, outFraction: 0.5 }], solver, true);
    // firm clean is 90 % available and costs 10 USD/MWh: per MW of load served A costs (1 + 0.9 × 2 × 10) / 0.9,
    // B (3 + 18) / 0.9, so B sends half its load to A: A builds 150 / 0.9 MW, B 50 / 0.9
    expect(r.objectiveUsd).toBeCloseTo((150 / 0.9) * 19 + (50 / 0.9) * 21, 4);
    expect(r.sites![0].dispatch.portfolio.firmCleanMw).toBeCloseTo(150 / 0.9, 4);
    expect(r.sites![1].dispatch.portfolio.firmCleanMw).toBeCloseTo(50 / 0.9, 4);
  });
});

describe("program LP, invariants (property)", () => {
  it("moving load never raises the optimum, and what moves in equals what moves out every step", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (loadA, loadB, f, up) => {
          const pa = problem(makeSeries({ loadMw: loadA, pvCapacityFactor: [1, 0, 0.5, 0] }), { bounds: { ...allNone, pvMw: free, gasMw: free }, gridImportLimitMw: 0, unitCosts: { ...zeroCosts, pvUsdPerMwYear: perPeriod(5, 4), gasUsdPerMwYear: perPeriod(20, 4) } });
          const pb = problem(makeSeries({ loadMw: loadB, gridPriceUsdPerMwh: 40 }));
          const sites = [{ name: "A", problem: pa, inFraction: up, outFraction: f }, { name: "B", problem: pb, inFraction: up, outFraction: f }];
          const apart = optimizeProgram(sites, solver, false);
          const together = optimizeProgram(sites, solver, true);
          expect(together.objectiveUsd).toBeLessThanOrEqual(apart.objectiveUsd * (1 + 1e-9) + 1e-6);
          const m = buildProgramLp(sites, true);
          expect(m.lp.numRows).toBeGreaterThan(buildProgramLp(sites, false).lp.numRows);
          for (let t = 0; t < 4; t++) {
            const net = together.sites!.reduce((s, r) => s + (r.dispatch.servedLoadMw ? r.dispatch.servedLoadMw[t] : 0), 0);
            expect(net).toBeCloseTo(loadA[t] + loadB[t], 6);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
