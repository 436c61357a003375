import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeTimeline } from "../../core/months.ts";
import { irrFraction, npvUsd } from "../returns.ts";
import { type Amortization, debtSchedule } from "./debt.ts";
import { rentForDscr, rentForPartnerIrr } from "./spv-model.ts";
import { SPV_SOURCE_KEYS, SPV_USE_KEYS, type SpvEngineInput, completionIndex, equityFlows, netSourcesUsd, runSpv } from "./spv.ts";
import { workedCase } from "../../../test/helpers/spv-cases.ts";

/**
 * Worked case (test/helpers/spv-cases.ts `workedCase`; three years from 2030-01, months 0..35):
 * - capex 100 in month 0 = close; debt 80 at 10 %/yr, one payment a year counted back from maturity (months 12, 24),
 *   straight-line from month 12: month 12 pays 8 interest + 40 principal = 48, month 24 pays 4 + 40 = 44;
 * - partner 16 cash, sponsor 4 cash (sponsor share 20 %): 80 + 16 + 4 − 100 = 0 cash after capex;
 * - lease from month 0 to 36 at 60/yr (5 a month), no escalation, no SPV opex, capacity fully online, so the SPV is
 *   complete at month 0; it keeps cash until it covers the debt service due in the next 12 months.
 * Months 0-11: the reserve needed is 48 (month 12). Cash grows 5 a month: 50 at month 9 → 2 distributed; months 10
 *   and 11 → 5 each. Year 1 distributions 12, cash 48.
 * Month 12: 48 + 5 − 48 = 5; the reserve needed is now 44 (month 24): cash passes 44 at month 20 (45 → 1 out), then
 *   5 a month in months 21-23. Year 2 distributions 16, cash 44.
 * Month 24: 44 + 5 − 44 = 5, nothing more is due: 5 a month in months 24-35. Year 3 distributions 60, cash 0.
 * Total 12 + 16 + 60 = 88 = rent 180 − debt service 92. Partner 80 %: 9.6, 12.8, 48. No equity call.
 * DSCR: year 2 = 60 / 48 = 1.25, year 3 = 60 / 44 = 1.364; the rent for a 1.1 floor is max(1.1 × 48, 1.1 × 44) = 52.8.
 */
const yearSum = (a: Float64Array, y: number): number => a.slice(12 * y, 12 * y + 12).reduce((s, v) => s + v, 0);

