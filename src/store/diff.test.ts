import { describe, expect, it } from "vitest";
import { comparableSummary, diffValues, flatten } from "./diff.ts";

describe("summary diff", () => {
  it("flattens to the paths diagnostics use", () => {
    const f = flatten({ capexUsdByYear: { "2027": 5 }, delays: [{ phase: "A/1", reasons: [] }], jobs: { permanent: 3 }, empty: {} });
    expect([...f.entries()]).toEqual([
      ['capexUsdByYear["2027"]', 5],
      ["delays[0].phase", "A/1"],
      ["delays[0].reasons", "[]"],
      ["jobs.permanent", 3],
      ["empty", "{}"],
    ]);
  });

  it("lists changed, added and removed fields with the change", () => {
    const changes = diffValues({ a: 100, b: "x", c: 0, d: 1 }, { a: 110, b: "y", c: 2, e: true });
    expect(changes).toEqual([
      { path: "a", a: 100, b: 110, change: 10, changeFraction: 0.1 },
      { path: "b", a: "x", b: "y", change: null, changeFraction: null },
      { path: "c", a: 0, b: 2, change: 2, changeFraction: null },
      { path: "d", a: 1, b: undefined, change: null, changeFraction: null },
      { path: "e", a: undefined, b: true, change: null, changeFraction: null },
    ]);
    expect(diffValues({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });

  it("compares a run's summary without its diagnostics, a simulation's statistics and risk", () => {
    expect(comparableSummary({ kind: "run", result: { summary: { x: 1, diagnostics: [1] }, tables: {} } })).toEqual({ x: 1 });
    const sim = comparableSummary({ kind: "simulation", result: { iterations: 5, seed: 1, method: "mc", targetYear: 2028, outputs: { a: 1 }, risk: {}, convergence: {} } });
    expect(sim).toEqual({ iterations: 5, seed: 1, method: "mc", targetYear: 2028, outputs: { a: 1 }, risk: {} });
  });
});
