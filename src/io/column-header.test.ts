import { describe, expect, it } from "vitest";
import { readableHeader } from "./column-header.ts";

describe("readable column headers with units", () => {
  it.each([
    ["capexUsd", "capex (USD)"],
    ["itPowerMwOnline", "IT power online (MW)"],
    ["itPowerMwUnderConstruction", "IT power under construction (MW)"],
    ["capex_shellCoreUsd", "capex: shell core (USD)"],
    ["depreciation_itUsd", "depreciation: IT (USD)"],
    ["denseBf16FlopPerS", "dense BF16 (FLOP/s)"],
    ["powerCostUsdPerMwh", "power cost (USD/MWh)"],
    ["waccFractionPerYear", "WACC (fraction/yr)"],
    ["gridRegionLoadShareFraction", "grid region load share (fraction)"],
    ["waterMegaliters", "water (ML)"],
    ["locationBasedTco2", "location based (tCO2)"],
    ["batteryMwh", "battery (MWh)"],
    ["delayMonths", "delay (months)"],
    ["startMonth", "start month"],
    ["gasVariableOmUsd", "gas variable O&M (USD)"],
    ["year", "year"],
    ["pue", "PUE"],
    ["leverageDebtToOcf", "leverage debt to OCF"],
  ])("%s → %s", (column, header) => {
    expect(readableHeader(column)).toBe(header);
  });
});
