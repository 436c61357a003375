import { describe, expect, it } from "vitest";
import { referenceData } from "../../data/index.ts";
import { run } from "../../pipeline/run.ts";
import type { Table } from "../../core/table.ts";

const HOURS = 8760;
const flat = (x: number) => new Float64Array(HOURS).fill(x);

/** One 100 MW IT site online from Jan 2026 (PUE 1.08, utilization 0.68 → 73.44 MW flat facility load). */
function scenario(power: unknown) {
  return {
    program: { name: "power test", currencyBaseYear: 2025, horizonStartMonth: "2025-01", horizonEndMonth: "2027-12", capitalPlanUsdByYear: { "2025": 1e11 } },
    facility: { pue: 1.08, utilizationFraction: 0.68 },
    sites: [
      { name: "S", state: "TX", gridRegion: "ERCOT", phases: [{ name: "p", itPowerMw: 100, constructionStartMonth: "2025-01", constructionMonths: 12, fleetMix: { GB200: 1 } }], power },
      { name: "NoPower", state: "OH", gridRegion: "PJM", phases: [{ name: "q", itPowerMw: 10, constructionStartMonth: "2025-01", constructionMonths: 12, fleetMix: { GB200: 1 } }] },
    ],
  };
}

const rows = (t: Table) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])) as Record<string, number | string | null>);

describe("power in gigaplan run", () => {
  it("prices a dispatched site's opex energy at the power model's cost per MWh of load (issue 12 item 3); others keep the flat price", () => {
    const sc = scenario({ prices: { gridPriceUsdPerMwh: 60 } });
    const profiles = { powerProfiles: { S: { gridCo2KgPerMwh: flat(300) } } };
    const hourly = run(sc, referenceData, profiles).result!;
    const flatOnly = run(sc, referenceData, { ...profiles, hourlyPower: false }).result!;
    const energy = (r: typeof hourly, site: string) => rows(r.tables.sitesYearly).find((x) => x.site === site && x.year === 2027)!.facilityEnergyMwh as number;
    const cost = (r: typeof hourly) => rows(r.tables.yearly).find((x) => x.year === 2027)!.energyCostUsd as number;
    const flatPrice = referenceData.opex.energyPriceUsdPerMwh;
    const eS = energy(hourly, "S");
    const eN = energy(hourly, "NoPower");
    const escalation = cost(flatOnly) / ((eS + eN) * flatPrice); // the flat run's own escalation of 2027
    expect(cost(hourly)).toBeCloseTo((eS * 60 + eN * flatPrice) * escalation, 0);
    expect(cost(hourly)).toBeLessThan(cost(flatOnly)); // $60 grid instead of the flat $81.1
    expect(hourly.diagnostics.some((d) => d.path === "sites[0].power" && /opex energy priced from the hourly power model: \$60\/MWh/.test(d.message))).toBe(true);
  });

  it("dispatches every site-year with load: a grid-only site buys all its load at the grid price", () => {
    const out = run(scenario({ prices: { gridPriceUsdPerMwh: 60 } }), referenceData, { powerProfiles: { S: { gridCo2KgPerMwh: flat(300) } } });
    expect(out.result).not.toBeNull();
    const t = rows(out.result!.tables.powerSitesYearly);
    expect(t.map((r) => [r.site, r.year])).toEqual([["S", 2026], ["S", 2027]]);
    const r = t[0];
    expect(r.loadMwh).toBeCloseTo(73.44 * HOURS, 6);
    expect(r.gridImportMwh).toBeCloseTo(73.44 * HOURS, 6);
    expect(r.powerCostUsd).toBeCloseTo(73.44 * HOURS * 60, 3);
    expect(r.locationBasedTco2).toBeCloseTo(73.44 * HOURS * 0.3, 6);
    expect(r.cfeScoreFraction).toBe(0);
    expect(r.maxBalanceErrorMwh as number).toBeLessThan(1e-6);
    const sites = rows(out.result!.tables.sitesYearly).find((x) => x.site === "S" && x.year === 2027)!;
    expect(t[1].loadMwh).toBeCloseTo(sites.facilityEnergyMwh as number, 6); // 2027 is not a leap year
    const sum = out.result!.summary.power;
    expect(sum.sites).toEqual(["S"]);
    expect(sum.energyMwhBySourceByYear.gridImport["2026"]).toBeCloseTo(73.44 * HOURS, 6);
    expect(sum.costUsdPerMwhByYear["2026"]).toBeCloseTo(60, 9);
    expect(sum.peakGridImportMwBySite.S).toBeCloseTo(73.44, 9);
  });

  it("applies the portfolio of each year and reports clean scores, gas emissions and water", () => {
    const power = { portfolio: { pvMw: 50 }, portfolioFromYear: { "2027": { gasMw: 100 } } };
    const pv = new Float64Array(HOURS);
    for (let h = 0; h < HOURS; h++) pv[h] = h % 24 >= 8 && h % 24 < 16 ? 1 : 0; // 8 sunny hours a day
    const out = run(scenario(power), referenceData, { powerProfiles: { S: { pvCapacityFactor: pv } } });
    const [y26, y27] = rows(out.result!.tables.powerSitesYearly);
    expect(y26.gasMwh).toBe(0);
    // PV covers 50 of 73.44 MW for 8 h a day: clean share 50/73.44 × 8/24
    expect(y26.cfeScoreFraction).toBeCloseTo((50 / 73.44) * (8 / 24), 9);
    expect(y26.annualMatchFraction).toBeCloseTo((50 / 73.44) * (8 / 24), 9);
    expect(y27.gasMwh).toBeCloseTo(73.44 * HOURS - 50 * 8 * 365, 6); // gas (23 USD/MWh) beats the grid (81 USD/MWh)
    const op = referenceData.powerCosts.operation;
    expect(y27.gasTco2).toBeCloseTo(((y27.gasMwh as number) * op.gasHeatRateLhvMmbtuPerMwh * op.naturalGasHhvPerLhvRatio * op.gasCo2KgPerMmbtu) / 1000, 6);
    expect(y27.waterGasPlantMegaliters).toBeCloseTo(((y27.gasMwh as number) * op.gasWaterConsumptionGalPerMwh * 3.785411784) / 1e6, 9);
    expect(y27.waterDataCenterMegaliters).toBeCloseTo((100 * 0.68 * HOURS * 1000 * referenceData.facility.wueLPerKwh) / 1e6, 6);
  });

  it("warns about unserved load and skips sites whose profiles were not supplied", () => {
    const short = run(scenario({ portfolio: { gridImportLimitMw: 50 } }), referenceData, { powerProfiles: { S: {} } });
    expect(short.diagnostics.some((d) => d.severity === "warning" && d.path === "sites[0].power" && /not served/.test(d.message))).toBe(true);
    expect(rows(short.result!.tables.powerSitesYearly)[0].unservedMwh).toBeCloseTo(23.44 * HOURS, 6);
    const noProfiles = run(scenario({ portfolio: { pvMw: 10 } }), referenceData);
    expect(noProfiles.result!.tables.powerSitesYearly.rows).toEqual([]);
    expect(noProfiles.diagnostics.find((d) => d.path === "sites[0].power")?.message).toMatch(/no PV profile supplied/);
  });

  it("reports power-block errors with their paths and runs nothing", () => {
    const bad = run(scenario({ portfolio: { pvMw: -1 }, technology: { batterySocMinFraction: 0.9, batterySocMaxFraction: 0.1 } }), referenceData);
    expect(bad.result).toBeNull();
    expect(bad.diagnostics.map((d) => d.path)).toContain("sites[0].power.portfolio.pvMw");
  });
});
