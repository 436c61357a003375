/** Revenue follows compute delivered, with the watts-based form kept as a named alternative (issue 12 item 2). */
import { describe, expect, it } from "vitest";
import { run } from "../pipeline/run.ts";
import { checkScenarioObject } from "../scenario/load.ts";
import { prepareScenario } from "../pipeline/prepare.ts";
import { referenceData } from "../data/index.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import type { ScenarioInput } from "../scenario/schema.ts";

type Econ = NonNullable<ScenarioInput["economics"]>;
const scenario = (economics: Econ, gb200: Record<string, number> = {}): ScenarioInput => ({
  ...tinyScenario(),
  economics,
  accelerators: Object.keys(gb200).length ? { GB200: gb200 } : {},
  assetLives: { refreshAtEndOfLife: false },
});
const revenue = (input: ScenarioInput): number => {
  const r = run(input, referenceData, { hourlyPower: false }).result!;
  const y = r.tables.yearly;
  const c = y.columns.indexOf("programRevenueUsd");
  return y.rows.reduce((a, row) => a + Number(row[c]), 0);
};
const perCompute: Econ = { revenueUsdPerPflopSYear: 17000, discountRateFractionPerYear: 0.09 };
const perMw: Econ = { revenueUsdPerMwItYear: 12e6, discountRateFractionPerYear: 0.09 };

describe("revenue form", () => {
  it("per compute: a hungrier chip (same FLOP/s, more watts) earns less from the same MW; per MW it earned the same", () => {
    const hungry = { allInWPerAccelerator: 2 * 1900 };
    // (accelerator counts are whole numbers, so the halving holds to ~1e-5)
    expect(revenue(scenario(perCompute, hungry)) / revenue(scenario(perCompute))).toBeCloseTo(0.5, 4);
    expect(revenue(scenario(perMw, hungry)) / revenue(scenario(perMw))).toBeCloseTo(1, 9);
  });

  it("per compute: installed PFLOP/s x price, the price falling by the price-performance trend each year after the base year", () => {
    const r = run(scenario(perCompute), referenceData, { hourlyPower: false }).result!;
    const y = r.tables.yearly;
    const col = (n: string) => y.columns.indexOf(n);
    const byYear = new Map(y.rows.map((row) => [Number(row[col("year")]), row]));
    const decline = 1 - 2 ** (-1 / referenceData.acceleratorRoadmap.flopPerSPerUsdDoublingYears);
    expect(decline).toBeCloseTo(0.2846, 4);
    // 2027: the phase is online all year (constant FLOP/s), price factor (1 - d)^(2027 - 2025)
    const row = byYear.get(2027)!;
    const pflopS = Number(row[col("denseBf16FlopPerS")]) / 1e15;
    expect(Number(row[col("programRevenueUsd")])).toBeCloseTo(pflopS * 17000 * (1 - decline) ** 2, -2);
  });

  it("an explicit price decline replaces the default; a 0 decline keeps the base price", () => {
    const flat = revenue(scenario({ ...perCompute, computePriceDeclineFractionPerYear: 0 }));
    expect(flat).toBeGreaterThan(revenue(scenario(perCompute)));
  });

  it("exactly one revenue form, with the field path", () => {
    const both = checkScenarioObject({ ...tinyScenario(), economics: { ...perMw, revenueUsdPerPflopSYear: 1 } });
    expect(both.diagnostics.some((d) => d.path === "economics" && /exactly one revenue form/.test(d.message))).toBe(true);
    const none = checkScenarioObject({ ...tinyScenario(), economics: { discountRateFractionPerYear: 0.09 } });
    expect(none.value).toBeNull();
    const stray = checkScenarioObject({ ...tinyScenario(), economics: { ...perMw, computePriceDeclineFractionPerYear: 0.1 } });
    expect(stray.diagnostics.some((d) => d.path === "economics.computePriceDeclineFractionPerYear")).toBe(true);
  });

  it("the compute form states its per-MW equivalent for the first-build fleets (used by strategies and claims)", () => {
    const s = prepareScenario(checkScenarioObject(scenario(perCompute)).value!).value!;
    const gb = s.accelerators.GB200;
    expect(s.economics!.revenueUsdPerMwItYear).toBeCloseTo((17000 * (1e6 / gb.allInWPerAccelerator) * gb.denseBf16FlopPerS) / 1e15, 3);
  });
});
