/**
 * One SPV of the scenario on the model: the covered capex and capacity of its phases, a timeline extended to debt
 * maturity and lease end, the debt schedule, the rent (declared, or sized to cover debt service and the partner's
 * target return), the waterfall, equity returns, debt service cover and the residual value guarantee.
 */
import { type Diagnostic, info, warning } from "../../core/diagnostics.ts";
import { type Timeline, makeTimeline, monthFromNumber } from "../../core/months.ts";
import type { ModelState } from "../../buildout/model.ts";
import { FACILITY_CLASSES, type FacilityClass } from "../../buildout/costs.ts";
import { irrFraction, npvUsd } from "../returns.ts";
import { debtSchedule } from "./debt.ts";
import { type CovenantTest, type SculptedDebt, covenantTest, sculptDebt, sculptedSchedule } from "./debt-sizing.ts";
import type { ResolvedSpv } from "../../scenario/resolved-financing.ts";
import { type RvgPoint, leaseTermEnds, marketValueUsd, rvgPoint } from "./rvg.ts";
import { type SpvEngineInput, type SpvFlows, completionIndex, equityFlows, rentFactors, runSpv } from "./spv.ts";
import { type DevelopmentCost, spvDevelopmentCost } from "./development-cost.ts";

/** USD billions for the notes: $27.3B */
/** USD billions for diagnostics: $27.3B */
export const usdB = (v: number): string => `$${(v / 1e9).toFixed(1)}B`;

export type RentBasis = "declared" | "partnerReturn" | "debtServiceCover";

export interface SpvResult {
  spv: ResolvedSpv;
  timeline: Timeline;
  input: SpvEngineInput;
  flows: SpvFlows;
  coveredCostUsd: number;
  /** the development cost by category (hard, soft, land, capitalized interest), the basis of a reported cost */
  developmentCost: DevelopmentCost;
  coveredItPowerMw: number;
  leaseEndIndex: number;
  amortizationStartIndex: number;
  rent: { annualRentUsd: number; forPartnerReturnUsd: number; forDebtServiceCoverUsd: number; basis: RentBasis };
  partnerIrrFraction: number | null;
  sponsorIrrFraction: number | null;
  /** per extended-timeline year: (rent − opex) / debt service; NaN without debt service */
  dscrByYearIndex: Float64Array;
  minStabilizedDscr: number | null;
  terminalAssetValueUsd: number;
  /** end of each extended-timeline year */
  rvgByYearIndex: RvgPoint[] | null;
  rvgAtTermEnds: RvgPoint[];
  debtSizing: SpvDebtSizing;
  diagnostics: Diagnostic[];
}

/** How much debt the modelled lease cash flow supports, and how the declared debt fares against its covenants. */
export interface SpvDebtSizing {
  targetMinDscr: number;
  sculpted: SculptedDebt;
  /** null without a gearing cap */
  gearingCapUsd: number | null;
  /** the sculpted maximum, capped by gearing */
  maxDebtUsd: number;
  covenants: CovenantTest;
  lockUpDscr: number;
  defaultDscr: number;
  financeable: boolean;
}

/** Covered capex by month and the share of covered IT MW online, on the model horizon. */
function coverage(st: ModelState, spv: ResolvedSpv): { capexUsd: Float64Array; onlineFraction: Float64Array; itPowerMw: number } {
  const n = st.scenario.timeline.months;
  const capexUsd = new Float64Array(n);
  const online = new Float64Array(n);
  const phases = new Set(spv.phaseIndices);
  const facilityClasses = spv.assetClasses.filter((c): c is FacilityClass => (FACILITY_CLASSES as readonly string[]).includes(c));
  for (const pi of spv.phaseIndices) for (const c of facilityClasses) for (let m = 0; m < n; m++) capexUsd[m] += st.capex.phases[pi][c][m];
  if (spv.assetClasses.includes("it")) {
    for (const a of st.capex.assets) if (a.assetClass === "it" && phases.has(a.phaseIndex) && a.inServiceIndex < n) capexUsd[a.inServiceIndex] += a.costUsd;
  }
  let itPowerMw = 0;
  for (const ps of st.build.phases) {
    if (!phases.has(ps.phaseIndex)) continue;
    const mw = st.scenario.phases[ps.phaseIndex].itPowerMw;
    itPowerMw += mw;
    for (let m = Math.max(0, ps.onlineIndex); m < n && ps.startIndex >= 0; m++) online[m] += mw;
  }
  for (let m = 0; m < n; m++) online[m] = itPowerMw > 0 ? online[m] / itPowerMw : 0;
  return { capexUsd, onlineFraction: online, itPowerMw };
}

