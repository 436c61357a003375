/**
 * The claim checker on the Meta scenario, and verdict-flip tests: changing one data value (or tolerance) in
 * data/ changes the verdict, which shows that no verdict is typed in.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReferenceData } from "../data/index.ts";
import { run, runText } from "../pipeline/run.ts";
import { parseScenarioText } from "../scenario/load.ts";
import type { Scenario } from "../scenario/schema.ts";
import { checkClaims } from "./check.ts";
import { claimInputs } from "./inputs.ts";
import type { ClaimInputs, Judgment, Verdict } from "./types.ts";

const scenarioFile = fileURLToPath(new URL("../../scenarios/meta-600b.yaml", import.meta.url));
let base: ClaimInputs;

beforeAll(() => {
  const text = readFileSync(scenarioFile, "utf8");
  const { result } = runText(text, scenarioFile);
  base = claimInputs(result!, parseScenarioText(text, scenarioFile).value as Scenario, "scenarios/meta-600b.yaml");
});

/** A deep copy of the inputs except the (large, read-only) model run. */
const copy = (): ClaimInputs => ({ ...structuredClone({ ...base, model: null }), model: base.model });

/** Check claims on a modified copy of the inputs. */
function judgeWith(id: string, change: (x: ClaimInputs) => void = () => {}): Judgment {
  const x = copy();
  change(x);
  return checkClaims(x).judgments.find((j) => j.id === id)!;
}
const verdict = (id: string, change?: (x: ClaimInputs) => void): Verdict => judgeWith(id, change).verdict;

describe("claim checker on the Meta scenario", () => {
  it("judges all 29 claims, each with a test, arithmetic or data, and sources", () => {
    const r = checkClaims(base);
    expect(r.judgments.map((j) => j.id)).toEqual(Array.from({ length: 29 }, (_, i) => `C${String(i + 1).padStart(2, "0")}`));
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(29);
    expect(r.diagnostics).toEqual([]);
    for (const j of r.judgments) {
      expect(j.test.length, j.id).toBeGreaterThan(10);
      expect(j.data.length, j.id).toBeGreaterThan(0);
      for (const d of j.data.filter((u) => u.kind === "data")) expect(d.source, `${j.id} ${d.path}`).not.toMatch(/no provenance entry/);
    }
  });

  it("reaches the verdicts worked out by hand from the data", () => {
    const r = checkClaims(base);
    const v = Object.fromEntries(r.judgments.map((j) => [j.id, j.verdict]));
    expect(v).toMatchObject({
      C01: "holds", C03: "holds", C04: "unit-error", C05: "unit-error", C06: "holds-approximately", C12: "unit-error",
      C13: "off-by-factor", C21: "outdated", C22: "scope-mismatch", C26: "off-by-factor", C28: "unverifiable", C29: "unverifiable",
    });
    const j = (id: string) => r.judgments.find((x) => x.id === id)!;
    // C13: 176 TWh / 5,400 data centers / 12 months = 2.716 GWh per month; 23 / 2.716 = 8.47
    expect(j("C13").factor).toBeCloseTo(23 / (176e3 / 5400 / 12), 6);
    // C26: modelled fleet at the end of 2028, accelerators per GW of facility power; 200,000 is the nearest bound
    const s = base.model.summary;
    expect(j("C26").factor).toBeCloseTo((s.acceleratorsByYear["2028"] / s.facilityPowerMwByYear["2028"]) * 1000 / 200_000, 6);
    expect(j("C21").newerFigure).toBe("125 USD bn/year");
  });
});

