import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeSeries, noPortfolio, simpleTech, syntheticYear, zeroCosts } from "../../../test/helpers/power-series.ts";
import type { PowerSeries } from "./inputs.ts";
import { durationMetrics, hourlyGridWaterFuels, powerMetrics } from "../metrics/metrics.ts";
import type { SiteAccountingInputs } from "../metrics/emissions.ts";
import { dispatch } from "./dispatch.ts";
import { durationCurves, durationDispatch, separableDispatch } from "./duration.ts";

/** The series with its load flat within each month (months start at `starts`), as site/load.ts builds it. */
function withMonthlyLoad(s: PowerSeries, starts: number[], loads: number[]): PowerSeries {
  const loadMw = new Float64Array(s.loadMw.length);
  starts.forEach((a, m) => loadMw.fill(loads[m], a, m + 1 < starts.length ? starts[m + 1] : loadMw.length));
  return { ...s, loadMw };
}

const costs = { ...zeroCosts, pvUsdPerMwYear: 50_000, gasUsdPerMwYear: 90_000, firmCleanUsdPerMwYear: 400_000 };
const accounting = { itEnergyMwh: 1000, wueLPerKwh: 0.2, gasWaterConsumptionGalPerMwh: 200, certificateMatchingFraction: 0.5 };

/** Every metric of the hourly dispatch and of the duration curves, side by side. */
function both(s: PowerSeries, starts: number[], loads: number[], p = noPortfolio, t = simpleTech, acc: SiteAccountingInputs = accounting) {
  const hourly = withMonthlyLoad(s, starts, loads);
  const exact = powerMetrics(hourly, dispatch(hourly, p, t), t, costs, acc);
  const fuels = hourlyGridWaterFuels(acc.gridWater, s.loadMw.length);
  const c = durationCurves(s, p, t, starts, fuels.map((f) => acc.gridWater!.hourlyMixFraction![f]));
  const fast = durationMetrics(durationDispatch(c, loads, p), { steps: s.loadMw.length, stepHours: s.stepHours, meanGridCo2KgPerMwh: c.meanGridCo2KgPerMwh }, p, t, costs, acc);
  return { exact, fast };
}

