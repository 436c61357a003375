/**
 * Leased facilities (`phases[].facilityOwnership: leased`, issue 12): a lessor owns the building, the sponsor buys only
 * the IT and pays rent per kW of IT from the month the phase is online.
 */
import { describe, expect, it } from "vitest";
import { run } from "../pipeline/run.ts";
import { referenceData } from "../data/index.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import type { ScenarioInput } from "../scenario/schema.ts";
import type { Table } from "../core/table.ts";

type Ownership = "owned" | "leased";
const scenario = (ownership: Ownership | undefined, extra: Partial<ScenarioInput> = {}): ScenarioInput => {
  const base = tinyScenario();
  const phase = { ...base.sites[0].phases[0], ...(ownership ? { facilityOwnership: ownership } : {}) };
  return { ...base, sites: [{ ...base.sites[0], phases: [phase] }], assetLives: { refreshAtEndOfLife: false }, ...extra };
};
const go = (input: ScenarioInput) => {
  const r = run(input, referenceData, { hourlyPower: false });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.result!;
};
const column = (t: Table, name: string, filter: (row: Table["rows"][number]) => boolean = () => true): number[] => {
  const c = t.columns.indexOf(name);
  expect(c, name).toBeGreaterThanOrEqual(0);
  return t.rows.filter(filter).map((r) => Number(r[c]));
};
const total = (v: number[]): number => v.reduce((a, b) => a + b, 0);
const RATE = referenceData.opex.facilityLeaseUsdPerKwMonth;