function extend(a: Float64Array, n: number, holdLast: boolean): Float64Array {
  const out = new Float64Array(n);
  out.set(a.subarray(0, Math.min(a.length, n)));
  if (holdLast && a.length > 0) out.fill(a[a.length - 1], a.length);
  return out;
}

function leaseWindow(spv: ResolvedSpv, online: Float64Array, ds: Diagnostic[]): { start: number; end: number } {
  const l = spv.lease;
  let start = l.startIndex;
  if (start < 0) {
    start = online.findIndex((f, m) => m >= spv.closeIndex && f > 0);
    if (start < 0) {
      ds.push(warning(`${spv.path}.lease`, "no covered phase comes online inside the horizon: the SPV earns no rent"));
      start = spv.maturityIndex;
    }
  }
  let end = start + l.initialTermMonths;
  if (l.renewals >= 0) end += l.renewals * l.renewalTermMonths;
  else while (end <= spv.maturityIndex) end += Math.max(1, l.renewalTermMonths);
  return { start, end };
}

export function modelSpv(st: ModelState, spv: ResolvedSpv): SpvResult {
  const ds: Diagnostic[] = [];
  const t0 = st.scenario.timeline;
  const cov = coverage(st, spv);
  const lease = leaseWindow(spv, cov.onlineFraction, ds);
  const months = Math.max(t0.months, spv.maturityIndex + 1, lease.end);
  const timeline = makeTimeline(t0.monthLabels[0], monthFromNumber(t0.startMonthNumber + months - 1));
  const amortizationStartIndex = Math.min(spv.maturityIndex, spv.amortizationStartIndex >= 0 ? spv.amortizationStartIndex : lease.start);
  // a sculpted debt follows the rent, so the rent is first sized against the level schedule of the same principal
  const sizingAmortization = spv.amortization === "sculpted" ? "level" : spv.amortization;
  const debt = debtSchedule(
    { principalUsd: spv.debtUsd, couponFractionPerYear: spv.couponFractionPerYear, drawIndex: spv.closeIndex, amortizationStartIndex, maturityIndex: spv.maturityIndex, paymentsPerYear: spv.paymentsPerYear, amortization: sizingAmortization },
    months,
  );
  const capexUsd = extend(cov.capexUsd, months, false);
  let coveredCostUsd = 0;
  for (let m = 0; m < months; m++) coveredCostUsd += capexUsd[m];
  const base: SpvEngineInput = {
    months,
    capexUsd,
    onlineFraction: extend(cov.onlineFraction, months, true),
    closeIndex: spv.closeIndex,
    leaseStartIndex: lease.start,
    leaseEndIndex: lease.end,
    debt,
    partnerEquityUsd: spv.partnerEquityUsd,
    sponsorCashEquityUsd: spv.sponsorCashEquityUsd,
    sponsorDistributionAtCloseUsd: spv.sponsorDistributionAtCloseUsd,
    sponsorEquityFraction: spv.sponsorEquityFraction,
    opexUsdPerYear: spv.opexFractionOfCostPerYear * coveredCostUsd,
    debtServiceReserveMonths: spv.debtServiceReserveMonths,
    annualRentUsd: 0,
    escalationFractionPerYear: spv.lease.escalationFractionPerYear,
    lockUpDscr: spv.debtSizing.lockUpDscr,
    cashSweep: spv.debtSizing.cashSweepFraction > 0 ? { fraction: spv.debtSizing.cashSweepFraction, couponFractionPerYear: spv.couponFractionPerYear } : undefined,
  };
  const terminalAssetValueUsd = marketValueUsd(coveredCostUsd, { marketValueDeclineFractionPerYear: spv.marketValueDeclineFractionPerYear, marketValueFloorFraction: spv.marketValueFloorFraction }, (months - lease.start) / 12);
  const forDebtServiceCoverUsd = rentForDscr(base, timeline, spv.lease.minDebtServiceCoverRatio);
  const forPartnerReturnUsd = rentForPartnerIrr(base, terminalAssetValueUsd, spv.lease.partnerTargetIrrFraction);
  const declared = spv.lease.annualRentUsd;
  const annualRentUsd = declared ?? Math.max(forDebtServiceCoverUsd, forPartnerReturnUsd);
  const basis: RentBasis = declared !== null ? "declared" : forDebtServiceCoverUsd > forPartnerReturnUsd ? "debtServiceCover" : "partnerReturn";
  const input = withSculptedDebt(spv, { ...base, annualRentUsd }, amortizationStartIndex, ds);
  const flows = runSpv(input);
  const eq = equityFlows(input, flows, terminalAssetValueUsd);
  const dscr = dscrByYear(input, flows, timeline);
  if (coveredCostUsd <= 0) ds.push(warning(spv.path, "the SPV's phases have no capex inside the horizon"));
  const partnerIrrFraction = irrFraction(eq.partnerUsd);
  const sizing = sizeDebt(spv, input, flows, amortizationStartIndex, coveredCostUsd, timeline, partnerIrrFraction, ds);
  return {
    spv,
    timeline,
    input,
    flows,
    coveredCostUsd,
    developmentCost: spvDevelopmentCost(st, spv),
    coveredItPowerMw: cov.itPowerMw,
    leaseEndIndex: lease.end,
    amortizationStartIndex,
    rent: { annualRentUsd, forPartnerReturnUsd, forDebtServiceCoverUsd, basis },
    partnerIrrFraction,
    sponsorIrrFraction: irrFraction(eq.sponsorUsd),
    dscrByYearIndex: dscr.byYear,
    minStabilizedDscr: dscr.minStabilized,
    terminalAssetValueUsd,
    rvgByYearIndex: spv.rvg ? timeline.years.map((_, yi) => rvgPoint(spv.rvg!, coveredCostUsd, lease.start, flows.debtBalanceUsd[lastMonthOfYear(timeline, yi)], lastMonthOfYear(timeline, yi))) : null,
    rvgAtTermEnds: spv.rvg
      ? leaseTermEnds(lease.start, spv.lease.initialTermMonths, spv.lease.renewalTermMonths, lease.end)
          .filter((b) => b < lease.start + spv.rvg!.termMonths)
          .map((b) => rvgPoint(spv.rvg!, coveredCostUsd, lease.start, flows.debtBalanceUsd[b], b))
      : [],
    debtSizing: sizing,
    diagnostics: [...ds, fundingNote(spv, input, coveredCostUsd)],
  };
}

