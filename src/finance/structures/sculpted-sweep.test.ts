/** Issue 14 item 1: a declared SPV debt sculpted to its lease's cash flow, and the cash sweep. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { referenceData } from "../../data/index.ts";
import { run } from "../../pipeline/run.ts";
import { sculptDebt, sculptedSchedule } from "./debt-sizing.ts";
import { debtSchedule } from "./debt.ts";
import { type SpvEngineInput, netSourcesUsd, runSpv } from "./spv.ts";
import { lease, workedCase } from "../../../test/helpers/spv-cases.ts";


describe("sculptedSchedule: a declared principal along CFADS", () => {
  const terms = { couponFractionPerYear: 0.06, drawIndex: 0, repaymentStartIndex: 24, maturityIndex: 24 + 20 * 12, paymentsPerYear: 2 };
  const months = terms.maturityIndex + 1;
  const cfads = lease(months, 24, 1.2e9, 0.02);

  it("has one DSCR in every repayment period, PV(CFADS) / D, and repays D exactly by maturity", () => {
    const d = 10e9;
    const s = sculptedSchedule(d, { ...terms, cfadsUsd: cfads }, months)!;
    const capacityAt1 = sculptDebt({ ...terms, cfadsUsd: cfads, targetMinDscr: 1 }).maxDebtUsd;
    expect(s.dscr).toBeCloseTo(capacityAt1 / d, 12);
    const unit = sculptDebt({ ...terms, cfadsUsd: cfads, targetMinDscr: 1 });
    unit.paymentIndices.forEach((m, k) => {
      const service = s.schedule.interestUsd[m] + s.schedule.principalUsd[m];
      expect(unit.cfadsUsd[k] / service).toBeCloseTo(s.dscr, 8);
    });
    const repaid = s.schedule.principalUsd.reduce((a, b) => a + b, 0);
    expect(repaid).toBeCloseTo(d, 0);
    expect(s.schedule.balanceUsd[months - 1]).toBe(0);
    // interest only up to the repayment start (month 24)
    for (let m = 0; m <= 24; m++) expect(s.schedule.principalUsd[m]).toBe(0);
  });
  it("at the sculpted maximum for a target DSCR, its DSCR is that target", () => {
    const max = sculptDebt({ ...terms, cfadsUsd: cfads, targetMinDscr: 1.3 }).maxDebtUsd;
    expect(sculptedSchedule(max, { ...terms, cfadsUsd: cfads }, months)!.dscr).toBeCloseTo(1.3, 12);
  });
  it("front-loads less than a level schedule when CFADS grows: more principal late, less early", () => {
    const d = 10e9;
    const s = sculptedSchedule(d, { ...terms, cfadsUsd: cfads }, months)!.schedule;
    const level = debtSchedule({ principalUsd: d, amortizationStartIndex: 24, amortization: "level", ...terms }, months);
    const firstPay = s.principalUsd.findIndex((p) => p > 0);
    expect(s.principalUsd[firstPay] + s.interestUsd[firstPay]).toBeLessThan(level.principalUsd[firstPay] + level.interestUsd[firstPay]);
  });
  it("with a ramp-up (no CFADS in the first repayment year) pays interest only there and still repays at maturity at one DSCR", () => {
    const ramp = lease(months, 36, 1.2e9, 0.02); // rent from month 36, repayment from 24
    const s = sculptedSchedule(12e9, { ...terms, cfadsUsd: ramp }, months)!;
    const unit = sculptDebt({ ...terms, cfadsUsd: ramp, targetMinDscr: 1 });
    const serviced = unit.paymentIndices.map((m, k) => ({ m, c: unit.cfadsUsd[k], service: s.schedule.interestUsd[m] + s.schedule.principalUsd[m] }));
    for (const p of serviced.filter((p) => p.c === 0)) expect(s.schedule.principalUsd[p.m]).toBe(0);
    // interest only where CFADS / τ would not cover the interest; every other period at exactly τ
    const amortizing = serviced.filter((p) => s.schedule.principalUsd[p.m] > 0);
    for (const p of serviced.filter((p) => s.schedule.principalUsd[p.m] === 0)) expect(p.c / s.dscr).toBeLessThanOrEqual(s.schedule.interestUsd[p.m] + 1e-6);
    expect(amortizing.length).toBeGreaterThan(30);
    for (const p of amortizing) expect(p.c / p.service).toBeCloseTo(s.dscr, 6);
    expect(s.schedule.balanceUsd[terms.maturityIndex - 1]).toBeGreaterThan(0);
    expect(s.schedule.balanceUsd[terms.maturityIndex]).toBe(0);
    expect(s.schedule.principalUsd.reduce((a, b) => a + b, 0)).toBeCloseTo(12e9, 0);
  });
  it("is null when there is no CFADS before maturity", () => {
    expect(sculptedSchedule(1e9, { ...terms, cfadsUsd: new Float64Array(months) }, months)).toBeNull();
  });
});

/** The SPV worked case with a cash sweep of `fraction`. */
const sweepCase = (fraction: number): SpvEngineInput => ({ ...workedCase(), cashSweep: { fraction, couponFractionPerYear: 0.1 } });

