import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { nodeInputFiles } from "../io/input-files.ts";
import { checkScenarioObject } from "../scenario/load.ts";
import type { Scenario } from "../scenario/schema.ts";
import { loadPowerProfiles } from "./profiles.ts";
import { PHOENIX_TMY2, REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";
import { tmy2AsEpw } from "../../test/helpers/weather-layouts.ts";

const base = parse(readFileSync(join(REPO_ROOT, "test", "fixtures", "small.yaml"), "utf8"));
const dir = mkdtempSync(join(tmpdir(), "gigaplan-profiles-"));
writeFileSync(join(dir, "phoenix.epw"), tmy2AsEpw(gunzipSync(readFileSync(join(REPO_ROOT, "data", "weather", `${PHOENIX_TMY2}.gz`))).toString("utf8")));
// An EIA-930 extract in the bundled layout, under another name: stands for a user's own balancing-area file.
writeFileSync(join(dir, "own-ba.csv"), gunzipSync(readFileSync(join(REPO_ROOT, "data", "grid", "ERCO_2022_hourly_fuelmix_avgCI.csv.gz"))));
const scenarioFile = join(dir, "s.yaml");

function scenario(site0: Record<string, unknown>): Scenario {
  const doc = structuredClone(base);
  Object.assign(doc.sites[0], site0);
  const s = checkScenarioObject(doc);
  if (!s.value) throw new Error(JSON.stringify(s.diagnostics));
  return s.value;
}

const load = (s: Scenario) => loadPowerProfiles(s, nodeInputFiles(scenarioFile), { sites: [s.sites[0].name] });

describe("site data: local or proxy, and provenance", () => {
  const pv = { portfolio: { pvMw: 100, windMw: 50 } };

  it("a station within the distance limit of the site's location is local weather: no proxy warning, the distance is reported", async () => {
    // Phoenix Sky Harbor is about 10 km from downtown Phoenix (33.45, -112.07)
    const s = scenario({ gridRegion: "ERCOT", location: { latitudeDeg: 33.45, longitudeDeg: -112.07 }, power: { ...pv, weather: { solarFile: "phoenix.epw", windFile: "phoenix.epw" } } });
    const r = await load(s);
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message)).toEqual([
      expect.stringMatching(/^derived hub-height wind: .* shear exponent 0.14/),
    ]);
    const p = r.value![s.sites[0].name].provenance!;
    expect(p.map((x) => [x.kind, x.local, x.format, x.period])).toEqual([
      ["pv", true, "EPW (TMY3)", "typical year"],
      ["wind", true, "EPW station wind (10 m, scaled)", "typical year"],
      ["gridCarbon", true, "EIA-930 ERCO", "2022"],
      ["gridPrice", false, "flat price", ""],
    ]);
    expect(p[0].distanceKm!).toBeGreaterThan(3);
    expect(p[0].distanceKm!).toBeLessThan(10);
    expect(p[0]).toMatchObject({ file: "phoenix.epw", origin: "scenario", station: { latitudeDeg: 33.433333, longitudeDeg: -112.016667 } });
    expect(r.diagnostics.some((d) => d.severity === "info" && /local weather: the solar station lies \d+ km/.test(d.message))).toBe(true);
  });

  it("a far station is proxy weather even when marked local, and the warning names the distance", async () => {
    const s = scenario({ gridRegion: "ERCOT", location: { latitudeDeg: 32.5, longitudeDeg: -91.6 }, power: { portfolio: { pvMw: 100 }, weather: { solarFile: "phoenix.epw", local: true } } });
    const r = await load(s);
    const w = r.diagnostics.filter((d) => d.severity === "warning");
    expect(w).toHaveLength(1);
    expect(w[0].path).toBe("sites[0].power.weather.solarFile");
    expect(w[0].message).toMatch(/lies 19\d\d km from Alpha Campus, beyond 100 km/);
    expect(r.value![s.sites[0].name].provenance![0].local).toBe(false);
  });

  it("without a location, the weather.local flag decides, as before", async () => {
    const local = await load(scenario({ gridRegion: "ERCOT", power: { portfolio: { pvMw: 100 }, weather: { solarFile: "phoenix.epw", local: true } } }));
    expect(local.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    const proxy = await load(scenario({ gridRegion: "ERCOT", power: { portfolio: { pvMw: 100 } } }));
    expect(proxy.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message)).toEqual([expect.stringMatching(/^proxy weather: .* is not marked local/)]);
  });

  it("the grid region selects its bundled EIA-930 file; a region without one gets the scaled proxy shape; power.grid overrides both", async () => {
    const own = await load(scenario({ gridRegion: "PJM", power: { portfolio: {}, grid: { fuelMixFile: "own-ba.csv", balancingAuthority: "PJM", utcOffsetHours: -5 } } }));
    expect(own.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    const ownProfile = own.value!["Alpha Campus"];
    expect(ownProfile.provenance![0]).toMatchObject({ kind: "gridCarbon", local: true, file: "own-ba.csv", origin: "scenario", format: "EIA-930 PJM" });
    const proxy = await load(scenario({ gridRegion: "PJM", power: { portfolio: {} } }));
    expect(proxy.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message)).toEqual([expect.stringMatching(/^proxy grid carbon: the hourly shape of ERCOT 2022/)]);
    const proxyProfile = proxy.value!["Alpha Campus"];
    expect(proxyProfile.provenance![0]).toMatchObject({ local: false, format: "EIA-930 ERCO (proxy shape)" });
    // the own file is the ERCOT series read on Eastern time: local hour h is UTC h+5, on Central time local hour h-1; unscaled
    const ercot = await load(scenario({ gridRegion: "ERCOT", power: { portfolio: {} } }));
    const a = ownProfile.gridCo2KgPerMwh!;
    const b = ercot.value!["Alpha Campus"].gridCo2KgPerMwh!;
    expect(a[100]).toBeCloseTo(b[99], 9);
    expect(a[5000]).toBeCloseTo(b[4999], 9);
  });

  it("a real EIA-930 fuel mix also gives each hour's share by fuel (for the water of grid imports); a proxy shape does not", async () => {
    const ercot = (await load(scenario({ gridRegion: "ERCOT", power: { portfolio: {} } }))).value!["Alpha Campus"];
    const mix = ercot.gridMixFraction!;
    expect(Object.keys(mix).sort()).toEqual(["COL", "NG", "NUC", "OIL", "OTH", "SUN", "WAT", "WND"]);
    for (const h of [0, 12, 4000, 8759]) expect(Object.values(mix).reduce((s, a) => s + a[h], 0)).toBeCloseTo(1, 9);
    // no sun at local midnight in Texas
    expect(mix.SUN[0]).toBe(0);
    const gen = ercot.gridCo2KgPerMwh!.length;
    expect(gen).toBe(8760);
    const proxy = (await load(scenario({ gridRegion: "PJM", power: { portfolio: {} } }))).value!["Alpha Campus"];
    expect(proxy.gridMixFraction).toBeUndefined();
  });

  it("an unreadable or malformed grid file is an error at the scenario path", async () => {
    writeFileSync(join(dir, "bad-ba.csv"), "timestamp,NG\n2022-01-01 00:00:00+00:00,abc\n");
    const r = await load(scenario({ gridRegion: "PJM", power: { portfolio: {}, grid: { fuelMixFile: "bad-ba.csv", balancingAuthority: "PJM", utcOffsetHours: -5 } } }));
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].path).toMatch(/^sites\[0\]\.power\.grid\.fuelMixFile \(.*bad-ba\.csv:2/);
  });
});