describe("verdicts flip when the data change", () => {
  it("C03: Meta's Q3 revenue 51.24 → 60 ($B) turns 'holds' into off-by-factor; 53 into holds-approximately", () => {
    expect(verdict("C03", (x) => (x.peers.companies.META.quarterly!.revenueUsd!["2025Q3"] = 60e9))).toBe("off-by-factor");
    expect(verdict("C03", (x) => (x.peers.companies.META.quarterly!.revenueUsd!["2025Q3"] = 53e9))).toBe("holds-approximately");
  });

  it("C04: with a quarterly operating income of $50B the 'twelve times' would hold; GAAP net income is not the headline measure", () => {
    expect(verdict("C04", (x) => (x.peers.companies.META.quarterly!.operatingIncomeUsd!["2025Q3"] = 50e9))).toBe("holds");
    expect(verdict("C04", (x) => (x.peers.companies.META.quarterly!.netIncomeUsd!["2025Q3"] = 50e9))).not.toBe("holds");
  });

  it("C06: 31 data centers make 'more than 29' hold", () => {
    expect(verdict("C06", (x) => (x.evidence.items.metaDataCenterCount.value = 31))).toBe("holds");
  });

  it("C12: the same claim stated as an energy (24 GWh in the day) is compared, not flagged as a unit error", () => {
    const j = judgeWith("C12", (x) => Object.assign(x.claims.claims[11].stated.dataCenter, { value: 24, unit: "GWh" }));
    expect(j.verdict).toBe("off-by-factor");
    expect(j.factor).toBeCloseTo(24 / (5126 / 365), 6);
  });

  it("C13: 640 US data centers would make 23 GWh per month hold", () => {
    expect(verdict("C13", (x) => (x.evidence.items.usDataCenterCount.value = 640))).toBe("holds");
  });

  it("C18: a tighter approximate tolerance (rules.json) fails 2.2 GW under Entergy's 2,262 MW but not under the later 2,200 MW: contested", () => {
    expect(verdict("C18")).toBe("holds-approximately");
    const j = judgeWith("C18", (x) => (x.rules.approxRelativeTolerance = 0.02));
    expect(j.verdict).toBe("contested");
    const gas = j.parts.find((p) => p.label === "gas capacity")!;
    expect(gas.readings!.map((r) => [r.value, r.verdict])).toEqual([["2,262 MW", "off-by-factor"], ["2,200 MW", "holds"]]);
    expect(gas.detail).toContain("depends on the source (readings 2.2-2.262 GW)");
  });

  it("C21: if Amazon's plan in force at the article had been $101B, the $100B would hold", () => {
    const last = (x: ClaimInputs) => x.peers.companies.AMZN.capexGuidanceUsdByFiscalYear!["2025"].find((g) => g.date === "2025-10-30")!;
    expect(verdict("C21", (x) => Object.assign(last(x), { lowUsd: 101e9, highUsd: 101e9 }))).toBe("holds");
  });

  it("C22: a Morgan Stanley figure for US investment would make the share hold approximately", () => {
    expect(verdict("C22", (x) => Object.assign(x.evidence.items.msDataCenterCapex, { measure: "totalUsInvestment", scope: "US" }))).not.toBe("scope-mismatch");
  });

  it("C23: without Microsoft's quarterly capex, calendar 2025 cannot be summed → unverifiable", () => {
    expect(verdict("C23")).toBe("holds");
    expect(verdict("C23", (x) => delete x.peers.companies.MSFT.quarterly!.capexInclFinanceLeasesUsd!["2026Q2"])).toBe("unverifiable");
  });

  it("C28: a sourced revenue per MW-year decides the asymmetric bet either way", () => {
    const add = (v: number) => (x: ClaimInputs) => (x.evidence.items.aiComputeRevenuePerMwItYear = { label: "test", value: v, unit: "USD m/MW·year", asOf: "2026" });
    expect(verdict("C28", add(20))).toBe("holds");
    expect(verdict("C28", add(5))).toBe("off-by-factor");
  });

  it("C29: once 2030 is past, the water balance is judged from the model and restoration data", () => {
    const j = judgeWith("C29", (x) => (x.rules.dataAsOf = "2031-01-01"));
    expect(j.parts.map((p) => p.verdict)).toEqual(["unverifiable", "off-by-factor"]);
    expect(j.verdict).toBe("off-by-factor");
  });

  it("missing evidence makes a claim unverifiable, with a diagnostic", () => {
    const x = copy();
    delete x.evidence.items.sanFranciscoElectricity;
    const r = checkClaims(x);
    expect(r.judgments.find((j) => j.id === "C12")!.verdict).toBe("unverifiable");
    expect(r.diagnostics.map((d) => d.path)).toEqual(["claims.C12"]);
  });

  it("C26: a model run with three times the watts per accelerator changes GPUs per GW and the verdict", () => {
    const ref: ReferenceData = structuredClone(base.reference);
    for (const a of Object.values(ref.accelerators)) {
      if (a.systemWPerAccelerator !== undefined) a.systemWPerAccelerator *= 3;
      a.tdpW *= 3;
    }
    const { result } = run(base.scenario, ref);
    const j = checkClaims({ ...base, reference: ref, model: result! }).judgments.find((x) => x.id === "C26")!;
    expect(j.verdict).not.toBe("off-by-factor");
  });
});

