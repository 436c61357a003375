/** A small scenario with uncertainty for the tests of this folder (2 sites, 3 phases, economics). */
import { checkScenarioObject } from "../../src/scenario/load.ts";
import type { Scenario, ScenarioInput } from "../../src/scenario/schema.ts";
import { tinyScenario } from "./fixtures.ts";

export function uncertainScenarioInput(uncertain: Record<string, unknown>): ScenarioInput {
  const base = tinyScenario({
    economics: { revenueUsdPerMwItYear: 12e6, discountRateFractionPerYear: 0.09 },
  });
  base.sites.push({
    name: "B",
    state: "LA",
    gridRegion: "MISO",
    phases: [
      { name: "b1", itPowerMw: 200, constructionStartMonth: "2025-06", constructionMonths: 18, fleetMix: { GB300: 1 } },
      { name: "b2", itPowerMw: 150, constructionStartMonth: "2026-01", constructionMonths: 24, fleetMix: { GB300: 1 } },
    ],
  });
  return { ...base, uncertain } as ScenarioInput;
}

export function uncertainScenario(uncertain: Record<string, unknown>): Scenario {
  const checked = checkScenarioObject(uncertainScenarioInput(uncertain));
  if (!checked.value) throw new Error(JSON.stringify(checked.diagnostics));
  return checked.value;
}

export const SMALL_UNCERTAIN = {
  "economics.revenueUsdPerMwItYear": { dist: "triangular", min: 8e6, mode: 12e6, max: 16e6 },
  "sites[1].phases[0].itPowerMw": { dist: "pert", min: 150, mode: 200, max: 260 },
  "sites[1].phases[1].constructionMonths": { dist: "triangular", min: 18, mode: 24, max: 36 },
  "accelerators.GB300.unitPriceUsd": { dist: "lognormal", p5: 40000, p95: 60000 },
  "facility.pue": { dist: "uniform", min: 1.05, max: 1.2 },
  correlations: [{ between: ["economics.revenueUsdPerMwItYear", "facility.pue"], rankCorrelation: -0.5 }],
};
