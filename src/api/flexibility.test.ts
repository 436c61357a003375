import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { optimizePower } from "./optimize-power.ts";
import { run } from "./run.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";

const file = join(REPO_ROOT, "scenarios", "meta-600b.yaml");
const base = parse(readFileSync(file, "utf8"));
const files = nodeInputFiles(file);
const EL_PASO = 2;

/** The Meta scenario with El Paso's flexibility set (undefined: none). */
function withFlex(flexibility?: Record<string, unknown>) {
  const s = structuredClone(base);
  if (flexibility) s.sites[EL_PASO].power.flexibility = flexibility;
  return { text: stringify(s), name: file };
}

const size = async (flexibility?: Record<string, unknown>, hoursPerStep = 24) =>
  (await optimizePower(withFlex(flexibility), { site: "El Paso", year: 2031, hoursPerStep, levelFraction: 0.9, files })).report!;

describe("flexible AI load in optimize-power (issue 13 item 1)", () => {
  it("flexibleLoadFraction 0 is the model without flexibility, exactly", async () => {
    const none = await size();
    const zero = await size({ flexibleLoadFraction: 0 });
    expect(zero.objectiveUsd).toBe(none.objectiveUsd);
    expect(zero.lp).toEqual(none.lp);
    expect(zero.flexibility).toBeNull();
  }, 60_000);

  it("more flexible load never raises the optimal cost, and moved load is conserved (3-hour steps, 24-hour windows)", async () => {
    const costs: number[] = [];
    for (const f of [0, 0.1, 0.2, 0.4]) {
      const r = await size(f === 0 ? undefined : { flexibleLoadFraction: f, shiftWindowHours: 24 }, 3);
      costs.push(r.objectiveUsd!);
      if (f > 0) {
        expect(r.flexibility!.shiftedMwh).toBeGreaterThan(0);
        expect(r.flexibility!.droppedMwh).toBe(0);
        // shifting moves energy, it does not remove it: the served load equals the planned load over the year
        expect(r.optimum!.energy.loadMwh).toBeCloseTo(r.scenarioPortfolio.metrics.energy.loadMwh, -1);
      }
    }
    for (let k = 1; k < costs.length; k++) expect(costs[k]).toBeLessThanOrEqual(costs[k - 1] * (1 + 1e-9));
    expect(costs[2]).toBeLessThan(costs[0] * 0.97);
  }, 120_000);

  it("with a curtailment cost the LP may drop up to the flexible share of the load; a cheap drop costs no more than a dear one", async () => {
    const cheap = await size({ flexibleLoadFraction: 0.2, shiftWindowHours: 24, curtailmentCostUsdPerMwh: 1 });
    expect(cheap.flexibility!.droppedMwh).toBeGreaterThan(0);
    // at most the flexible share of the load is dropped
    expect(cheap.flexibility!.droppedMwh).toBeLessThanOrEqual(0.2 * cheap.scenarioPortfolio.metrics.energy.loadMwh * (1 + 1e-9));
    const dear = await size({ flexibleLoadFraction: 0.2, shiftWindowHours: 24, curtailmentCostUsdPerMwh: 1e5 });
    expect(dear.flexibility!.droppedMwh).toBeLessThan(1);
    expect(cheap.objectiveUsd!).toBeLessThanOrEqual(dear.objectiveUsd!);
  }, 60_000);
});

describe("flexible AI load in the hourly dispatch of run", () => {
  it("moves load toward clean surplus: same energy, a higher 24/7 score; 0 changes nothing", async () => {
    const HYPERION = 0;
    const power = async (flexibility?: Record<string, unknown>) => {
      const s = structuredClone(base);
      if (flexibility) s.sites[HYPERION].power.flexibility = flexibility;
      const r = await run({ text: stringify(s), name: file }, { files });
      const rows = r.result!.tables.powerSitesYearly;
      const col = (n: string) => rows.columns.indexOf(n);
      // Hyperion 2028: 1,500 MW of PV against about 730 MW of load, so there are hours with clean surplus
      const row = rows.rows.find((x) => x[col("site")] === "Hyperion" && x[col("year")] === 2028)!;
      return { load: row[col("loadMwh")] as number, cfe: row[col("cfeScoreFraction")] as number, cost: r.result!.summary.npvUsd };
    };
    const none = await power();
    const zero = await power({ flexibleLoadFraction: 0 });
    expect(zero).toEqual(none);
    const flex = await power({ flexibleLoadFraction: 0.3, shiftWindowHours: 24, maxShiftUpFraction: 0.3 });
    expect(flex.load).toBeCloseTo(none.load, 3);
    expect(flex.cfe).toBeGreaterThan(none.cfe);
  }, 60_000);
});
