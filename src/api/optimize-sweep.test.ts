import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { optimizePower } from "./optimize-power.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { sweepLevels } from "../power/optimize/sweep.ts";
import { REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";

const file = join(REPO_ROOT, "scenarios", "meta-600b.yaml");
const doc = { text: readFileSync(file, "utf8"), name: file };

describe("optimize-power --sweep-level: the CFE cost curve", () => {
  it("solves each level; cost never falls as the level rises; the point at the main level equals the main solve", async () => {
    const levels = sweepLevels(0.6, 1.0, 0.1) as number[];
    expect(levels).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
    const out = await optimizePower(doc, { site: "El Paso", year: 2031, hoursPerStep: 24, levelFraction: 0.8, sweepLevels: levels, files: nodeInputFiles(file) });
    const sweep = out.report!.sweep!;
    expect(sweep.map((p) => p.status)).toEqual(["optimal", "optimal", "optimal", "optimal", "optimal"]);
    for (let k = 1; k < sweep.length; k++) {
      expect(sweep[k].objectiveUsd!).toBeGreaterThanOrEqual(sweep[k - 1].objectiveUsd! - 1e-6 * sweep[k - 1].objectiveUsd!);
      expect(sweep[k].targetMarginalCostUsdPerMwh!).toBeGreaterThanOrEqual(sweep[k - 1].targetMarginalCostUsdPerMwh! - 1e-6);
      expect(sweep[k].locationBasedTco2!).toBeLessThanOrEqual(sweep[k - 1].locationBasedTco2! + 1e-6);
    }
    const at80 = sweep[2];
    expect(at80.objectiveUsd!).toBeCloseTo(out.report!.objectiveUsd!, 0);
    expect(at80.targetMarginalCostUsdPerMwh!).toBeCloseTo(out.report!.targetMarginalCostUsdPerMwh!, 6);
    for (const p of sweep) expect(p.cfeScoreFraction!).toBeGreaterThanOrEqual(p.levelFraction - 1e-6);
  }, 60_000);

  it("parses ranges and refuses bad ones", () => {
    expect(sweepLevels(0.7, 1.0, 0.05)).toHaveLength(7);
    expect(sweepLevels(0.7, 1.0, 0.05)).toContain(0.85);
    expect(sweepLevels(0.9, 0.7, 0.1)).toMatch(/0 ≤ from ≤ to ≤ 1/);
    expect(sweepLevels(0, 1, 0)).toMatch(/step must be > 0/);
    expect(sweepLevels(0, 1, 0.001)).toMatch(/at most 201/);
  });
});
