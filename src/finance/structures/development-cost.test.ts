import { describe, expect, it } from "vitest";
import { referenceData } from "../../data/index.ts";
import { tinyScenario } from "../../../test/helpers/fixtures.ts";
import { run as runPipeline } from "../../pipeline/run.ts";
import type { ScenarioInput } from "../../scenario/schema.ts";

/** One 100 MW phase built over 12 months from 2025-01 (online 2026-01), an SPV closing 2025-07 at 6 %. */
function run(extra: Record<string, unknown> = {}) {
  const base = tinyScenario();
  const input = {
    ...base,
    program: { ...base.program, horizonEndMonth: "2040-12" },
    financing: { structures: [{ kind: "spv", name: "JV", site: "A", closeMonth: "2025-07", debtUsd: 1e9, couponFractionPerYear: 0.06, maturityMonth: "2040-12", partnerEquityUsd: 1e8, sponsorEquityFraction: 0.2, ...extra }] },
  } as ScenarioInput;
  const r = runPipeline(input, referenceData, { hourlyPower: false });
  if (!r.result) throw new Error(JSON.stringify(r.diagnostics));
  return r.result.summary.financing.spvs[0];
}

describe("SPV development cost by category (issue 12 item 10)", () => {
  const c = referenceData.capexPerMw;
  const hardUsdPerMw = c.shellCoreUsdPerMw + c.electricalMechanicalUsdPerMw + c.siteLandOtherUsdPerMw;

  it("adds soft costs, land and interest capitalized during construction to the hard cost (hand-computed)", () => {
    const d = run().developmentCost;
    expect(d.hardUsd).toBeCloseTo(100 * hardUsdPerMw, -2);
    expect(d.softUsd).toBeCloseTo(100 * hardUsdPerMw * c.softCostFractionOfHardCost, -2);
    expect(d.landUsd).toBeCloseTo(100 * c.landUsdPerMw, -2);
    // spend per month = facility cost / 12; from close (month 6) to the month before online (11) interest accrues on
    // the spend so far: (7 + 8 + ... + 12) months' worth at 6 %/12
    const perMonthUsd = (100 * (hardUsdPerMw * (1 + c.softCostFractionOfHardCost) + c.landUsdPerMw)) / 12;
    expect(d.capitalizedInterestUsd).toBeCloseTo(perMonthUsd * (0.06 / 12) * (7 + 8 + 9 + 10 + 11 + 12), -2);
    expect(d.totalUsd).toBeCloseTo(d.hardUsd + d.softUsd + d.landUsd + d.capitalizedInterestUsd, -2);
  });

  it("counts no interest when the SPV closes after the campus is online", () => {
    expect(run({ closeMonth: "2026-03" }).developmentCost.capitalizedInterestUsd).toBe(0);
  });

  it("the facility cost per MW is more than the C&W hard cost: soft costs and land are counted", () => {
    expect(c.softCostFractionOfHardCost).toBeGreaterThan(0);
    expect(c.landUsdPerMw).toBeGreaterThan(0);
    const s = run();
    expect(s.coveredCostUsd).toBeGreaterThan(100 * hardUsdPerMw * 1.05);
  });
});
