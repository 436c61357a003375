/** `hourlyPower`: one site-year hour by hour, the same dispatch as `run` (balance each hour, annual sums = its row). */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { CHARTS_SCENARIO } from "../../test/helpers/chart-inputs.ts";
import type { Cell } from "../core/table.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import type { RunResult } from "../pipeline/run.ts";
import { HOURLY_SERIES, hourlyPower, hourlyPowerTable, representativeSiteYear } from "./hourly-power.ts";
import { run } from "./run.ts";

const doc = { text: readFileSync(CHARTS_SCENARIO, "utf8"), name: "charts-program.yaml" };
const files = nodeInputFiles(CHARTS_SCENARIO);
let result: RunResult;
beforeAll(async () => {
  result = (await run(doc, { files })).result!;
});

const powerRow = (site: string, year: number): Record<string, Cell> => {
  const t = result.tables.powerSitesYearly;
  const r = t.rows.find((x) => x[t.columns.indexOf("site")] === site && x[t.columns.indexOf("year")] === year)!;
  return Object.fromEntries(t.columns.map((c, k) => [c, r[k]]));
};

describe("hourlyPower", () => {
  it.each([
    ["Alpha", 2027],
    ["Alpha", 2026],
    ["Beta", 2030],
  ])("%s %i: every hour balances to 1e-6 MWh and the annual sums are its powerSitesYearly row", async (site, year) => {
    const out = await hourlyPower(doc, { site, year, files });
    expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const h = out.value!;
    expect([h.site, h.year, h.stepHours]).toEqual([site, year, 1]);
    for (const k of HOURLY_SERIES) expect(h.hours[k], k).toHaveLength(8760);
    const x = h.hours;
    for (let i = 0; i < 8760; i++) {
      const supply = x.pvMw[i] + x.windMw[i] + x.firmCleanMw[i] + x.batteryDischargeMw[i] + x.gasMw[i] + x.gridImportMw[i] + x.unservedMw[i];
      const uses = x.loadMw[i] + x.batteryChargeMw[i] + x.exportMw[i] + x.curtailmentMw[i];
      expect(Math.abs(supply - uses)).toBeLessThanOrEqual(1e-6);
    }
    const row = powerRow(site, year);
    const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
    const pairs: [keyof typeof x, string][] = [
      ["loadMw", "loadMwh"], ["pvMw", "pvMwh"], ["windMw", "windMwh"], ["firmCleanMw", "firmCleanMwh"], ["batteryChargeMw", "batteryChargeMwh"],
      ["batteryDischargeMw", "batteryDischargeMwh"], ["gasMw", "gasMwh"], ["gridImportMw", "gridImportMwh"], ["exportMw", "exportMwh"],
      ["curtailmentMw", "curtailmentMwh"], ["unservedMw", "unservedMwh"],
    ];
    for (const [series, col] of pairs) expect(Math.abs(sum(x[series]) - (row[col] as number)), col).toBeLessThanOrEqual(1e-6 * Math.max(1, row[col] as number));
    expect(h.metrics.scores.cfeScoreFraction).toBe(row.cfeScoreFraction);
    expect(h.metrics.emissions.locationBasedTco2).toBe(row.locationBasedTco2);
    expect(h.maxBalanceErrorMwh).toBe(row.maxBalanceErrorMwh);
    expect(h.portfolio.pvMw).toBe(row.pvMw);
  });

  it("hours of the year in local standard time: PV at noon, none at midnight; grid CO2 from the profile", async () => {
    const h = (await hourlyPower(doc, { site: "Alpha", year: 2027, files })).value!;
    const day = 172 * 24;
    expect(h.hours.pvMw[day + 12]).toBeGreaterThan(100);
    expect(h.hours.pvMw[day]).toBe(0);
    expect(h.sources.pv).toContain("NSRDB");
    expect(Math.min(...h.hours.gridCo2KgPerMwh)).toBeGreaterThan(0);
    expect(new Set(h.hours.gridCo2KgPerMwh).size).toBeGreaterThan(100);
    const table = hourlyPowerTable(h);
    expect(table.columns).toEqual(["hour", ...HOURLY_SERIES]);
    expect(table.rows[day + 12][table.columns.indexOf("pvMw")]).toBe(h.hours.pvMw[day + 12]);
  });

  it("errors name the option: unknown site, a site without power, a year without load, a bad scenario", async () => {
    const unknown = await hourlyPower(doc, { site: "Gamma", year: 2027, files });
    expect(unknown.value).toBeNull();
    expect(unknown.diagnostics).toContainEqual(expect.objectContaining({ path: "site", severity: "error", message: expect.stringContaining("Alpha, Beta") }));
    const noLoad = await hourlyPower(doc, { site: "Alpha", year: 2025, files });
    expect(noLoad.diagnostics).toContainEqual(expect.objectContaining({ path: "year", message: expect.stringContaining("years with load: 2026, 2027") }));
    const noPower = await hourlyPower({ text: doc.text.replace("    power:\n      portfolio: { gasMw: 40 }\n", ""), name: "x.yaml" }, { site: "Beta", year: 2030, files });
    expect(noPower.diagnostics).toContainEqual(expect.objectContaining({ path: "site", message: expect.stringContaining("no power block") }));
    const bad = await hourlyPower({ text: doc.text.replace("itPowerMw: 200", "itPowerMw: -1"), name: "x.yaml" }, { site: "Alpha", year: 2027, files });
    expect(bad.value).toBeNull();
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ path: "sites[0].phases[0].itPowerMw", severity: "error" }));
  });

  it("representativeSiteYear: the first dispatched site in its first complete year, or a named site", () => {
    expect(representativeSiteYear(result)).toEqual({ site: "Alpha", year: 2027 });
    expect(representativeSiteYear(result, "Beta")).toEqual({ site: "Beta", year: 2028 });
    expect(representativeSiteYear(result, "Gamma")).toBeNull();
  });
});
