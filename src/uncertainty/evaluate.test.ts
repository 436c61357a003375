import { describe, expect, it } from "vitest";
import { sampledScenario } from "./evaluate.ts";
import { setAtPath } from "./paths.ts";
import { buildPlan } from "./plan.ts";
import { SMALL_UNCERTAIN, uncertainScenario } from "../../test/helpers/uncertain.ts";

describe("sampledScenario", () => {
  it("equals a structuredClone with the values written, and never touches the base", () => {
    const plan = buildPlan(uncertainScenario({ ...SMALL_UNCERTAIN, "sites[1].phases[0].constructionMonths": { dist: "uniform", min: 12, max: 20 } })).value!;
    const before = JSON.stringify(plan.base);
    const values = [9e6, 180.5, 30.4, 45000, 1.1, 15.6];
    const fast = sampledScenario(plan, values);
    const slow = structuredClone(plan.base) as Record<string, unknown>;
    plan.inputs.forEach((input, k) => setAtPath(slow, input.segments, input.integer ? Math.round(values[k]) : values[k]));
    expect(fast).toEqual(slow);
    expect(JSON.stringify(plan.base)).toBe(before);
    expect(fast.sites[1].phases[0]).toMatchObject({ itPowerMw: 180.5, constructionMonths: 16 });
    expect(fast.sites[1].phases[1].constructionMonths).toBe(30);
    expect(fast.sites[0]).toBe(plan.base.sites[0]); // untouched branches are shared
  });
});
