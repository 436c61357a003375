import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanScores, energyTotals, maxBalanceErrorMwh } from "../metrics/energy.ts";
import { makeSeries, noPortfolio, simpleTech } from "../../../test/helpers/power-series.ts";
import { dispatch } from "./dispatch.ts";

const arr = (a: Float64Array): number[] => [...a].map((x) => Math.round(x * 1e9) / 1e9);

describe("rule-based dispatch, hand-computed", () => {
  it("follows the merit order firm → PV → battery → gas (cheaper than grid) → grid", () => {
    // gas 7 × 4 + 2 = 30 USD/MWh < grid 50; battery one-way efficiency 0.9
    const s = makeSeries({ loadMw: [100, 100, 100, 100], pvCapacityFactor: [0, 1, 1, 0] });
    const p = { ...noPortfolio, pvMw: 150, batteryMw: 50, batteryMwh: 100, gasMw: 30 };
    const d = dispatch(s, p, simpleTech).series;
    expect(arr(d.batteryChargeMw)).toEqual([0, 50, 50, 0]);
    expect(arr(d.batterySocMwh)).toEqual([0, 45, 90, 34.444444444]);
    expect(arr(d.batteryDischargeMw)).toEqual([0, 0, 0, 50]);
    expect(arr(d.gasMw)).toEqual([30, 0, 0, 30]);
    expect(arr(d.gridImportMw)).toEqual([70, 0, 0, 20]);
    expect(arr(d.curtailmentMw)).toEqual([0, 0, 0, 0]);
    expect(maxBalanceErrorMwh(s, d)).toBeLessThan(1e-9);
  });

  it("imports first when the grid is cheaper than gas, and uses gas only above the import limit", () => {
    const s = makeSeries({ loadMw: [100, 100], gridPriceUsdPerMwh: [20, 40] });
    const p = { ...noPortfolio, gasMw: 50, gridImportLimitMw: 80 };
    const d = dispatch(s, p, simpleTech).series;
    expect(arr(d.gridImportMw)).toEqual([80, 50]); // hour 1: gas 30 < 40 → gas first, up to 50 MW
    expect(arr(d.gasMw)).toEqual([20, 50]);
  });

  it("counts the carbon price in the gas-versus-grid choice", () => {
    const s = makeSeries({ loadMw: [100], gridPriceUsdPerMwh: 40, gridCo2KgPerMwh: 0 });
    const p = { ...noPortfolio, gasMw: 100 };
    // gas: 30 + 7 × 0.05 t × 100 USD/t = 65 > 40 → import
    const d = dispatch(s, p, { ...simpleTech, carbonPriceUsdPerTco2: 100 }).series;
    expect(d.gridImportMw[0]).toBe(100);
    expect(d.gasMw[0]).toBe(0);
  });

  it("exports surplus up to the limit when exports pay, curtails the rest, and reports unserved load", () => {
    const s = makeSeries({ loadMw: [10, 100], windCapacityFactor: [1, 0], exportPriceUsdPerMwh: 5 });
    const p = { ...noPortfolio, windMw: 100, exportLimitMw: 60, gridImportLimitMw: 40, firmCleanMw: 0 };
    const d = dispatch(s, p, simpleTech).series;
    expect(arr(d.exportMw)).toEqual([60, 0]);
    expect(arr(d.curtailmentMw)).toEqual([30, 0]);
    expect(arr(d.unservedMw)).toEqual([0, 60]);
    expect(maxBalanceErrorMwh(s, d)).toBeLessThan(1e-9);
  });

  it("uses firm clean supply at its availability every hour and respects the battery's minimum charge", () => {
    const s = makeSeries({ loadMw: [50, 200, 200] });
    const p = { ...noPortfolio, firmCleanMw: 100, batteryMw: 100, batteryMwh: 100 };
    const tech = { ...simpleTech, battery: { roundTripEfficiency: 0.81, socMinFraction: 0.2, socMaxFraction: 0.8 } };
    const d = dispatch(s, p, tech).series;
    expect(arr(d.firmCleanMw)).toEqual([90, 90, 90]);
    // starts at 20 MWh; charges 40 MW → +36 MWh = 56; then discharges (56 − 20) × 0.9 = 32.4 MW
    expect(arr(d.batteryChargeMw)).toEqual([40, 0, 0]);
    expect(arr(d.batteryDischargeMw)).toEqual([0, 32.4, 0]);
    expect(arr(d.batterySocMwh)).toEqual([56, 20, 20]);
  });
});

