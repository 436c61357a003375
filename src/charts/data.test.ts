/** The tables behind the charts (`data()`, what a CSV button downloads) against the results they are drawn from. */
import { beforeAll, describe, expect, it } from "vitest";
import { type ChartInputs, chartInputs } from "../../test/helpers/chart-inputs.ts";
import type { Cell, Table } from "../core/table.ts";
import { compareCharts, hourlyCharts, runCharts, simulationCharts } from "./index.ts";
import { yearTicks } from "./chart.ts";
import { hardestWeekStartDay } from "./hourly.ts";

let i: ChartInputs;
beforeAll(async () => {
  i = await chartInputs();
});

const rows = (t: Table): Record<string, Cell>[] => t.rows.map((r) => Object.fromEntries(t.columns.map((c, k) => [c, r[k]])));
const chart = <T extends { id: string }>(list: T[], id: string): T => list.find((c) => c.id === id)!;
/** Sum of `value` by `key` over the rows. */
function sumBy(t: Table, key: string, value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows(t)) out[String(r[key])] = (out[String(r[key])] ?? 0) + Number(r[value] ?? 0);
  return out;
}
const expectRecordClose = (actual: Record<string, number>, expected: Record<string, number>, relTol = 1e-12): void => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(Math.abs(actual[k] - v), k).toBeLessThanOrEqual(relTol * Math.max(1, Math.abs(v)));
};

describe("run charts' data", () => {
  it("MW online, accelerators, capex and energy add up to the summary's yearly totals", () => {
    const s = i.result.summary;
    expectRecordClose(sumBy(chart(runCharts, "mw-online-by-site").data(i.result), "year", "itPowerMwOnline"), s.itPowerMwByYear);
    expectRecordClose(sumBy(chart(runCharts, "accelerators-by-generation").data(i.result), "year", "acceleratorsInstalled"), s.acceleratorsByYear, 1e-9);
    expectRecordClose(sumBy(chart(runCharts, "capex-by-category").data(i.result), "year", "capexUsd"), s.capexUsdByYear, 1e-9);
    expectRecordClose(sumBy(chart(runCharts, "facility-energy-by-site").data(i.result), "year", "facilityEnergyMwh"), s.facilityEnergyMwhByYear, 1e-9);
    const capex = rows(chart(runCharts, "capex-by-category").data(i.result));
    expect(capex.find((r) => r.year === 2026)!.capitalPlanUsd).toBe(9e9);
  });

  it("phase delays: requested vs modelled online month, months late and why", () => {
    const t = rows(chart(runCharts, "phase-delays").data(i.result));
    const by = (phase: string) => t.find((r) => r.phase === phase)!;
    expect(by("A1")).toMatchObject({ requestedOnlineMonth: "2026-07", onlineMonth: "2026-07", delayMonths: 0 });
    expect(by("A2")).toMatchObject({ requestedOnlineMonth: "2027-04", onlineMonth: "2027-10", delayMonths: 6, delayReasons: "interconnection" });
    expect(by("B2")).toMatchObject({ requestedOnlineMonth: "2027-01", onlineMonth: "2028-01", delayMonths: 12, delayReasons: "capital" });
  });

  it("cash flows of both funding routes, SPV debt and rent, revenue required", () => {
    const company = i.result.summary.financing.company;
    const cf = rows(chart(runCharts, "company-cash-flows").data(i.result));
    expect(new Set(cf.map((r) => r.route))).toEqual(new Set(["allOperatingCashFlow", "declaredStructures"]));
    for (const r of cf) {
      const route = company[r.route as keyof typeof company]!;
      expect(r.freeCashFlowUsd).toBe(route.freeCashFlowUsdByYear[String(r.year)]);
      expect(r.fundingGapUsd).toBe(route.fundingGapUsdByYear[String(r.year)]);
    }
    const spv = rows(chart(runCharts, "spv-debt-and-rent").data(i.result));
    const table = rows(i.result.tables.spvYearly);
    expect(spv.map((r) => r.debtBalanceUsd)).toEqual(table.map((r) => r.debtBalanceUsd));
    expect(spv.find((r) => r.year === 2026)!.debtBalanceUsd as number).toBeGreaterThan(1e9);
    const rev = rows(chart(runCharts, "revenue-required").data(i.result)).filter((r) => r.series === "programRevenueUsd");
    expect(rev.map((r) => r.revenueUsd)).toEqual(rows(i.result.tables.revenueRequiredYearly).map((r) => r.programRevenueUsd));
  });

  it("supply by source, CFE score and emissions are the hourly dispatch summed by year", () => {
    const power = rows(i.result.tables.powerSitesYearly);
    const supply = rows(chart(runCharts, "power-supply-by-source").data(i.result));
    for (const [source, col] of [["pv", "pvMwh"], ["gas", "gasMwh"], ["gridImport", "gridImportMwh"], ["curtailment", "curtailmentMwh"]]) {
      for (const year of [2027, 2030]) {
        const expected = power.filter((r) => r.year === year).reduce((a, r) => a + (r[col] as number), 0);
        expect(supply.find((r) => r.year === year && r.source === source)!.energyMwh as number).toBeCloseTo(expected, 3);
      }
    }
    const cfe = rows(chart(runCharts, "cfe-score").data(i.result));
    const alpha2027 = power.find((r) => r.site === "Alpha" && r.year === 2027)!;
    expect(cfe.find((r) => r.series === "Alpha" && r.year === 2027)!.fraction).toBe(alpha2027.cfeScoreFraction);
    expect(cfe.find((r) => r.series === "all sites: 24/7 CFE" && r.year === 2027)!.fraction).toBe(i.result.summary.power.cfeScoreFractionByYear["2027"]);
    const co2 = rows(chart(runCharts, "emissions").data(i.result));
    expect(co2.find((r) => r.basis === "marketBased" && r.year === 2028)!.tco2).toBe(i.result.summary.power.marketBasedTco2ByYear["2028"]);
  });
});

