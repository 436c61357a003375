/**
 * Resolve the scenario's optional `financing` block: defaults from data/financing.json, months to timeline indices,
 * cross references (site and phase names) checked. Problems are collected as diagnostics with their paths.
 */
import { type Diagnostic, error, info, keyPath, warning } from "../core/diagnostics.ts";
import { type Timeline, monthIndex } from "../core/months.ts";
import type { ReferenceData } from "../data/index.ts";
import type { ResolvedPhase, ResolvedSite } from "./resolved.ts";
import type { CorporateBondInput, Financing, SpvInput } from "./financing-schema.ts";
import type { ResolvedBond, ResolvedFinancing, ResolvedImpairment, ResolvedLifeChange, ResolvedProjectFinanceSizing, ResolvedSpv, SequoiaCase } from "./resolved-financing.ts";

export interface FinancingContext {
  timeline: Timeline;
  sites: readonly ResolvedSite[];
  phases: readonly ResolvedPhase[];
  /** economics.discountRateFractionPerYear when the scenario has one */
  discountRateFractionPerYear: number | null;
}

const EMPTY: Financing = { structures: [], accounting: { usefulLifeChanges: [] }, revenueRequired: {} };

export function resolveFinancing(f: Financing | undefined, ref: ReferenceData, ctx: FinancingContext, ds: Diagnostic[]): ResolvedFinancing {
  const fin = f ?? EMPTY;
  const data = ref.financing;
  const names = new Set<string>();
  const bonds: ResolvedBond[] = [];
  const spvs: ResolvedSpv[] = [];
  let remainderName = "operating cash flow";
  fin.structures.forEach((st, i) => {
    const path = `financing.structures[${i}]`;
    if (names.has(st.name)) ds.push(error(`${path}.name`, `duplicate structure name "${st.name}"`));
    names.add(st.name);
    if (st.kind === "operatingCashFlow") remainderName = st.name;
    else if (st.kind === "corporateBond") bonds.push(resolveBond(st, path, ref, ctx, ds));
    else {
      const spv = resolveSpv(st, path, ref, ctx, ds);
      if (spv) spvs.push(spv);
    }
  });
  const rr = fin.revenueRequired;
  const cases: SequoiaCase[] = Object.entries(data.revenueRequired.cases).map(([id, c]) => ({
    id,
    label: c.label,
    asOf: c.asOf,
    nvidiaDataCenterRunRateUsd: c.nvidiaDataCenterRunRateUsd ?? (c.nvidiaDataCenterQuarterRevenueUsd ?? 0) * 4,
    publishedRequiredRevenueUsd: c.publishedRequiredRevenueUsd ?? null,
  }));
  return {
    hasStructures: bonds.length + spvs.length > 0,
    remainderName,
    bonds,
    spvs,
    projectFinanceSizing: resolveProjectFinanceSizing(fin, ref, ctx, ds),
    lifeChanges: resolveLifeChanges(fin, ctx, ds),
    impairment: resolveImpairment(fin, ctx, ds),
    taxRateFraction: fin.accounting.taxRateFraction ?? data.tax.metaEffectiveTaxRate2024Fraction,
    waccFractionPerYear: rr.waccFractionPerYear ?? ctx.discountRateFractionPerYear ?? data.revenueRequired.defaultWaccFractionPerYear,
    targetMarginFraction: rr.targetMarginFraction ?? 1 - 1 / data.revenueRequired.sequoiaMarginMultiplier,
    sequoiaTcoMultiplier: data.revenueRequired.sequoiaTcoMultiplier,
    sequoiaMarginMultiplier: data.revenueRequired.sequoiaMarginMultiplier,
    sequoiaCases: cases,
  };
}

function resolveProjectFinanceSizing(fin: Financing, ref: ReferenceData, ctx: FinancingContext, ds: Diagnostic[]): ResolvedProjectFinanceSizing | null {
  const p = fin.projectFinanceSizing;
  if (!p) return null;
  const path = "financing.projectFinanceSizing";
  const h = ref.financing.hyperion;
  const a = ref.financing.structureAssumptions;
  const siteIndices: number[] = [];
  p.sites.forEach((name, k) => {
    const i = ctx.sites.findIndex((s) => s.name === name);
    if (i < 0) ds.push(error(`${path}.sites[${k}]`, `unknown site "${name}" (sites: ${ctx.sites.map((s) => s.name).join(", ")})`));
    else if (!siteIndices.includes(i)) siteIndices.push(i);
  });
  return {
    path,
    siteIndices,
    couponFractionPerYear: p.couponFractionPerYear ?? h.bondCouponFractionPerYear,
    tenorMonths: Math.round(12 * (p.tenorYears ?? h.bondMaturityYear - h.bondIssueYear)),
    paymentsPerYear: a.bondPaymentsPerYear,
    targetMinDscr: p.targetMinDscr ?? a.debtSizingTargetMinDscr,
    maxGearingFraction: p.maxGearingFraction ?? null,
  };
}