/** Every number of two metric objects agrees to `rel` of the larger magnitude (absolute 1e-6 near zero). */
function expectSame(a: unknown, b: unknown, rel = 1e-9, path = "metrics"): void {
  if (typeof a === "number" && typeof b === "number") {
    const tol = Math.max(1e-6, rel * Math.max(Math.abs(a), Math.abs(b)));
    if (!(Math.abs(a - b) <= tol || a === b)) throw new Error(`${path}: hourly ${a} vs duration ${b}`);
    return;
  }
  if (a === null || b === null) return void expect(a, path).toBe(b);
  for (const k of Object.keys(a as object)) expectSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${path}.${k}`);
}

describe("dispatch from duration curves", () => {
  it("hand case: gas then grid then unserved, exports up to the limit, one month of four hours", () => {
    // clean 0, 50, 120, 200 MW against a flat 100 MW load; gas 30 MW (30 USD/MWh < grid 50), import limit 40 MW
    const s = makeSeries({ loadMw: [0, 0, 0, 0], pvCapacityFactor: [0, 0.25, 0.6, 1], exportPriceUsdPerMwh: 20 });
    const p = { ...noPortfolio, pvMw: 200, gasMw: 30, gridImportLimitMw: 40, exportLimitMw: 60 };
    const c = durationCurves(s, p, simpleTech, [0]);
    const d = durationDispatch(c, [100], p);
    // deficits 100 and 50: gas 30 + 30, imports 40 + 20, unserved 30; surpluses 20 and 100: exports 20 + 60, curtailed 40
    expect(d.gasMwh).toBeCloseTo(60, 9);
    expect(d.gridImportMwh).toBeCloseTo(60, 9);
    expect(d.unservedMwh).toBeCloseTo(30, 9);
    expect(d.exportMwh).toBeCloseTo(80, 9);
    expect(d.curtailmentMwh).toBeCloseTo(40, 9);
    expect(d.exportUsd).toBeCloseTo(1600, 9);
    expect(d.cfeMwh).toBeCloseTo(0 + 50 + 100 + 100, 9);
    expect(d.peakGridImportMw).toBe(40);
    expect(d.gridImportCo2Kg).toBeCloseTo(60 * 400, 9);
  });

  it("a battery makes the dispatch depend on the order of hours: not separable", () => {
    expect(separableDispatch({ ...noPortfolio, batteryMw: 10, batteryMwh: 40 })).toBe(false);
    expect(separableDispatch({ ...noPortfolio, batteryMw: 10, batteryMwh: 0 })).toBe(true);
    expect(separableDispatch(noPortfolio)).toBe(true);
  });

  it("equals the hourly dispatch on a synthetic year with hourly prices, carbon and clean shares (12 months)", () => {
    const { pv, wind } = syntheticYear(8760, 3);
    const price = Array.from({ length: 8760 }, (_, h) => 30 + 40 * Math.sin(h / 7) ** 2);
    const co2 = Array.from({ length: 8760 }, (_, h) => 300 + 200 * Math.cos(h / 11));
    const s = makeSeries({ loadMw: new Array(8760).fill(0), pvCapacityFactor: [...pv], windCapacityFactor: [...wind], gridPriceUsdPerMwh: price, gridCo2KgPerMwh: co2, gridCleanFraction: 0.3, exportPriceUsdPerMwh: 15 });
    const starts = [0, 744, 1416, 2160, 2880, 3624, 4344, 5088, 5832, 6552, 7296, 8016];
    const loads = [300, 320, 0, 340, 360, 380, 400, 400, 420, 440, 460, 480];
    const p = { ...noPortfolio, pvMw: 300, windMw: 200, firmCleanMw: 50, gasMw: 150, gridImportLimitMw: 250, exportLimitMw: 80 };
    // grid-generation water at an hourly fuel mix (gas share swinging with the hour) and at an annual mix
    const gasShare = Float64Array.from({ length: 8760 }, (_, h) => 0.3 + 0.2 * Math.sin(h / 5));
    const hourlyMix = { NG: gasShare, NUC: gasShare.map((x) => 1 - x) };
    const gridWater = { factorsLPerMwh: { NG: 776, NUC: 2544 }, annualMixFraction: { NG: 0.4, NUC: 0.6 } };
    const { exact, fast } = both(s, starts, loads, p, { ...simpleTech, carbonPriceUsdPerTco2: 30 }, { ...accounting, gridWater: { ...gridWater, hourlyMixFraction: hourlyMix } });
    expect(exact.water.gridGenerationMegalitersByFuel.NG).toBeGreaterThan(0);
    const annual = both(s, starts, loads, p, simpleTech, { ...accounting, gridWater });
    expectSame(annual.exact, annual.fast);
    expect(exact.energy.unservedMwh).toBeGreaterThan(0);
    expect(exact.energy.exportMwh).toBeGreaterThan(0);
    expectSame(exact, fast);
  });

  it("property: any battery-free portfolio, prices, limits and monthly loads give the hourly dispatch's metrics", () => {
    const n = 48;
    // magnitudes an analyst's data have (subnormal loads make every ratio noise)
    const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x));
    const starts = [0, 10, 25, 25, 40];
    fc.assert(
      fc.property(
        fc.array(num(0, 1), { minLength: n, maxLength: n }),
        fc.array(num(-20, 120), { minLength: n, maxLength: n }),
        fc.array(num(0, 500), { minLength: 5, maxLength: 5 }),
        fc.record({
          pvMw: num(0, 600),
          gasMw: fc.oneof(fc.constant(Infinity), num(0, 300)),
          firmCleanMw: num(0, 100),
          gridImportLimitMw: fc.oneof(fc.constant(Infinity), num(0, 400)),
          exportLimitMw: fc.oneof(fc.constant(Infinity), num(0, 200)),
        }),
        num(-10, 40),
        fc.integer({ min: 0, max: 200 }),
        (cf, price, loads, caps, exportPrice, carbonPrice) => {
          const s = makeSeries({ loadMw: new Array(n).fill(0), pvCapacityFactor: cf, gridPriceUsdPerMwh: price, gridCo2KgPerMwh: price.map((x) => 400 + 2 * x), gridCleanFraction: cf.map((x) => x / 2), exportPriceUsdPerMwh: exportPrice });
          const p = { ...noPortfolio, ...caps };
          const { exact, fast } = both(s, starts, loads, p, { ...simpleTech, carbonPriceUsdPerTco2: carbonPrice });
          expectSame(exact, fast, 1e-9);
        },
      ),
    );
  });
});
