/** Issue 14 item 1: project-debt capacity of a site from its own program revenue. */
import { describe, expect, it } from "vitest";
import { referenceData } from "../../data/index.ts";
import { run } from "../../pipeline/run.ts";
import type { ScenarioInput } from "../../scenario/schema.ts";
import { tinyScenario } from "../../../test/helpers/fixtures.ts";

/** One 100 MW site online 2026-01, revenue in the watts form, no IT refresh: CFADS = revenue − opex. */
function scenario(pf: Record<string, unknown>, revenueUsdPerMwItYear = 30e6, refresh = false): ScenarioInput {
  const s = tinyScenario({
    economics: { revenueUsdPerMwItYear, discountRateFractionPerYear: 0.08 },
    assetLives: { refreshAtEndOfLife: refresh },
    financing: { projectFinanceSizing: { sites: ["A"], ...pf } } as ScenarioInput["financing"],
  });
  s.program.horizonEndMonth = "2040-12";
  return s;
}
const pfOf = (s: ScenarioInput) => {
  const r = run(s, referenceData, { hourlyPower: false });
  return { r, pf: r.result!.summary.financing.projectFinance[0] };
};

describe("project-finance sizing of a site", () => {
  const { r, pf } = pfOf(scenario({}));
  const rows = r.result!.tables.yearly;
  const col = (c: string) => rows.columns.indexOf(c);

  it("CFADS by year = the site's program revenue − its opex (energy, staff, maintenance) when nothing is refreshed", () => {
    for (const row of rows.rows) {
      const y = String(row[0]);
      const expected = (row[col("programRevenueUsd")] as number) - (row[col("energyCostUsd")] as number) - (row[col("staffCostUsd")] as number) - (row[col("maintenanceCostUsd")] as number);
      expect(pf.cfadsUsdByYear[y]).toBeCloseTo(expected, 0);
    }
  });
  it("defaults to the Hyperion bond's coupon and term; drawn at construction start, repaid from first online month", () => {
    const h = referenceData.financing.hyperion;
    expect(pf.couponFractionPerYear).toBe(h.bondCouponFractionPerYear);
    expect(pf.tenorYears).toBe(h.bondMaturityYear - h.bondIssueYear);
    expect(pf.drawMonth).toBe("2025-01");
    expect(pf.repaymentStartMonth).toBe("2026-01");
    expect(pf.financeable).toBe(true);
    expect(pf.maxDebtUsd).toBeGreaterThan(0);
  });
  it("the capacity is inversely proportional to the target DSCR (sculpting is linear in CFADS / τ)", () => {
    const at1 = pfOf(scenario({ targetMinDscr: 1 })).pf.maxDebtUsd;
    const at2 = pfOf(scenario({ targetMinDscr: 2 })).pf.maxDebtUsd;
    expect(at1).toBeCloseTo(2 * at2, 0);
    expect(pf.maxDebtUsd * pf.targetMinDscr).toBeCloseTo(at1, 0);
  });
  it("a gearing cap binds on the first-build capex", () => {
    const capped = pfOf(scenario({ maxGearingFraction: 0.1 })).pf;
    expect(capped.maxDebtUsd).toBeCloseTo(0.1 * capped.firstBuildCapexUsd, 0);
    expect(capped.debtToFirstBuildCapexFraction).toBeCloseTo(0.1, 12);
  });
  it("a site whose cash flow turns negative is flagged, not financed, with its first negative month", () => {
    const poor = pfOf(scenario({}, 1e5));
    expect(poor.pf.financeable).toBe(false);
    expect(poor.pf.negativeCfadsUsd).toBeGreaterThan(0);
    expect(poor.pf.firstNegativeCfadsMonth).toBe("2026-01");
    expect(poor.r.diagnostics.some((d) => d.path === "financing.projectFinanceSizing" && d.severity === "warning" && /cannot be project-financed/.test(d.message))).toBe(true);
  });
  it("with refreshes on, every fleet sets aside its own cost over its life: CFADS falls by that reserve from the start, also in the horizon's last years", () => {
    const withRefresh = pfOf(scenario({}, 30e6, true));
    const v = withRefresh.r.result!.tables.vintages;
    const cost = Number(v.rows[0][v.columns.indexOf("itCapexUsd")]);
    const lifeYears = referenceData.facility.serverLifeYears;
    expect(pf.cfadsUsdByYear["2027"] - withRefresh.pf.cfadsUsdByYear["2027"]).toBeGreaterThan(0.9 * (cost / lifeYears));
    expect(withRefresh.pf.cfadsUsdByYear["2040"]).toBeLessThan(pf.cfadsUsdByYear["2040"]);
  });
  it("an unknown site is an error at its path", () => {
    const bad = run(scenario({ sites: ["Nope"] }), referenceData, { hourlyPower: false });
    expect(bad.result).toBeNull();
    expect(bad.diagnostics.find((d) => d.severity === "error")?.path).toBe("financing.projectFinanceSizing.sites[0]");
  });
  it("nothing without the block", () => {
    expect(run(tinyScenario(), referenceData, { hourlyPower: false }).result!.summary.financing.projectFinance).toEqual([]);
  });
});