describe("hourly charts' data", () => {
  it("heatmap: one row per hour; the load-weighted hourly CFE share is the year's 24/7 CFE score", () => {
    const t = rows(chart(hourlyCharts, "hourly-cfe-heatmap").data(i.hourly));
    expect(t).toHaveLength(8760);
    expect(t[25]).toMatchObject({ day: 2, hour: 1 });
    let load = 0;
    let clean = 0;
    for (const r of t) {
      load += r.loadMw as number;
      clean += (r.loadMw as number) * (r.cfeShareFraction as number);
    }
    // hours that charge from the grid count as 0 here but negative in the score: the share is ≥ the score
    expect(clean / load).toBeGreaterThanOrEqual(i.hourly.metrics.scores.cfeScoreFraction - 1e-12);
    expect(clean / load).toBeCloseTo(i.hourly.metrics.scores.cfeScoreFraction, 2);
  });

  it("dispatch week: 168 hours of every series from the hardest week's first hour", () => {
    const t = rows(chart(hourlyCharts, "dispatch-week").data(i.hourly));
    const start = hardestWeekStartDay(i.hourly) * 24;
    expect(t).toHaveLength(168 * 11);
    expect(t[0].hourOfYear).toBe(start);
    const gasAt = t.find((r) => r.series === "gas" && r.hourOfYear === start + 30)!;
    expect(gasAt.mw).toBe(i.hourly.hours.gasMw[start + 30]);
  });

  it("the hardest week is the 7 days with the most gas, import and unserved energy", () => {
    const h = structuredClone(i.hourly);
    for (const k of ["gasMw", "gridImportMw", "unservedMw"] as const) h.hours[k].fill(0);
    expect(hardestWeekStartDay(h)).toBe(0);
    h.hours.gridImportMw.fill(10, 200 * 24, 203 * 24);
    expect(hardestWeekStartDay(h)).toBe(196);
  });
});

describe("Monte Carlo and strategy charts' data", () => {
  it("fan: the running mean ends at the report's mean; percentiles and tornado as reported", () => {
    const input = { ...i.simulation, samples: i.samples };
    const fan = rows(chart(simulationCharts, "mc-fan").data(input));
    expect(fan[fan.length - 1]).toMatchObject({ output: "npvUsd", samples: 200, meanUsd: i.simulation.outputs.npvUsd.mean });
    const p = rows(chart(simulationCharts, "mc-percentiles").data(input)).find((r) => r.output === "npvUsd")!;
    expect(p.p95Usd).toBe(i.simulation.outputs.npvUsd.percentiles.p95);
    const bars = rows(chart(simulationCharts, "tornado").data(input));
    expect(bars.map((b) => b.input)).toEqual(i.simulation.sensitivity.tornado!.bars.npvUsd.map((b) => b.input));
    expect(bars[0].baseOutputUsd).toBe(i.simulation.sensitivity.tornado!.baseOutputs.npvUsd);
  });

  it("histogram: every sample in one bin with the samples; percentile bins without them", () => {
    const hist = chart(simulationCharts, "mc-histogram");
    const exact = rows(hist.data({ ...i.simulation, samples: i.samples }));
    expect(exact).toHaveLength(30);
    expect(exact.reduce((a, r) => a + (r.sampleShareFraction as number), 0)).toBeCloseTo(1, 12);
    expect(exact[0].binLowUsd).toBe(i.simulation.outputs.npvUsd.min);
    const approx = rows(hist.data(i.simulation));
    expect(approx.reduce((a, r) => a + (r.sampleShareFraction as number), 0)).toBeCloseTo(1, 12);
    expect(approx.find((r) => r.binHighUsd === i.simulation.outputs.npvUsd.percentiles.p5)!.sampleShareFraction).toBeCloseTo(0.04, 12);
  });

  it("strategy cost, regret and the newsvendor curve as compared", () => {
    const c = i.comparison;
    const cost = rows(chart(compareCharts, "strategy-cost").data(c));
    expect(cost.map((r) => [r.strategy, r.meanCostUsd])).toEqual(c.strategies.map((s) => [s.name, s.costUsd.mean]));
    const regret = rows(chart(compareCharts, "strategy-regret").data(c));
    expect(regret.map((r) => r.p95RegretUsd)).toEqual(c.strategies.map((s) => s.regretUsd.percentiles.p95));
    const curve = rows(chart(compareCharts, "newsvendor").data(c));
    expect(curve.map((r) => r.optimalCapacityMw)).toEqual(c.newsvendor.curve.map((p) => p.optimalCapacityMw));
    expect(curve.every((r, k) => k === 0 || (r.optimalCapacityMw as number) >= (curve[k - 1].optimalCapacityMw as number))).toBe(true);
  });
});

describe("year ticks", () => {
  it("fit the width: every year when there is room, else every 2nd, 5th or 10th", () => {
    const years = Array.from({ length: 22 }, (_, k) => 2024 + k);
    expect(yearTicks(years, 1000)).toHaveLength(22);
    expect(yearTicks(years, 640)).toEqual(years.filter((y) => y % 2 === 0));
    expect(yearTicks(years, 380)).toEqual([2025, 2030, 2035, 2040, 2045]);
  });
});
