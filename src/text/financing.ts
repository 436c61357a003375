/** The financing part of the text report: both funding routes, SPVs, P&L effects, revenue required, returns. */
import { renderTextTable } from "../core/text-table.ts";
import type { FinancingSummary, SpvSummary } from "../finance/structures/summary.ts";
import type { RunResult } from "../pipeline/run.ts";
import type { Table } from "../core/table.ts";

/** USD billions with thousands separators, one decimal */
const b = (x: number): string => (x / 1e9).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A signed amount in USD billions: -$227.4B (amounts in sentences; tables keep plain numbers under a "$B" header) */
const money = (x: number): string => `${x < 0 ? "-" : ""}$${b(Math.abs(x))}B`;
const pct = (x: number | null, digits = 1): string => (x === null || !Number.isFinite(x) ? "n/a" : `${(x * 100).toFixed(digits)}%`);
const ratio = (x: number | null): string => (x === null || !Number.isFinite(x) ? "n/a" : x.toFixed(2));

/** First column (year) left, the rest right-aligned, a dashed rule under the header. */
const grid = (headers: string[], rows: string[][]): string => renderTextTable(headers, rows, { rule: true }).join("\n");

/** value of `column` in the row of `route`/`year` (route null for tables without a route column) */
function lookup(t: Table, route: string | null, year: number, column: string): number {
  const ir = t.columns.indexOf("route");
  const iy = t.columns.indexOf("year");
  const ic = t.columns.indexOf(column);
  const row = t.rows.find((r) => r[iy] === year && (route === null || r[ir] === route));
  const v = row?.[ic];
  return typeof v === "number" ? v : Number.NaN;
}

function fundingBlock(result: RunResult, years: number[]): string {
  const t = result.tables.fundingYearly;
  const routes = result.summary.financing.routes;
  const cols: [string, string, string][] = [
    ["OCF", "operatingCashFlowUsd", "A"], ["capex", "sponsorCapexUsd", "A"], ["FCF", "freeCashFlowUsd", "A"], ["gap", "fundingGapUsd", "A"],
  ];
  if (routes.includes("declaredStructures")) {
    cols.push(
      ["OCF", "operatingCashFlowUsd", "B"], ["capex", "sponsorCapexUsd", "B"], ["SPV capex", "spvFundedCapexUsd", "B"], ["rent", "leasePaymentsUsd", "B"],
      ["FCF", "freeCashFlowUsd", "B"], ["gap", "fundingGapUsd", "B"], ["on-BS debt+lease", "leaseLiabilityUsd", "B"], ["off-BS debt", "offBalanceSheetDebtUsd", "B"],
    );
  }
  const route = (k: string): string => (k === "A" ? "allOperatingCashFlow" : "declaredStructures");
  const rows = years.map((y) => [
    String(y),
    ...cols.map(([, c, k]) => {
      const v = lookup(t, route(k), y, c) + (c === "leaseLiabilityUsd" ? lookup(t, route(k), y, "onBalanceSheetDebtUsd") : 0);
      return Number.isFinite(v) ? b(v) : "";
    }),
  ]);
  return grid(["year", ...cols.map(([h, , k]) => `${h} ${k}`)], rows);
}