describe("SPV waterfall: worked case", () => {
  const x = workedCase();
  const f = runSpv(x);
  it("distributes what the reserve rule leaves, month by month", () => {
    const total = (m: number): number => f.distributionsPartnerUsd[m] + f.distributionsSponsorUsd[m];
    expect([0, 8, 9, 10, 11].map(total).map((v) => +v.toFixed(9))).toEqual([0, 0, 2, 5, 5]);
    expect([12, 19, 20, 21, 23].map(total).map((v) => +v.toFixed(9))).toEqual([0, 0, 1, 5, 5]);
    expect([0, 1, 2].map((y) => +(yearSum(f.distributionsPartnerUsd, y) + yearSum(f.distributionsSponsorUsd, y)).toFixed(9))).toEqual([12, 16, 60]);
    expect([0, 1, 2].map((y) => +yearSum(f.distributionsPartnerUsd, y).toFixed(9))).toEqual([9.6, 12.8, 48]);
    expect([11, 23, 35].map((m) => +f.cashBalanceUsd[m].toFixed(9))).toEqual([48, 44, 0]);
    expect(f.partnerEquityCallUsd.every((v) => v === 0) && f.sponsorEquityCallUsd.every((v) => v === 0)).toBe(true);
  });
  it("withholds distributions while the trailing-12-month DSCR is below the lock-up level, and releases them after", () => {
    // year 2's trailing DSCR is 60 / 48 = 1.25 (months 12-23 include the 48 paid at month 12): below 1.3, locked;
    // from month 24 the window holds only the 44 paid then: 60 / 44 = 1.36, unlocked, and the 16 withheld follow
    const locked = runSpv({ ...x, lockUpDscr: 1.3 });
    const total = (y: number): number => +(yearSum(locked.distributionsPartnerUsd, y) + yearSum(locked.distributionsSponsorUsd, y)).toFixed(9);
    expect([0, 1, 2].map(total)).toEqual([12, 0, 76]);
    expect(+locked.cashBalanceUsd[23].toFixed(9)).toBe(60);
    for (let m = 0; m < x.months; m++) {
      const { sourcesUsd, usesUsd } = netSourcesUsd(locked, m);
      expect(sourcesUsd - usesUsd).toBeCloseTo(locked.cashBalanceUsd[m] - (m > 0 ? locked.cashBalanceUsd[m - 1] : 0), 9);
    }
    // a lock-up level the DSCR never falls below changes nothing
    expect(runSpv({ ...x, lockUpDscr: 1.2 })).toEqual(f);
  });
  it("pays the debt off at maturity", () => {
    expect(f.interestUsd[12] + f.principalUsd[12]).toBeCloseTo(48, 12);
    expect(f.interestUsd[24] + f.principalUsd[24]).toBeCloseTo(44, 12);
    expect(f.debtBalanceUsd[24]).toBe(0);
  });
  it("sizes the rent for a 1.1 debt-service cover floor in closed form", () => {
    expect(rentForDscr(x, makeTimeline("2030-01", "2032-12"), 1.1)).toBeCloseTo(52.8, 9);
  });
  it("sizes the rent for the partner's target return: its IRR then equals the target", () => {
    const rent = rentForPartnerIrr(x, 30, 0.08);
    const input = { ...x, annualRentUsd: rent };
    const partner = equityFlows(input, runSpv(input), 30).partnerUsd;
    expect(Math.abs(npvUsd(partner, 0.08))).toBeLessThan(1e-6);
    expect(irrFraction(partner)).toBeCloseTo(0.08, 6);
  });
});

/** Random but well-formed SPV inputs: capex spread before and after close, ramping capacity, any debt profile. */
const spvInput = fc
  .record({
    months: fc.integer({ min: 24, max: 160 }),
    capexMonths: fc.integer({ min: 1, max: 30 }),
    capexPerMonth: fc.double({ min: 1, max: 1e9, noNaN: true }),
    close: fc.integer({ min: 0, max: 20 }),
    leaseDelay: fc.integer({ min: 0, max: 40 }),
    leaseMonths: fc.integer({ min: 1, max: 200 }),
    debtFraction: fc.double({ min: 0, max: 1.5, noNaN: true }),
    coupon: fc.double({ min: 0, max: 0.15, noNaN: true }),
    term: fc.integer({ min: 1, max: 200 }),
    ppy: fc.constantFrom(1, 2, 4, 12),
    amortization: fc.constantFrom<Amortization>("bullet", "level", "straightLine"),
    partnerFraction: fc.double({ min: 0, max: 0.6, noNaN: true }),
    sponsorShare: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    rentFraction: fc.double({ min: 0, max: 0.4, noNaN: true }),
    escalation: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
    opexFraction: fc.double({ min: 0, max: 0.02, noNaN: true }),
    reserveMonths: fc.integer({ min: 0, max: 12 }),
    closeDistributionFraction: fc.double({ min: 0, max: 0.3, noNaN: true }),
  })
  .map((r): SpvEngineInput => {
    const n = r.months;
    const capexUsd = new Float64Array(n);
    for (let m = 0; m < Math.min(n, r.capexMonths); m++) capexUsd[m] = r.capexPerMonth;
    const cost = r.capexPerMonth * Math.min(n, r.capexMonths);
    const close = Math.min(r.close, n - 2);
    const leaseStart = Math.min(n - 1, close + r.leaseDelay);
    const online = new Float64Array(n);
    for (let m = leaseStart; m < n; m++) online[m] = Math.min(1, (m - leaseStart + 1) / 6);
    const maturity = Math.min(n - 1, close + r.term);
    return {
      months: n,
      capexUsd,
      onlineFraction: online,
      closeIndex: close,
      leaseStartIndex: leaseStart,
      leaseEndIndex: Math.min(n, leaseStart + r.leaseMonths),
      debt: debtSchedule({ principalUsd: r.debtFraction * cost, couponFractionPerYear: r.coupon, drawIndex: close, amortizationStartIndex: leaseStart, maturityIndex: Math.max(maturity, close + 1), paymentsPerYear: r.ppy, amortization: r.amortization }, n),
      partnerEquityUsd: r.partnerFraction * cost,
      sponsorCashEquityUsd: 0,
      sponsorDistributionAtCloseUsd: r.closeDistributionFraction * cost,
      sponsorEquityFraction: r.sponsorShare,
      opexUsdPerYear: r.opexFraction * cost,
      debtServiceReserveMonths: r.reserveMonths,
      annualRentUsd: r.rentFraction * cost,
      escalationFractionPerYear: r.escalation,
    };
  });

