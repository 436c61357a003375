import { describe, expect, it } from "vitest";
import { referenceData } from "../../data/index.ts";
import type { ModelState } from "../../buildout/model.ts";
import { prepareOrThrow } from "../../../test/helpers/prepare.ts";
import { tinyScenario } from "../../../test/helpers/fixtures.ts";
import { irrFraction, npvUsd } from "../returns.ts";
import { payback } from "./payback.ts";
import { annualizedCapitalMonthlyUsd, sequoiaCases, sequoiaRequiredRevenueUsd } from "./revenue-required.ts";

describe("Sequoia top-down revenue required", () => {
  const f = prepareOrThrow(tinyScenario()).financing;
  it("reproduces every published figure from its Nvidia run-rate (×2 TCO ×2 margin)", () => {
    const cases = sequoiaCases(f);
    const published = cases.filter((c) => c.publishedRequiredRevenueUsd !== null);
    expect(published.map((c) => c.id).sort()).toEqual(["sequoia-2023-09", "sequoia-2024-06"]);
    for (const c of published) expect(c.requiredRevenueUsd).toBeCloseTo(c.publishedRequiredRevenueUsd!, 0);
    expect(cases.find((c) => c.id === "sequoia-2024-06")!.requiredRevenueUsd).toBe(600e9);
  });
  it("annualizes quarterly Nvidia data-centre revenue (Q4 FY2025 $35.6B → $142.4B run-rate → $569.6B)", () => {
    const c = sequoiaCases(f).find((x) => x.id === "nvidia-q4-fy2025")!;
    expect(c.nvidiaDataCenterRunRateUsd).toBeCloseTo(4 * 35.6e9, 0);
    expect(c.requiredRevenueUsd).toBeCloseTo(569.6e9, 0);
  });
  it("follows the data: a different margin multiplier changes the answer", () => {
    const d = referenceData.financing.revenueRequired;
    expect(sequoiaRequiredRevenueUsd(150e9, { sequoiaTcoMultiplier: d.sequoiaTcoMultiplier, sequoiaMarginMultiplier: 3 })).toBe(900e9);
    expect(f.targetMarginFraction).toBeCloseTo(1 - 1 / d.sequoiaMarginMultiplier, 12);
  });
});

describe("bottom-up capital charge", () => {
  it("charges cost × capital recovery factor for the months in service (hand-computed)", () => {
    // 1,200 for one year at 10 %: CRF = 1.1, so 1,320 a year = 110 a month for 12 months from month 3.
    const st = { scenario: { timeline: { months: 24 } }, capex: { assets: [{ assetClass: "it", siteIndex: 0, phaseIndex: 0, costUsd: 1200, inServiceIndex: 3, lifeMonths: 12 }] } } as unknown as ModelState;
    const a = annualizedCapitalMonthlyUsd(st, 0.1);
    expect(a[2]).toBe(0);
    expect(a[3]).toBeCloseTo(110, 9);
    expect(a[14]).toBeCloseTo(110, 9);
    expect(a[15]).toBe(0);
  });
});

describe("payback", () => {
  it("counts months until the cumulative cash flow turns non-negative (hand-computed)", () => {
    // −100, then +30 a month: cumulative −70, −40, −10, +20 → positive in the 5th month of flows.
    const flows = [0, 0, -100, 30, 30, 30, 30, 30];
    const p = payback(flows, 0);
    expect(p.paybackYears).toBeCloseTo(5 / 12, 12);
    expect(p.cumulativeCashFlowUsd).toBe(50);
    // at 1,000 %/yr the discounted flows never recover the outlay within these months
    expect(payback(flows, 10).discountedPaybackYears).toBeNull();
    expect(payback([-1, -1], 0).paybackYears).toBeNull();
  });
  it("NPV at the IRR of a program-like flow is ~0", () => {
    const flows = new Float64Array(240);
    for (let m = 0; m < 36; m++) flows[m] = -1e9;
    for (let m = 36; m < 240; m++) flows[m] = 0.4e9;
    const irr = irrFraction(flows)!;
    expect(Math.abs(npvUsd(flows, irr))).toBeLessThan(1e-6 * 36e9);
  });
});
