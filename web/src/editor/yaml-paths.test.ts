import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lineSpan, parsePath, spanOfPath } from "./yaml-paths.ts";

const META = readFileSync(new URL("../../../scenarios/meta-600b.yaml", import.meta.url), "utf8");
const lineOfText = (needle: string): number => META.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("parsePath", () => {
  it("reads the paths diagnostics use", () => {
    expect(parsePath("sites[1].phases[0].itPowerMw")).toEqual(["sites", 1, "phases", 0, "itPowerMw"]);
    expect(parsePath('program.capitalPlanUsdByYear["2026"]')).toEqual(["program", "capitalPlanUsdByYear", "2026"]);
    expect(parsePath('fleetMix["TPU-v9"]')).toEqual(["fleetMix", "TPU-v9"]);
    expect(parsePath("(file)")).toBeNull();
    expect(parsePath("--seed")).toBeNull();
  });
});

describe("spanOfPath", () => {
  it("finds the line of a value", () => {
    const s = spanOfPath(META, "sites[0].phases[1].itPowerMw");
    expect(s?.line).toBe(lineOfText("itPowerMw: 911"));
    expect(s?.exact).toBe(true);
    expect(spanOfPath(META, 'program.capitalPlanUsdByYear["2027"]')?.line).toBe(lineOfText("2027: 125e9"));
  });
  it("points a missing field at its closest existing parent", () => {
    const s = spanOfPath(META, "sites[2].phases[0].pue");
    expect(s?.line).toBe(lineOfText("- name: El Paso phase 1"));
    expect(s?.exact).toBe(false);
  });
  it("reads the line of malformed-YAML diagnostics from their message", () => {
    const text = "program:\n  name: x\n  bad: [\n";
    const s = spanOfPath(text, "(file)", "malformed YAML at line 3, column 8: flow sequence");
    expect(s?.line).toBe(3);
    expect(text.slice(s?.start, s?.end)).toBe("  bad: [");
    expect(lineSpan(text, 1)).toEqual({ start: 0, end: 8 });
  });
});
