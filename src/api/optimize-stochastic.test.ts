/** Issue 13 item 4: `optimize-power --samples N --seed S [--shard k/n]` on the Meta scenario (24-hour steps). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { optimizePowerUnderUncertainty } from "./optimize-stochastic.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";

const file = join(REPO_ROOT, "scenarios", "meta-600b.yaml");
const doc = { text: readFileSync(file, "utf8"), name: file };
const files = nodeInputFiles(file);
const base = { site: "El Paso", seed: 7, hoursPerStep: 24, levelFraction: 0.9, files };

describe("sizing El Paso under the Meta scenario's uncertainty", async () => {
  const full = (await optimizePowerUnderUncertainty(doc, { ...base, samples: 6 })).report!;
  const st = full.stochastic;
  it("solves every sample, the two-stage LP and the mean problem; VSS ≥ 0 and EVPI ≥ 0", () => {
    expect(full.year).toBe(2031);
    expect(st.perSample).toHaveLength(6);
    expect(st.perSample.every((p) => p.status === "optimal")).toBe(true);
    expect(st.robust!.status).toBe("optimal");
    const tol = 1e-7 * st.robust!.expectedCostUsd;
    expect(st.vssUsd!).toBeGreaterThanOrEqual(-tol);
    expect(st.evpiUsd!).toBeGreaterThanOrEqual(-tol);
    expect(st.waitAndSeeUsd!).toBeCloseTo(st.perSample.reduce((a, p) => a + p.objectiveUsd, 0) / 6, 3);
    expect(st.eevUsd! - st.robust!.expectedCostUsd).toBeCloseTo(st.vssUsd!, 3);
    expect(full.inputs).toContain("sites[2].phases[0].powerDelayMonths");
  });
  it("the samples differ (the scenario's delays and utilization reach El Paso's load) and the stats span them", () => {
    const costs = st.perSample.map((p) => p.objectiveUsd);
    expect(Math.max(...costs)).toBeGreaterThan(Math.min(...costs));
    expect(st.perSampleStats!.objectiveUsd.p5).toBeLessThanOrEqual(st.perSampleStats!.objectiveUsd.p95);
  });
  it("is deterministic for a seed in any shard split: shards 0/2 and 1/2 give the full run's per-sample optima", async () => {
    const a = (await optimizePowerUnderUncertainty(doc, { ...base, samples: 6, shard: { index: 0, count: 2 } })).report!;
    const b = (await optimizePowerUnderUncertainty(doc, { ...base, samples: 6, shard: { index: 1, count: 2 } })).report!;
    expect([...a.stochastic.perSample, ...b.stochastic.perSample]).toEqual(st.perSample);
    expect(a.stochastic.sampleRange).toEqual({ start: 0, end: 3 });
    expect(a.stochastic.robust).toBeNull();
    expect(a.diagnostics.some((d) => d.path === "shard" && d.severity === "warning")).toBe(true);
    const again = (await optimizePowerUnderUncertainty(doc, { ...base, samples: 6 })).report!;
    expect(again.stochastic).toEqual(st);
  });
  it("bad options name their field", async () => {
    const bad = await optimizePowerUnderUncertainty(doc, { ...base, samples: 0, shard: { index: 2, count: 2 } });
    expect(bad.report).toBeNull();
    expect(bad.diagnostics.filter((d) => d.severity === "error").map((d) => d.path)).toEqual(["samples", "shard"]);
    const noPower = await optimizePowerUnderUncertainty(doc, { ...base, samples: 2, site: "Nowhere" });
    expect(noPower.diagnostics.find((d) => d.severity === "error")?.path).toBe("site");
  });
});

describe("late new generation as a sampled input", () => {
  it("power.newGenerationDelayYears in `uncertain` (an integer field: samples are rounded) moves the kept portfolio's in-service year", async () => {
    const { stringify } = await import("yaml");
    const text = stringify({
      program: { name: "late generation", currencyBaseYear: 2025, horizonStartMonth: "2025-01", horizonEndMonth: "2028-12", capitalPlanUsdByYear: { "2025": 1e11 } },
      sites: [{
        name: "S", state: "TX", gridRegion: "ERCOT",
        phases: [{ name: "p", itPowerMw: 100, constructionStartMonth: "2025-01", constructionMonths: 6, fleetMix: { GB200: 1 } }],
        power: { portfolioFromYear: { "2026": { firmCleanMw: 80 } }, sizing: { keepPortfolio: true }, target: { kind: "cfe-247", levelFraction: 0 } },
      }],
      uncertain: { "sites[0].power.newGenerationDelayYears": { dist: "uniform", min: 0, max: 1.99 } },
    });
    const r = await optimizePowerUnderUncertainty({ text, name: "late.yaml" }, { site: "S", samples: 8, seed: 3, year: 2026, hoursPerStep: 24 });
    expect(r.report, JSON.stringify(r.diagnostics)).not.toBeNull();
    const firm = r.report!.stochastic.perSample.map((p) => Math.round(p.capacities!.firmCleanMw));
    // on time: the 80 MW contract is a lower bound in 2026; a year late: nothing is kept in 2026
    expect(new Set(firm.map((x) => x >= 80))).toEqual(new Set([true, false]));
    expect(r.diagnostics.some((d) => /changes no simulate or compare output/.test(d.message))).toBe(false);
  });
});
