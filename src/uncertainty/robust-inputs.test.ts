/** Issue 15 item 9: fixed inputs, duplicate correlation pairs and bad uncertain paths give clean answers. */
import { describe, expect, it } from "vitest";
import { buildPlan } from "./plan.ts";
import { simulate } from "./simulate.ts";
import { spearman, standardizedRegression } from "./sensitivity.ts";
import { SMALL_UNCERTAIN, uncertainScenario, uncertainScenarioInput } from "../../test/helpers/uncertain.ts";
import { validate } from "../api/run.ts";

describe("a fixed input", () => {
  it("has rank correlation and SRC 0, never NaN (null in JSON)", () => {
    expect(spearman([1, 1, 1, 1], [1, 2, 3, 4])).toBe(0);
    const fit = standardizedRegression([Float64Array.from([1, 2, 3, 4, 5, 6]), Float64Array.from([7, 7, 7, 7, 7, 7])], Float64Array.from([2, 4.1, 5.9, 8.2, 9.9, 12]));
    expect(fit.coefficients[1]).toBe(0);
    expect(fit.coefficients[0]).toBeGreaterThan(0.99);
  });
  it("in a simulation: every sensitivity figure of the fixed input is 0 and the JSON has no null for it", () => {
    const s = uncertainScenario({ ...SMALL_UNCERTAIN, "facility.pue": { dist: "fixed", value: 1.1 } });
    const r = simulate(s, { iterations: 64, seed: 1, method: "lhs" }).value!;
    for (const out of Object.values(r.report.sensitivity.spearman)) expect(out["facility.pue"]).toBe(0);
    for (const out of Object.values(r.report.sensitivity.src)) if (Number.isFinite(out.rSquared)) expect(out.coefficients["facility.pue"]).toBe(0);
    expect(JSON.stringify(r.report.sensitivity.spearman)).not.toContain("null");
  });
});

describe("correlation pairs", () => {
  const a = "economics.revenueUsdPerMwItYear";
  const b = "sites[1].phases[0].itPowerMw";
  it("the same pair twice with different values (in either order) is an error naming both entries", () => {
    const s = uncertainScenario({ ...SMALL_UNCERTAIN, correlations: [{ between: [a, b], rankCorrelation: 0.5 }, { between: [b, a], rankCorrelation: -0.3 }] });
    const plan = buildPlan(s);
    expect(plan.value).toBeNull();
    const d = plan.diagnostics.find((x) => x.path === "uncertain.correlations[1]");
    expect(d?.message).toContain("uncertain.correlations[0]");
  });
  it("the same pair twice with the same value is accepted", () => {
    const s = uncertainScenario({ ...SMALL_UNCERTAIN, correlations: [{ between: [a, b], rankCorrelation: 0.5 }, { between: [a, b], rankCorrelation: 0.5 }] });
    expect(buildPlan(s).value).not.toBeNull();
  });
});

describe("validate", () => {
  it("reports an uncertain path that names no scenario number as invalid, with its path", async () => {
    const input = uncertainScenarioInput({ "sites[0].phases[0].nosuchField": { dist: "uniform", min: 0, max: 1 } });
    const v = await validate({ value: input }, { hourlyPower: false });
    expect(v.valid).toBe(false);
    expect(v.diagnostics.some((d) => d.severity === "error" && d.path.startsWith("uncertain"))).toBe(true);
    const ok = await validate({ value: uncertainScenarioInput(SMALL_UNCERTAIN) }, { hourlyPower: false });
    expect(ok.valid).toBe(true);
  });
});