/**
 * An SPV whose debt is `sculpted`: the declared principal repaid along the lease's CFADS (rent − SPV opex) at the one
 * constant DSCR that repays it by maturity; other amortizations pass through. Without CFADS before maturity the
 * level schedule stays, with a warning.
 */
function withSculptedDebt(spv: ResolvedSpv, x: SpvEngineInput, repaymentStart: number, ds: Diagnostic[]): SpvEngineInput {
  if (spv.amortization !== "sculpted" || spv.debtUsd <= 0) return x;
  const rent = rentFactors(x);
  const cfadsUsd = new Float64Array(x.months);
  for (let m = Math.max(0, x.closeIndex); m < x.months; m++) cfadsUsd[m] = x.annualRentUsd * rent[m] - (m < x.leaseEndIndex ? (x.opexUsdPerYear * x.onlineFraction[m]) / 12 : 0);
  const s = sculptedSchedule(spv.debtUsd, { cfadsUsd, couponFractionPerYear: spv.couponFractionPerYear, drawIndex: spv.closeIndex, repaymentStartIndex: repaymentStart, maturityIndex: spv.maturityIndex, paymentsPerYear: spv.paymentsPerYear }, x.months);
  if (!s) {
    ds.push(warning(`${spv.path}.amortization`, `${spv.name}: the lease has no cash flow before maturity to sculpt the debt to; level repayment is used`));
    return x;
  }
  const low = s.dscr < spv.debtSizing.defaultDscr;
  ds.push(
    (low ? warning : info)(
      `${spv.path}.amortization`,
      `${spv.name}: debt sculpted to the lease's cash flow at a DSCR of ${s.dscr.toFixed(2)} in every repayment period that amortizes (ramp-up periods pay interest only)${low ? `, below the default level ${spv.debtSizing.defaultDscr}: the lease cannot carry this debt` : ""}`,
    ),
  );
  return { ...x, debt: s.schedule };
}