describe("SPV waterfall: properties", () => {
  it("sources = uses + change in cash in every month; cash never negative", () => {
    fc.assert(
      fc.property(spvInput, (x) => {
        const f = runSpv(x);
        const scale = 1e-9 * (x.capexUsd.reduce((a, v) => a + v, 0) + x.debt.drawUsd.reduce((a, v) => a + v, 0) + 1);
        let cash = 0;
        for (let m = 0; m < x.months; m++) {
          const { sourcesUsd, usesUsd } = netSourcesUsd(f, m);
          if (Math.abs(sourcesUsd - usesUsd - (f.cashBalanceUsd[m] - cash)) > scale) return false;
          if (f.cashBalanceUsd[m] < -scale) return false;
          cash = f.cashBalanceUsd[m];
        }
        return true;
      }),
    );
  });
  it("flows are non-negative, distributions wait for completion and follow the equity split", () => {
    fc.assert(
      fc.property(spvInput, (x) => {
        const f = runSpv(x);
        const done = completionIndex(x);
        const s = x.sponsorEquityFraction;
        for (let m = 0; m < x.months; m++) {
          for (const k of [...SPV_SOURCE_KEYS, ...SPV_USE_KEYS]) if (f[k][m] < 0) return false;
          const dist = f.distributionsPartnerUsd[m] + f.distributionsSponsorUsd[m];
          if (m < done && dist > 0) return false;
          if (Math.abs(f.distributionsSponsorUsd[m] - s * dist) > 1e-9 * (dist + 1)) return false;
          const call = f.partnerEquityCallUsd[m] + f.sponsorEquityCallUsd[m];
          if (Math.abs(f.sponsorEquityCallUsd[m] - s * call) > 1e-9 * (call + 1)) return false;
          if (m < x.closeIndex && f.capexUsd[m] + f.debtDrawUsd[m] + f.rentUsd[m] !== 0) return false;
        }
        return true;
      }),
    );
  });
  it("more rent never lowers what the partner receives net of equity calls", () => {
    fc.assert(
      fc.property(spvInput, fc.double({ min: 1.01, max: 3, noNaN: true }), (x, k) => {
        const a = runSpv(x);
        const b = runSpv({ ...x, annualRentUsd: x.annualRentUsd * k + 1 });
        const sum = (v: Float64Array): number => v.reduce((s, y) => s + y, 0);
        const netA = sum(a.distributionsPartnerUsd) - sum(a.partnerEquityCallUsd);
        const netB = sum(b.distributionsPartnerUsd) - sum(b.partnerEquityCallUsd);
        return netB >= netA - 1e-6 * (Math.abs(netA) + 1);
      }),
    );
  });
});
