import { describe, expect, it } from "vitest";
import { allocateDispatchSeries, dispatch } from "../dispatch/dispatch.ts";
import { makeSeries, noPortfolio, simpleTech, zeroCosts } from "../../../test/helpers/power-series.ts";
import { costBreakdown } from "./costs.ts";
import { LITERS_PER_US_GALLON, emissions, water } from "./emissions.ts";
import { cleanScores, energyTotals } from "./energy.ts";

describe("power metrics, hand-computed", () => {
  // 2 hours: gas 10 MW, import 5 MW at 50 USD/MWh (400 kg/MWh), export 2 MW at 5 USD/MWh, PV 10 MW installed
  const s = makeSeries({ loadMw: [13, 13], gridPriceUsdPerMwh: 50, exportPriceUsdPerMwh: 5, gridCo2KgPerMwh: 400 });
  const d = allocateDispatchSeries(2);
  d.gasMw.fill(10);
  d.gridImportMw.fill(5);
  d.exportMw.fill(2);
  const p = { ...noPortfolio, pvMw: 10, gasMw: 10 };
  const tech = { ...simpleTech, carbonPriceUsdPerTco2: 100 };

  it("splits the cost into fixed, fuel, O&M, grid, exports and carbon", () => {
    const c = costBreakdown(s, d, p, tech, { ...zeroCosts, pvUsdPerMwYear: 8760 });
    expect(c.pvFixedUsd).toBeCloseTo(10 * 8760 * (2 / 8760), 9); // fixed costs scale with the modelled 2 h
    expect(c.gasFuelUsd).toBeCloseTo(20 * 7 * 4, 9);
    expect(c.gasVariableOmUsd).toBeCloseTo(20 * 2, 9);
    expect(c.gridImportUsd).toBeCloseTo(10 * 50, 9);
    expect(c.exportRevenueUsd).toBeCloseTo(-4 * 5, 9);
    // gas 20 MWh × 7 MMBtu × 0.05 t = 7 t; imports 10 MWh × 0.4 t = 4 t; × 100 USD/t
    expect(c.carbonCostUsd).toBeCloseTo(1100, 9);
    expect(c.totalUsd).toBeCloseTo(20 + 560 + 40 + 500 - 20 + 1100, 9);
    expect(c.costUsdPerMwhLoad!).toBeCloseTo(c.totalUsd / 26, 9);
  });

  it("counts location-based CO2 by hour and market-based CO2 net of exported clean certificates", () => {
    const clean = { ...d, pvMw: Float64Array.from([6, 6]) };
    const e = emissions(s, clean, tech, energyTotals(s, clean));
    expect(e.gasTco2).toBeCloseTo(7, 9);
    expect(e.gridLocationBasedTco2).toBeCloseTo(4, 9);
    expect(e.locationBasedTco2).toBeCloseTo(11, 9);
    expect(e.gridMarketBasedTco2).toBeCloseTo((10 - 4) * 0.4, 9);
    expect(e.marketBasedTco2).toBeCloseTo(7 + 2.4, 9);
  });

  it("market-based CO2 nets the owner's purchased certificates from the uncovered imports; location-based and gas stay", () => {
    const clean = { ...d, pvMw: Float64Array.from([6, 6]) };
    const e = emissions(s, clean, tech, energyTotals(s, clean), 0.75);
    // uncovered after exported certificates 10 - 4 = 6 MWh; 75 % matched by purchased certificates
    expect(e.purchasedCertificatesMwh).toBeCloseTo(4.5, 9);
    expect(e.gridMarketBasedTco2).toBeCloseTo(1.5 * 0.4, 9);
    expect(e.locationBasedTco2).toBeCloseTo(11, 9);
    const all = emissions(s, clean, tech, energyTotals(s, clean), 1);
    expect(all.marketBasedTco2).toBeCloseTo(all.gasTco2, 9); // 100 % matching: only Scope 1 gas is left
  });

  it("adds data-centre water (WUE × IT energy) and gas-plant water (gal/MWh)", () => {
    const w = water({ itEnergyMwh: 1000, wueLPerKwh: 0.26, gasWaterConsumptionGalPerMwh: 198 }, 20);
    expect(w.dataCenterMegaliters).toBeCloseTo(0.26, 12);
    expect(w.gasPlantMegaliters).toBeCloseTo((20 * 198 * LITERS_PER_US_GALLON) / 1e6, 12);
    expect(w.totalMegaliters).toBeCloseTo(w.dataCenterMegaliters + w.gasPlantMegaliters, 12);
  });

  it("scores 24/7 CFE below annual matching when surplus hours cannot cover deficit hours", () => {
    const t = makeSeries({ loadMw: [100, 100], pvCapacityFactor: [1, 0] });
    const noBattery = dispatch(t, { ...noPortfolio, pvMw: 150, gasMw: 100 }, simpleTech).series;
    expect(cleanScores(t, noBattery)).toEqual({ cfeScoreFraction: 0.5, cfeScoreWithGridFraction: 0.5, annualMatchFraction: 0.5 });
    // a battery moves 50 MWh × 0.81 = 40.5 MWh to hour 1; the curtailment disappears
    const withBattery = dispatch(t, { ...noPortfolio, pvMw: 150, gasMw: 100, batteryMw: 50, batteryMwh: 100 }, simpleTech).series;
    const sc = cleanScores(t, withBattery);
    expect(sc.cfeScoreFraction).toBeCloseTo(140.5 / 200, 12);
    expect(sc.annualMatchFraction).toBeCloseTo(150 / 200, 12);
  });

  it("counts the clean share of grid imports only in the with-grid score", () => {
    const t = makeSeries({ loadMw: [100], gridCleanFraction: 0.4 });
    const r = dispatch(t, noPortfolio, simpleTech).series;
    const sc = cleanScores(t, r);
    expect(sc.cfeScoreFraction).toBe(0);
    expect(sc.cfeScoreWithGridFraction).toBeCloseTo(0.4, 12);
  });
});