/** Index of a month that must fall inside the horizon (error otherwise). */
function inHorizon(ctx: FinancingContext, m: string, path: string, ds: Diagnostic[]): number {
  const i = monthIndex(ctx.timeline, m);
  if (i < 0 || i >= ctx.timeline.months) ds.push(error(path, `${m} is outside the horizon ${ctx.timeline.monthLabels[0]}..${ctx.timeline.monthLabels[ctx.timeline.months - 1]}`));
  return i;
}

function after(ctx: FinancingContext, m: string, startIndex: number, path: string, what: string, ds: Diagnostic[]): number {
  const i = monthIndex(ctx.timeline, m);
  if (i <= startIndex) ds.push(error(path, `${m} must be after the ${what}`));
  if (i - startIndex > 100 * 12) ds.push(error(path, `${m} is more than 100 years after the ${what}`));
  return i;
}

function resolveBond(b: CorporateBondInput, path: string, ref: ReferenceData, ctx: FinancingContext, ds: Diagnostic[]): ResolvedBond {
  const paymentsPerYear = b.paymentsPerYear ?? ref.financing.structureAssumptions.bondPaymentsPerYear;
  const share = b.programCapexShareFraction;
  if ((share === undefined) === (b.amountUsd === undefined)) {
    ds.push(error(`${path}.amountUsd`, "give either amountUsd (one issue, with issueMonth and maturityMonth) or programCapexShareFraction (with termYears)"));
  }
  if (share !== undefined) {
    const t = ctx.timeline;
    if (b.termYears === undefined) ds.push(error(`${path}.termYears`, "is required with programCapexShareFraction"));
    const from = b.fromMonth === undefined ? 0 : inHorizon(ctx, b.fromMonth, `${path}.fromMonth`, ds);
    const until = b.untilMonth === undefined ? t.months - 1 : inHorizon(ctx, b.untilMonth, `${path}.untilMonth`, ds);
    const termMonths = Math.max(1, Math.round(12 * (b.termYears ?? 1)));
    return { name: b.name, path, amountUsd: 0, couponFractionPerYear: b.couponFractionPerYear, issueIndex: from, maturityIndex: until + termMonths, amortization: b.amortization, amortizationStartIndex: from, paymentsPerYear, programCapexShareFraction: share, untilIndex: until, termMonths };
  }
  if (b.issueMonth === undefined) ds.push(error(`${path}.issueMonth`, "is required with amountUsd"));
  if (b.maturityMonth === undefined) ds.push(error(`${path}.maturityMonth`, "is required with amountUsd"));
  if (b.issueMonth === undefined || b.maturityMonth === undefined) {
    return { name: b.name, path, amountUsd: 0, couponFractionPerYear: 0, issueIndex: 0, maturityIndex: 1, amortization: b.amortization, amortizationStartIndex: 0, paymentsPerYear, programCapexShareFraction: null, untilIndex: 0, termMonths: 1 };
  }
  const issueIndex = inHorizon(ctx, b.issueMonth, `${path}.issueMonth`, ds);
  const maturityIndex = after(ctx, b.maturityMonth, issueIndex, `${path}.maturityMonth`, "issue month", ds);
  const amortizationStartIndex = b.amortizationStartMonth === undefined ? issueIndex : monthIndex(ctx.timeline, b.amortizationStartMonth);
  if (b.amortizationStartMonth !== undefined && (amortizationStartIndex < issueIndex || amortizationStartIndex > maturityIndex)) {
    ds.push(error(`${path}.amortizationStartMonth`, "must fall between the issue month and maturity"));
  }
  return {
    name: b.name,
    path,
    amountUsd: b.amountUsd ?? 0,
    couponFractionPerYear: b.couponFractionPerYear,
    issueIndex,
    maturityIndex,
    amortization: b.amortization,
    amortizationStartIndex,
    paymentsPerYear,
    programCapexShareFraction: null,
    untilIndex: issueIndex,
    termMonths: maturityIndex - issueIndex,
  };
}

