/**
 * The financing stage on whole scenarios: the Meta reference case (Hyperion SPV + operating cash flow) and small
 * hand-checkable cases (a corporate bond, scenario errors with their paths, the lease liability).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { prepareScenario } from "../../pipeline/prepare.ts";
import { type RunResult, run, runText, withPowerEnergyCost } from "../../pipeline/run.ts";
import { powerOutputs } from "../../power/site/outputs.ts";
import { referenceData } from "../../data/index.ts";
import { runModel } from "../../buildout/model.ts";
import { programMonthly } from "../../buildout/program.ts";
import { checkScenarioObject, parseScenarioText } from "../../scenario/load.ts";
import { npvUsd } from "../returns.ts";
import type { ScenarioInput } from "../../scenario/schema.ts";
import { tinyScenario } from "../../../test/helpers/fixtures.ts";
import type { Table } from "../../core/table.ts";
import { leaseLiabilityUsd } from "./lease-liability.ts";

const metaFile = fileURLToPath(new URL("../../../scenarios/meta-600b.yaml", import.meta.url));
const meta = runText(readFileSync(metaFile, "utf8"), metaFile).result!;

function rows(t: Table, where: Record<string, string | number> = {}): Record<string, number | string | null>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))).filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
}
const num = (v: unknown): number => v as number;

describe("Meta scenario: Hyperion SPV and operating cash flow", () => {
  const spv = meta.summary.financing.spvs[0];
  const spvRows = rows(meta.tables.spvYearly);
  it("sources = uses in every year of the SPV", () => {
    expect(spvRows.length).toBeGreaterThan(20);
    for (const r of spvRows) expect(Math.abs(num(r.sourcesUsd) - num(r.usesUsd)), String(r.year)).toBeLessThan(1);
  });
  it("amortizes the $27.3B bond to zero at maturity (2049), not before", () => {
    expect(spv.maturityMonth).toBe("2049-12");
    const byYear = new Map(spvRows.map((r) => [r.year, num(r.debtBalanceUsd)]));
    expect(byYear.get(2025)).toBe(27.3e9);
    expect(byYear.get(2048)!).toBeGreaterThan(0);
    expect(byYear.get(2049)).toBe(0);
    expect(spv.debtBalanceAtMaturityUsd).toBe(0);
    const repaid = spvRows.reduce((s, r) => s + num(r.principalUsd), 0);
    expect(repaid).toBeCloseTo(27.3e9, -1);
  });
  it("sizes the rent to the binding constraint and meets both", () => {
    expect(spv.rent.annualRentUsd).toBeCloseTo(Math.max(spv.rent.forDebtServiceCoverUsd, spv.rent.forPartnerReturnUsd), 0);
    expect(spv.minStabilizedDebtServiceCoverRatio!).toBeGreaterThanOrEqual(1.1 - 1e-9);
    expect(spv.partnerIrrFraction!).toBeGreaterThanOrEqual(0.09 - 1e-6);
    expect(spv.equityCallsUsd).toBeLessThan(1);
  });
  it("takes its inputs from the scenario and data/financing.json", () => {
    expect(spv.partnerEquityUsd).toBe(7e9);
    expect(spv.couponFractionPerYear).toBe(0.0658);
    expect(spv.coveredItPowerMw).toBe(1911); // phases 1-2: 2,064 MW facility / PUE 1.08
    expect(spv.residualValueGuarantee!.termYears).toBe(16);
    expect(spv.rent.escalationFractionPerYear).toBe(0.02);
  });
  it("exposes the residual value guarantee only during its 16-year term", () => {
    const start = Number(spv.leaseStartMonth!.slice(0, 4));
    for (const [y, v] of Object.entries(spv.residualValueGuarantee!.exposureUsdByYear)) {
      if (Number(y) < start || Number(y) > start + 16) expect(v, y).toBe(0);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(spv.residualValueGuarantee!.maxExposureUsd).toBeGreaterThan(0);
  });
  it("route A matches the yearly table; route B moves the SPV's capex off the sponsor and adds rent", () => {
    const yearly = rows(meta.tables.yearly);
    const a = rows(meta.tables.fundingYearly, { route: "allOperatingCashFlow" });
    const b = rows(meta.tables.fundingYearly, { route: "declaredStructures" });
    yearly.forEach((y, i) => {
      expect(num(a[i].freeCashFlowUsd)).toBeCloseTo(num(y.companyFreeCashFlowUsd), 0);
      expect(num(a[i].fundingGapUsd)).toBeCloseTo(num(y.fundingGapUsd), 0);
      // the declared route also pays the coupons of the scenario's corporate bonds out of operating cash flow
      const ocfB = num(a[i].operatingCashFlowUsd) + num(a[i].bondInterestUsd) - num(b[i].leasePaymentsUsd) + num(b[i].spvDistributionsToSponsorUsd) - num(b[i].bondInterestUsd);
      expect(num(b[i].operatingCashFlowUsd)).toBeCloseTo(ocfB, 0);
      expect(num(b[i].sponsorCapexUsd) + num(b[i].spvFundedCapexUsd)).toBeCloseTo(num(a[i].programCapexUsd), 0);
    });
    const spvCash = b.reduce((s, r) => s + num(r.spvFundedCapexUsd), 0);
    expect(spvCash + spv.sponsorInKindEquityUsd).toBeCloseTo(spv.coveredCostUsd, 0);
    // under the CFO's reading of the $600B Meta's operating cash flow covers its capex every year: no gap to reduce
    expect(meta.summary.financing.fundingGapReductionUsd).toBeGreaterThanOrEqual(0);
  });
  it("reports the 2025 useful-life change as avoided depreciation from 2025, none in 2024", () => {
    const e = meta.summary.financing.pnl.lifeChangeEffectUsdByYear;
    expect(e["2024"]).toBe(0);
    expect(e["2025"]).toBeGreaterThan(0);
    // servers bought in 2024 are the program's only vintages on the old life: 2025 effect below Meta's company-wide $2.9B
    expect(e["2025"]).toBeLessThan(2.9e9);
  });
  it("program NPV at its IRR is ~0 and payback is reported", () => {
    const r = meta.summary.financing.returns!;
    expect(r.irrFraction).not.toBeNull();
    const parsed = parseScenarioText(readFileSync(metaFile, "utf8"), metaFile).value!;
    // the run prices each dispatched site-year's energy at the hourly power model's cost: rebuild that state
    const built = runModel(prepareScenario(parsed).value!);
    const priced = withPowerEnergyCost(built, powerOutputs(built, undefined, true).siteYears).state;
    const flows = programMonthly(priced).cashFlowUsd;
    expect(Math.abs(npvUsd(flows, r.irrFraction!))).toBeLessThan(1e-6 * meta.summary.capexUsdTotal);
    expect(npvUsd(flows, r.irrFraction! - 0.01)).toBeGreaterThan(0);
    expect(npvUsd(flows, r.irrFraction! + 0.01)).toBeLessThan(0);
    expect(r.npvUsd).toBeCloseTo(meta.summary.npvUsd!, 0);
    // payback is reported when cumulative cash flow turns positive within the horizon, null (said in the text) when not
    let cum = 0;
    let wasNegative = false;
    let turned = false;
    for (const f of flows) {
      cum += f;
      if (cum < 0) wasNegative = true;
      else if (wasNegative) turned = true;
    }
    expect(r.paybackYears === null).toBe(!turned);
  });
});

const withFinancing = (financing: ScenarioInput["financing"]): ScenarioInput => ({
  ...tinyScenario(),
  economics: { revenueUsdPerMwItYear: 10e6, discountRateFractionPerYear: 0.08 },
  financing,
});

function runOk(input: ScenarioInput): RunResult {
  const out = run(input);
  if (!out.result) throw new Error(JSON.stringify(out.diagnostics));
  return out.result;
}

describe("debt sized by cover ratios (issue 14 item 1)", () => {
  it("Meta: the Hyperion lease supports about $25B sculpted at DSCR 1.3 to 2049, next to the $27.3B issued; no covenant breach from completion", () => {
    const d = meta.summary.financing.spvs[0].debtSizing;
    expect(d).toMatchObject({ method: "sculpted", targetMinDscr: 1.3, declaredDebtUsd: 27.3e9, lockUpMonths: 0, defaultMonths: 0, financeable: true, gearingCapUsd: null });
    expect(d.maxDebtUsd).toBeGreaterThan(20e9);
    expect(d.maxDebtUsd).toBeLessThan(27.3e9);
    expect(d.maxLevelDebtUsd).toBeLessThan(d.maxDebtUsd);
    // the rent is sized so that stabilized years cover debt service 1.1 times: the trailing test from completion sees 1.1
    expect(d.minDscr!).toBeCloseTo(1.1, 2);
    expect(meta.diagnostics.some((x) => x.path === "financing.structures[0].debtSizing" && /supports \$25\.\dB of debt sculpted/.test(x.message))).toBe(true);
  });

  it("a declared rent too small for the debt: covenant months and a warning; a gearing cap binds; no rent: not financeable", () => {
    const spvOf = (extra: Record<string, unknown>) => {
      const input = { ...tinyScenario({ program: { ...tinyScenario().program, horizonEndMonth: "2040-12" } }), financing: { structures: [{ kind: "spv", name: "JV", site: "A", closeMonth: "2025-06", debtUsd: 1e9, couponFractionPerYear: 0.06, maturityMonth: "2040-12", partnerEquityUsd: 1e8, sponsorEquityFraction: 0.2, ...extra }] } };
      const r = runOk(input as ScenarioInput);
      return { d: r.summary.financing.spvs[0].debtSizing, ds: r.diagnostics.filter((x) => x.path === "financing.structures[0].debtSizing") };
    };
    const weak = spvOf({ lease: { annualRentUsd: 0.08e9 } });
    expect(weak.d.defaultMonths).toBeGreaterThan(0);
    expect(weak.ds.some((x) => x.severity === "warning" && /below 1 \(default\)/.test(x.message))).toBe(true);
    const capped = spvOf({ debtSizing: { maxGearingFraction: 0.1 } });
    expect(capped.d.gearingCapUsd).not.toBeNull();
    expect(capped.d.maxDebtUsd).toBeCloseTo(capped.d.gearingCapUsd!, 0);
    const none = spvOf({ lease: { annualRentUsd: 1 } }); // $1 a year: less than the SPV opex
    expect(none.d).toMatchObject({ maxDebtUsd: 0, financeable: false });
    expect(none.ds.some((x) => x.severity === "warning" && /cannot be financed/.test(x.message))).toBe(true);
  });
});

describe("corporate bond route (hand-computed)", () => {
  // $10B bullet at 5 %, semi-annual, issued 2026-01, due 2029-01: coupons of $250M in July and January.
  const r = runOk(withFinancing({ structures: [{ kind: "corporateBond", name: "Notes 2029", amountUsd: 10e9, couponFractionPerYear: 0.05, issueMonth: "2026-01", maturityMonth: "2029-01" }] }));
  const b = rows(r.tables.fundingYearly, { route: "declaredStructures" });
  const a = rows(r.tables.fundingYearly, { route: "allOperatingCashFlow" });
  const year = (y: number) => b.find((x) => x.year === y)!;
  it("adds proceeds, coupons and the bullet repayment", () => {
    expect(num(year(2026).bondProceedsUsd)).toBe(10e9);
    expect(num(year(2026).bondInterestUsd)).toBeCloseTo(250e6, 0); // July 2026 only
    expect(num(year(2027).bondInterestUsd)).toBeCloseTo(500e6, 0);
    expect(num(year(2029).bondInterestUsd)).toBeCloseTo(250e6, 0);
    expect(num(year(2029).bondPrincipalUsd)).toBe(10e9);
    expect(num(year(2028).onBalanceSheetDebtUsd)).toBe(10e9);
    expect(num(year(2029).onBalanceSheetDebtUsd)).toBe(0);
    expect(num(year(2027).interestCover)).toBeCloseTo((num(year(2027).operatingCashFlowUsd) + 500e6) / 500e6, 6);
  });
  it("lowers operating cash flow by the coupons and P&L by the interest", () => {
    const i = a.findIndex((x) => x.year === 2027);
    expect(num(a[i].operatingCashFlowUsd) - num(b[i].operatingCashFlowUsd)).toBeCloseTo(500e6, 0);
    const pa = rows(r.tables.pnlYearly, { route: "allOperatingCashFlow", year: 2027 })[0];
    const pb = rows(r.tables.pnlYearly, { route: "declaredStructures", year: 2027 })[0];
    expect(num(pa.pretaxIncomeUsd) - num(pb.pretaxIncomeUsd)).toBeCloseTo(500e6, 0);
    expect(num(pb.taxUsd)).toBeCloseTo(num(pb.pretaxIncomeUsd) * 0.12, 0); // Meta's 2024 effective rate by default
  });
});

describe("corporate bonds as a program share", () => {
  it("borrows the share of each month's capex, one tranche a month, each repaid at its own maturity", () => {
    const r = runOk(withFinancing({ structures: [{ kind: "corporateBond", name: "Capex notes", programCapexShareFraction: 0.5, termYears: 2, couponFractionPerYear: 0.04 }] }));
    const b = rows(r.tables.fundingYearly, { route: "declaredStructures" });
    const sum = (k: string): number => b.reduce((s, x) => s + num(x[k]), 0);
    expect(sum("bondProceedsUsd")).toBeCloseTo(0.5 * sum("programCapexUsd"), 0);
    // tranches of two years all mature inside the 2025-2030 horizon except those drawn in 2029-2030
    const bond = r.summary.financing.bonds[0];
    expect(bond.programCapexShareFraction).toBe(0.5);
    expect(bond.amountUsd).toBeCloseTo(sum("bondProceedsUsd"), 0);
    const last = b[b.length - 1];
    expect(num(last.onBalanceSheetDebtUsd)).toBeCloseTo(bond.debtAtHorizonEndUsd, 0);
    expect(sum("bondProceedsUsd") - sum("bondPrincipalUsd")).toBeCloseTo(bond.debtAtHorizonEndUsd, 0);
  });
});

describe("financing block validation", () => {
  const diagnose = (financing: unknown): string[] => {
    const checked = checkScenarioObject({ ...tinyScenario(), financing });
    if (!checked.value) return checked.diagnostics.map((d) => d.path);
    return prepareScenario(checked.value).diagnostics.filter((d) => d.severity === "error").map((d) => d.path);
  };
  const spv = { kind: "spv", name: "JV", site: "A", sponsorEquityFraction: 0.2, closeMonth: "2025-06", debtUsd: 1e9, couponFractionPerYear: 0.06, maturityMonth: "2040-12", partnerEquityUsd: 1e8 };
  it("accepts a valid SPV", () => expect(diagnose({ structures: [spv] })).toEqual([]));
  it("fills omitted deal terms from the Hyperion JV in data/financing.json and says so", () => {
    const checked = checkScenarioObject({ ...tinyScenario({ program: { ...tinyScenario().program, horizonEndMonth: "2035-12" } }), financing: { structures: [{ kind: "spv", name: "JV", site: "A" }] } });
    const prepared = prepareScenario(checked.value!);
    const v = prepared.value!.financing.spvs[0];
    const h = referenceData.financing.hyperion;
    expect([v.debtUsd, v.couponFractionPerYear, v.sponsorEquityFraction, v.partnerEquityUsd, v.sponsorDistributionAtCloseUsd]).toEqual([h.bondIssueUsd, h.bondCouponFractionPerYear, h.sponsorEquityFraction, h.partnerCashContributionUsd, h.sponsorDistributionAtCloseUsd]);
    expect(prepared.value!.timeline.monthLabels[v.closeIndex]).toBe("2025-10");
    expect(v.maturityIndex - v.closeIndex).toBe((2049 - 2025) * 12 + 2);
    expect(prepared.diagnostics.some((d) => d.severity === "info" && d.path === "financing.structures[0]" && d.message.includes("debtUsd"))).toBe(true);
  });
  it("names the field of each problem", () => {
    expect(diagnose({ structures: [{ ...spv, site: "Nowhere" }] })).toEqual(["financing.structures[0].site"]);
    expect(diagnose({ structures: [{ ...spv, phases: ["p1", "p9"] }] })).toEqual(["financing.structures[0].phases[1]"]);
    expect(diagnose({ structures: [{ ...spv, closeMonth: "2040-01" }] })).toEqual(["financing.structures[0].closeMonth"]);
    expect(diagnose({ structures: [{ ...spv, maturityMonth: "2025-01" }] })).toEqual(["financing.structures[0].maturityMonth"]);
    expect(diagnose({ structures: [spv, { ...spv }] })).toEqual(["financing.structures[1].name"]);
    expect(diagnose({ structures: [{ ...spv, debtUsd: -1 }] })).toEqual(["financing.structures[0].debtUsd"]);
    expect(diagnose({ structures: [{ ...spv, kind: "loan" }] })).toEqual(["financing.structures[0].kind"]);
    const bond = { kind: "corporateBond", name: "B", couponFractionPerYear: 0.05 };
    expect(diagnose({ structures: [{ ...bond, amountUsd: 1e9, programCapexShareFraction: 0.2, termYears: 5 }] })).toEqual(["financing.structures[0].amountUsd"]);
    expect(diagnose({ structures: [{ ...bond, programCapexShareFraction: 0.2 }] })).toEqual(["financing.structures[0].termYears"]);
    expect(diagnose({ structures: [{ ...bond, amountUsd: 1e9, maturityMonth: "2030-01" }] })).toEqual(["financing.structures[0].issueMonth"]);
    expect(diagnose({ accounting: { usefulLifeChanges: [{ assetClass: "it", effectiveMonth: "2050-01", lifeYears: 6 }] } })).toEqual(["financing.accounting.usefulLifeChanges[0].effectiveMonth"]);
  });
});

describe("lease liability", () => {
  it("is the present value of the rent left in the committed term (hand-computed)", () => {
    // 12 a month for a 3-month term starting at month 1, at 0 %: 24 left after month 1, 12 after month 2, 0 after 3.
    const rent = Float64Array.from([0, 12, 12, 12, 12, 12]);
    expect(Array.from(leaseLiabilityUsd(rent, [3, 5], 1, 0))).toEqual([0, 24, 12, 0, 12, 0]);
    const r = leaseLiabilityUsd(rent, [3], 1, 0.1);
    expect(r[2]).toBeCloseTo(12 / 1.1 ** (1 / 12), 9);
  });
});