describe("hourly grid prices", () => {
  it("power.grid.priceFile prices grid purchases by the hour on the site's clock; without it the flat price is noted", async () => {
    const hours = Array.from({ length: 8760 }, (_, h) => `${new Date(Date.UTC(2023, 0, 1, 1 + h)).toISOString().replace("T", " ").slice(0, 19)},${(h % 24) - 5}`);
    writeFileSync(join(dir, "lmp.csv"), ["utc_hour_ending,lmp_usd_per_mwh", ...hours].join("\n"));
    const s = scenario({ gridRegion: "ERCOT", power: { portfolio: {}, grid: { priceFile: "lmp.csv", utcOffsetHours: -6 } } });
    const r = await load(s);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const prof = r.value!["Alpha Campus"];
    // local (UTC-6) hour 0 of Jan 1 is 06:00-07:00 UTC, the row ending 07:00 (h = 6): price 6 % 24 - 5 = 1
    expect(prof.gridPriceUsdPerMwh![0]).toBe(1);
    expect(prof.gridPriceUsdPerMwh![1]).toBe(2);
    expect(prof.gridPriceUsdPerMwh![18]).toBe(-5);
    expect(prof.provenance!.find((p) => p.kind === "gridPrice")).toMatchObject({ file: "lmp.csv", local: true, period: "2023" });
    const flat = await load(scenario({ gridRegion: "ERCOT", power: { portfolio: {}, prices: { gridPriceUsdPerMwh: 70 } } }));
    expect(flat.value!["Alpha Campus"].gridPriceUsdPerMwh).toBeUndefined();
    expect(flat.diagnostics.find((d) => d.path === "sites[0].power.prices.gridPriceUsdPerMwh")!.message).toMatch(/flat price every hour: prices.gridPriceUsdPerMwh 70 USD\/MWh/);
  });

  it("a price file with two columns or an absurd price is an error naming the line", async () => {
    writeFileSync(join(dir, "lmp2.csv"), "t,a,b\n2023-01-01 01:00,1,2\n");
    const two = await load(scenario({ gridRegion: "ERCOT", power: { portfolio: {}, grid: { priceFile: "lmp2.csv", utcOffsetHours: -6 } } }));
    expect(two.diagnostics.find((d) => d.severity === "error")!.message).toMatch(/expected one price column/);
    writeFileSync(join(dir, "lmp3.csv"), "t,p\n2023-01-01 01:00,1\n2023-01-01 02:00,99999\n");
    const big = await load(scenario({ gridRegion: "ERCOT", power: { portfolio: {}, grid: { priceFile: "lmp3.csv", utcOffsetHours: -6 } } }));
    expect(big.diagnostics.find((d) => d.severity === "error")!.path).toMatch(/lmp3\.csv:3:2\)$/);
  });

  it("the schema asks for a file and for the balancing authority of a fuel-mix file", () => {
    const doc = structuredClone(base);
    doc.sites[0].power = { grid: { utcOffsetHours: -6 } };
    expect(checkScenarioObject(doc).diagnostics.map((d) => d.message).join(" ")).toMatch(/give fuelMixFile, priceFile or both/);
    doc.sites[0].power = { grid: { utcOffsetHours: -6, fuelMixFile: "x.csv" } };
    expect(checkScenarioObject(doc).diagnostics.map((d) => d.path)).toContain("sites[0].power.grid.balancingAuthority");
  });
});

