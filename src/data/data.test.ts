import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { dataFiles, MetaFileSchema, referenceAllInW, referenceData, type MetaFile } from "./index.ts";

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(`${dataDir}${name}`, "utf8"));

/** Dot paths of every numeric leaf of a JSON value. */
function numericLeaves(v: unknown, prefix = ""): string[] {
  if (typeof v === "number") return [prefix];
  if (Array.isArray(v)) return v.flatMap((x, i) => numericLeaves(x, prefix ? `${prefix}.${i}` : String(i)));
  if (v !== null && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => numericLeaves(x, prefix ? `${prefix}.${k}` : k));
  return [];
}

const names = Object.keys(dataFiles) as (keyof typeof dataFiles)[];

describe("data files", () => {
  it.each(names)("%s.json parses with its schema", (name) => {
    const raw = readJson(`${name}.json`);
    expect(() => dataFiles[name].schema.parse(raw)).not.toThrow();
  });

  it.each(names)("%s.meta.json documents every numeric leaf of %s.json", (name) => {
    const meta: MetaFile = MetaFileSchema.parse(readJson(`${name}.meta.json`));
    const ids = new Set(meta.sources.map((s) => s.id));
    expect(ids.size, "duplicate source ids").toBe(meta.sources.length);

    const leaves = numericLeaves(readJson(`${name}.json`));
    expect(leaves.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const path of leaves) {
      const f = meta.fields[path];
      if (!f) problems.push(`${path}: no fields entry`);
      else if (f.sourced && !(f.source && ids.has(f.source))) problems.push(`${path}: source "${f.source}" not in sources`);
      else if (!f.sourced && f.note.trim().length < 20) problems.push(`${path}: unsourced without an explanatory note`);
      else if (!f.sourced && f.source !== undefined && !ids.has(f.source)) problems.push(`${path}: unknown source "${f.source}"`);
    }
    // No stale entries for leaves that no longer exist.
    for (const path of Object.keys(meta.fields)) if (!leaves.includes(path)) problems.push(`${path}: fields entry without a data leaf`);
    expect(problems).toEqual([]);
  });
});