/** Sculpted debt capacity of the modelled rent, covenant months of the declared debt, and flags for what cannot be financed. */
function sizeDebt(spv: ResolvedSpv, x: SpvEngineInput, f: SpvFlows, repaymentStart: number, coveredCostUsd: number, t: Timeline, partnerIrr: number | null, ds: Diagnostic[]): SpvDebtSizing {
  const s = spv.debtSizing;
  const cfads = new Float64Array(x.months);
  const service = new Float64Array(x.months);
  for (let m = 0; m < x.months; m++) {
    cfads[m] = f.rentUsd[m] - f.opexUsd[m];
    service[m] = f.interestUsd[m] + f.principalUsd[m] - f.sweepUsd[m]; // voluntary prepayments are not debt service
  }
  // covenants are tested from completion, the month the waterfall starts distributing (and applies its lock-up)
  const completion = completionIndex(x);
  const sculpted = sculptDebt({
    cfadsUsd: cfads,
    couponFractionPerYear: spv.couponFractionPerYear,
    drawIndex: spv.closeIndex,
    repaymentStartIndex: repaymentStart,
    maturityIndex: spv.maturityIndex,
    paymentsPerYear: spv.paymentsPerYear,
    targetMinDscr: s.targetMinDscr,
    levelFromIndex: Math.max(repaymentStart, completion),
  });
  const gearingCapUsd = s.maxGearingFraction === null ? null : s.maxGearingFraction * coveredCostUsd;
  const maxDebtUsd = Math.min(sculpted.maxDebtUsd, gearingCapUsd ?? Number.POSITIVE_INFINITY);
  const covenants = covenantTest(cfads, service, completion, s.lockUpDscr, s.defaultDscr);
  const path = `${spv.path}.debtSizing`;
  const financeable = maxDebtUsd > 0 && (partnerIrr === null || partnerIrr >= 0);
  if (!(maxDebtUsd > 0)) ds.push(warning(path, `${spv.name}: the lease's cash flow after SPV opex carries no debt at a DSCR of ${s.targetMinDscr} (no positive CFADS before maturity): the structure cannot be financed as modelled`));
  else {
    const vs = spv.debtUsd > maxDebtUsd ? `${((spv.debtUsd / maxDebtUsd - 1) * 100).toFixed(0)} % above` : `within`;
    ds.push(info(path, `${spv.name}: the modelled rent supports ${usdB(maxDebtUsd)} of debt sculpted to a DSCR of ${s.targetMinDscr} at ${(spv.couponFractionPerYear * 100).toFixed(2)} % to ${t.monthLabels[spv.maturityIndex] ?? "maturity"} (level payments from completion: ${usdB(sculpted.maxLevelDebtUsd)}); the declared ${usdB(spv.debtUsd)} is ${vs} it`));
  }
  if (partnerIrr !== null && partnerIrr < 0) ds.push(warning(path, `${spv.name}: the partner's equity return is negative (${(partnerIrr * 100).toFixed(1)} %): the structure cannot be financed on these terms`));
  if (covenants.defaultMonths > 0)
    ds.push(warning(path, `${spv.name}: the declared debt's trailing-12-month DSCR falls below ${s.defaultDscr} (default) in ${covenants.defaultMonths} month(s), first ${t.monthLabels[covenants.firstDefaultIndex]}`));
  else if (covenants.lockUpMonths > 0)
    ds.push(info(path, `${spv.name}: the declared debt's trailing-12-month DSCR falls below ${s.lockUpDscr} (distribution lock-up) in ${covenants.lockUpMonths} month(s), first ${t.monthLabels[covenants.firstLockUpIndex]}`));
  return { targetMinDscr: s.targetMinDscr, sculpted, gearingCapUsd, maxDebtUsd, covenants, lockUpDscr: s.lockUpDscr, defaultDscr: s.defaultDscr, financeable };
}

/** Sources at close against the cash the SPV needs until rent starts: a surplus is released at completion. */
function fundingNote(spv: ResolvedSpv, x: SpvEngineInput, coveredCostUsd: number): Diagnostic {
  let capexAfterClose = 0;
  let interestBeforeLease = 0;
  for (let m = Math.max(0, spv.closeIndex); m < x.months; m++) {
    capexAfterClose += x.capexUsd[m];
    if (m < x.leaseStartIndex) interestBeforeLease += x.debt.interestUsd[m];
  }
  const raised = spv.debtUsd + spv.partnerEquityUsd + spv.sponsorCashEquityUsd - spv.sponsorDistributionAtCloseUsd;
  const gap = raised - capexAfterClose - interestBeforeLease;
  const tail = gap >= 0 ? `a surplus of ${usdB(gap)} is held until completion, then distributed` : `a shortfall of ${usdB(-gap)} is met by equity calls`;
  return info(
    spv.path,
    `${spv.name}: modelled cost of the covered assets ${usdB(coveredCostUsd)}` +
      (spv.reportedDevelopmentCostUsd === null ? "; " : ` (reported development cost ${usdB(spv.reportedDevelopmentCostUsd)}); `) +
      `raised net of the close distribution ${usdB(raised)} against ${usdB(capexAfterClose)} of capex after close and ${usdB(interestBeforeLease)} of interest before rent: ${tail}`,
  );
}

