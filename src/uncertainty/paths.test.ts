import { describe, expect, it } from "vitest";
import { formatSegments, lookup, parsePath, setAtPath } from "./paths.ts";

describe("scenario paths", () => {
  it.each([
    ["sites[0].phases[1].itPowerMw", ["sites", 0, "phases", 1, "itPowerMw"]],
    ['program.capitalPlanUsdByYear["2027"]', ["program", "capitalPlanUsdByYear", "2027"]],
    ["program.capitalPlanUsdByYear.2027", ["program", "capitalPlanUsdByYear", "2027"]],
    ["accelerators.GB300.unitPriceUsd", ["accelerators", "GB300", "unitPriceUsd"]],
    ["sites[0].phases[0].fleetMix['TPU-v9']", ["sites", 0, "phases", 0, "fleetMix", "TPU-v9"]],
  ])("parses %s", (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
  });

  it.each(["", "a..b", "a[", "a[x]", ".a", "a.", "a[0]b"])("rejects %j", (text) => {
    expect(parsePath(text)).toBeNull();
  });

  it("formats canonically and round-trips", () => {
    expect(formatSegments(["program", "capitalPlanUsdByYear", "2027"])).toBe('program.capitalPlanUsdByYear["2027"]');
    expect(parsePath(formatSegments(["sites", 2, "phases", 0, "pue"]))).toEqual(["sites", 2, "phases", 0, "pue"]);
  });

  it("looks up and writes values, creating missing objects", () => {
    const s = { sites: [{ phases: [{ itPowerMw: 10 }] }], facility: {} as Record<string, unknown> };
    expect(lookup(s, ["sites", 0, "phases", 0, "itPowerMw"])).toEqual({ kind: "value", value: 10 });
    expect(lookup(s, ["sites", 3])).toEqual({ kind: "badIndex", depth: 1, length: 1 });
    expect(lookup(s, ["facility", "pue"])).toEqual({ kind: "missing", depth: 1 });
    expect(lookup(s, ["sites", 0, "phases", 0, "itPowerMw", "x"])).toEqual({ kind: "notContainer", depth: 5 });
    setAtPath(s, ["accelerators", "GB300", "unitPriceUsd"], 5);
    expect((s as Record<string, unknown>).accelerators).toEqual({ GB300: { unitPriceUsd: 5 } });
  });
});
