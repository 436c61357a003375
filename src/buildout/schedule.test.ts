import { describe, expect, it } from "vitest";
import { referenceAllInW, referenceData } from "../data/index.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import { prepareOrThrow } from "../../test/helpers/prepare.ts";
import type { ScenarioInput } from "../scenario/schema.ts";
import { scheduleBuild } from "./schedule.ts";

const gb200 = referenceData.accelerators.GB200;
const facilityUsdPerMw =
  referenceData.capexPerMw.shellCoreUsdPerMw + referenceData.capexPerMw.electricalMechanicalUsdPerMw + referenceData.capexPerMw.siteLandOtherUsdPerMw;
const gpus = 100e6 / referenceAllInW(gb200, referenceData.facility);
const itUsd = gpus * gb200.unitPriceUsd * (1 + referenceData.capexPerMw.itNonAcceleratorFraction);

function withPhase(extra: Record<string, unknown>, program: Partial<ScenarioInput["program"]> = {}, rest: Partial<ScenarioInput> = {}): ScenarioInput {
  const base = tinyScenario(rest);
  return {
    ...base,
    program: { ...base.program, ...program },
    sites: [{ ...base.sites[0], phases: [{ ...base.sites[0].phases[0], ...extra }] }],
  };
}

describe("build schedule", () => {
  it("brings a funded phase online after its construction months", () => {
    const s = prepareOrThrow(withPhase({}));
    const [p] = scheduleBuild(s).phases;
    expect(p.startIndex).toBe(0);
    expect(p.onlineIndex).toBe(12);
    expect(p.delayMonths).toBe(0);
    expect(p.reasons).toEqual([]);
    expect(p.counts.get("GB200")).toBeCloseTo(gpus, 6);
    expect(p.itCapexUsd).toBeCloseTo(itUsd, 0);
  });

  it("adds the time-to-power delay after construction and interconnection, with its reason", () => {
    const [p] = scheduleBuild(prepareOrThrow(withPhase({ powerDelayMonths: 5 }))).phases;
    expect(p.onlineIndex).toBe(17);
    expect(p.delayMonths).toBe(5);
    expect(p.reasons).toEqual(["power"]);
    // after an interconnection date that already binds, the power delay adds to it
    const [q] = scheduleBuild(prepareOrThrow(withPhase({ powerDelayMonths: 2, interconnectionMonth: "2026-06" }))).phases;
    expect(q.onlineIndex).toBe(17 + 2);
    expect(q.reasons).toEqual(["interconnection", "power"]);
  });

  it("delays the start until cumulative capital covers the spend", () => {
    // 2025 can fund only 1e9 of the 1.17e9 facility spend; 10 of 12 construction months must fall in 2026's budget.
    const plan = { "2025": 1e9, "2026": facilityUsdPerMw * 100 + itUsd };
    const s = prepareOrThrow(withPhase({}, { capitalPlanUsdByYear: plan }));
    const [p] = scheduleBuild(s).phases;
    const minStart = Math.ceil(12 - (1e9 / (facilityUsdPerMw * 100)) * 12);
    expect(p.startIndex).toBe(minStart);
    expect(p.onlineIndex).toBe(minStart + 12);
    expect(p.reasons).toEqual(["capital"]);
    expect(p.delayMonths).toBe(minStart);
  });

  it("waits for the interconnection date", () => {
    const s = prepareOrThrow(withPhase({ interconnectionMonth: "2026-06" }));
    const [p] = scheduleBuild(s).phases;
    expect(p.onlineIndex).toBe(17);
    expect(p.delayMonths).toBe(5);
    expect(p.reasons).toEqual(["interconnection"]);
  });

  it("pushes fit-out to the next year when accelerator supply is used up", () => {
    const s = prepareOrThrow(withPhase({}, {}, { acceleratorSupplyUnitsByYear: { GB200: { "2026": gpus / 2 } } }));
    const [p] = scheduleBuild(s).phases;
    expect(p.onlineIndex).toBe(24);
    expect(p.reasons).toEqual(["acceleratorSupply"]);
  });

  it("gives earlier phases capital first and without carry-over keeps each year within its plan", () => {
    const base = tinyScenario();
    const phase = base.sites[0].phases[0];
    const input: ScenarioInput = {
      ...base,
      program: {
        ...base.program,
        unspentCapitalCarriesOver: false,
        capitalPlanUsdByYear: { "2025": facilityUsdPerMw * 100, "2026": itUsd, "2027": facilityUsdPerMw * 100 + itUsd },
      },
      sites: [{ ...base.sites[0], phases: [phase, { ...phase, name: "p2" }] }],
    };
    const s = prepareOrThrow(input);
    const out = scheduleBuild(s);
    expect(out.phases[0].startIndex).toBe(0);
    // p2 cannot spend in 2025 or 2026 (used up): it starts in January 2027 and its IT spend falls in 2028, unfunded,
    // so it keeps moving until construction and fit-out fit inside 2027... which cannot happen with 12 months; it is unbuilt.
    expect(out.phases[1].startIndex).toBe(-1);
    for (let y = 0; y < s.timeline.years.length; y++) {
      expect(out.spentUsdByYearIndex[y]).toBeLessThanOrEqual(s.capitalPlanUsdByYearIndex[y] * (1 + 1e-9));
    }
  });
});