function resolveSpv(v: SpvInput, path: string, ref: ReferenceData, ctx: FinancingContext, ds: Diagnostic[]): ResolvedSpv | null {
  const a = ref.financing.structureAssumptions;
  const h = ref.financing.hyperion;
  const siteIndex = ctx.sites.findIndex((s) => s.name === v.site);
  if (siteIndex < 0) {
    ds.push(error(`${path}.site`, `unknown site "${v.site}" (sites: ${ctx.sites.map((s) => s.name).join(", ")})`));
    return null;
  }
  const own = ctx.phases.map((p, i) => ({ p, i })).filter(({ p }) => p.siteIndex === siteIndex);
  const phaseIndices: number[] = [];
  // by default the SPV owns the site's phases a lessor does not
  if (v.phases === undefined && own.length > 0 && own.every(({ p }) => p.leased)) {
    ds.push(error(`${path}.site`, `every phase of site "${v.site}" has a leased facility (facilityOwnership: leased): a lessor owns them, so an SPV has nothing to own`));
  }
  for (const [k, name] of (v.phases ?? own.filter(({ p }) => !p.leased).map(({ p }) => p.name)).entries()) {
    const hit = own.find(({ p }) => p.name === name);
    if (hit?.p.leased) ds.push(error(`${path}.phases[${k}]`, `phase "${name}" has a leased facility (facilityOwnership: leased): a lessor owns it, so an SPV cannot own it too`));
    else if (hit) phaseIndices.push(hit.i);
    else ds.push(error(`${path}.phases[${k}]`, `site "${v.site}" has no phase "${name}" (phases: ${own.map(({ p }) => p.name).join(", ")})`));
  }
  const d = hyperionDefaults(v, ref, path, ds);
  const closeIndex = inHorizon(ctx, d.closeMonth, `${path}.closeMonth`, ds);
  const maturityIndex = after(ctx, d.maturityMonth, closeIndex, `${path}.maturityMonth`, "close month", ds);
  const l = v.lease;
  const leaseStart = l.startMonth === undefined ? -1 : monthIndex(ctx.timeline, l.startMonth);
  if (l.startMonth !== undefined && (leaseStart < closeIndex || leaseStart >= maturityIndex)) {
    ds.push(error(`${path}.lease.startMonth`, "must fall between the close month and debt maturity"));
  }
  const amortStart = v.amortizationStartMonth === undefined ? -1 : monthIndex(ctx.timeline, v.amortizationStartMonth);
  if (v.amortizationStartMonth !== undefined && (amortStart < closeIndex || amortStart > maturityIndex)) {
    ds.push(error(`${path}.amortizationStartMonth`, "must fall between the close month and maturity"));
  }
  const r = v.residualValueGuarantee;
  return {
    name: v.name,
    path,
    siteIndex,
    phaseIndices,
    assetClasses: [...new Set(v.assetClasses)],
    sponsorEquityFraction: d.sponsorEquityFraction,
    closeIndex,
    debtUsd: d.debtUsd,
    couponFractionPerYear: d.couponFractionPerYear,
    maturityIndex,
    amortization: v.amortization,
    amortizationStartIndex: amortStart,
    paymentsPerYear: v.paymentsPerYear ?? a.bondPaymentsPerYear,
    partnerEquityUsd: d.partnerEquityUsd,
    sponsorCashEquityUsd: v.sponsorCashEquityUsd,
    sponsorDistributionAtCloseUsd: d.sponsorDistributionAtCloseUsd,
    opexFractionOfCostPerYear: v.opexFractionOfCostPerYear ?? a.spvOpexFractionOfCostPerYear,
    debtServiceReserveMonths: v.debtServiceReserveMonths ?? a.debtServiceReserveMonths,
    reportedDevelopmentCostUsd: v.reportedDevelopmentCostUsd ?? null,
    lease: {
      startIndex: leaseStart,
      initialTermMonths: Math.round(12 * (l.initialTermYears ?? h.leaseInitialTermYears)),
      renewalTermMonths: Math.round(12 * (l.renewalTermYears ?? a.leaseRenewalTermYears)),
      renewals: l.renewals ?? -1,
      escalationFractionPerYear: l.escalationFractionPerYear ?? a.leaseEscalationFractionPerYear,
      annualRentUsd: l.annualRentUsd ?? null,
      partnerTargetIrrFraction: l.partnerTargetIrrFraction ?? a.partnerTargetIrrFraction,
      minDebtServiceCoverRatio: l.minDebtServiceCoverRatio ?? a.minDebtServiceCoverRatio,
      sponsorDiscountRateFractionPerYear: l.sponsorDiscountRateFractionPerYear ?? d.couponFractionPerYear,
    },
    marketValueDeclineFractionPerYear: r?.marketValueDeclineFractionPerYear ?? a.marketValueDeclineFractionPerYear,
    marketValueFloorFraction: r?.marketValueFloorFraction ?? a.marketValueFloorFraction,
    rvg: r
      ? {
          termMonths: Math.round(12 * (r.termYears ?? h.residualValueGuaranteeTermYears)),
          basis: r.basis,
          guaranteedFraction: r.guaranteedFraction ?? a.guaranteedFractionOfDebt,
          marketValueDeclineFractionPerYear: r.marketValueDeclineFractionPerYear ?? a.marketValueDeclineFractionPerYear,
          marketValueFloorFraction: r.marketValueFloorFraction ?? a.marketValueFloorFraction,
          vacancyHaircutFraction: r.vacancyHaircutFraction ?? a.vacancyHaircutFraction,
        }
      : null,
    debtSizing: {
      targetMinDscr: v.debtSizing.targetMinDscr ?? a.debtSizingTargetMinDscr,
      maxGearingFraction: v.debtSizing.maxGearingFraction ?? null,
      lockUpDscr: v.debtSizing.lockUpDscr ?? a.lockUpDscr,
      defaultDscr: v.debtSizing.defaultDscr ?? a.defaultDscr,
      cashSweepFraction: v.debtSizing.cashSweepFraction ?? 0,
    },
  };
}