describe("cash sweep", () => {
  it("a full sweep prepays with every unit the waterfall would distribute; interest falls with the balance", () => {
    const none = runSpv({ ...sweepCase(0), cashSweep: undefined });
    const f = runSpv(sweepCase(1));
    // month 9: the worked case distributes 2 (cash 50 over the 48 reserve); the sweep prepays those 2 instead
    expect(f.sweepUsd[9]).toBeCloseTo(2, 9);
    expect(f.distributionsPartnerUsd[9] + f.distributionsSponsorUsd[9]).toBe(0);
    expect(f.debtBalanceUsd[9]).toBeCloseTo(78, 9);
    // interest at month 12: 80 × 10 % × 9/12 + 78 × ... accrues on the actual balance month by month
    let expected = 0;
    for (let m = 1; m <= 12; m++) expected += (f.debtBalanceUsd[m - 1] * 0.1) / 12;
    expect(f.interestUsd[12]).toBeCloseTo(expected, 9);
    expect(f.interestUsd[12]).toBeLessThan(none.interestUsd[12]);
    // the debt is gone sooner and costs less interest in total; all cash is accounted for
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(f.interestUsd)).toBeLessThan(sum(none.interestUsd));
    expect(sum(f.principalUsd)).toBeCloseTo(80, 9);
    expect(f.debtBalanceUsd[23]).toBeLessThan(none.debtBalanceUsd[23] - 10); // 40 scheduled for month 24, much of it swept early
    for (let m = 0; m < 36; m++) {
      const { sourcesUsd, usesUsd } = netSourcesUsd(f, m);
      const change = f.cashBalanceUsd[m] - (m > 0 ? f.cashBalanceUsd[m - 1] : 0);
      expect(sourcesUsd - usesUsd).toBeCloseTo(change, 9);
    }
  });
  it("a fraction of 0 (or none) leaves the waterfall exactly as without a sweep", () => {
    const a = runSpv({ ...sweepCase(0), cashSweep: undefined });
    const b = runSpv(sweepCase(0));
    expect([...b.distributionsPartnerUsd]).toEqual([...a.distributionsPartnerUsd]);
    expect([...b.debtBalanceUsd]).toEqual([...a.debtBalanceUsd]);
  });
  it("under a lock-up, each month sweeps its share of that month's new excess only, not of the cash already trapped", () => {
    // rent 1 a month, no reserve, a lock-up level never met: from month 12 (a trailing year with debt service) nothing
    // is distributed; each month between payments brings 1 of rent, half of it is swept and half stays trapped
    const f = runSpv({ ...sweepCase(0.5), annualRentUsd: 12, debtServiceReserveMonths: 0, lockUpDscr: 100 });
    for (let m = 13; m < 24; m++) {
      expect(f.distributionsPartnerUsd[m] + f.distributionsSponsorUsd[m]).toBe(0);
      expect(f.sweepUsd[m]).toBeCloseTo(0.5, 9); // compounding on the trapped cash would sweep more each month
    }
    expect(f.debtBalanceUsd[23]).toBeGreaterThan(0);
    expect(f.cashBalanceUsd[23] - f.cashBalanceUsd[12]).toBeCloseTo(11 * 0.5, 9);
  });
  it("half a sweep prepays half of what would be distributed and distributes the rest", () => {
    const f = runSpv(sweepCase(0.5));
    expect(f.sweepUsd[9]).toBeCloseTo(1, 9);
    expect(f.distributionsPartnerUsd[9] + f.distributionsSponsorUsd[9]).toBeCloseTo(1, 9);
  });
});

describe("the Hyperion SPV with a sculpted debt and a cash sweep", () => {
  const doc = parseYaml(readFileSync(fileURLToPath(new URL("../../../scenarios/meta-600b.yaml", import.meta.url)), "utf8"));
  const withSpv = (amortization: string, cashSweepFraction: number) => {
    const d = structuredClone(doc);
    const spv = d.financing.structures.find((s: { kind: string }) => s.kind === "spv");
    spv.amortization = amortization;
    spv.debtSizing = { ...(spv.debtSizing ?? {}), cashSweepFraction };
    return run(d, referenceData, { hourlyPower: false }).result!;
  };
  const level = withSpv("level", 0);
  const sculpted = withSpv("sculpted", 0);
  const swept = withSpv("level", 1);
  const ds = (r: typeof level) => r.summary.financing.spvs[0].debtSizing;

  it("sculpted: the $27.3B repays by its 2049-12 maturity at one DSCR above the level schedule's minimum, stated in a note", () => {
    expect(ds(sculpted).declaredAmortization).toBe("sculpted");
    expect(ds(sculpted).declaredDebtRepaidMonth).toBe("2049-12");
    expect(ds(sculpted).minDscr!).toBeGreaterThan(ds(level).minDscr!);
    expect(sculpted.diagnostics.some((d) => /debt sculpted to the lease's cash flow at a DSCR of 1\.\d\d in every repayment period that amortizes/.test(d.message))).toBe(true);
    // the rent is the same (sized against the level schedule of the same principal)
    expect(sculpted.summary.financing.spvs[0].rent.annualRentUsd).toBe(level.summary.financing.spvs[0].rent.annualRentUsd);
  });
  it("a full cash sweep repays the debt years early and reports what it swept", () => {
    expect(ds(swept).cashSweptUsd).toBeGreaterThan(1e9);
    expect(ds(swept).declaredDebtRepaidMonth! < "2049-12").toBe(true);
    expect(ds(level).cashSweptUsd).toBe(0);
  });
});
