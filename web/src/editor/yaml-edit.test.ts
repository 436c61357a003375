import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { deleteIn, formatNumber, formatScalar, setIn } from "./yaml-edit.ts";

const META = readFileSync(new URL("../../../scenarios/meta-600b.yaml", import.meta.url), "utf8");

/** Lines of `b` that are not in `a` (a multiset difference, enough to see what an edit touched). */
function changedLines(a: string, b: string): string[] {
  const left = a.split("\n");
  return b.split("\n").filter((l) => {
    const i = left.indexOf(l);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

describe("formatNumber", () => {
  it("writes numbers as people write them in scenarios", () => {
    expect(formatNumber(125e9)).toBe("125e9");
    expect(formatNumber(213.75e9)).toBe("213.75e9");
    expect(formatNumber(12e6)).toBe("12e6");
    expect(formatNumber(1.08)).toBe("1.08");
    expect(formatNumber(0.68)).toBe("0.68");
    expect(formatNumber(926)).toBe("926");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(-3e9)).toBe("-3e9");
  });
  it("quotes only strings that YAML would read as something else", () => {
    expect(formatScalar("2026-03")).toBe("2026-03");
    expect(formatScalar("Phase 1")).toBe("Phase 1");
    expect(formatScalar("true")).toBe('"true"');
    expect(formatScalar("12")).toBe('"12"');
    expect(formatScalar("a: b")).toBe('"a: b"');
  });
});

describe("setIn", () => {
  it("replaces a value in place and keeps every other line, comments and number formats", () => {
    const out = setIn(META, ["sites", 0, "phases", 1, "itPowerMw"], 1200);
    expect(changedLines(META, out)).toEqual(["        itPowerMw: 1200"]);
    expect(parse(out).sites[0].phases[1].itPowerMw).toBe(1200);
    const plan = setIn(META, ["program", "capitalPlanUsdByYear", "2026"], 130e9);
    expect(changedLines(META, plan)).toEqual(["    2026: 130e9"]);
  });

  it("inserts a missing field into its closest mapping (a new block at the end when the parent is missing)", () => {
    const out = setIn(META, ["facility", "pue"], 1.2);
    expect(parse(out).facility).toEqual({ pue: 1.2 });
    expect(changedLines(META, out)).toEqual(["facility:", "  pue: 1.2"]);
    const twice = setIn(out, ["facility", "utilizationFraction"], 0.7);
    expect(parse(twice).facility).toEqual({ pue: 1.2, utilizationFraction: 0.7 });
    const opex = setIn(META, ["opex", "energyPriceUsdPerMwh"], 95);
    expect(parse(opex).opex).toEqual({ energyPriceUsdPerMwh: 95 });
  });

  it("adds a key to a nested block mapping at its indentation", () => {
    const out = setIn(META, ["program", "capitalPlanUsdByYear", "2029"], 0);
    const plan = parse(out).program.capitalPlanUsdByYear;
    expect(plan[2029]).toBe(0);
    expect(plan[2028]).toBe(125e9);
    expect(parse(out).program.unspentCapitalCarriesOver).toBe(true);
  });

  it("rewrites a flow mapping as one when a key is added", () => {
    const out = setIn(META, ["sites", 0, "phases", 0, "fleetMix", "H100"], 0);
    expect(parse(out).sites[0].phases[0].fleetMix).toEqual({ GB200: 0.6, GB300: 0.4, H100: 0 });
    expect(changedLines(META, out)).toEqual(["        fleetMix: { GB200: 0.6, GB300: 0.4, H100: 0 }"]);
  });

  it("edits a value inside a flow mapping in place", () => {
    const out = setIn(META, ["sites", 0, "phases", 0, "fleetMix", "GB200"], 0.5);
    expect(changedLines(META, out)).toEqual(["        fleetMix: { GB200: 0.5, GB300: 0.4 }"]);
  });

  it("refuses malformed YAML and values that are not scalars", () => {
    expect(() => setIn("a: [", ["a"], 1)).toThrow(/errors/);
    expect(() => setIn(META, ["program"], 1)).toThrow(/not a single value/);
  });
});

describe("deleteIn", () => {
  it("removes a block field with its line, and a flow entry", () => {
    const withPue = setIn(META, ["facility", "pue"], 1.2);
    const again = deleteIn(withPue, ["facility", "pue"]);
    expect(parse(again).facility ?? null).toBeNull();
    const mix = deleteIn(META, ["sites", 0, "phases", 0, "fleetMix", "GB300"]);
    expect(parse(mix).sites[0].phases[0].fleetMix).toEqual({ GB200: 0.6 });
    expect(deleteIn(META, ["nothing", "here"])).toBe(META);
  });
});