describe("referenceData sanity", () => {
  const r = referenceData;

  it("has exactly the required accelerators, all with positive specs", () => {
    expect(Object.keys(r.accelerators).sort()).toEqual(
      ["B200", "GB200", "GB300", "Gaudi3", "H100", "H200", "MI300X", "MI355X", "MTIAv2", "VR200", "VR300"].sort(),
    );
    for (const [id, a] of Object.entries(r.accelerators)) {
      expect(a.tdpW, id).toBeGreaterThan(0);
      expect(a.unitPriceUsd, id).toBeGreaterThan(0);
      expect(a.denseBf16FlopPerS, id).toBeGreaterThan(1e13); // FLOP/s, not TFLOPS
      expect(a.denseBf16FlopPerS, id).toBeLessThan(1e17);
      const allInW = referenceAllInW(a, r.facility);
      expect(allInW, id).toBeGreaterThanOrEqual(a.tdpW);
      expect(allInW / a.tdpW, id).toBeLessThan(2.5);
    }
  });

  it("derives GB200/GB300 per-GPU figures from the NVL72 rack", () => {
    expect(r.accelerators.GB200.systemWPerAccelerator).toBeCloseTo(120_000 / 72, 1);
    expect(r.accelerators.GB300.systemWPerAccelerator).toBeCloseTo(120_000 / 72, 1);
    expect(r.accelerators.GB200.unitPriceUsd).toBeCloseTo(2.5e6 / 72, 1);
    expect(r.accelerators.GB300.unitPriceUsd).toBeCloseTo(3.5e6 / 72, 1);
    expect(r.accelerators.H100.denseBf16FlopPerS).toBeCloseTo(9.894e14, -11);
    expect(r.accelerators.H100.unitPriceUsd).toBe(27_500);
    expect(r.accelerators.Gaudi3.unitPriceUsd).toBe(15_625);
  });

  it("splits the C&W $11.7M/MW into the three facility categories", () => {
    const c = r.capexPerMw;
    const sum = c.shellCoreUsdPerMw + c.electricalMechanicalUsdPerMw + c.siteLandOtherUsdPerMw;
    expect(Math.abs(sum - 11.7e6) / 11.7e6).toBeLessThan(0.01);
    expect(c.electricalMechanicalUsdPerMw / 11.7e6).toBeCloseTo(0.53, 3);
    expect(c.itNonAcceleratorFraction).toBeGreaterThan(0);
    expect(c.itNonAcceleratorFraction).toBeLessThan(1);
  });

  it("land per MW is C&W's $244,000 per acre x El Paso's 1,039 acres for its 1 GW (926 MW of IT)", () => {
    expect(r.capexPerMw.landUsdPerMw).toBeCloseTo((244_000 * 1039) / (1000 / 1.08), -2);
  });

  it("itNonAcceleratorFraction reproduces the derivation in its meta note (Epoch's $38B per GW less the all-in facility cost)", () => {
    const c = r.capexPerMw;
    const gpusPerGw = 1e9 / referenceAllInW(r.accelerators.GB200, r.facility);
    const acceleratorCapex = gpusPerGw * r.accelerators.GB200.unitPriceUsd;
    // hard cost (C&W $11.7M) with soft costs on top, plus land: $13.14M per MW of IT
    const facilityCapex = 1000 * (11.7e6 * (1 + c.softCostFractionOfHardCost) + c.landUsdPerMw);
    expect(facilityCapex / 1e9).toBeCloseTo(13.14, 2);
    expect((38e9 - facilityCapex) / acceleratorCapex - 1).toBeCloseTo(c.itNonAcceleratorFraction, 2);
  });

  it("facility and opex values are in plausible ranges", () => {
    expect(r.facility.pue).toBeGreaterThanOrEqual(1);
    expect(r.facility.pue).toBeLessThan(2);
    expect(r.facility.itOverheadFactorPerTdp).toBeCloseTo(1.53 * 1.14, 3);
    expect(r.facility.utilizationFraction).toBeGreaterThan(0.3);
    expect(r.facility.utilizationFraction).toBeLessThanOrEqual(1);
    expect(r.facility.serverLifeYears).toBe(5.5);
    expect(r.opex.energyPriceUsdPerMwh).toBeGreaterThan(30);
    expect(r.opex.energyPriceUsdPerMwh).toBeLessThan(200);
    expect(r.opex.maintenanceFractionPerYear).toBeLessThan(0.1);
    expect(r.jobs.indirectJobsPerPermanentJob).toBeCloseTo(1000 / 500, 6);
    expect(r.jobs.permanentJobsPerMwOnline).toBe(r.opex.staffPerMw);
  });

  it("has the required grid regions with plausible loads and intensities", () => {
    expect(Object.keys(r.gridRegions).sort()).toEqual(["ERCOT", "MISO", "PJM", "SERC", "US", "WECC-SW"].sort());
    const us = r.gridRegions.US;
    expect(us.annualLoadMwh).toBeGreaterThan(3.5e9);
    expect(us.annualLoadMwh).toBeLessThan(5e9);
    for (const [id, g] of Object.entries(r.gridRegions)) {
      expect(g.co2KgPerMwh, id).toBeGreaterThan(100);
      expect(g.co2KgPerMwh, id).toBeLessThan(1000);
      if (id !== "US") expect(g.annualLoadMwh, id).toBeLessThan(us.annualLoadMwh);
    }
    expect(r.gridRegions.ERCOT.annualLoadMwh / 1e6).toBeGreaterThan(430); // > 2022 EIA-930 total (430.7 TWh)
  });

  it("company financials are in USD (not billions) and consistent", () => {
    const c = r.company;
    expect(c.capexUsdByYear["2024"]).toBe(39.23e9);
    expect(c.capexUsdByYear["2025"]).toBe(72.22e9);
    expect(c.capexGuidanceUsdByYear["2026"]).toEqual({ low: 115e9, high: 135e9 });
    for (const y of ["2024", "2025"]) {
      expect(c.revenueUsdByYear[y]).toBeGreaterThan(1e11);
      expect(c.operatingIncomeUsdByYear[y]).toBeLessThan(c.revenueUsdByYear[y]);
      expect(c.netIncomeUsdByYear[y]).toBeLessThan(c.revenueUsdByYear[y]);
      expect(c.operatingCashFlowUsdByYear[y]).toBeGreaterThan(c.capexUsdByYear[y]);
    }
  });
});

