import { describe, expect, it } from "vitest";
import { referenceAllInW, referenceData } from "../data/index.ts";
import { prepareScenario } from "../pipeline/prepare.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import type { Diagnostic } from "../core/diagnostics.ts";
import { checkScenarioObject } from "./load.ts";
import type { ScenarioInput } from "./schema.ts";

function diagnose(input: unknown): Diagnostic[] {
  const checked = checkScenarioObject(input);
  if (!checked.value) return checked.diagnostics;
  return prepareScenario(checked.value).diagnostics;
}

const errorsAt = (ds: Diagnostic[]): string[] => ds.filter((d) => d.severity === "error").map((d) => d.path);

function phaseEdit(edit: Record<string, unknown>): ScenarioInput {
  const s = tinyScenario();
  return { ...s, sites: [{ ...s.sites[0], phases: [{ ...s.sites[0].phases[0], ...edit }] }] };
}

describe("resolveScenario", () => {
  it("takes defaults from data/ and lets the scenario override them", () => {
    const checked = checkScenarioObject({ ...tinyScenario(), facility: { utilizationFraction: 0.5 } });
    const s = prepareScenario(checked.value!).value!;
    expect(s.utilizationFraction).toBe(0.5);
    expect(s.wueLPerKwh).toBe(referenceData.facility.wueLPerKwh);
    expect(s.phases[0].pue).toBe(referenceData.facility.pue);
    expect(s.serverLifeMonths).toBe(Math.round(referenceData.facility.serverLifeYears * 12));
    expect(s.accelerators.GB200.allInWPerAccelerator).toBe(referenceAllInW(referenceData.accelerators.GB200, referenceData.facility));
  });

  it("fleetMix `newest` is the newest generation available in the year the phase is requested online", () => {
    const resolved = (edit: Record<string, unknown>, end = "2035-12") => {
      const input = phaseEdit(edit);
      input.program = { ...input.program, horizonEndMonth: end, capitalPlanUsdByYear: { "2025": 900e9 } };
      return prepareScenario(checkScenarioObject(input).value!).value!.phases[0].fleetMix;
    };
    // built 2025-01 + 12 months: online 2026 -> GB300 (GB200 and GB300 share 2025; GB300 is listed later)
    expect(resolved({ fleetMix: { newest: 1 } })).toEqual([{ generation: "GB300", fraction: 1 }]);
    // online 2028 -> Rubin Ultra; a named share stays beside it
    expect(resolved({ constructionMonths: 36, fleetMix: { newest: 0.8, MI355X: 0.2 } })).toEqual([{ generation: "MI355X", fraction: 0.2 }, { generation: "VR300", fraction: 0.8 }]);
    // the interconnection month counts when it is later; after the roadmap, the projected generation of that year
    expect(resolved({ interconnectionMonth: "2032-03", fleetMix: { newest: 1 } })).toEqual([{ generation: "Projected-2032", fraction: 1 }]);
    // the power delay counts: 30 months from 2025-01 is 2027 (Vera Rubin); 6 months more is 2028 (Rubin Ultra)
    expect(resolved({ constructionMonths: 30, fleetMix: { newest: 1 } })).toEqual([{ generation: "VR200", fraction: 1 }]);
    expect(resolved({ constructionMonths: 30, powerDelayMonths: 6, fleetMix: { newest: 1 } })).toEqual([{ generation: "VR300", fraction: 1 }]);
    // merged with an explicit share of the same generation
    expect(resolved({ constructionMonths: 36, fleetMix: { newest: 0.5, VR300: 0.5 } })).toEqual([{ generation: "VR300", fraction: 1 }]);
  });

  it("derives all-in W from TDP x overhead when a TDP is overridden", () => {
    const checked = checkScenarioObject({ ...tinyScenario(), accelerators: { GB200: { tdpW: 1000 } } });
    const s = prepareScenario(checked.value!).value!;
    expect(s.accelerators.GB200.allInWPerAccelerator).toBeCloseTo(1000 * referenceData.facility.itOverheadFactorPerTdp, 9);
  });

  it("accepts a new accelerator only with its required numbers", () => {
    const partial = { ...phaseEdit({ fleetMix: { X1: 1 } }), accelerators: { X1: { tdpW: 500 } } };
    expect(errorsAt(diagnose(partial))).toEqual(["accelerators.X1.denseBf16FlopPerS", "accelerators.X1.unitPriceUsd", "sites[0].phases[0].fleetMix.X1"]);
    const full = { ...phaseEdit({ fleetMix: { X1: 1 } }), accelerators: { X1: { tdpW: 500, denseBf16FlopPerS: 1e15, unitPriceUsd: 10000 } } };
    expect(errorsAt(diagnose(full))).toEqual([]);
  });

  it("collects every problem at once, each with its path", () => {
    const s = tinyScenario();
    const bad = {
      ...s,
      sites: [
        {
          ...s.sites[0],
          gridRegion: "NOWHERE",
          phases: [
            { ...s.sites[0].phases[0], fleetMix: { GB200: 0.5, Z9: 0.2 } },
            { ...s.sites[0].phases[0], name: "p2", constructionStartMonth: "2040-01", interconnectionMonth: "2019-01" },
          ],
        },
      ],
    };
    expect(errorsAt(diagnose(bad))).toEqual([
      "sites[0].gridRegion",
      "sites[0].phases[0].fleetMix.Z9",
      "sites[0].phases[0].fleetMix",
      "sites[0].phases[1].constructionStartMonth",
      "sites[0].phases[1].interconnectionMonth",
    ]);
  });

  it("warns about an implausible PUE without stopping", () => {
    const ds = diagnose(phaseEdit({ pue: 1.02 }));
    expect(errorsAt(ds)).toEqual([]);
    expect(ds.find((d) => d.severity === "warning")?.path).toBe("sites[0].phases[0].pue");
  });

  it("rejects a capital plan that cannot pay for the phases", () => {
    const s = tinyScenario();
    const ds = diagnose({ ...s, program: { ...s.program, capitalPlanUsdByYear: { "2025": 1e9 } } });
    expect(errorsAt(ds)).toEqual(["program.capitalPlanUsdByYear"]);
    expect(ds[ds.length - 1].message).toMatch(/capital plan totals \$1\.0B but the phases need \$3\.\dB/);
  });

  it("rejects a horizon that ends before it starts", () => {
    const s = tinyScenario();
    const ds = diagnose({ ...s, program: { ...s.program, horizonEndMonth: "2020-01" } });
    expect(errorsAt(ds)).toEqual(["program.horizonEndMonth"]);
  });
});

describe("raw cross-reference checks", () => {
  it("reports cross-reference errors together with schema errors", async () => {
    const { run } = await import("../pipeline/run.ts");
    const s = tinyScenario();
    const bad = { ...s, sites: [{ ...s.sites[0], gridRegion: "NOPE", phases: [{ ...s.sites[0].phases[0], itPowerMw: -5, fleetMix: { TPU: 1 } }] }] };
    const paths = run(bad).diagnostics.map((d) => d.path);
    expect(paths).toEqual(["sites[0].phases[0].itPowerMw", "sites[0].gridRegion", "sites[0].phases[0].fleetMix.TPU"]);
  });
});