/** Deal terms the scenario omits, from the Hyperion JV in data/financing.json; each default is noted. */
function hyperionDefaults(v: SpvInput, ref: ReferenceData, path: string, ds: Diagnostic[]) {
  const h = ref.financing.hyperion;
  const pad = (n: number): string => String(n).padStart(2, "0");
  const d = {
    sponsorEquityFraction: v.sponsorEquityFraction ?? h.sponsorEquityFraction,
    closeMonth: v.closeMonth ?? `${h.bondIssueYear}-${pad(h.bondIssueMonthOfYear)}`,
    debtUsd: v.debtUsd ?? h.bondIssueUsd,
    couponFractionPerYear: v.couponFractionPerYear ?? h.bondCouponFractionPerYear,
    maturityMonth: v.maturityMonth ?? `${h.bondMaturityYear}-12`,
    partnerEquityUsd: v.partnerEquityUsd ?? h.partnerCashContributionUsd,
    sponsorDistributionAtCloseUsd: v.sponsorDistributionAtCloseUsd ?? h.sponsorDistributionAtCloseUsd,
  };
  const taken = (Object.keys(d) as (keyof typeof d)[]).filter((k) => v[k] === undefined);
  if (taken.length > 0) ds.push(info(path, `${taken.join(", ")} taken from the Hyperion JV (data/financing.json)`));
  return d;
}

function resolveLifeChanges(fin: Financing, ctx: FinancingContext, ds: Diagnostic[]): ResolvedLifeChange[] {
  return fin.accounting.usefulLifeChanges
    .map((c, i) => ({
      assetClass: c.assetClass,
      effectiveIndex: inHorizon(ctx, c.effectiveMonth, `financing.accounting.usefulLifeChanges[${i}].effectiveMonth`, ds),
      lifeMonths: Math.round(12 * c.lifeYears),
      previousLifeMonths: c.previousLifeYears === undefined ? null : Math.round(12 * c.previousLifeYears),
    }))
    .sort((a, b) => a.effectiveIndex - b.effectiveIndex);
}

function resolveImpairment(fin: Financing, ctx: FinancingContext, ds: Diagnostic[]): ResolvedImpairment | null {
  const imp = fin.accounting.impairment;
  if (!imp) return null;
  const years = ctx.timeline.years;
  const idle = new Float64Array(years.length);
  for (const [y, f] of Object.entries(imp.idleFractionByYear)) {
    const i = Number(y) - years[0];
    if (i < 0 || i >= years.length) ds.push(warning(keyPath("financing.accounting.impairment.idleFractionByYear", y), "year is outside the horizon; ignored"));
    else idle[i] = f;
  }
  return { idleFractionByYearIndex: idle, triggerIdleFraction: imp.triggerIdleFraction, assetClasses: [...new Set(imp.assetClasses)] };
}
