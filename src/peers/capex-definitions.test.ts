/** Issue 12 item 14: every peer on the same two capex definitions (excl. and incl. finance leases), side by side. */
import { describe, expect, it } from "vitest";
import { peersData } from "../data/index.ts";
import { PeersFileSchema } from "../data/peers.ts";
import { renderPeersText } from "../text/peers.ts";
import { comparePeers } from "./compare.ts";

const cmp = comparePeers(peersData);
const row = (t: string, fy: number) => cmp.years.find((r) => r.ticker === t && r.fiscalYear === fy)!;

describe("capex on two definitions for every company", () => {
  it("every company-year with capex has both definitions, incl. = excl. + finance-lease repayments", () => {
    const withCapex = cmp.years.filter((r) => r.capexExclFinanceLeasesUsd !== null);
    expect(new Set(withCapex.map((r) => r.ticker))).toEqual(new Set(["META", "GOOGL", "MSFT", "AMZN", "ORCL"]));
    for (const r of withCapex) {
      expect(r.capexInclFinanceLeasesUsd, `${r.ticker} ${r.fiscalYear}`).toBe(r.capexExclFinanceLeasesUsd! + r.financeLeasePrincipalRepaymentsUsd!);
      expect(r.capexInclFinanceLeasesUsd!).toBeGreaterThanOrEqual(r.capexExclFinanceLeasesUsd!);
    }
  });

  it("hand-checked capex / OCF on each definition (Meta, Microsoft, Amazon)", () => {
    // Meta 2025: purchases of P&E $69,691M, principal payments on finance leases $2,524M, OCF $115,800M
    expect(row("META", 2025).exclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(0.601822, 6);
    expect(row("META", 2025).inclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(0.623618, 6);
    // Microsoft FY2025 (Jul 2024-Jun 2025): additions $64.55B, finance-lease repayments $2.283B, OCF $136.162B
    expect(row("MSFT", 2025).exclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(0.474068, 6);
    expect(row("MSFT", 2025).inclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(0.490834, 6);
    // Amazon 2024: purchases $83.0B, principal repayments $2.043B, OCF $115.88B
    expect(row("AMZN", 2024).exclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(0.716258, 6);
    expect(row("AMZN", 2024).inclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(0.733889, 6);
  });

  it("a company without finance leases is equal on both definitions and says so (Oracle FY2024)", () => {
    const r = row("ORCL", 2024);
    expect(r.financeLeaseStatus).toBe("none");
    expect(r.financeLeasePrincipalRepaymentsUsd).toBe(0);
    expect(r.capexInclFinanceLeasesUsd).toBe(r.capexExclFinanceLeasesUsd);
    expect(r.inclFinanceLeases).toEqual(r.exclFinanceLeases);
    expect(r.exclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(6.87 / 18.7, 12);
    expect(renderPeersText(cmp)).toMatch(/Oracle +2024 .*no finance leases: both definitions equal/);
    // Oracle's first finance leases came in FY2025: the definitions part
    expect(row("ORCL", 2025).financeLeaseStatus).toBe("reported");
    expect(row("ORCL", 2025).capexInclFinanceLeasesUsd).toBe(21.21e9 + 27e6);
  });

  it("an estimate is labelled as one (Alphabet's repayments are not reported separately)", () => {
    expect(row("GOOGL", 2025).financeLeaseStatus).toBe("not-separately-reported");
    expect(renderPeersText(cmp)).toMatch(/Alphabet +2025 .*not reported separately: taken as 0 \(estimate\)/);
  });

  it("each company's reported capex is one of the two definitions (to the $10M its sources round to)", () => {
    for (const r of cmp.years.filter((x) => x.reportedCapexUsd !== null)) {
      const gap = Math.min(Math.abs(r.reportedCapexUsd! - r.capexExclFinanceLeasesUsd!), Math.abs(r.reportedCapexUsd! - r.capexInclFinanceLeasesUsd!));
      expect(gap, `${r.ticker} ${r.fiscalYear}`).toBeLessThanOrEqual(10e6);
    }
    // Meta reports capex incl. finance-lease principal, Amazon excl.
    expect(row("META", 2025).capexInclFinanceLeasesUsd).toBe(72_215e6);
    expect(row("AMZN", 2025).reportedCapexUsd).toBe(row("AMZN", 2025).capexExclFinanceLeasesUsd);
  });

  it("names both definitions and shows the ratios side by side", () => {
    const text = renderPeersText(cmp);
    expect(text).toContain(`excl. FL = ${peersData.capexDefinitions.exclFinanceLeases}`);
    expect(text).toContain(`incl. FL = ${peersData.capexDefinitions.inclFinanceLeases}`);
    expect(text).toContain("capex/OCF excl. | incl. FL");
    expect(text).toMatch(/Meta Platforms +2025 +34\.7% \| 35\.9% +60\.2% \| 62\.4% +\+87\.1% \| \+84\.1%/);
    expect(text).toContain("Microsoft FY2025: 20.5 (capex excl. FL + additions = 85.1; the company's headline capex incl. finance leases: 88.2)");
    expect(cmp.capexDefinitions.exclFinanceLeases).toBe(peersData.capexDefinitions.exclFinanceLeases);
    expect(Object.keys(cmp.capexDefinitions.financeLeases)).toEqual(["META", "GOOGL", "MSFT", "AMZN", "ORCL"]);
  });
});

describe("peers data checks the definitions", () => {
  const company = structuredClone(peersData.companies.ORCL);
  const parse = (c: typeof company) => PeersFileSchema.safeParse({ ...peersData, companies: { ORCL: c } });
  const messages = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));

  it("refuses capex excl. finance leases without the year's repayments, naming the path", () => {
    const c = structuredClone(company);
    delete c.financeLeases.principalRepaymentsUsdByFiscalYear["2025"];
    expect(messages(parse(c))).toContainEqual(expect.stringMatching(/^companies\.ORCL\.financeLeases\.principalRepaymentsUsdByFiscalYear\.2025: FY2025 has capex excl/));
  });

  it("refuses repayments in a year marked as having no finance leases", () => {
    const c = structuredClone(company);
    c.financeLeases.principalRepaymentsUsdByFiscalYear["2024"] = 5e6;
    expect(messages(parse(c))).toContainEqual(expect.stringMatching(/financeLeases\.principalRepaymentsUsdByFiscalYear\.2024: FY2024 has no finance leases/));
    expect(parse(company).success).toBe(true);
  });
});
