import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { buildPlan, outsideMonteCarlo } from "./plan.ts";
import { scenarioSchema } from "../scenario/schema.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import { SMALL_UNCERTAIN, uncertainScenario } from "../../test/helpers/uncertain.ts";

const errorsOf = (uncertain: Record<string, unknown>) => buildPlan(uncertainScenario(uncertain)).diagnostics.filter((d) => d.severity === "error");

describe("simulation plan", () => {
  it("accepts paths to scenario numbers and to fields left to their data/ defaults", () => {
    const { value, diagnostics } = buildPlan(uncertainScenario(SMALL_UNCERTAIN));
    expect(diagnostics).toEqual([]);
    expect(value?.inputs.map((i) => [i.path, i.integer, i.baseValue])).toEqual([
      ["economics.revenueUsdPerMwItYear", false, 12e6],
      ["sites[1].phases[0].itPowerMw", false, 200],
      ["sites[1].phases[1].constructionMonths", true, 24],
      // paths left out of the scenario take their data/ default as base, as `gigaplan run` does
      ["accelerators.GB300.unitPriceUsd", false, referenceData.accelerators.GB300.unitPriceUsd],
      ["facility.pue", false, referenceData.facility.pue],
    ]);
    expect(value?.copula?.dims).toEqual(Int32Array.from([0, 4]));
    expect(value?.targetYear).toBe(2026); // last capital-plan year
    // the plan asks for p1 (online 2026-01) and b1 (2026-12) by the end of 2026; b2 comes 2028-01
    expect(value?.plannedItMwAtTarget).toBe(300);
  });

  it("reports bad paths with the path as written", () => {
    expect(errorsOf({ "sites[5].phases[0].itPowerMw": { dist: "fixed", value: 1 } })).toEqual([
      { path: 'uncertain["sites[5].phases[0].itPowerMw"]', severity: "error", message: "sites has 2 item(s): index 5 does not exist" },
    ]);
    expect(errorsOf({ "sites[0].name": { dist: "fixed", value: 1 } })[0].message).toBe("sites[0].name is not a number (it is string)");
    expect(errorsOf({ "facility.pu": { dist: "fixed", value: 1.1 } })[0].message).toMatch(/facility.pu is not a field of the scenario/);
    expect(errorsOf({ "sites[0]..x": { dist: "fixed", value: 1 } })[0].message).toMatch(/is not a scenario path/);
  });

  it("rejects distributions whose samples the field cannot take, and bad parameters", () => {
    expect(errorsOf({ "sites[0].phases[0].itPowerMw": { dist: "normal", mean: 100, sd: 20 } })[0].message).toMatch(/reaches -?\d.*does not accept/);
    expect(errorsOf({ "facility.utilizationFraction": { dist: "uniform", min: 0.5, max: 1.2 } })[0].message).toMatch(/reaches 1.2/);
    expect(errorsOf({ "economics.discountRateFractionPerYear": { dist: "uniform", min: 0.1, max: 0.05 } })[0]).toMatchObject({
      path: 'uncertain["economics.discountRateFractionPerYear"].max',
    });
  });

  it("checks correlations and the target year", () => {
    const base = { "facility.pue": { dist: "uniform", min: 1.05, max: 1.2 }, "opex.energyPriceUsdPerMwh": { dist: "uniform", min: 50, max: 90 } };
    expect(errorsOf({ ...base, correlations: [{ between: ["facility.pue", "opex.staffPerMw"], rankCorrelation: 0.3 }] })[0]).toMatchObject({
      path: "uncertain.correlations[0].between[1]",
      message: "opex.staffPerMw is not one of the uncertain paths",
    });
    expect(errorsOf({ ...base, correlations: { inputs: ["facility.pue", "opex.energyPriceUsdPerMwh"], rankMatrix: [[1, 0.2]] } })[0].path).toBe("uncertain.correlations.rankMatrix");
    expect(errorsOf({ ...base, targetYear: 2050 })[0]).toMatchObject({ path: "uncertain.targetYear" });
    expect(errorsOf({})[0]).toMatchObject({ path: "uncertain" });
  });
});

describe("inputs the Monte Carlo does not use", () => {
  it("an embodied-carbon path is sampled but warned about, at its uncertain key", () => {
    const s = scenarioSchema.parse({
      ...tinyScenario(),
      uncertain: {
        "embodiedCarbon.kgCo2ePerAccelerator": { dist: "uniform", min: 200, max: 400 },
        "facility.pue": { dist: "uniform", min: 1.05, max: 1.2 },
      },
    });
    const r = buildPlan(s);
    expect(r.value).not.toBeNull();
    const w = r.diagnostics.filter((d) => d.severity === "warning");
    expect(w.map((d) => d.path)).toEqual(['uncertain["embodiedCarbon.kgCo2ePerAccelerator"]']);
    expect(w[0].message).toMatch(/changes no simulate or compare output/);
    // the hourly power runs in every iteration (issue 13 item 6): a power-block path moves simulate's outputs
    expect(outsideMonteCarlo("sites[2].power.prices.gridPriceUsdPerMwh")).toBeNull();
    expect(outsideMonteCarlo("embodiedCarbon.tco2ePerMwIt")).toMatch(/lifecycle emissions/);
    // power fields the Monte Carlo does not read still warn
    expect(outsideMonteCarlo("sites[0].power.target.levelFraction")).toMatch(/optimize-power/);
    expect(outsideMonteCarlo("sites[0].power.sizing.pvMw.max")).toMatch(/optimize-power/);
    expect(outsideMonteCarlo("sites[0].power.flexibility.curtailmentCostUsdPerMwh")).toMatch(/optimize-power/);
    expect(outsideMonteCarlo("sites[0].power.grid.utcOffsetHours")).toMatch(/read, once/);
    expect(outsideMonteCarlo("sites[0].power.flexibility.flexibleLoadFraction")).toBeNull();
    expect(outsideMonteCarlo("sites[2].phases[0].powerDelayMonths")).toBeNull();
  });
});