function spvLines(s: SpvSummary): string[] {
  const out = [
    `SPV ${s.name} (site ${s.site}, ${s.coveredItPowerMw.toLocaleString("en-US", { maximumFractionDigits: 0 })} MW IT): modelled development cost ${money(s.developmentCost.totalUsd)}` +
      (s.reportedDevelopmentCostUsd === null ? "" : ` (reported ${money(s.reportedDevelopmentCostUsd)})`) +
      ` = hard ${money(s.developmentCost.hardUsd)} + soft ${money(s.developmentCost.softUsd)} + land ${money(s.developmentCost.landUsd)} + interest during construction ${money(s.developmentCost.capitalizedInterestUsd)}` +
      `; close ${s.closeMonth}; debt ${money(s.debtUsd)} at ${pct(s.couponFractionPerYear, 2)}, ${s.amortization}, maturity ${s.maturityMonth}; partner cash ${money(s.partnerEquityUsd)}; ` +
      `sponsor in kind ${money(s.sponsorInKindEquityUsd)}, distribution at close ${money(s.sponsorDistributionAtCloseUsd)}`,
    `  lease ${s.leaseStartMonth ?? "n/a"} to ${s.leaseEndMonth}: first-year rent $${(s.rent.annualRentUsd / 1e9).toFixed(2)}B (${s.rent.basis}; for debt service cover $${(s.rent.forDebtServiceCoverUsd / 1e9).toFixed(2)}B, ` +
      `for the partner's target return $${(s.rent.forPartnerReturnUsd / 1e9).toFixed(2)}B), +${pct(s.rent.escalationFractionPerYear)}/yr; total rent ${money(s.totalRentUsd)}`,
    `  partner IRR ${pct(s.partnerIrrFraction)}, sponsor IRR ${pct(s.sponsorIrrFraction)}; min stabilized DSCR ${ratio(s.minStabilizedDebtServiceCoverRatio)}; interest before rent ${money(s.interestBeforeLeaseStartUsd)}; ` +
      `equity calls ${money(s.equityCallsUsd)}; debt at maturity ${money(s.debtBalanceAtMaturityUsd)}; sources ${money(s.sourcesUsd)} = uses ${money(s.usesUsd)} + cash left ${money(s.cashAtEndUsd)}`,
    debtSizingLine(s.debtSizing),
  ];
  const r = s.residualValueGuarantee;
  if (r) {
    const ends = r.exposureAtLeaseTermEnds.map((e) => `${e.month} ${money(e.exposureUsd)}`).join(", ");
    out.push(`  residual value guarantee (${r.termYears} years): max exposure ${money(r.maxExposureUsd)} in ${r.maxExposureYear ?? "n/a"}; if the sponsor leaves at a term end: ${ends || "none"}`);
  }
  return out;
}

function pnlBlock(result: RunResult, years: number[]): string {
  const t = result.tables.pnlYearly;
  const routes = result.summary.financing.routes;
  const cols: [string, string, string][] = [["EBIT A", "ebitUsd", "allOperatingCashFlow"], ["net inc. A", "netIncomeUsd", "allOperatingCashFlow"], ["life chg.", "lifeChangeEffectUsd", "allOperatingCashFlow"], ["impair.", "impairmentUsd", "allOperatingCashFlow"]];
  if (routes.includes("declaredStructures")) cols.push(["rent B", "leaseExpenseUsd", "declaredStructures"], ["net inc. B", "netIncomeUsd", "declaredStructures"]);
  return grid(["year", ...cols.map(([h]) => h)], years.map((y) => [String(y), ...cols.map(([, c, r]) => b(lookup(t, r, y, c)))]));
}

function revenueBlock(result: RunResult, years: number[]): string {
  const t = result.tables.revenueRequiredYearly;
  const cols: [string, string][] = [
    ["IT capex", "itCapexUsd"], ["Sequoia req.", "sequoiaRequiredRevenueUsd"], ["capital charge", "annualizedCapitalUsd"], ["energy", "energyCostUsd"],
    ["other opex", "otherOpexUsd"], ["bottom-up req.", "bottomUpRequiredRevenueUsd"], ["program rev.", "programRevenueUsd"],
  ];
  const rows = years.map((y) => [String(y), ...cols.map(([, c]) => b(lookup(t, null, y, c))), pct(lookup(t, null, y, "revenueCoverageFraction"), 0)]);
  return grid(["year", ...cols.map(([h]) => h), "coverage"], rows);
}