describe("conflicting sources side by side (issue 12 item 15)", () => {
  it("judges every source's reading, each with its own source, and marks readings after the article", () => {
    const j = judgeWith("C24");
    const jobs = j.parts.find((p) => p.label === "permanent jobs")!;
    expect(jobs.readings!.map((r) => r.label)).toEqual(["Meta (Richland Parish announcement)", "WBRZ", "T&D World (Entergy)"]);
    expect(jobs.readings!.map((r) => r.afterArticle)).toEqual([false, false, true]);
    for (const r of jobs.readings!) expect(r.source).toMatch(/<https:\/\//);
    // each reading is a data use with its own provenance path
    expect(j.data.filter((d) => d.path.startsWith("data/claims/evidence.json#items.hyperionPermanentJobs.readings.")).map((d) => d.path.split("#")[1])).toEqual([
      "items.hyperionPermanentJobs.readings.0.value",
      "items.hyperionPermanentJobs.readings.1.value",
      "items.hyperionPermanentJobs.readings.2.value",
    ]);
  });

  it("a claim that holds under one source and fails under another is contested, with the range of readings", () => {
    const j = judgeWith("C24", (x) => x.evidence.items.hyperionInitialInvestment.readings!.push({ label: "a later report", value: 27, asOf: "2025-10-21" }));
    expect(j.verdict).toBe("contested");
    expect(j.detail).toContain("depends on the source (readings 10-27 USD bn)");
    expect(j.parts[0].readings!.map((r) => r.verdict)).toEqual(["holds", "holds", "off-by-factor"]);
  });

  it("El Paso's disagreeing sources (cost over time, permanent jobs) are shown side by side in C07", () => {
    const j = judgeWith("C07");
    expect(j.steps.join("\n")).toContain("100 (Meta (via El Paso Matters / KVIA), 2025-10-15) vs 200 (Borderplex Alliance (via KURV), 2025-10-15)");
    expect(j.steps.join("\n")).toContain("0.8 USD bn (2023 incentive agreement");
    expect(j.verdict).toBe("holds");
  });
});

describe("headlines use the comparison the claim intends (issue 12 item 16)", () => {
  const setGuidance = (low: number, high: number) => (x: ClaimInputs) => Object.assign(x.peers.companies.META.capexGuidanceUsdByFiscalYear!["2025"][3], { lowUsd: low, highUsd: high });
  it("C02: 'raised' is a direction: unchanged guidance fails (was holds-approximately), a 1 % rise holds (was holds-approximately)", () => {
    const unchanged = judgeWith("C02", setGuidance(66e9, 72e9));
    expect(unchanged.parts[2].verdict).toBe("off-by-factor");
    expect(unchanged.parts[2].detail).toContain("unchanged");
    const small = judgeWith("C02", setGuidance(66e9, 73.38e9)); // midpoint 69.69 vs 69: +1 %
    expect(small.parts[2].verdict).toBe("holds");
    // the actual FY2025 capex (reported after the article) is context, labelled as such
    expect(judgeWith("C02").data.find((d) => d.path.endsWith("capexUsdByFiscalYear.2025"))!.label).toContain("after the article");
  });

  it("C05: 'current revenue' is what was reported by the article's date (Q4 2024-Q3 2025), not FY2025; the scope mix is said", () => {
    const j = judgeWith("C05");
    expect(j.data.some((d) => d.path.includes("revenueUsdByFiscalYear.2025"))).toBe(false);
    const ttm = 48.385 + 42.314 + 47.516 + 51.24;
    expect(j.detail).toContain(`actual ${(600 / ttm).toFixed(3)} year`);
    expect(j.verdict).toBe("unit-error");
    expect(j.mixes![0]).toMatch(/^scopes: the pledge is US total investment .* revenue is Meta's global revenue/);
  });

  it("C11: 'annual revenue' is the four quarters reported by the article's date (189.5), not FY2025 reported after it (was holds on 201)", () => {
    const j = judgeWith("C11");
    expect(j.data.some((d) => d.path.includes("revenueUsdByFiscalYear.2025"))).toBe(false);
    const ttm = 48.385 + 42.314 + 47.516 + 51.24;
    expect(j.detail).toContain(`actual ${ttm.toFixed(1)} USD bn/year`);
    expect(j.verdict).toBe("holds-approximately");
    // FY2025 is not read: changing it changes nothing; the latest full year before the article is the older reading
    expect(verdict("C11", (x) => (x.peers.companies.META.revenueUsdByFiscalYear["2025"] = 150e9))).toBe("holds-approximately");
    // the third quarter reported before the article moves it: 61.7 → 199.9 holds, 30 → 168.2 off by x1.19
    expect(verdict("C11", (x) => (x.peers.companies.META.quarterly!.revenueUsd!["2025Q3"] = 61.7e9))).toBe("holds");
    expect(verdict("C11", (x) => (x.peers.companies.META.quarterly!.revenueUsd!["2025Q3"] = 30e9))).toBe("off-by-factor");
  });

  it("C21: the plan in force at the article's date ($125B, 30 Oct 2025) is compared, not FY2025 capex reported after it ($131B)", () => {
    const j = judgeWith("C21");
    expect(j.verdict).toBe("outdated");
    expect(j.detail).toContain("the latest is 125 USD bn/year");
    expect(j.data.find((d) => d.path.endsWith("capexUsdByFiscalYear.2025"))?.label ?? "").toContain("after the article");
    // the reported capex does not change the verdict; a plan in force at the article that matches $100B does
    expect(verdict("C21", (x) => (x.peers.companies.AMZN.capexUsdByFiscalYear["2025"] = 100e9))).toBe("outdated");
    const inForceAt100 = (x: ClaimInputs) => {
      for (const g of x.peers.companies.AMZN.capexGuidanceUsdByFiscalYear!["2025"]) g.lowUsd = g.highUsd = 100e9;
    };
    expect(verdict("C21", inForceAt100)).toBe("holds");
  });

  it("C16: 'already 25-50 %' mixes today's share with the 2030 projection: a scope-mismatch that says so (was holds-approximately)", () => {
    const j = judgeWith("C16");
    expect(j.verdict).toBe("scope-mismatch");
    expect(j.parts.map((p) => p.verdict)).toEqual(["holds", "scope-mismatch"]);
    expect(j.mixes![0]).toContain("time frames");
    // if no source projected 50 % for a later year, the high end would simply be off by a factor of 2
    const none = judgeWith("C16", (x) => (x.evidence.items.virginiaDcShare2030.readings = x.evidence.items.virginiaDcShare2030.readings!.map((r) => ({ ...r, low: 30, high: 35 }))));
    expect(none.verdict).toBe("off-by-factor");
    expect(none.factor).toBeCloseTo(2, 9);
  });

  it("C18: the renewables are judged under Meta's 'at least' and the LPSC's 'up to' (was Meta's alone: holds), and the mix of owners and dates is said", () => {
    const j = judgeWith("C18");
    const ren = j.parts.find((p) => p.label === "new renewables")!;
    expect(ren.readings!.map((r) => [r.value, r.verdict])).toEqual([
      ["1,500 MW (at least)", "holds"],
      ["1,500 MW (at most)", "holds-approximately"],
      ["1,500 MW", "holds"],
    ]);
    expect(ren.verdict).toBe("holds-approximately");
    expect(j.mixes![0]).toMatch(/^owners and dates: the gas plants are Entergy Louisiana's, approved by the LPSC on 2025-08-20/);
  });
});

describe("claims about what a scenario lacks", () => {
  it("a scenario without the El Paso site judges C12 unverifiable, with the reason, and still judges the rest", () => {
    const file = fileURLToPath(new URL("../../test/fixtures/small.yaml", import.meta.url));
    const text = readFileSync(file, "utf8");
    const { result } = runText(text, file);
    const report = checkClaims(claimInputs(result!, parseScenarioText(text, file).value as Scenario, "small.yaml"));
    const c12 = report.judgments.find((j) => j.id === "C12")!;
    expect(c12.verdict).toBe("unverifiable");
    expect(c12.detail).toContain('no site "El Paso"');
    expect(report.diagnostics.some((d) => d.path === "claims.C12" && d.message.includes("El Paso"))).toBe(true);
    expect(report.judgments).toHaveLength(29);
  });
});
