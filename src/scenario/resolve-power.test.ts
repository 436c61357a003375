import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../core/diagnostics.ts";
import { referenceData } from "../data/index.ts";
import { sitePowerSchema } from "./power-schema.ts";
import { techParams } from "../power/site/params.ts";
import { gasPriceUsdPerMmbtu, portfolioForYear } from "../power/site/portfolio.ts";
import { resolveSitePower } from "./resolve-power.ts";

const resolve = (input: unknown, ds: Diagnostic[] = []) => resolveSitePower(sitePowerSchema.parse(input), referenceData, "sites[0].power", [2024, 2025, 2026, 2027, 2028, 2029, 2030], ds);

describe("site power block", () => {
  it("overlays the portfolio changes of every year up to the one asked", () => {
    const p = resolve({ portfolio: { pvMw: 100, gridImportLimitMw: 500 }, portfolioFromYear: { "2030": { gasMw: 2262 }, "2028": { gasMw: 1500, pvMw: 1500 } } });
    expect(portfolioForYear(p, 2027)).toMatchObject({ pvMw: 100, gasMw: 0, gridImportLimitMw: 500, exportLimitMw: 0 });
    expect(portfolioForYear(p, 2028)).toMatchObject({ pvMw: 1500, gasMw: 1500, gridImportLimitMw: 500 });
    expect(portfolioForYear(p, 2031)).toMatchObject({ pvMw: 1500, gasMw: 2262 });
    expect(portfolioForYear(resolve({}), 2025).gridImportLimitMw).toBe(Infinity);
  });

  it("buys grid power at the scenario's own opex energy price when the block sets none (so sampling that price moves the power model)", async () => {
    const { resolveScenario } = await import("./resolve.ts");
    const { scenarioSchema } = await import("./schema.ts");
    const base = {
      program: { name: "grid price", currencyBaseYear: 2025, horizonStartMonth: "2025-01", horizonEndMonth: "2026-12", capitalPlanUsdByYear: { "2025": 1e11 } },
      sites: [{ name: "S", state: "TX", gridRegion: "ERCOT", phases: [{ name: "p", itPowerMw: 10, constructionStartMonth: "2025-01", constructionMonths: 6, fleetMix: { GB200: 1 } }], power: {} }],
    };
    const priced = (opex: object | undefined, power: object = {}) =>
      resolveScenario(scenarioSchema.parse({ ...base, ...(opex ? { opex } : {}), sites: [{ ...base.sites[0], power }] }), referenceData).value!.sites[0].power!.prices.gridPriceUsdPerMwh;
    expect(priced(undefined)).toBe(referenceData.opex.energyPriceUsdPerMwh);
    expect(priced({ energyPriceUsdPerMwh: 100 })).toBe(100);
    expect(priced({ energyPriceUsdPerMwh: 100 }, { prices: { gridPriceUsdPerMwh: 60 } })).toBe(60);
  });

  it("takes defaults from the reference data and the scenario's overrides", () => {
    const p = resolve({ prices: { carbonPriceUsdPerTco2: 50 }, technology: { batteryRoundTripEfficiency: 0.9 } });
    expect(p.prices.gridPriceUsdPerMwh).toBe(referenceData.opex.energyPriceUsdPerMwh);
    expect(p.technology.gasHeatRateMmbtuPerMwh).toBe(referenceData.powerCosts.operation.gasHeatRateLhvMmbtuPerMwh * referenceData.powerCosts.operation.naturalGasHhvPerLhvRatio);
    // HHV basis (issue 12 item 12): 5.95 MMBtu/MWh LHV x 1089/983 = 6.59 MMBtu/MWh HHV, so CO2 at 53.06 kg/MMBtu HHV is 350 kg/MWh, not 316
    expect(p.technology.gasHeatRateMmbtuPerMwh).toBeCloseTo(6.59, 2);
    expect(p.technology.gasHeatRateMmbtuPerMwh * p.operation.gasCo2KgPerMmbtu).toBeCloseTo(349.8, 0);
    const t = techParams(p, 2026);
    expect(t.battery.roundTripEfficiency).toBe(0.9);
    expect(t.carbonPriceUsdPerTco2).toBe(50);
    expect(t.firmClean.variableCostUsdPerMwh).toBeCloseTo(3.01 + 10.96, 9);
    expect(p.target).toEqual({ kind: "cfe-247", levelFraction: referenceData.powerCosts.defaults.cleanTargetLevelFraction, countGridClean: false });
  });

  it("uses Henry Hub of the year, the earliest year before the data and the latest after", () => {
    const p = resolve({});
    expect(gasPriceUsdPerMmbtu(p, 2024)).toBe(2.19);
    expect(gasPriceUsdPerMmbtu(p, 2025)).toBe(3.52);
    expect(gasPriceUsdPerMmbtu(p, 2040)).toBe(3.52);
    expect(gasPriceUsdPerMmbtu(p, 2010)).toBe(2.19);
    expect(gasPriceUsdPerMmbtu(resolve({ prices: { gasPriceUsdPerMmbtu: 5 } }), 2024)).toBe(5);
  });

  it("collects problems with their paths", () => {
    const ds: Diagnostic[] = [];
    resolve({ technology: { batterySocMinFraction: 0.9, batterySocMaxFraction: 0.5 }, portfolio: { batteryMw: 10, batteryMwh: 0 }, portfolioFromYear: { "2050": { pvMw: 1 } } }, ds);
    expect(ds.map((d) => [d.severity, d.path])).toEqual([
      ["error", "sites[0].power.technology.batterySocMinFraction"],
      ["warning", "sites[0].power.portfolio.batteryMwh"],
      ["warning", `sites[0].power.portfolioFromYear["2050"]`],
    ]);
  });
});

describe("newGenerationDelayYears (issue 14 item 3: late new generation)", () => {
  it("moves every portfolioFromYear change that many years later; 0 changes nothing", async () => {
    const { run } = await import("../pipeline/run.ts");
    const { tinyScenario } = await import("../../test/helpers/fixtures.ts");
    const flat = (x: number) => new Float64Array(8760).fill(x);
    const withDelay = (delay: number) => {
      const s = tinyScenario();
      s.program.horizonEndMonth = "2028-12";
      s.sites[0].power = { portfolioFromYear: { "2026": { pvMw: 50 } }, newGenerationDelayYears: delay };
      const r = run(s, referenceData, { powerProfiles: { A: { pvCapacityFactor: flat(0.25), gridCo2KgPerMwh: flat(300) } } }).result!;
      const t = r.tables.powerSitesYearly;
      return Object.fromEntries(t.rows.map((row) => [row[t.columns.indexOf("year")], row[t.columns.indexOf("pvMw")]]));
    };
    expect(withDelay(0)).toEqual({ 2026: 50, 2027: 50, 2028: 50 });
    expect(withDelay(2)).toEqual({ 2026: 0, 2027: 0, 2028: 50 });
  });
});