describe("accelerators on one all-in basis, and the announced roadmap (issue 12 items 1 and 9)", () => {
  const r = referenceData;
  const f = r.facility;
  it("the whole-overhead factor is the server factor x the network-and-storage factor (Epoch 1.53 x 1.14)", () => {
    expect(f.itOverheadFactorPerTdp / f.networkStorageOverheadFactor).toBeCloseTo(1.53, 2);
  });
  it("every system-level figure gets the same network-and-storage share; H100 and H200 share a platform and a basis", () => {
    expect(referenceAllInW(r.accelerators.GB200, f)).toBeCloseTo(1900, 1);
    expect(referenceAllInW(r.accelerators.H200, f)).toBe(referenceAllInW(r.accelerators.H100, f));
    // GB200 accelerators per GW of IT: ~526k on the one basis (600k before, which left out network and storage)
    expect(1e9 / referenceAllInW(r.accelerators.GB200, f)).toBeCloseTo(526_316, -1);
  });
  it("roadmap generations are priced on GB300's price per FLOP/s falling at the price-performance trend", () => {
    const { flopPerSPerUsdDoublingYears: d, pricePathAnchor } = r.acceleratorRoadmap;
    const a = r.accelerators[pricePathAnchor];
    for (const id of ["VR200", "VR300"]) {
      const g = r.accelerators[id];
      const expected = (a.unitPriceUsd / a.denseBf16FlopPerS) * g.denseBf16FlopPerS * 2 ** (-(g.firstYearAvailable - a.firstYearAvailable) / d);
      expect(g.unitPriceUsd, id).toBeCloseTo(expected, 1);
      expect(g.firstYearAvailable, id).toBeGreaterThan(a.firstYearAvailable);
    }
    expect(r.accelerators[r.acceleratorRoadmap.projectionBasis].firstYearAvailable).toBe(Math.max(...Object.values(r.accelerators).map((x) => x.firstYearAvailable)));
  });
});

describe("claim evidence cites primary sources (issue 15 item 17)", () => {
  it("no evidence source links to a forum mirror or aggregator thread", () => {
    const meta = JSON.parse(readFileSync(new URL("../../data/claims/evidence.meta.json", import.meta.url), "utf8")) as { sources: { id: string; url: string }[] };
    for (const s of meta.sources) expect(s.url, s.id).not.toMatch(/ycombinator|masterscheme|reddit\.com|\/item\?id=/);
  });
});

describe("evidence readings (issue 12 item 15)", () => {
  it("an item carries either its own figure and date or at least two dated readings, never both", async () => {
    const { EvidenceItemSchema } = await import("./claims.ts");
    const r = (value: number) => ({ label: "a source", value, asOf: "2025-10" });
    expect(EvidenceItemSchema.safeParse({ label: "x", unit: "count", readings: [r(100), r(200)] }).success).toBe(true);
    expect(EvidenceItemSchema.safeParse({ label: "x", unit: "count", readings: [r(100)] }).success).toBe(false);
    expect(EvidenceItemSchema.safeParse({ label: "x", unit: "count", asOf: "2025", readings: [r(100), r(200)] }).success).toBe(false);
    expect(EvidenceItemSchema.safeParse({ label: "x", unit: "count", value: 1, readings: [r(100), r(200)] }).success).toBe(false);
    expect(EvidenceItemSchema.safeParse({ label: "x", unit: "count", value: 1 }).success).toBe(false);
  });
});
