/** Small scenarios for tests. */
import type { ScenarioInput } from "../../src/scenario/schema.ts";

export function tinyScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    program: {
      name: "tiny",
      currencyBaseYear: 2025,
      horizonStartMonth: "2025-01",
      horizonEndMonth: "2030-12",
      capitalPlanUsdByYear: { "2025": 50e9, "2026": 50e9 },
    },
    sites: [
      {
        name: "A",
        state: "TX",
        gridRegion: "ERCOT",
        phases: [{ name: "p1", itPowerMw: 100, constructionStartMonth: "2025-01", constructionMonths: 12, fleetMix: { GB200: 1 } }],
      },
    ],
    ...overrides,
  };
}
