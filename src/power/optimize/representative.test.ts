import { describe, expect, it } from "vitest";
import { createHighsSolver } from "../../solver/highs.ts";
import type { PowerSeries } from "../dispatch/inputs.ts";
import { makeSeries, simpleTech, syntheticYear, zeroCosts } from "../../../test/helpers/power-series.ts";
import { optimizePortfolio } from "./optimize.ts";
import { type SizingProblem, fixedBounds } from "./problem.ts";
import { HOURS_PER_WEEK, expand, expandSeries, representativeWeeks } from "./representative.ts";

const solver = await createHighsSolver();

function year(): PowerSeries {
  const { pv, wind } = syntheticYear(8760, 3);
  const load = Array.from({ length: 8760 }, (_, h) => 100 + 20 * Math.sin((h / 8760) * 2 * Math.PI));
  return makeSeries({ loadMw: load, pvCapacityFactor: [...pv], windCapacityFactor: [...wind] });
}

describe("representative weeks", () => {
  it("weights the chosen weeks by the hours they stand for and maps every hour to a step", () => {
    const s = year();
    const r = representativeWeeks(s, 6);
    expect(r.weeks).toHaveLength(6);
    expect(r.weeks).toEqual([...r.weeks].sort((a, b) => a - b));
    expect(r.series.loadMw).toHaveLength(6 * HOURS_PER_WEEK);
    expect(r.stepWeight.reduce((a, b) => a + b, 0)).toBe(8760);
    const synthetic = expandSeries(r.series, r.hourToStep);
    let loadMwh = 0;
    r.series.loadMw.forEach((x, t) => (loadMwh += x * r.stepWeight[t]));
    expect(synthetic.loadMw.reduce((a, b) => a + b, 0)).toBeCloseTo(loadMwh, 6);
    // each medoid week appears unchanged in the synthetic year
    const w = r.weeks[2];
    expect([...synthetic.windCapacityFactor.subarray(w * HOURS_PER_WEEK, (w + 1) * HOURS_PER_WEEK)]).toEqual([...s.windCapacityFactor.subarray(w * HOURS_PER_WEEK, (w + 1) * HOURS_PER_WEEK)]);
    expect(representativeWeeks(s, 6).weeks).toEqual(r.weeks); // deterministic
  });

  it("with 52 weeks is the year itself (the 365th day repeats the first day of the last week)", () => {
    const s = year();
    const r = representativeWeeks(s, 52);
    expect(r.weeks).toEqual(Array.from({ length: 52 }, (_, i) => i));
    const e = expand(r.series.pvCapacityFactor, r.hourToStep);
    expect([...e.subarray(0, 52 * HOURS_PER_WEEK)]).toEqual([...s.pvCapacityFactor.subarray(0, 52 * HOURS_PER_WEEK)]);
    expect(r.stepWeight[51 * HOURS_PER_WEEK]).toBe(2);
  });
});

const base = (series: PowerSeries, over: Partial<SizingProblem> = {}): SizingProblem => ({
  series,
  tech: simpleTech,
  unitCosts: { ...zeroCosts, pvUsdPerMwYear: 40_000, gasUsdPerMwYear: 90_000, batteryEnergyUsdPerMwhYear: 20_000, batteryPowerUsdPerMwYear: 20_000 },
  bounds: { pvMw: { min: 0, max: 1e4 }, windMw: fixedBounds(0), batteryMw: { min: 0, max: 1e4 }, batteryMwh: { min: 0, max: 1e5 }, gasMw: { min: 0, max: 1e4 }, firmCleanMw: fixedBounds(0) },
  gridImportLimitMw: 50,
  exportLimitMw: 0,
  target: { kind: "cfe-247", levelFraction: 0.5, countGridClean: false },
  storageBoundary: "cyclic",
  ...over,
});

describe("weighted steps and storage periods in the sizing LP", () => {
  const day = { load: [80, 90, 100, 100, 90, 80], pv: [0, 0.4, 1, 0.8, 0.2, 0], price: [30, 60, 90, 90, 60, 30] };
  const repeat = <T>(a: T[], k: number): T[] => Array.from({ length: k }, () => a).flat();

  it("a period with weight 3 costs what three identical cyclic periods cost", () => {
    const one = makeSeries({ loadMw: day.load, pvCapacityFactor: day.pv, gridPriceUsdPerMwh: day.price });
    const three = makeSeries({ loadMw: repeat(day.load, 3), pvCapacityFactor: repeat(day.pv, 3), gridPriceUsdPerMwh: repeat(day.price, 3) });
    const weighted = optimizePortfolio(base(one, { stepWeight: new Float64Array(6).fill(3) }), solver);
    const full = optimizePortfolio(base(three, { periodSteps: 6 }), solver);
    const fullAnnualCyclic = optimizePortfolio(base(three), solver);
    expect(weighted.status).toBe("optimal");
    expect(weighted.objectiveUsd).toBeCloseTo(full.objectiveUsd, 4);
    expect(fullAnnualCyclic.objectiveUsd).toBeCloseTo(full.objectiveUsd, 4); // identical days: nothing to shift between them
    expect(weighted.targetMarginalCostUsdPerMwh!).toBeCloseTo(full.targetMarginalCostUsdPerMwh!, 4);
    expect(weighted.dispatch!.portfolio.batteryMwh).toBeCloseTo(full.dispatch!.portfolio.batteryMwh, 4);
  });
});
