/** Refreshes follow the announced roadmap, then a projection; refresh capex is reported apart from first builds. */
import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { run } from "../pipeline/run.ts";
import { prepareScenario } from "../pipeline/prepare.ts";
import { checkScenarioObject } from "../scenario/load.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import type { ScenarioInput } from "../scenario/schema.ts";
import { newestGenerationOf } from "../scenario/resolve-accelerators.ts";

const longRun = (fleetMix: Record<string, number>, extra: Partial<ScenarioInput> = {}): ScenarioInput => {
  const base = tinyScenario(extra);
  return {
    ...base,
    program: { ...base.program, horizonEndMonth: "2045-12" },
    sites: [{ ...base.sites[0], phases: [{ ...base.sites[0].phases[0], fleetMix }] }],
  };
};
const resolved = (input: ScenarioInput) => prepareScenario(checkScenarioObject(input).value!).value!;

describe("refresh generation (issue 12 item 1)", () => {
  it("a GB300 fleet is never refreshed with GB200: same-year ties go to the later generation", () => {
    const s = resolved(longRun({ GB300: 1 }));
    expect(newestGenerationOf(s.accelerators, ["GB300", "GB200"], 2025)).toBe("GB300");
    expect(newestGenerationOf(s.accelerators, ["GB200", "GB300"], 2025)).toBe("GB300");
  });

  it("refreshes buy the announced generation of their year, then a projected one, never a 2025 chip", () => {
    const out = run(longRun({ GB300: 1 }, { assetLives: { refreshAtEndOfLife: true, serverLifeYears: 2 } }));
    const r = out.result!;
    const vintages = r.tables.vintages;
    const col = (c: string) => vintages.columns.indexOf(c);
    const rows = vintages.rows.map((row) => ({ gen: String(row[col("generation")]), month: String(row[col("installMonth")]), kind: row[col("kind")] }));
    expect(rows[0]).toMatchObject({ gen: "GB300", kind: "initial" });
    const refreshes = rows.filter((x) => x.kind === "refresh");
    expect(refreshes.length).toBeGreaterThan(4);
    // online 2026: refreshed in 2028 with VR300 (Rubin Ultra, 2028), then each time with the projected generation of the year
    expect(refreshes[0]).toMatchObject({ gen: "VR300" });
    expect(refreshes[0].month.slice(0, 4)).toBe("2028");
    for (const x of refreshes.slice(1)) expect(x.gen).toBe(`Projected-${x.month.slice(0, 4)}`);
    expect(out.diagnostics.some((d) => d.path === "assetLives.refreshGeneration" && /projected/.test(d.message))).toBe(true);
  });

  it("FLOP/s keep rising after 2034 at constant IT power", () => {
    const r = run(longRun({ GB300: 1 }, { assetLives: { refreshAtEndOfLife: true, serverLifeYears: 4 } })).result!;
    const flops = r.summary.denseBf16FlopPerSByYear;
    const it = r.summary.itPowerMwByYear;
    expect(it["2040"]).toBeCloseTo(it["2034"], 6);
    expect(flops["2044"]).toBeGreaterThan(1.5 * flops["2036"]);
  });

  it("a projected generation keeps the basis's power and real price, its FLOP/s per dollar doubling on the trend", () => {
    const s = resolved(longRun({ GB300: 1 }));
    const basis = s.accelerators[referenceData.acceleratorRoadmap.projectionBasis];
    const p = s.accelerators["Projected-2035"];
    expect(p.allInWPerAccelerator).toBe(basis.allInWPerAccelerator);
    expect(p.unitPriceUsd).toBe(basis.unitPriceUsd);
    const years = 2035 - basis.firstYearAvailable;
    expect(p.denseBf16FlopPerS / basis.denseBf16FlopPerS).toBeCloseTo(2 ** (years / referenceData.acceleratorRoadmap.flopPerSPerUsdDoublingYears), 9);
  });

  it("refresh capex is reported apart from first builds and sums with them to the IT capex", () => {
    const r = run(longRun({ GB200: 1 }, { assetLives: { refreshAtEndOfLife: true, serverLifeYears: 4 } })).result!;
    const v = r.tables.vintages;
    const c = (n: string) => v.columns.indexOf(n);
    const refresh = v.rows.filter((row) => row[c("kind")] === "refresh").reduce((a, row) => a + Number(row[c("itCapexUsd")]), 0);
    expect(refresh).toBeGreaterThan(0);
    expect(r.summary.refreshCapexUsdTotal).toBeCloseTo(refresh, 0);
    const y = r.tables.yearly;
    const yc = (n: string) => y.columns.indexOf(n);
    const sumCol = (n: string) => y.rows.reduce((a, row) => a + Number(row[yc(n)]), 0);
    expect(sumCol("capex_itRefreshUsd")).toBeCloseTo(refresh, 0);
    expect(sumCol("capex_itRefreshUsd")).toBeLessThan(sumCol("capex_itUsd"));
    const noRefresh = run(longRun({ GB200: 1 }, { assetLives: { refreshAtEndOfLife: false, serverLifeYears: 4 } })).result!;
    expect(noRefresh.summary.refreshCapexUsdTotal).toBe(0);
    expect(r.summary.capexUsdTotal - r.summary.refreshCapexUsdTotal).toBeCloseTo(noRefresh.summary.capexUsdTotal, 0);
  });
});