export function renderFinancingSection(result: RunResult, years: number[]): string {
  const f = result.summary.financing;
  const out: string[] = [];
  const both = f.routes.includes("declaredStructures");
  const co = result.summary.company;
  const whose = `the operating cash flow of ${co.name}${co.fromReferenceData ? " (the reference company of data/company-financials.json: the scenario states none)" : ""}`;
  out.push(`Funding (USD B; A = all from ${whose}${both ? `, B = declared structures with the rest from ${f.remainderFundedBy}` : ""}):`, fundingBlock(result, years));
  for (const s of f.spvs) out.push(...spvLines(s));
  for (const p of f.projectFinance) out.push(projectFinanceLine(p));
  for (const bond of f.bonds) {
    const share = bond.programCapexShareFraction === null ? "" : ` (${pct(bond.programCapexShareFraction, 0)} of each month's capex)`;
    out.push(`Bond ${bond.name}${share}: ${money(bond.amountUsd)} issued at ${pct(bond.couponFractionPerYear, 2)}, ${bond.amortization}, ${bond.issueMonth} to ${bond.maturityMonth}; ${money(bond.debtAtHorizonEndUsd)} outstanding at the horizon end`);
  }
  if (both) {
    out.push(`SPV share of program capex ${pct(f.spvShareOfProgramCapexFraction)} (of facility capex ${pct(f.spvShareOfFacilityCapexFraction)}); funding gap over the horizon: A ${money(f.company.allOperatingCashFlow!.fundingGapUsdTotal)}, ` +
      `B ${money(f.company.declaredStructures!.fundingGapUsdTotal)} (reduced by ${money(f.fundingGapReductionUsd)})`);
  }
  out.push("", `Program P&L (USD B; tax at ${pct(f.pnl.taxRateFraction)}; "life chg." = depreciation avoided by useful-life changes):`, pnlBlock(result, years));
  const rr = f.revenueRequired;
  out.push("", `Revenue required: Sequoia top-down = GPU data-centre run-rate x ${rr.sequoiaTcoMultiplier} (TCO) x ${rr.sequoiaMarginMultiplier} (margin); industry reference points from data/financing.json, the same for every scenario:`);
  for (const c of rr.sequoiaCases) {
    const published = c.publishedRequiredRevenueUsd === null ? "" : ` (published ${money(c.publishedRequiredRevenueUsd)})`;
    out.push(`  ${c.label}: ${money(c.nvidiaDataCenterRunRateUsd)} -> ${money(c.requiredRevenueUsd)}/yr${published}`);
  }
  out.push(`Bottom-up = (capital at ${pct(rr.waccFractionPerYear)} WACC over asset lives + energy + other opex) / (1 - ${pct(rr.targetMarginFraction, 0)} margin); Sequoia applied to the program's IT capex:`, revenueBlock(result, years));
  const r = f.returns;
  const years1 = (x: number | null): string => (x === null ? "not within the horizon" : `${x.toFixed(1)} years`);
  if (r === null) out.push("Program returns: not computed (no economics block: no program revenue assumed)");
  else out.push(`Program returns: NPV ${money(r.npvUsd)} at ${pct(r.discountRateFractionPerYear)}; IRR ${pct(r.irrFraction)}; payback ${years1(r.paybackYears)}, discounted ${years1(r.discountedPaybackYears)}`);
  return out.join("\n");
}

function debtSizingLine(d: SpvSummary["debtSizing"]): string {
  const cap = d.gearingCapUsd === null ? "" : `, gearing cap ${money(d.gearingCapUsd)}`;
  const when = (n: number, first: string | null): string => (n === 0 ? "0 months" : `${n} months from ${first}`);
  return (
    `  debt capacity of the modelled rent: ${money(d.maxDebtUsd)} sculpted to DSCR ${ratio(d.targetMinDscr)} (level payments from completion ${money(d.maxLevelDebtUsd)}${cap}) ` +
    `vs ${money(d.declaredDebtUsd)} declared; declared debt from completion: min trailing-12-month DSCR ${ratio(d.minDscr)}, ` +
    `lock-up (< ${ratio(d.lockUpDscr)}) ${when(d.lockUpMonths, d.firstLockUpMonth)}, default (< ${ratio(d.defaultDscr)}) ${when(d.defaultMonths, d.firstDefaultMonth)}${d.financeable ? "" : "; NOT FINANCEABLE as modelled"}` +
    (d.cashSweepFraction > 0 ? `; cash sweep ${pct(d.cashSweepFraction, 0)} prepays ${money(d.cashSweptUsd)}, repaid ${d.declaredDebtRepaidMonth ?? "after the timeline"}` : "")
  );
}

function projectFinanceLine(p: FinancingSummary["projectFinance"][number]): string {
  const share = p.debtToFirstBuildCapexFraction === null ? "" : ` (${pct(p.debtToFirstBuildCapexFraction, 0)} of first-build capex ${money(p.firstBuildCapexUsd)})`;
  const negative = p.negativeCfadsUsd > 0 ? `; CFADS negative from ${p.firstNegativeCfadsMonth} (${money(p.negativeCfadsUsd)}): needs sponsor support` : "";
  return `Project debt of ${p.site} on its own revenue: ${money(p.maxDebtUsd)} sculpted to DSCR ${ratio(p.targetMinDscr)} at ${pct(p.couponFractionPerYear, 2)} over ${p.tenorYears} years from ${p.repaymentStartMonth ?? "n/a"}${share}${negative}${p.financeable ? "" : "; NOT FINANCEABLE as modelled"}`;
}
