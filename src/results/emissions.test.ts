/** Issue 14 item 2: embodied carbon, allocated at installation and amortized over life, and the lifecycle total. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { referenceData } from "../data/index.ts";
import { run } from "../pipeline/run.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import { EMBODIED_CATEGORIES, amortizeInto } from "./emissions.ts";

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
const factors = {
  kgCo2ePerAccelerator: 500,
  networkStorageFractionOfServer: 0.2,
  buildingTco2ePerMwIt: 1000,
};

describe("amortizeInto", () => {
  it("spreads an amount evenly over its life and drops what falls past the horizon", () => {
    const out = new Float64Array(10);
    amortizeInto(out, 120, 4, 12);
    expect([...out]).toEqual([0, 0, 0, 0, 10, 10, 10, 10, 10, 10]);
  });
  it("conserves the amount when the life fits (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 }), (amount, start, life) => {
        const out = new Float64Array(start + life);
        amortizeInto(out, amount, start, life);
        expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(amount, 3);
      }),
    );
  });
});

describe("lifecycle emissions of a run (hand-computed)", () => {
  // 100 MW of GB200 online 2026-01; server life 5.5 years (66 months), facility 14 years; horizon 2025-2040.
  const scenario = tinyScenario({ embodiedCarbon: factors });
  scenario.program.horizonEndMonth = "2040-12";
  const r = run(scenario, referenceData, { hourlyPower: false }).result!;
  const e = r.summary.emissions;
  const gb200 = r.inputs.accelerators.GB200;
  const count = (100e6 / gb200.allInWPerAccelerator);

  it("counts each vintage at installation (refreshes again) and each building at its online month", () => {
    const serverT = (count * 500) / 1000;
    const it = serverT * 1.2;
    expect(e.embodiedUpfrontTco2eByYear["2026"]).toBeCloseTo(it + 100 * 1000, 3);
    // the refresh 66 months later (2031-07) installs the same IT MW of the newest generation again
    expect(e.embodiedUpfrontTco2eByYear["2031"]).toBeGreaterThan(0);
    expect(e.embodiedUpfrontTco2eByYear["2025"]).toBe(0);
  });
  it("amortizes: the building's 100,000 t over 14 years, 7,142.9 t a year to 2039; the first fleet over 5.5 years", () => {
    expect(e.embodiedTco2eByCategoryByYear.buildings["2026"]).toBeCloseTo(100_000 / 14, 3);
    expect(e.embodiedTco2eByCategoryByYear.buildings["2039"]).toBeCloseTo(100_000 / 14, 3);
    expect(e.embodiedTco2eByCategoryByYear.buildings["2040"]).toBe(0); // 2026-01 + 14 years: fully amortized
    const serverT = (count * 500) / 1000;
    expect(e.embodiedTco2eByCategoryByYear.accelerators["2026"]).toBeCloseTo((serverT * 12) / 66, 3);
    expect(e.embodiedTco2eByCategoryByYear.networkStorage["2026"]).toBeCloseTo((serverT * 0.2 * 12) / 66, 3);
  });
  it("the embodied total equals the sum of its parts, and lifecycle = operational + embodied", () => {
    for (const y of Object.keys(e.embodiedTco2eByYear)) {
      const parts = EMBODIED_CATEGORIES.reduce((a, c) => a + e.embodiedTco2eByCategoryByYear[c][y], 0);
      expect(e.embodiedTco2eByYear[y]).toBeCloseTo(parts, 6);
      expect(e.lifecycleTco2eByYear[y]).toBeCloseTo(e.operationalLocationTco2ByYear[y] + e.embodiedTco2eByYear[y], 6);
      expect(e.lifecycleMarketTco2eByYear[y]).toBeCloseTo(e.operationalMarketTco2ByYear[y] + e.embodiedTco2eByYear[y], 6);
    }
    expect(e.lifecycleTco2eTotal).toBeCloseTo(sum(e.lifecycleTco2eByYear), 3);
  });
  it("operational emissions of a site without hourly power: facility energy x the region's mean intensity", () => {
    const yearly = r.tables.yearly;
    const col = yearly.columns.indexOf("facilityEnergyMwh");
    const row2027 = yearly.rows.find((x) => x[0] === 2027)!;
    expect(e.operationalLocationTco2ByYear["2027"]).toBeCloseTo(((row2027[col] as number) * referenceData.gridRegions.ERCOT.co2KgPerMwh) / 1000, 3);
    expect(e.operationalMarketTco2ByYear["2027"]).toBe(e.operationalLocationTco2ByYear["2027"]);
    expect(e.operationalBasis.hourlySiteYears).toBe(0);
  });
  it("intensities per MWh of IT energy and per exaFLOP/s-year delivered", () => {
    const itMwh = r.summary.itEnergyMwhByYear["2027"];
    expect(e.lifecycleKgCo2ePerMwhItByYear["2027"]).toBeCloseTo((e.lifecycleTco2eByYear["2027"] * 1000) / itMwh, 6);
    const flops = r.summary.denseBf16FlopPerSByYear["2027"] * r.inputs.facility.utilizationFraction;
    expect(e.deliveredExaflopYearsByYear["2027"]).toBeCloseTo(flops / 1e18, 6);
    expect(e.lifecycleKgCo2ePerMwhItByYear["2025"]).toBeNull();
  });
  it("a per-generation footprint replaces the default for that generation only", () => {
    const own = tinyScenario({ embodiedCarbon: { ...factors, kgCo2ePerAcceleratorByGeneration: { GB200: 1500 } } });
    const r2 = run(own, referenceData, { hourlyPower: false }).result!;
    expect(r2.summary.emissions.embodiedTco2eByCategoryByYear.accelerators["2026"]).toBeCloseTo(e.embodiedTco2eByCategoryByYear.accelerators["2026"] * 3, 3);
  });
  it("an unknown generation is an error at its path", () => {
    const bad = run(tinyScenario({ embodiedCarbon: { kgCo2ePerAcceleratorByGeneration: { NOPE: 1 } } }), referenceData, { hourlyPower: false });
    expect(bad.result).toBeNull();
    expect(bad.diagnostics.find((d) => d.severity === "error")?.path).toBe("embodiedCarbon.kgCo2ePerAcceleratorByGeneration.NOPE");
  });
  it("defaults come from data/embodied-carbon.json", () => {
    const d = run(tinyScenario(), referenceData, { hourlyPower: false }).result!;
    expect(d.inputs.embodiedCarbon.kgCo2ePerAccelerator).toBe(referenceData.embodiedCarbon.itEquipment.kgCo2ePerAccelerator);
    expect(d.inputs.embodiedCarbon.buildingTco2ePerMwIt).toBe(referenceData.embodiedCarbon.building.tco2ePerMwIt);
  });
});

describe("embodied carbon of a dispatched site's power assets", () => {
  const flat = (x: number) => new Float64Array(8760).fill(x);
  const sc = tinyScenario();
  sc.program.horizonEndMonth = "2027-12";
  sc.sites[0].power = {
    portfolio: { pvMw: 50, gasMw: 80, firmCleanMw: 10, batteryMw: 10, batteryMwh: 40 },
    portfolioFromYear: { "2027": { pvMw: 50, gasMw: 80, firmCleanMw: 10, batteryMw: 20, batteryMwh: 100 } },
  };
  const r = run(sc, referenceData, { powerProfiles: { A: { pvCapacityFactor: flat(0.25), gridCo2KgPerMwh: flat(300) } } }).result!;
  const e = r.summary.emissions;
  const rows = r.tables.powerSitesYearly.rows.map((x) => Object.fromEntries(r.tables.powerSitesYearly.columns.map((c, i) => [c, x[i]])) as Record<string, number>);
  const f = referenceData.embodiedCarbon;

  it("PV and firm clean per MWh generated; gas upstream per MMBtu burnt", () => {
    for (const row of rows) {
      const y = String(row.year);
      expect(e.embodiedTco2eByCategoryByYear.pv[y]).toBeCloseTo((row.pvMwh * f.generation.pvKgCo2ePerMwh) / 1000, 6);
      expect(e.embodiedTco2eByCategoryByYear.firmClean[y]).toBeCloseTo((row.firmCleanMwh * f.generation.firmCleanKgCo2ePerMwh) / 1000, 6);
      // the reference CC (5.95 LHV × 1.1078 = 6.591 MMBtu/MWh, 349.8 kg/MWh direct) leaves 490 − 349.8 = 140.2 kg/MWh
      // above combustion: 21.28 kg per MMBtu, times the fuel this site burnt
      const op = referenceData.powerCosts.operation;
      const hr = op.gasHeatRateLhvMmbtuPerMwh * op.naturalGasHhvPerLhvRatio;
      const perMmbtu = (f.generation.gasLifecycleKgCo2ePerMwh - hr * op.gasCo2KgPerMmbtu) / hr;
      expect(perMmbtu).toBeCloseTo(21.28, 2);
      expect(e.embodiedTco2eByCategoryByYear.gasUpstream[y]).toBeCloseTo(((row.gasTco2 * 1000) / op.gasCo2KgPerMmbtu) * perMmbtu / 1000, 6);
      expect(e.operationalLocationTco2ByYear[y]).toBeCloseTo(row.locationBasedTco2, 6);
      expect(e.operationalMarketTco2ByYear[y]).toBeCloseTo(row.marketBasedTco2, 6);
    }
    expect(rows.every((x) => x.gasMwh > 0)).toBe(true);
    expect(e.operationalBasis).toEqual({ hourlySiteYears: 2, gridAverageSiteYears: 0 });
  });
  it("batteries: 40 MWh installed in 2026 and 60 MWh more in 2027, each amortized over its life", () => {
    const perKwh = f.battery.kgCo2ePerKwh;
    const lifeYears = referenceData.powerCosts.technologies.batteryEnergy.lifetimeYears;
    const t2026 = (40 * 1000 * perKwh) / 1000;
    const t2027 = (60 * 1000 * perKwh) / 1000;
    expect(e.embodiedTco2eByCategoryByYear.battery["2026"]).toBeCloseTo(t2026 / lifeYears, 6);
    expect(e.embodiedTco2eByCategoryByYear.battery["2027"]).toBeCloseTo((t2026 + t2027) / lifeYears, 6);
    expect(e.embodiedUpfrontTco2eByYear["2027"]).toBeCloseTo(t2027, 6); // no IT or building installed in 2027
  });
});
