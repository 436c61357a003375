/** Issue 15 item 18: the inputs a run used, after defaults, in `run --format json` and `--out`. */
import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { run } from "../pipeline/run.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";

describe("effective inputs", () => {
  const r = run(tinyScenario(), referenceData, { hourlyPower: false }).result!;
  it("fill every default the scenario left out from data/", () => {
    const i = r.inputs;
    expect(i.facility.utilizationFraction).toBe(referenceData.facility.utilizationFraction);
    expect(i.phases[0].pue).toBe(referenceData.facility.pue);
    expect(i.assetLives.serverLifeYears).toBe(referenceData.facility.serverLifeYears);
    expect(i.capexPerMw).toEqual(referenceData.capexPerMw);
    expect(i.opex.energyPriceUsdPerMwh).toBe(referenceData.opex.energyPriceUsdPerMwh);
    expect(i.company).toMatchObject({ name: "Meta Platforms", fromReferenceData: true });
  });
  it("state the scenario's own values and the accelerators the run used (first builds and refreshes)", () => {
    expect(r.inputs.program.capitalPlanUsdByYear).toEqual({ "2025": 50e9, "2026": 50e9 });
    expect(r.inputs.phases[0]).toMatchObject({ label: "A/p1", itPowerMw: 100, constructionStartMonth: "2025-01", constructionMonths: 12, fleetMix: { GB200: 1 } });
    expect(Object.keys(r.inputs.accelerators)).toContain("GB200");
    expect(r.inputs.accelerators.GB200.allInWPerAccelerator).toBeCloseTo(1666.67 * 1.14, 6);
    expect(JSON.parse(JSON.stringify(r.inputs))).toEqual(r.inputs); // plain JSON
  });
});
