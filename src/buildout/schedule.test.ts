import { describe, expect, it } from "vitest";
import { referenceAllInW, referenceData } from "../data/index.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import { prepareOrThrow } from "../../test/helpers/prepare.ts";
import type { ScenarioInput } from "../scenario/schema.ts";
import { scheduleBuild } from "./schedule.ts";
import { checkScenarioObject } from "../scenario/load.ts";
import { prepareScenario } from "../pipeline/prepare.ts";

const gb200 = referenceData.accelerators.GB200;
const cx = referenceData.capexPerMw;
// hard cost (C&W) with soft costs on it, plus land
const facilityUsdPerMw = (cx.shellCoreUsdPerMw + cx.electricalMechanicalUsdPerMw + cx.siteLandOtherUsdPerMw) * (1 + cx.softCostFractionOfHardCost) + cx.landUsdPerMw;
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

describe("capacity without a site (issue 12 item 7)", () => {
  const named = { name: "Named", state: "TX", gridRegion: "ERCOT", phases: [{ name: "n1", itPowerMw: 100, constructionStartMonth: "2025-01", constructionMonths: 12, fleetMix: { GB200: 1 } }] };
  const unsited = (extra: Record<string, unknown> = {}) => ({ name: "Unallocated", state: "US", gridRegion: "US", unallocated: true, phases: [{ name: "u1", itPowerMw: 100, constructionStartMonth: "2025-01", constructionMonths: 4, fleetMix: { GB200: 1 }, ...extra }] });
  const big = { "2025": 50e9, "2026": 50e9, "2027": 50e9 };

  it("never builds in less time than a named campus, and says so", () => {
    const input = { ...tinyScenario(), program: { ...tinyScenario().program, capitalPlanUsdByYear: big }, sites: [named, unsited({ interconnectionMonth: "2026-01" })] } as ScenarioInput;
    const s = prepareOrThrow(input);
    const out = scheduleBuild(s);
    expect(out.phases[1].onlineIndex).toBe(12);
    const checked = checkScenarioObject(input);
    const prepared = prepareScenario(checked.value!);
    expect(prepared.diagnostics.some((d) => d.path === "sites[1].phases[0].constructionMonths" && /no faster than a named campus: 4 months raised to 12/.test(d.message))).toBe(true);
  });

  it("waits for its interconnection date and for accelerator supply like a named campus", () => {
    const input = { ...tinyScenario(), program: { ...tinyScenario().program, capitalPlanUsdByYear: big }, sites: [named, unsited({ interconnectionMonth: "2026-06" })], acceleratorSupplyUnitsByYear: { GB200: { "2026": gpus * 1.5 } } } as ScenarioInput;
    const out = scheduleBuild(prepareOrThrow(input));
    // the named phase takes 2026's supply first (online 2026-01); the unsited one, connected 2026-06, waits for 2027
    expect(out.phases[0].onlineIndex).toBe(12);
    expect(out.phases[1].onlineIndex).toBe(24);
    expect(out.phases[1].reasons).toEqual(["interconnection", "acceleratorSupply"]);
  });

  it("flags a phase without an interconnection month", () => {
    const checked = checkScenarioObject({ ...tinyScenario(), sites: [named, unsited({ constructionMonths: 12 })] });
    const prepared = prepareScenario(checked.value!);
    expect(prepared.diagnostics.some((d) => d.path === "sites[1].phases[0].interconnectionMonth" && d.severity === "warning")).toBe(true);
  });
});

describe("what the capital plan pays for (issue 12 item 8)", () => {
  it("an SPV's spending after its close does not draw on the plan", () => {
    const base = withPhase({}, { capitalPlanUsdByYear: { "2025": 50e9, "2026": 50e9 }, horizonEndMonth: "2040-12" });
    const withSpv = { ...base, financing: { structures: [{ kind: "spv", name: "JV", site: "A", closeMonth: "2025-07", debtUsd: 1e9, couponFractionPerYear: 0.06, maturityMonth: "2040-12", partnerEquityUsd: 1e8, sponsorEquityFraction: 0.2, assetClasses: ["shellCore", "electricalMechanical", "siteLandOther"] }] } } as ScenarioInput;
    const facility2025 = facilityUsdPerMw * 100;
    // 2025: six months of construction before close on the plan, the other six paid by the SPV; 2026: IT only
    expect(scheduleBuild(prepareOrThrow(base)).spentUsdByYearIndex[0]).toBeCloseTo(facility2025, -2);
    const out = scheduleBuild(prepareOrThrow(withSpv));
    expect(out.spentUsdByYearIndex[0]).toBeCloseTo(facility2025 / 2, -2);
    expect(out.spentUsdByYearIndex[1]).toBeCloseTo(itUsd, -2);
  });

  it("the residual of a reported year is what the campuses do not spend, and nothing carries out of it", () => {
    const facility = facilityUsdPerMw * 100;
    const input = { ...withPhase({ constructionStartMonth: "2026-01" }, { capitalPlanUsdByYear: { "2025": 5e9, "2026": facility + itUsd } }), program: { ...withPhase({}).program, capitalPlanUsdByYear: { "2025": 5e9, "2026": facility }, unmodelledCapex: { description: "other", residualOfCapitalPlanYears: [2025], usdByYear: { "2027": 1e9 } } } } as ScenarioInput;
    input.sites[0].phases[0].constructionStartMonth = "2026-01";
    const out = scheduleBuild(prepareOrThrow(input));
    // 2025: nothing built, all $5B is the residual; 2026's plan pays the facility; the IT (2027) has no capital left:
    // 2025's unspent capital did not carry over, so the phase cannot come online as requested
    expect(out.unmodelledUsdByYearIndex[0]).toBeCloseTo(5e9, -2);
    expect(out.unmodelledUsdByYearIndex[2]).toBeCloseTo(1e9, -2);
    expect(out.phases[0].startIndex === -1 || out.phases[0].onlineIndex > 24).toBe(true);
  });
});