describe("hourly grid prices in the run", () => {
  it("a price file of 200 USD/MWh every hour raises the grid cost 4x over a flat 50 USD/MWh", async () => {
    const { run } = await import("../api/run.ts");
    const hours = Array.from({ length: 8760 }, (_, h) => `${new Date(Date.UTC(2026, 0, 1, 1 + h)).toISOString().replace("T", " ").slice(0, 19)},200`);
    writeFileSync(join(dir, "lmp200.csv"), ["utc_hour_ending,lmp_usd_per_mwh", ...hours].join("\n"));
    const cost = async (power: Record<string, unknown>) => {
      const doc = structuredClone(base);
      Object.assign(doc.sites[0], { gridRegion: "ERCOT", power });
      const r = await run({ value: doc }, { files: nodeInputFiles(scenarioFile) });
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      return r.result!.summary.power.costUsdByYear["2028"];
    };
    const flat = await cost({ portfolio: {}, prices: { gridPriceUsdPerMwh: 50, carbonPriceUsdPerTco2: 0 } });
    const hourly = await cost({ portfolio: {}, prices: { gridPriceUsdPerMwh: 50, carbonPriceUsdPerTco2: 0 }, grid: { priceFile: "lmp200.csv", utcOffsetHours: -6 } });
    expect(flat).toBeGreaterThan(0);
    expect(hourly / flat).toBeCloseTo(4, 6);
  });
});
