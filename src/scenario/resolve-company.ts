/** Company revenue path and operating-cash-flow margin for funding from operating cash flow. */
import { type Diagnostic, info, warning } from "../core/diagnostics.ts";
import type { ReferenceData } from "../data/index.ts";
import type { Scenario } from "./schema.ts";
import type { ResolvedScenario } from "./resolved.ts";

export function resolveCompany(s: Scenario, ref: ReferenceData, years: readonly number[], ds: Diagnostic[]): ResolvedScenario["company"] {
  const revenueByYear: Record<string, number> = { ...ref.company.revenueUsdByYear, ...(s.company.revenueUsdByYear ?? {}) };
  const known = Object.keys(revenueByYear).map(Number).sort((a, b) => a - b);
  const growth = s.company.revenueGrowthFractionPerYear;
  const revenueUsdByYearIndex = new Float64Array(years.length);
  years.forEach((y, i) => {
    if (revenueByYear[String(y)] !== undefined) revenueUsdByYearIndex[i] = revenueByYear[String(y)];
    else {
      const before = known.filter((k) => k < y);
      const after = known.filter((k) => k > y);
      if (before.length > 0) {
        const k = before[before.length - 1];
        revenueUsdByYearIndex[i] = revenueByYear[String(k)] * (1 + growth) ** (y - k);
      } else if (after.length > 0) {
        const k = after[0];
        revenueUsdByYearIndex[i] = revenueByYear[String(k)] / (1 + growth) ** (k - y);
      }
    }
  });
  let margin = s.company.operatingCashFlowMarginFraction;
  if (margin === undefined) {
    const both = Object.keys(ref.company.operatingCashFlowUsdByYear)
      .filter((y) => ref.company.revenueUsdByYear[y] !== undefined)
      .sort();
    const y = both[both.length - 1];
    if (y === undefined) {
      margin = 0;
      ds.push(warning("company.operatingCashFlowMarginFraction", "no reference year with revenue and operating cash flow; using 0"));
    } else {
      margin = ref.company.operatingCashFlowUsdByYear[y] / ref.company.revenueUsdByYear[y];
      ds.push(info("company.operatingCashFlowMarginFraction", `from ${ref.company.company} ${y}: operating cash flow / revenue = ${margin.toFixed(3)}`));
    }
  }
  // a scenario that names no company and gives no revenue is funded from the reference company's books: say so
  const fromReferenceData = s.company.name === undefined && s.company.revenueUsdByYear === undefined;
  if (fromReferenceData) {
    ds.push(
      info(
        "company",
        `the scenario states no company: the funding, P&L and leverage sections use the reported revenue and cash-flow margin of ${ref.company.company} (data/company-financials.json); set company.name and company.revenueUsdByYear for your own`,
      ),
    );
  }
  // a year whose revenue is the reference company's reported revenue takes its reported operating cash flow too,
  // unless the scenario states its own margin; every other year is revenue x margin
  const reportedOcf = ref.company.operatingCashFlowUsdByYear;
  const operatingCashFlowUsdByYearIndex = Float64Array.from(years, (y, i) => {
    const year = String(y);
    const reported = s.company.operatingCashFlowMarginFraction === undefined && s.company.revenueUsdByYear?.[year] === undefined && reportedOcf[year] !== undefined && ref.company.revenueUsdByYear[year] !== undefined;
    return reported ? reportedOcf[year] : revenueUsdByYearIndex[i] * margin;
  });
  return { name: s.company.name ?? ref.company.company, revenueUsdByYearIndex, operatingCashFlowUsdByYearIndex, operatingCashFlowMarginFraction: margin, fromReferenceData };
}
