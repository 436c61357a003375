/** Property tests: invariants of the monthly model on random scenarios. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASSET_CLASSES } from "./capex.ts";
import { programMonthly } from "./program.ts";
import { runResolved } from "../pipeline/run.ts";
import type { ScenarioInput } from "../scenario/schema.ts";
import { prepareOrThrow } from "../../test/helpers/prepare.ts";
import { runModel } from "./model.ts";

const GENERATIONS = ["H100", "GB200", "GB300", "MI300X", "MI355X"];
const month = (i: number): string => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

const phaseArb = fc.record({
  itPowerMw: fc.double({ min: 1, max: 2000, noNaN: true }),
  startOffset: fc.integer({ min: 0, max: 60 }),
  constructionMonths: fc.integer({ min: 3, max: 48 }),
  interconnectionOffset: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  generations: fc.uniqueArray(fc.constantFrom(...GENERATIONS), { minLength: 1, maxLength: 3 }),
  pue: fc.option(fc.double({ min: 1.05, max: 1.6, noNaN: true }), { nil: undefined }),
});

const scenarioArb = fc
  .record({
    sites: fc.array(fc.array(phaseArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    planUsdPerYear: fc.double({ min: 20e9, max: 400e9, noNaN: true }),
    carryOver: fc.boolean(),
    escalation: fc.double({ min: 0, max: 0.05, noNaN: true }),
    utilization: fc.double({ min: 0.2, max: 1, noNaN: true }),
    refresh: fc.boolean(),
    serverLifeYears: fc.double({ min: 3, max: 7, noNaN: true }),
  })
  .map((r): ScenarioInput => ({
    program: {
      name: "random",
      currencyBaseYear: 2025,
      horizonStartMonth: "2024-01",
      horizonEndMonth: "2035-12",
      capitalPlanUsdByYear: Object.fromEntries([2024, 2025, 2026, 2027, 2028, 2029, 2030].map((y) => [String(y), r.planUsdPerYear])),
      unspentCapitalCarriesOver: r.carryOver,
      escalationFractionPerYear: r.escalation,
    },
    facility: { utilizationFraction: r.utilization },
    assetLives: { refreshAtEndOfLife: r.refresh, serverLifeYears: r.serverLifeYears },
    sites: r.sites.map((phases, si) => ({
      name: `S${si}`,
      state: "TX",
      gridRegion: "ERCOT",
      phases: phases.map((p, pi) => ({
        name: `P${pi}`,
        itPowerMw: p.itPowerMw,
        constructionStartMonth: month(p.startOffset),
        constructionMonths: p.constructionMonths,
        interconnectionMonth: p.interconnectionOffset === undefined ? undefined : month(p.interconnectionOffset),
        fleetMix: Object.fromEntries(p.generations.map((g) => [g, 1 / p.generations.length])),
        pue: p.pue,
      })),
    })),
  }));

const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

describe("model invariants", () => {
  it("holds for random scenarios", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const before = JSON.stringify(input);
        let s;
        try {
          s = prepareOrThrow(input);
        } catch {
          fc.pre(false); // capital plan too small for the phases: a validation error, covered elsewhere
          return true;
        }
        const st = runModel(s);
        const t = s.timeline;
        const pm = programMonthly(st);
        const startedMw = new Float64Array(t.months);
        for (const p of st.build.phases) {
          if (p.startIndex < 0) continue;
          for (let m = p.startIndex; m < t.months; m++) startedMw[m] += s.phases[p.phaseIndex].itPowerMw;
        }
        for (let m = 0; m < t.months; m++) {
          // MW online never exceeds MW built (started), and online + under construction = started.
          expect(pm.itPowerMwOnline[m]).toBeLessThanOrEqual(startedMw[m] * (1 + 1e-12));
          expect(close(pm.itPowerMwOnline[m] + pm.itPowerMwUnderConstruction[m], startedMw[m])).toBe(true);
          // energy = power x utilization x hours (facility power includes PUE)
          expect(close(pm.facilityEnergyMwh[m], pm.facilityPowerMwOnline[m] * s.utilizationFraction * t.hours[m])).toBe(true);
        }
        // accelerators x all-in W x PUE = facility MW online (while servers are refreshed at end of life)
        if (s.refreshAtEndOfLife) {
          for (let si = 0; si < s.sites.length; si++) {
            const facilityFromFleet = new Float64Array(t.months);
            for (const v of st.fleet) {
              if (v.siteIndex !== si) continue;
              const w = v.count * s.accelerators[v.generation].allInWPerAccelerator * s.phases[v.phaseIndex].pue;
              for (let m = v.installIndex; m < Math.min(v.retireIndex, t.months); m++) facilityFromFleet[m] += w / 1e6;
            }
            for (let m = 0; m < t.months; m++) expect(close(facilityFromFleet[m], st.capacity.sites[si].facilityPowerMwOnline[m], 1e-9)).toBe(true);
          }
        }
        // capex by category sums to the total; depreciation never exceeds cost
        const result = runResolved(s);
        const byCat = ASSET_CLASSES.reduce((a, c) => a + result.summary.capexUsdByCategory[c], result.summary.capexUsdByCategory.unmodelled);
        expect(close(byCat, result.summary.capexUsdTotal)).toBe(true);
        for (const c of ASSET_CLASSES) {
          let cumCapex = 0;
          let cumDep = 0;
          for (let m = 0; m < t.months; m++) {
            cumCapex += pm.capexUsdByClass[c][m];
            cumDep += pm.depreciationUsdByClass[c][m];
            expect(cumDep).toBeLessThanOrEqual(cumCapex * (1 + 1e-9) + 1e-6);
          }
        }
        // inputs are never mutated
        expect(JSON.stringify(input)).toBe(before);
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic: the same scenario gives the same result", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        let s;
        try {
          s = prepareOrThrow(input);
        } catch {
          fc.pre(false);
          return true;
        }
        expect(JSON.stringify(runResolved(s))).toBe(JSON.stringify(runResolved(prepareOrThrow(input))));
        return true;
      }),
      { numRuns: 10 },
    );
  });
});
