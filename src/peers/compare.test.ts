import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { calendarYearCapex, comparePeers } from "./compare.ts";
import { peersData } from "../data/index.ts";
import { peersYearsTable, renderPeersText } from "../text/peers.ts";
import type { PeersFile } from "../data/peers.ts";

const cmp = comparePeers(peersData);
const row = (t: string, fy: number) => cmp.years.find((r) => r.ticker === t && r.fiscalYear === fy)!;

describe("peers dataset", () => {
  it("covers Meta, Alphabet, Microsoft, Amazon and Oracle with their fiscal-year ends", () => {
    const fy = Object.fromEntries(Object.entries(peersData.companies).map(([t, c]) => [t, c.fiscalYearEndMonth]));
    expect(fy).toEqual({ META: 12, GOOGL: 12, MSFT: 6, AMZN: 12, ORCL: 5 });
  });

  it("agrees with data/company-financials.json for Meta where both have a value", () => {
    const meta = peersData.companies.META;
    const c = referenceData.company;
    for (const [y, v] of Object.entries(c.revenueUsdByYear)) expect(meta.revenueUsdByFiscalYear[y], `revenue ${y}`).toBe(v);
    for (const [y, v] of Object.entries(c.capexUsdByYear)) expect(meta.capexUsdByFiscalYear[y], `capex ${y}`).toBe(v);
    for (const [y, v] of Object.entries(c.operatingCashFlowUsdByYear)) expect(meta.operatingCashFlowUsdByFiscalYear[y], `OCF ${y}`).toBe(v);
  });

  it("keeps capex guidance consistent (low <= high, one entry per date)", () => {
    for (const [t, c] of Object.entries(peersData.companies)) {
      for (const [fy, list] of Object.entries(c.capexGuidanceUsdByFiscalYear ?? {})) {
        expect(new Set(list.map((g) => g.date)).size, `${t} ${fy}`).toBe(list.length);
        for (const g of list) expect(g.lowUsd).toBeLessThanOrEqual(g.highUsd);
      }
    }
  });
});

describe("peer comparison (hand-computed)", () => {
  it("capex / revenue, capex / OCF and growth for Meta 2025 on both definitions", () => {
    const r = row("META", 2025);
    expect(r.exclFinanceLeases.capexToRevenueFraction).toBeCloseTo(69.691 / 200.966, 10);
    expect(r.exclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(69.691 / 115.8, 10);
    expect(r.exclFinanceLeases.capexGrowthFraction).toBeCloseTo(69.691 / 37.256 - 1, 10);
    expect(r.inclFinanceLeases.capexToRevenueFraction).toBeCloseTo(72.215 / 200.966, 10);
    expect(r.inclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(72.215 / 115.8, 10);
    expect(r.inclFinanceLeases.capexGrowthFraction).toBeCloseTo(72.215 / 39.225 - 1, 10);
    expect(r.period).toBe("2025-01..2025-12");
  });

  it("Alphabet, Amazon and Oracle ratios", () => {
    expect(row("GOOGL", 2025).exclFinanceLeases.capexGrowthFraction).toBeCloseTo(91.4 / 52.53 - 1, 10);
    expect(row("AMZN", 2025).exclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(131 / 139.5, 10);
    expect(row("AMZN", 2025).inclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo((131 + 1.683) / 139.5, 10);
    expect(row("ORCL", 2025).exclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(21.21 / 20.8, 10);
    expect(row("ORCL", 2025).inclFinanceLeases.capexToOperatingCashFlowFraction).toBeCloseTo(21.237 / 20.8, 10);
    expect(row("ORCL", 2025).period).toBe("2024-06..2025-05");
    expect(row("MSFT", 2025).period).toBe("2024-07..2025-06");
  });

  it("reports n/a (null), never 0, for missing values and the first year's growth", () => {
    expect(row("MSFT", 2023).revenueUsd).toBeNull();
    expect(row("MSFT", 2023).exclFinanceLeases.capexToRevenueFraction).toBeNull();
    expect(row("MSFT", 2023).inclFinanceLeases.capexToRevenueFraction).toBeNull();
    expect(row("META", 2023).inclFinanceLeases.capexGrowthFraction).toBeNull();
    expect(row("AMZN", 2023).capexExclFinanceLeasesUsd).toBeNull();
    expect(row("AMZN", 2023).capexInclFinanceLeasesUsd).toBeNull();
    expect(row("AMZN", 2023).financeLeaseStatus).toBeNull();
  });

  it("lists guidance in date order with the previous midpoint", () => {
    const meta = cmp.guidance.filter((g) => g.ticker === "META" && g.fiscalYear === 2025);
    expect(meta.map((g) => g.date)).toEqual(["2025-01-29", "2025-04-30", "2025-07-30", "2025-10-29"]);
    expect(meta[0].previousMidUsd).toBeNull();
    expect(meta[3].previousMidUsd).toBe(69e9);
  });

  it("calendarizes explicitly: Microsoft 2025 from four fiscal quarters, Oracle 2025 not computable", () => {
    const c2025 = (t: string) => cmp.calendarCapex.find((c) => c.ticker === t && c.calendarYear === 2025)!;
    expect(c2025("MSFT").capexUsd).toBeCloseTo((21.4 + 24.2 + 34.9 + 37.5) * 1e9, 0);
    expect(c2025("MSFT").inputs.map((i) => i.path)).toEqual(["quarterly.capexInclFinanceLeasesUsd.2025Q3", "quarterly.capexInclFinanceLeasesUsd.2025Q4", "quarterly.capexInclFinanceLeasesUsd.2026Q1", "quarterly.capexInclFinanceLeasesUsd.2026Q2"]);
    expect(c2025("ORCL").capexUsd).toBeNull();
    expect(c2025("ORCL").method).toMatch(/FY2026 \(2025-06\.\.2026-05: 7 months\).*no capex for FY2026/);
    expect(c2025("META").capexUsd).toBe(72.22e9);
  });

  it("never treats a June fiscal year as a calendar year, even when the annual value exists", () => {
    const onlyAnnual: PeersFile["companies"][string] = { ...peersData.companies.MSFT, quarterly: undefined };
    expect(calendarYearCapex("MSFT", onlyAnnual, 2025).capexUsd).toBeNull();
  });

  it("renders a table and a CSV with one row per company and fiscal year", () => {
    const text = renderPeersText(cmp);
    expect(text).toContain("Microsoft       2025  2024-07..2025-06");
    expect(text).toContain("+87.1% | +84.1%");
    const t = peersYearsTable(cmp);
    expect(t.rows.length).toBe(cmp.years.length);
    expect(t.columns).toContain("capexToOperatingCashFlowFractionExclFinanceLeases");
    expect(t.columns).toContain("capexToOperatingCashFlowFractionInclFinanceLeases");
  });
});
