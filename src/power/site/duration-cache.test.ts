import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runModel } from "../../buildout/model.ts";
import { referenceData } from "../../data/index.ts";
import { nodeInputFiles } from "../../io/input-files.ts";
import { prepareScenario } from "../../pipeline/prepare.ts";
import { loadPowerProfiles } from "../../pipeline/profiles.ts";
import { checkScenarioObject } from "../../scenario/load.ts";
import { REPO_ROOT } from "../../../test/helpers/solar-fixtures.ts";
import { DurationCache } from "./duration-cache.ts";
import { simulateProgramPower } from "./site-power.ts";

const file = join(REPO_ROOT, "scenarios", "meta-600b.yaml");

async function metaState(edit: (s: Record<string, any>) => void = () => {}) {
  const doc = parse(readFileSync(file, "utf8"));
  edit(doc);
  const scenario = checkScenarioObject(doc).value!;
  const profiles = (await loadPowerProfiles(scenario, nodeInputFiles(file), { ref: referenceData })).value;
  return { st: runModel(prepareScenario(scenario, referenceData).value!), profiles };
}

/** Largest relative difference over every number of two metric objects (absolute below 1e-6). */
function worstDifference(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a === b ? 0 : Math.abs(a - b) / Math.max(1e-6, Math.abs(a), Math.abs(b));
  if (!a || !b || typeof a !== "object") return a === b ? 0 : Infinity;
  return Math.max(0, ...Object.keys(a).map((k) => worstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])));
}

describe("the Monte Carlo's duration-curve dispatch on the Meta scenario (issue 13 item 6)", () => {
  it("gives every site-year the hourly dispatch's metrics (1e-9), from a few curves shared across calls", async () => {
    const { st, profiles } = await metaState();
    const hourly = simulateProgramPower(st, profiles);
    const cache = new DurationCache();
    const fast = simulateProgramPower(st, profiles, cache);
    expect(fast.siteYears.map((y) => `${y.site} ${y.year}`)).toEqual(hourly.siteYears.map((y) => `${y.site} ${y.year}`));
    expect(hourly.siteYears.length).toBeGreaterThan(20);
    expect(fast.diagnostics).toEqual(hourly.diagnostics);
    for (let i = 0; i < hourly.siteYears.length; i++) expect(worstDifference(hourly.siteYears[i].metrics, fast.siteYears[i].metrics), `${hourly.siteYears[i].site} ${hourly.siteYears[i].year}`).toBeLessThan(1e-9);
    // a second pass reuses the curves and gives the identical numbers
    expect(simulateProgramPower(st, profiles, cache).siteYears).toEqual(fast.siteYears);
  }, 60_000);

  it("one cache serves samples with other grid prices (a flat price is left out of the curves), each equal to its hourly dispatch", async () => {
    const cache = new DurationCache();
    for (const price of [60, 140, 25]) {
      const { st, profiles } = await metaState((s) => (s.opex = { ...s.opex, energyPriceUsdPerMwh: price }));
      const hourly = simulateProgramPower(st, profiles);
      const fast = simulateProgramPower(st, profiles, cache);
      expect(hourly.siteYears[0].metrics.cost.gridImportUsd).toBeGreaterThan(0);
      hourly.siteYears.forEach((y, i) => expect(worstDifference(y.metrics, fast.siteYears[i].metrics), `${price} ${y.site} ${y.year}`).toBeLessThan(1e-9));
    }
  }, 60_000);

  it("site-years with a battery or flexible load still dispatch hour by hour, equal to run's", async () => {
    const { st, profiles } = await metaState((s) => {
      s.sites[0].power.portfolioFromYear["2028"] = { ...s.sites[0].power.portfolioFromYear["2028"], batteryMw: 300, batteryMwh: 1200 };
      s.sites[2].power.flexibility = { flexibleLoadFraction: 0.2 };
    });
    const hourly = simulateProgramPower(st, profiles);
    const fast = simulateProgramPower(st, profiles, new DurationCache());
    const hyperion2029 = hourly.siteYears.findIndex((y) => y.site === "Hyperion" && y.year === 2029);
    expect(hourly.siteYears[hyperion2029].metrics.energy.batteryDischargeMwh).toBeGreaterThan(0);
    const hourlyOnly = (y: { site: string; year: number }) => (y.site === "Hyperion" && y.year >= 2028) || y.site === "El Paso";
    expect(fast.siteYears.filter(hourlyOnly)).toEqual(hourly.siteYears.filter(hourlyOnly));
    expect(fast.siteYears.filter(hourlyOnly).length).toBeGreaterThan(10);
    hourly.siteYears.forEach((y, i) => expect(worstDifference(y.metrics, fast.siteYears[i].metrics)).toBeLessThan(1e-9));
  }, 60_000);
});
