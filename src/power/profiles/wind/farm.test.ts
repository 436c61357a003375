import { describe, expect, it } from "vitest";
import { checkWindFarmSpec, lossMultiplier, runWindFarm, simulateWindFarm, type WindFarmSpec } from "./farm.ts";
import type { PowerCurve } from "./power-curve.ts";
import type { WindField, WindFieldKind, WindResource } from "./resource.ts";

const curve: PowerCurve = {
  windSpeedsMps: Float64Array.from([0, 3, 4, 6, 8, 10, 12, 25, 25.25]),
  powerKw: Float64Array.from([0, 0, 50, 250, 650, 1150, 2000, 2000, 0]),
};

/** One year at 80 m: speed cycles through 0..14 m/s, direction turns 7° per hour, 1 atm / 15 °C. */
function resource(): WindResource {
  const col = (kind: WindFieldKind, f: (h: number) => number): WindField => ({ kind, heightM: 80, values: Float64Array.from({ length: 8760 }, (_, h) => f(h)) });
  return {
    latitudeDeg: null, longitudeDeg: null, elevationM: null, year: null, timeZoneHours: null, locationId: "", description: "", hours: 8760, heightsM: [80],
    fields: [col("speed", (h) => h % 15), col("direction", (h) => (h * 7) % 360), col("temperature", () => 15), col("pressure", () => 1)],
  };
}
const base: WindFarmSpec = { turbine: { powerCurve: curve, rotorDiameterM: 90, hubHeightM: 80 }, turbineCount: 16 };

describe("runWindFarm", () => {
  const simple = simulateWindFarm(resource(), base);

  it("sums hours into months and the year; capacity factor on the curve's rating", () => {
    expect(simple.netKw.length).toBe(8760);
    expect(simple.monthlyEnergyKwh).toHaveLength(12);
    expect(simple.monthlyEnergyKwh.reduce((a, b) => a + b, 0)).toBeCloseTo(simple.annualEnergyKwh, 3);
    let jan = 0;
    for (let h = 0; h < 744; h++) jan += simple.netKw[h];
    expect(simple.monthlyEnergyKwh[0]).toBeCloseTo(jan, 6);
    expect(simple.nameplateKw).toBe(32_000);
    expect(simple.capacityFactorFraction).toBeCloseTo(simple.annualEnergyKwh / (32_000 * 8760), 12);
    expect(simple.wakeLossPercent).toBeGreaterThan(0);
    expect(simple.averageHubSpeedMps).toBeCloseTo(7, 1);
  });

  it("no wake model: net = gross; constant model: net = gross × (1 − loss) like ssc's constant option", () => {
    const none = simulateWindFarm(resource(), { ...base, wakeModel: "none" });
    expect(none.annualEnergyKwh).toBeCloseTo(none.annualGrossEnergyKwh, 6);
    expect(none.annualGrossEnergyKwh).toBeCloseTo(simple.annualGrossEnergyKwh, 6);
    const constant = simulateWindFarm(resource(), { ...base, wakeModel: "constant", constantWakeLossPercent: 5 });
    expect(constant.annualEnergyKwh).toBeCloseTo(constant.annualGrossEnergyKwh * 0.95, 4);
    expect(constant.wakeLossPercent).toBeCloseTo(5, 9);
  });

  it("applies availability, electrical and other losses multiplicatively after wakes", () => {
    const losses = { availabilityPercent: 2, electricalPercent: 3, otherPercent: 1 };
    expect(lossMultiplier(losses)).toBeCloseTo(0.98 * 0.97 * 0.99, 15);
    const lossy = simulateWindFarm(resource(), { ...base, losses });
    expect(lossy.annualEnergyKwh).toBeCloseTo(simple.annualEnergyKwh * 0.98 * 0.97 * 0.99, 4);
    expect(lossy.wakeLossPercent).toBeCloseTo(simple.wakeLossPercent, 12);
    expect(lossy.otherLossesPercent).toBeCloseTo((1 - 0.98 * 0.97 * 0.99) * 100, 12);
  });

  it("does not mutate its inputs", () => {
    const r = resource();
    const before = Array.from(r.fields[0].values);
    const spec: WindFarmSpec = { ...base, turbine: { ...base.turbine, hubHeightM: 100 } };
    simulateWindFarm(r, spec);
    expect(Array.from(r.fields[0].values)).toEqual(before);
    expect(Array.from(curve.windSpeedsMps)).toEqual([0, 3, 4, 6, 8, 10, 12, 25, 25.25]);
  });
});

describe("checkWindFarmSpec", () => {
  it("lists every problem with its path", () => {
    const bad: WindFarmSpec = {
      turbine: { powerCurve: curve, rotorDiameterM: 0, hubHeightM: -1 },
      turbineCount: 3,
      layout: { xM: Float64Array.from([0, 0]), yM: Float64Array.from([0, 0]) },
      shearExponent: 2,
      losses: { availabilityPercent: 120 },
      wakeModel: "constant",
    };
    expect(checkWindFarmSpec(bad).map((d) => d.path)).toEqual([
      "farm.turbine.rotorDiameterM",
      "farm.turbine.hubHeightM",
      "farm.layout[1]",
      "farm.layout",
      "farm.shearExponent",
      "farm.constantWakeLossPercent",
      "farm.losses.availabilityPercent",
    ]);
  });

  it("runWindFarm returns diagnostics (never throws); simulateWindFarm throws for programmers", () => {
    const out = runWindFarm(resource(), { ...base, turbineCount: 0 });
    expect(out.value).toBeNull();
    expect(out.diagnostics[0].path).toBe("farm.turbineCount");
    expect(() => simulateWindFarm(resource(), { ...base, turbineCount: 0 })).toThrow(/turbineCount/);
  });
});
