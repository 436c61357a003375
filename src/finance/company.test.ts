/** The company view: reported operating cash flow where the revenue is reported, revenue x margin elsewhere. */
import { describe, expect, it } from "vitest";
import { run } from "../pipeline/run.ts";
import { referenceData } from "../data/index.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import type { ScenarioInput } from "../scenario/schema.ts";

const ocfByYear = (input: ScenarioInput): Map<number, number> => {
  const r = run(input, referenceData, { hourlyPower: false }).result!;
  const t = r.tables.yearly;
  return new Map(t.rows.map((row) => [Number(row[t.columns.indexOf("year")]), Number(row[t.columns.indexOf("companyOperatingCashFlowUsd")])]));
};
const from2024 = (company: ScenarioInput["company"] = {}): ScenarioInput => {
  const s = tinyScenario();
  return { ...s, program: { ...s.program, horizonStartMonth: "2024-01", capitalPlanUsdByYear: { "2024": 50e9, "2025": 50e9 } }, sites: [{ ...s.sites[0], phases: [{ ...s.sites[0].phases[0], constructionStartMonth: "2024-06" }] }], company };
};

describe("company operating cash flow", () => {
  const c = referenceData.company;
  const margin = c.operatingCashFlowUsdByYear["2025"] / c.revenueUsdByYear["2025"];

  it("a reported year takes the reported figure (Meta 2024: $91.33B, not 2024 revenue x the 2025 margin, $94.8B)", () => {
    const ocf = ocfByYear(from2024({ revenueGrowthFractionPerYear: 0.1 }));
    expect(ocf.get(2024)).toBe(c.operatingCashFlowUsdByYear["2024"]);
    expect(ocf.get(2025)).toBe(c.operatingCashFlowUsdByYear["2025"]);
    // later years: revenue grown from the last reported year x the latest reported margin
    expect(ocf.get(2026)! / (c.revenueUsdByYear["2025"] * 1.1)).toBeCloseTo(margin, 9);
  });

  it("a stated margin or a stated revenue replaces the reported figure", () => {
    expect(ocfByYear(from2024({ operatingCashFlowMarginFraction: 0.5 })).get(2024)).toBeCloseTo(c.revenueUsdByYear["2024"] * 0.5, 0);
    expect(ocfByYear(from2024({ revenueUsdByYear: { "2024": 100e9 } })).get(2024)).toBeCloseTo(100e9 * margin, 0);
  });
});

describe("capex above the capital plan", () => {
  it("names the plan year whose capex exceeds the plan because of IT refreshes, and only that one", () => {
    const s = tinyScenario();
    // 100 MW online 2026-01; its servers are replaced after 5.5 years, in 2031-07
    const input = { ...s, program: { ...s.program, horizonEndMonth: "2032-12", capitalPlanUsdByYear: { "2025": 50e9, "2031": 1e9 } } };
    const r = run(input, referenceData, { hourlyPower: false });
    const notes = r.diagnostics.filter((d) => d.path.startsWith("program.capitalPlanUsdByYear"));
    expect(notes.map((d) => [d.path, d.severity])).toEqual([['program.capitalPlanUsdByYear["2031"]', "info"]]);
    expect(notes[0].message).toMatch(/capex in 2031 is \$[\d.]+B, above the plan's \$1\.0B: .* IT refreshes/);
  });
});