const hourly = (n: number, max: number) => fc.array(fc.double({ min: 0, max, noNaN: true }), { minLength: n, maxLength: n });

describe("rule-based dispatch invariants (fast-check)", () => {
  const n = 48;
  const caseArb = fc.record({
    load: hourly(n, 500),
    pv: hourly(n, 1),
    wind: hourly(n, 1),
    price: hourly(n, 120),
    exportPrice: hourly(n, 30),
    pvMw: fc.double({ min: 0, max: 800, noNaN: true }),
    windMw: fc.double({ min: 0, max: 800, noNaN: true }),
    batteryMw: fc.double({ min: 0, max: 300, noNaN: true }),
    batteryMwh: fc.double({ min: 0, max: 1200, noNaN: true }),
    gasMw: fc.double({ min: 0, max: 400, noNaN: true }),
    firmMw: fc.double({ min: 0, max: 300, noNaN: true }),
    importMw: fc.double({ min: 0, max: 600, noNaN: true }),
    exportMw: fc.double({ min: 0, max: 300, noNaN: true }),
    rte: fc.double({ min: 0.5, max: 1, noNaN: true }),
    socMin: fc.double({ min: 0, max: 0.4, noNaN: true }),
  });

  it("balances every hour to 1e-6 MWh, keeps flows and SOC in bounds, creates no energy, and CFE ≤ annual match", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const s = makeSeries({ loadMw: c.load, pvCapacityFactor: c.pv, windCapacityFactor: c.wind, gridPriceUsdPerMwh: c.price, exportPriceUsdPerMwh: c.exportPrice });
        const p = { pvMw: c.pvMw, windMw: c.windMw, batteryMw: c.batteryMw, batteryMwh: c.batteryMwh, gasMw: c.gasMw, firmCleanMw: c.firmMw, gridImportLimitMw: c.importMw, exportLimitMw: c.exportMw };
        const tech = { ...simpleTech, battery: { roundTripEfficiency: c.rte, socMinFraction: c.socMin, socMaxFraction: 1 } };
        const d = dispatch(s, p, tech).series;
        expect(maxBalanceErrorMwh(s, d)).toBeLessThanOrEqual(1e-6);
        const eps = 1e-9;
        const bad: string[] = [];
        const check = (ok: boolean, what: string, h: number): void => {
          if (!ok && bad.length < 5) bad.push(`${what} at hour ${h}`);
        };
        for (let h = 0; h < n; h++) {
          for (const [k, a] of Object.entries(d)) check(a[h] >= -eps, `${k} < 0`, h);
          check(d.batteryChargeMw[h] * d.batteryDischargeMw[h] === 0, "charge and discharge together", h);
          check(d.batteryChargeMw[h] <= p.batteryMw + eps && d.batteryDischargeMw[h] <= p.batteryMw + eps, "battery power", h);
          check(d.batterySocMwh[h] >= c.socMin * p.batteryMwh - eps && d.batterySocMwh[h] <= p.batteryMwh + eps, "SOC bounds", h);
          check(d.gasMw[h] <= p.gasMw + eps, "gas capacity", h);
          check(d.gridImportMw[h] <= p.gridImportLimitMw + eps, "import limit", h);
          check(d.exportMw[h] <= p.exportLimitMw + eps, "export limit", h);
        }
        expect(bad).toEqual([]);
        const e = energyTotals(s, d);
        // no energy from nothing: what comes out of the battery went in, less round-trip losses
        expect(e.batteryDischargeMwh).toBeLessThanOrEqual(c.rte * e.batteryChargeMwh + 1e-6);
        const sc = cleanScores(s, d);
        expect(sc.cfeScoreFraction).toBeLessThanOrEqual(sc.annualMatchFraction + 1e-6); // fractions: allow rounding on loads near 1e-26 MW
        expect(sc.cfeScoreFraction).toBeGreaterThanOrEqual(0);
        expect(sc.cfeScoreFraction).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });
});