export function lastMonthOfYear(t: Timeline, yearIndex: number): number {
  const startOffset = t.startMonthNumber % 12;
  return Math.min(t.months - 1, (yearIndex + 1) * 12 - 1 - startOffset);
}

/** Sum of `a` per calendar year of `t` for months where `keep(m)`. */
function yearSums(t: Timeline, a: Float64Array, keep: (m: number) => boolean = () => true): Float64Array {
  const out = new Float64Array(t.years.length);
  for (let m = 0; m < t.months; m++) if (keep(m)) out[t.yearIndex[m]] += a[m];
  return out;
}

/** Stabilized years: the lease runs all year and all covered capacity is online. */
function stabilizedYears(x: SpvEngineInput, t: Timeline): boolean[] {
  const ok = t.years.map(() => true);
  for (let m = 0; m < t.months; m++) {
    if (m < x.leaseStartIndex || m >= x.leaseEndIndex || x.onlineFraction[m] < 1 - 1e-9) ok[t.yearIndex[m]] = false;
  }
  return ok;
}

/** Smallest first-year rent with (rent − opex) ≥ ratio × debt service in every stabilized year (rent is linear in it). */
export function rentForDscr(x: SpvEngineInput, t: Timeline, ratio: number): number {
  const a = yearSums(t, rentFactors(x));
  const service = new Float64Array(x.months);
  const opex = new Float64Array(x.months);
  for (let m = 0; m < x.months; m++) {
    service[m] = x.debt.interestUsd[m] + x.debt.principalUsd[m];
    opex[m] = (x.opexUsdPerYear * x.onlineFraction[m]) / 12;
  }
  const ds = yearSums(t, service);
  const op = yearSums(t, opex);
  const ok = stabilizedYears(x, t);
  let rent = 0;
  t.years.forEach((_, y) => {
    if (ok[y] && ds[y] > 0 && a[y] > 0) rent = Math.max(rent, (ratio * ds[y] + op[y]) / a[y]);
  });
  return rent;
}

/**
 * First-year rent at which the partner's equity earns `target` (NPV of its flows at the target is zero). The NPV rises
 * with the rent, so the root is bracketed and found by the Illinois variant of false position (a few full runs).
 */
export function rentForPartnerIrr(x: SpvEngineInput, terminalUsd: number, target: number): number {
  const npvAt = (rent: number): number => npvUsd(equityFlows({ ...x, annualRentUsd: rent }, runSpv({ ...x, annualRentUsd: rent }), terminalUsd).partnerUsd, target);
  let lo = 0;
  let fLo = npvAt(lo);
  if (fLo >= 0) return 0;
  let hi = Math.max(1, 0.1 * x.debt.drawUsd.reduce((a, v) => a + v, 0) + 0.2 * x.partnerEquityUsd);
  let fHi = npvAt(hi);
  for (let i = 0; i < 60 && fHi < 0; i++) {
    lo = hi;
    fLo = fHi;
    hi *= 2;
    fHi = npvAt(hi);
  }
  let side = 0;
  for (let i = 0; i < 100 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo * fHi - hi * fLo) / (fHi - fLo);
    const fMid = npvAt(mid);
    if (Math.abs(fMid) <= 1e-9 * x.partnerEquityUsd) return mid;
    if (fMid < 0) {
      lo = mid;
      fLo = fMid;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = mid;
      fHi = fMid;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return (lo + hi) / 2;
}

function dscrByYear(x: SpvEngineInput, f: SpvFlows, t: Timeline): { byYear: Float64Array; minStabilized: number | null } {
  const service = new Float64Array(x.months);
  const cfads = new Float64Array(x.months);
  for (let m = 0; m < x.months; m++) {
    service[m] = f.interestUsd[m] + f.principalUsd[m] - f.sweepUsd[m]; // voluntary prepayments are not debt service
    cfads[m] = f.rentUsd[m] - f.opexUsd[m];
  }
  const leaseOn = (m: number): boolean => m >= x.leaseStartIndex && m < x.leaseEndIndex;
  const ds = yearSums(t, service, leaseOn);
  const cf = yearSums(t, cfads, leaseOn);
  const ok = stabilizedYears(x, t);
  const byYear = new Float64Array(t.years.length).fill(Number.NaN);
  let minStabilized: number | null = null;
  t.years.forEach((_, y) => {
    if (ds[y] <= 0) return;
    byYear[y] = cf[y] / ds[y];
    if (ok[y]) minStabilized = minStabilized === null ? byYear[y] : Math.min(minStabilized, byYear[y]);
  });
  return { byYear, minStabilized };
}