describe("leased facilities", () => {
  const owned = go(scenario("owned"));
  const leased = go(scenario("leased"));
  const dflt = go(scenario(undefined));

  it("owned is the default: the same results as before the option existed", () => {
    expect(dflt.summary).toEqual(owned.summary);
  });

  it("a leased phase has no facility capex and the same IT capex, capacity and schedule", () => {
    for (const cls of ["shellCore", "electricalMechanical", "siteLandOther"]) {
      expect(total(column(owned.tables.yearly, `capex_${cls}Usd`))).toBeGreaterThan(0);
      expect(total(column(leased.tables.yearly, `capex_${cls}Usd`))).toBe(0);
    }
    expect(column(leased.tables.yearly, "capex_itUsd")).toEqual(column(owned.tables.yearly, "capex_itUsd"));
    expect(column(leased.tables.yearly, "itPowerMwOnline")).toEqual(column(owned.tables.yearly, "itPowerMwOnline"));
    expect(leased.tables.phases.rows[0]).toEqual(owned.tables.phases.rows.map((r) => r.map((v, i) => (owned.tables.phases.columns[i] === "facilityCapexUsd" ? 0 : v)))[0]);
  });

  it("rent = IT kW online x the rate x 12 a year, from the month online; no facility maintenance", () => {
    // 100 MW online from 2026-01 (12 months of construction from 2025-01)
    const rent = column(leased.tables.yearly, "facilityLeaseCostUsd");
    expect(rent[0]).toBe(0);
    for (const r of rent.slice(1)) expect(r).toBeCloseTo(100 * 1000 * RATE * 12, 3);
    expect(total(column(owned.tables.yearly, "facilityLeaseCostUsd"))).toBe(0);
    expect(total(column(leased.tables.yearly, "maintenanceCostUsd"))).toBe(0);
    expect(total(column(owned.tables.yearly, "maintenanceCostUsd"))).toBeGreaterThan(0);
  });

  it("the rent is an operating-lease expense of the P&L in both funding routes, and other opex of the revenue required", () => {
    const rent = column(leased.tables.yearly, "facilityLeaseCostUsd");
    const bond = { kind: "corporateBond", name: "b", amountUsd: 1e9, couponFractionPerYear: 0.05, issueMonth: "2025-06", maturityMonth: "2030-06" };
    const withBond = go(scenario("leased", { financing: { structures: [bond] } as ScenarioInput["financing"] }));
    const routes = [...new Set(withBond.tables.pnlYearly.rows.map((r) => String(r[0])))];
    expect(routes.length).toBe(2);
    for (const route of routes) {
      const lease = column(withBond.tables.pnlYearly, "leaseExpenseUsd", (r) => r[0] === route);
      expect(lease.length).toBe(rent.length);
      lease.forEach((v, i) => expect(v).toBeCloseTo(rent[i], 3));
    }
    const staff = column(leased.tables.yearly, "staffCostUsd");
    column(leased.tables.revenueRequiredYearly, "otherOpexUsd").forEach((v, i) => expect(v).toBeCloseTo(staff[i] + rent[i], 3));
  });

  it("the rent is paid from the company's operating cash flow (as an SPV's rent is): a leased hall is not free to the company", () => {
    const rent = column(leased.tables.yearly, "facilityLeaseCostUsd");
    const ocfOwned = column(owned.tables.yearly, "companyOperatingCashFlowUsd");
    column(leased.tables.yearly, "companyOperatingCashFlowUsd").forEach((v, i) => expect(v).toBeCloseTo(ocfOwned[i] - rent[i], 3));
    expect(total(rent)).toBeGreaterThan(0);
  });

  it("an SPV on a site with a leased phase owns the others by default, and refuses a leased phase named to it", () => {
    const base = tinyScenario();
    const p0 = base.sites[0].phases[0];
    const mixed = { ...base, sites: [{ ...base.sites[0], phases: [p0, { ...p0, name: "hall", facilityOwnership: "leased" as const }] }], program: { ...base.program, capitalPlanUsdByYear: { "2025": 80e9, "2026": 80e9 } } };
    const spv = (phases?: string[]) => ({ financing: { structures: [{ kind: "spv", name: "JV", site: "A", closeMonth: "2025-06", debtUsd: 1e9, ...(phases ? { phases } : {}) }] } as ScenarioInput["financing"] });
    expect(run({ ...mixed, ...spv() }, referenceData, { hourlyPower: false }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const named = run({ ...mixed, ...spv(["p1", "hall"]) }, referenceData, { hourlyPower: false });
    expect(named.diagnostics.filter((d) => d.severity === "error").map((d) => d.path)).toEqual(["financing.structures[0].phases[1]"]);
  });

  it("opex.facilityLeaseUsdPerKwMonth overrides the rate and scales the rent", () => {
    const doubled = go(scenario("leased", { opex: { facilityLeaseUsdPerKwMonth: 2 * RATE } }));
    const a = column(leased.tables.yearly, "facilityLeaseCostUsd");
    column(doubled.tables.yearly, "facilityLeaseCostUsd").forEach((v, i) => expect(v).toBeCloseTo(2 * a[i], 3));
  });

  it("the capital plan pays only for the IT of a leased phase", () => {
    // a plan that covers the IT but not the facility: the owned phase is refused, the leased one runs
    const it = total(column(leased.tables.yearly, "capex_itUsd"));
    const plan = { ...tinyScenario().program, capitalPlanUsdByYear: { "2025": it * 1.01 } };
    const ownedRun = run(scenario("owned", { program: plan }), referenceData, { hourlyPower: false });
    expect(ownedRun.diagnostics.some((d) => d.severity === "error" && d.path === "program.capitalPlanUsdByYear")).toBe(true);
    expect(run(scenario("leased", { program: plan }), referenceData, { hourlyPower: false }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("an SPV cannot own a leased phase: named to it, or as the site's only phases", () => {
    const spv = (phases?: string[]) => ({ financing: { structures: [{ kind: "spv", name: "JV", site: "A", closeMonth: "2025-06", debtUsd: 1e9, ...(phases ? { phases } : {}) }] } as ScenarioInput["financing"] });
    const named = run(scenario("leased", spv(["p1"])), referenceData, { hourlyPower: false }).diagnostics.find((d) => d.severity === "error" && d.path === "financing.structures[0].phases[0]");
    expect(named?.message).toMatch(/leased/);
    const byDefault = run(scenario("leased", spv()), referenceData, { hourlyPower: false }).diagnostics.find((d) => d.severity === "error" && d.path === "financing.structures[0].site");
    expect(byDefault?.message).toMatch(/nothing to own/);
  });
});
