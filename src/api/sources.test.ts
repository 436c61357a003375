import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sources } from "./sources.ts";
import { referenceData } from "../data/index.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { scenarioNumbers, unitOfName } from "../results/sources-scenario.ts";
import { REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";

const file = join(REPO_ROOT, "scenarios", "meta-600b.yaml");
const text = readFileSync(file, "utf8");
const report = (await sources({ text, name: file }, { files: nodeInputFiles(file) })).value!;

describe("gigaplan sources (Meta scenario)", () => {
  it("lists every reference number the model reads with its value, unit, source and date", () => {
    const pue = report.reference.find((r) => r.file === "data/facility.json" && r.path === "pue")!;
    expect(pue).toMatchObject({ value: referenceData.facility.pue, unit: "", sourced: true, sourceId: "meta-sustainability-pue", date: "2024" });
    expect(pue.source).toMatch(/PUE 1.08/);
    const price = report.reference.find((r) => r.path === "energyPriceUsdPerMwh")!;
    expect(price).toMatchObject({ file: "data/opex.json", unit: "USD per MWh", value: referenceData.opex.energyPriceUsdPerMwh });
    const distance = report.reference.find((r) => r.path === "profileDefaults.localWeatherMaxDistanceKm")!;
    expect(distance).toMatchObject({ value: 100, unit: "km", sourced: false, source: null });
    expect(distance.note).toMatch(/^ASSUMPTION/);
    // claims and peers data serve other commands
    expect(report.reference.some((r) => r.file.startsWith("data/claims/") || r.file.startsWith("data/peers/"))).toBe(false);
    expect(report.counts.referenceSourced + report.counts.referenceAssumed).toBe(report.reference.length);
    expect(report.counts.referenceSourced).toBeGreaterThan(report.counts.referenceAssumed);
  });

  it("lists the scenario's numbers with the comment that sources each, and says which are assumptions", () => {
    const y2024 = report.scenario.find((n) => n.path === 'program.capitalPlanUsdByYear["2024"]')!;
    expect(y2024).toMatchObject({ value: 39.23e9, unit: "USD", status: "cited" });
    expect(y2024.comment).toMatch(/Meta Q4 2024 earnings release/);
    // one comment over the 2027 line covers 2028 too
    expect(report.scenario.find((n) => n.path === 'program.capitalPlanUsdByYear["2028"]')!.status).toBe("assumption");
    const gas = report.scenario.find((n) => n.path === "sites[1].power.portfolio.gasMw")!;
    expect(gas).toMatchObject({ value: 400, status: "cited" });
    expect(gas.comment).toMatch(/Socrates South/);
    expect(report.scenario.find((n) => n.path === "sites[1].power.technology.gasHeatRateMmbtuPerMwh")).toMatchObject({ value: 7.74, status: "assumption" });
    expect(report.scenario.find((n) => n.path === "sites[3].phases[0].itPowerMw")).toMatchObject({ value: 700, unit: "MW", status: "assumption" });
    expect(report.scenario.filter((n) => n.status === "none").map((n) => n.path)).toEqual(["program.currencyBaseYear"]);
  });

  it("shows each site's weather and grid data with station, distance and proxy status", () => {
    const hyperion = report.sites.find((s) => s.site === "Hyperion")!;
    expect(hyperion.location).toEqual({ latitudeDeg: 32.5, longitudeDeg: -91.6, utcOffsetHours: -6 });
    expect(hyperion.profiles.map((p) => [p.kind, p.local])).toEqual([["pv", false], ["gridCarbon", false], ["gridPrice", false]]);
    expect(hyperion.profiles[2]).toMatchObject({ file: null, format: "flat price" });
    expect(hyperion.profiles[0].distanceKm!).toBeGreaterThan(1800);
    expect(hyperion.profiles[0].distanceKm!).toBeLessThan(2000);
    expect(report.counts).toMatchObject({ localProfiles: 0, proxyProfiles: 7 });
  });

  it("ranks the uncertain inputs by their swing of each main output", () => {
    const npv = report.topInputs.find((t) => t.output === "npvUsd")!;
    expect(npv.inputs[0].input).toBe("economics.revenueUsdPerPflopSYear");
    const swings = npv.inputs.map((b) => b.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(npv.inputs.every((b) => b.swing > 0)).toBe(true);
    expect(report.topInputs.map((t) => t.output)).toEqual(["npvUsd", "capexUsdTotal", "itPowerMwTargetYear", "peakFundingGapUsd"]);
  });

  it("a scenario given as an object has no comments to source its numbers, and no ranking without an uncertain block", async () => {
    const r = (await sources({ value: { program: { name: "x", currencyBaseYear: 2025, horizonStartMonth: "2025-01", horizonEndMonth: "2030-12", capitalPlanUsdByYear: { 2025: 1e9 } }, sites: [{ name: "A", state: "TX", gridRegion: "ERCOT", phases: [{ name: "p", itPowerMw: 10, constructionStartMonth: "2025-01", constructionMonths: 12, fleetMix: { GB200: 1 } }] }] } })).value!;
    expect(r.scenario).toEqual([]);
    expect(r.topInputs).toEqual([]);
    expect(r.sites).toEqual([{ site: "A", gridRegion: "ERCOT", location: null, profiles: [] }]);
  });
});

describe("scenario comments and units", () => {
  it("reads units from field names", () => {
    expect(unitOfName("energyPriceUsdPerMwh")).toBe("USD per MWh");
    expect(unitOfName("revenueUsdPerPflopSYear")).toBe("USD per PFLOP/s year");
    expect(unitOfName("capitalPlanUsdByYear")).toBe("USD");
    expect(unitOfName("wueLPerKwh")).toBe("L per kWh");
    expect(unitOfName("pue")).toBe("");
    expect(unitOfName("constructionMonths")).toBe("months");
  });
  it("takes the nearest comment (a block comment covers the lines under it, an inline one its own line), classifies it", () => {
    const n = scenarioNumbers(["a:", "  # source X (2024)", "  xMw: 5", "  yMw: 6 # ASSUMPTION: mine", "  zUsd: 7", "list:", "  - v: 1", "", "  # UNSOURCED: from memory", "  - v: 2"].join("\n"));
    expect(n.map((x) => [x.path, x.status])).toEqual([["a.xMw", "cited"], ["a.yMw", "assumption"], ["a.zUsd", "cited"], ["list[0].v", "none"], ["list[1].v", "unsourced"]]);
  });
});
