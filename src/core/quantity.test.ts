import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dimensionName, div, format, minus, mismatches, mul, parseUnit, qty, ratio, sameDimension, sum, to, UnitError } from "./quantity.ts";

describe("units", () => {
  it("parses atoms and composites to SI factors", () => {
    expect(parseUnit("USD bn")?.factor).toBe(1e9);
    expect(parseUnit("GWh")?.factor).toBe(3.6e12);
    expect(parseUnit("USD bn/year")?.factor).toBeCloseTo(1e9 / (8760 * 3600), 12);
    expect(parseUnit("USD/W")?.factor).toBe(1);
    expect(parseUnit("MW·year")?.factor).toBe(1e6 * 8760 * 3600);
    expect(parseUnit("furlong")).toBeNull();
    expect(parseUnit("GW/h/s")).toBeNull();
  });

  it("names dimensions: GW is power, GWh energy, GWh/day power again", () => {
    expect(dimensionName(parseUnit("GW")!.dim)).toBe("power");
    expect(dimensionName(parseUnit("GWh")!.dim)).toBe("energy");
    expect(dimensionName(parseUnit("GWh/day")!.dim)).toBe("power");
    expect(dimensionName(parseUnit("USD bn/quarter")!.dim)).toBe("money per time");
    expect(sameDimension(parseUnit("USD/W")!.dim, parseUnit("USD bn/GW")!.dim)).toBe(true);
  });

  it("converts within a dimension (hand-computed cases)", () => {
    expect(to(qty(1, "GW"), "MW")).toBe(1000);
    expect(to(qty(24, "GWh/day"), "GW")).toBeCloseTo(1, 12);
    expect(to(qty(5126, "GWh/year"), "GWh/day")).toBeCloseTo(5126 / 365, 9);
    // A quarterly flow is a quarter of the annual flow.
    expect(to(qty(20, "USD bn/quarter"), "USD bn/year")).toBeCloseTo(80, 9);
    expect(to(qty(1.59, "bn gal"), "ML")).toBeCloseTo(6018.8, 1);
    expect(to(qty(25, "%"), "fraction")).toBe(0.25);
  });

  it("refuses to convert GW to GWh and USD to USD/year", () => {
    expect(() => to(qty(1, "GW"), "GWh")).toThrow(UnitError);
    expect(() => to(qty(600, "USD bn"), "USD bn/year")).toThrow(/money/);
    expect(() => qty(1, "parsec")).toThrow(UnitError);
  });

  it("multiplies and divides with dimension checks", () => {
    const energy = mul(qty(1, "GW"), qty(1, "day"), "GWh");
    expect(to(energy, "GWh")).toBeCloseTo(24, 9);
    const perW = div(qty(900, "USD m"), qty(600, "MW"), "USD/W");
    expect(to(perW, "USD/W")).toBeCloseTo(1.5, 12);
    expect(() => div(qty(900, "USD m"), qty(600, "MWh"), "USD/W")).toThrow(UnitError);
  });

  it("reports dimension, measure and scope mismatches", () => {
    const gw = qty(1, "GW");
    const gwhDay = qty(14, "GWh");
    expect(mismatches(gw, gwhDay).map((m) => m.kind)).toEqual(["dimension"]);
    const revenue = qty(51.24, "USD bn/quarter", { measure: "revenue" });
    const profit = qty(2.71, "USD bn/quarter", { measure: "netIncome" });
    expect(mismatches(revenue, profit)).toEqual([{ kind: "measure", message: "revenue vs netIncome" }]);
    const global = qty(2.9, "USD tn", { scope: "global" });
    const us = qty(600, "USD bn", { scope: "US" });
    expect(mismatches(global, us).map((m) => m.kind)).toEqual(["scope"]);
    expect("mismatch" in ratio(gw, gwhDay)).toBe(true);
    expect(ratio(us, global)).toEqual({ value: 600e9 / 2.9e12 });
  });

  it("sums keep agreeing tags and drop conflicting ones", () => {
    const a = qty(72.22, "USD bn/year", { measure: "capex", scope: "global" });
    const b = qty(91.45, "USD bn/year", { measure: "capex", scope: "global" });
    const s = sum([a, b], "USD bn/year");
    expect(to(s, "USD bn/year")).toBeCloseTo(163.67, 9);
    expect(s.measure).toBe("capex");
    expect(sum([a, qty(1, "USD bn/year", { measure: "revenue" })], "USD bn/year").measure).toBeUndefined();
    expect(() => sum([a, qty(1, "USD bn")], "USD bn/year")).toThrow(UnitError);
  });

  it("subtracts within a dimension only", () => {
    expect(to(minus(qty(600, "USD bn"), qty(59.8, "USD bn"), "USD bn"), "USD bn")).toBeCloseTo(540.2, 9);
    expect(() => minus(qty(600, "USD bn"), qty(1, "USD bn/year"), "USD bn")).toThrow(UnitError);
  });

  it("makes a head count explicit: staff per MW x cost per staff member per year is money per MW-year", () => {
    const staff = qty(0.25, "count/MW");
    expect(() => mul(staff, qty(107_900, "USD/year"), "USD/MW·year")).toThrow(UnitError);
    expect(to(mul(staff, qty(107_900, "USD/count·year"), "USD/MW·year"), "USD/MW·year")).toBeCloseTo(26_975, 6);
  });

  it("formats with units", () => {
    expect(format(qty(16.32, "GWh/day"))).toBe("16.32 GWh/day");
    expect(format(qty(1, "GW"), "MW")).toBe("1,000 MW");
  });

  it("round-trips any value through any unit of its dimension (property)", () => {
    const pairs: [string, string][] = [["GW", "kW"], ["TWh", "MWh"], ["USD bn/quarter", "USD m/month"], ["ML", "gal"], ["%", "x"]];
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(...pairs), (v, [a, b]) => {
        const back = to(qty(to(qty(v, a), b), b), a);
        expect(back).toBeCloseTo(v, 6);
      }),
    );
  });
});
