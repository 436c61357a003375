/** End-to-end tests of `gigaplan optimize-power` (in-process, daily steps to stay fast). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { highsRuntime } from "../solver/highs.ts";
import { main } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "gigaplan-optimize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenarioFile = join(dir, "site.yaml");
writeFileSync(
  scenarioFile,
  `program: { name: optimize test, currencyBaseYear: 2025, horizonStartMonth: 2025-01, horizonEndMonth: 2027-12, capitalPlanUsdByYear: { 2025: 1.0e11 } }
sites:
  - name: Desert
    state: AZ
    gridRegion: WECC-SW
    phases: [{ name: p, itPowerMw: 100, constructionStartMonth: 2025-01, constructionMonths: 6, fleetMix: { GB200: 1.0 } }]
    power:
      portfolio: { pvMw: 50, gridImportLimitMw: 200 }
      sizing: { firmCleanMaxMw: 0 }
      target: { kind: cfe-247, levelFraction: 0.6 }
  - name: Other
    state: OH
    gridRegion: PJM
    phases: [{ name: q, itPowerMw: 10, constructionStartMonth: 2025-01, constructionMonths: 6, fleetMix: { GB200: 1.0 } }]
  - name: Capped
    state: OH
    gridRegion: PJM
    phases: [{ name: r, itPowerMw: 10, constructionStartMonth: 2025-01, constructionMonths: 6, fleetMix: { GB200: 1.0 } }]
    power:
      portfolio: { gridImportLimitMw: 1 }
      sizing: { pvMaxMw: 0, windMaxMw: 0, batteryMaxMw: 0, batteryMaxMwh: 0, gasMaxMw: 0, firmCleanMaxMw: 0 }
`,
);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe("gigaplan optimize-power", () => {
  it("sizes a portfolio for the site's 24/7 target, writes an LP file that HiGHS re-reads to the same optimum", async () => {
    // the LP's directory must exist: --write-lp no longer creates it (issue 15 item 5)
    mkdirSync(join(dir, "out"));
    const lpFile = join(dir, "out", "desert.lp");
    const r = await cli(["optimize-power", scenarioFile, "--site", "Desert", "--resolution", "24", "--format", "json", "--write-lp", lpFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/proxy weather/);
    const rep = JSON.parse(r.stdout);
    expect(rep).toMatchObject({ site: "Desert", year: 2026, resolutionHours: 24, status: "optimal", target: { kind: "cfe-247", levelFraction: 0.6 } });
    expect(rep.capacities.firmCleanMw).toBe(0);
    expect(rep.targetMarginalCostUsdPerMwh).toBeGreaterThan(0);
    // daily steps are too coarse: the chosen capacities miss the target hour by hour, and the report says so
    expect(rep.hourlyCheck.status).toBe("infeasible");
    const note = rep.diagnostics.find((d: { message: string }) => /^hourly check: .* cannot meet the target/.test(d.message));
    expect(note.message).toMatch(/reach a 24\/7 CFE score of \d+\.\d% .* \(target cfe-247 60\.0%\)/);
    // the metrics are of the rule-based dispatch of the chosen capacities on the real year: below the target
    expect(rep.optimum.scores.cfeScoreFraction).toBeLessThan(0.6);
    expect(rep.optimum.energy.loadMwh).toBeCloseTo(rep.scenarioPortfolio.metrics.energy.loadMwh, 6);
    // the scenario's own portfolio (50 MW PV + grid), dispatched hourly for comparison, misses the target
    expect(rep.scenarioPortfolio.capacities.pvMw).toBe(50);
    expect(rep.scenarioPortfolio.metrics.scores.cfeScoreFraction).toBeLessThan(0.6);
    const text = readFileSync(lpFile, "utf8");
    expect(text.startsWith("\\ gigaplan_power_sizing")).toBe(true);
    const highs = await highsRuntime();
    const again = highs.solve(text, { output_flag: false } as Parameters<typeof highs.solve>[1]);
    expect(again.Status).toBe("Optimal");
    expect(Math.abs(again.ObjectiveValue - rep.objectiveUsd) / rep.objectiveUsd).toBeLessThan(1e-9);
  });

  it("sizes on representative weeks and checks the capacities on the real hourly year", async () => {
    const r = await cli(["optimize-power", scenarioFile, "--site", "Desert", "--representative-weeks", "12", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/hourly check of the chosen capacities \(dispatch LP on 8760 h\): optimal/);
    const rep = JSON.parse(r.stdout);
    expect(rep.representativeWeeks).toHaveLength(12);
    expect(rep.hourlyCheck.status).toBe("optimal");
    // the metrics are of the real hourly year: the target holds hour by hour, the cost is the check's objective
    expect(rep.optimum.scores.cfeScoreFraction).toBeGreaterThanOrEqual(0.6 - 1e-6);
    expect(rep.optimum.energy.loadMwh).toBeCloseTo(rep.scenarioPortfolio.metrics.energy.loadMwh, 6);
    expect(rep.optimum.cost.totalUsd).toBeCloseTo(rep.hourlyCheck.objectiveUsd, 0);
    expect(Math.abs(rep.hourlyCheck.objectiveUsd / rep.objectiveUsd - 1)).toBeLessThan(0.1);
  });

  it("takes the target, level, carbon price and year from the command line and prints a table", async () => {
    const r = await cli(["optimize-power", scenarioFile, "--site", "Other", "--year", "2027", "--target", "annual-match", "--level", "0.5", "--carbon-price-usd-per-t", "100", "--resolution", "24"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/optimize-power — Other, 2027, target annual-match ≥ 50\.0%, 24-hour steps, carbon price \$100\/t/);
    expect(r.stdout).toMatch(/annual match\s+\d+\.\d%/);
    expect(r.stdout).toMatch(/marginal cost of the clean target/);
  });

  it("--sweep-level prints the cost curve by level and puts it in the JSON; a bad range is exit 2", async () => {
    const r = await cli(["optimize-power", scenarioFile, "--site", "Other", "--year", "2027", "--target", "annual-match", "--resolution", "24", "--sweep-level", "0.2:0.6:0.2"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Cost of the annual-match target by level/);
    expect(r.stdout).toMatch(/^20\.0%\s+optimal/m);
    expect(r.stdout).toMatch(/^60\.0%\s+optimal/m);
    const j = await cli(["optimize-power", scenarioFile, "--site", "Other", "--year", "2027", "--resolution", "24", "--sweep-level", "0.2:0.6:0.2", "--format", "json"]);
    expect(JSON.parse(j.stdout).sweep.map((p: { levelFraction: number }) => p.levelFraction)).toEqual([0.2, 0.4, 0.6]);
    const bad = await cli(["optimize-power", scenarioFile, "--site", "Other", "--sweep-level", "0.9:0.5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sweep-level: must be written from:to:step/);
  });

  it("--progress prints the stages of the LP on stderr (the solver is silent while it solves); stdout stays one JSON document", async () => {
    const r = await cli(["optimize-power", scenarioFile, "--site", "Desert", "--resolution", "24", "--format", "json", "--progress"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^optimize-power: preparing the scenario and its build-out model…\noptimize-power: reading weather and grid files for Desert…\noptimize-power: building the LP \(365 steps of 24 h\) and solving it with HiGHS or gigaplan IPM \(auto\); the solver reports nothing until it is done…\noptimize-power: checking the chosen capacities on the real hourly year \(dispatch LP on 8760 h\)…\noptimize-power: done in \d+\.\d s\n/,
    );
    expect(JSON.parse(r.stdout).status).toBe("optimal");
    const piped = await cli(["optimize-power", scenarioFile, "--site", "Desert", "--resolution", "24", "--format", "json"]);
    expect(piped.stderr).not.toMatch(/^optimize-power: /m);
  });

  it("rejects bad options and impossible targets with exit code 2 and the field path", async () => {
    const unknown = await cli(["optimize-power", scenarioFile, "--site", "Nowhere", "--resolution", "24"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error: --site: unknown site "Nowhere" \(sites: Desert, Other, Capped\)/);
    const level = await cli(["optimize-power", scenarioFile, "--site", "Desert", "--level", "1.5", "--resolution", "7"]);
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(/--level: must be a fraction between 0 and 1/);
    expect(level.stderr).toMatch(/--resolution: must be one of 1, 2, 3/);
    const year = await cli(["optimize-power", scenarioFile, "--site", "Desert", "--year", "2024", "--resolution", "24"]);
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/--year: Desert has no load in 2024/);
    const capped = await cli(["optimize-power", scenarioFile, "--site", "Capped", "--resolution", "24"]);
    expect(capped.code).toBe(2);
    expect(capped.stderr).toMatch(/error: sites\[2\]\.power: no optimal portfolio: the target cannot be met within the sizing limits/);
  });
});

describe("gigaplan optimize-power --sites all", () => {
  const flexFile = join(dir, "two.yaml");
  writeFileSync(
    flexFile,
    `program: { name: program test, currencyBaseYear: 2025, horizonStartMonth: 2025-01, horizonEndMonth: 2027-12, capitalPlanUsdByYear: { 2025: 1.0e11 } }
sites:
  - name: Cheap
    state: TX
    gridRegion: ERCOT
    phases: [{ name: p, itPowerMw: 100, constructionStartMonth: 2025-01, constructionMonths: 6, fleetMix: { GB200: 1.0 } }]
    power: { prices: { gridPriceUsdPerMwh: 30 }, target: { kind: cfe-247, levelFraction: 0 }, sizing: { pvMaxMw: 0, windMaxMw: 0, batteryMaxMw: 0, batteryMaxMwh: 0, gasMaxMw: 0, firmCleanMaxMw: 0 } }
  - name: Dear
    state: OH
    gridRegion: PJM
    phases: [{ name: q, itPowerMw: 100, constructionStartMonth: 2025-01, constructionMonths: 6, fleetMix: { GB200: 1.0 } }]
    power: { prices: { gridPriceUsdPerMwh: 90 }, target: { kind: cfe-247, levelFraction: 0 }, sizing: { pvMaxMw: 0, windMaxMw: 0, batteryMaxMw: 0, batteryMaxMwh: 0, gasMaxMw: 0, firmCleanMaxMw: 0 } }
`,
  );
  it("moves the flexible share from the dear grid to the cheap one and prints what moved; JSON on request", async () => {
    const r = await cli(["optimize-power", flexFile, "--sites", "all", "--resolution", "24", "--flexible-load", "0.1", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    const [cheap, dear] = rep.sites;
    // grid only: 10 % of Dear's load moves to Cheap every day and saves (90 − 30 − the tie-breaking cost) per MWh moved
    expect(dear.movedOutMwh).toBeCloseTo(0.1 * dear.loadMwh, 3);
    expect(cheap.movedInMwh).toBeCloseTo(dear.movedOutMwh, 3);
    expect(rep.program.spatialValueUsd).toBeCloseTo(dear.movedOutMwh * (90 - 30 - 0.01), 0);
    const text = await cli(["optimize-power", flexFile, "--sites", "all", "--resolution", "24", "--flexible-load", "0.1"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/moving [\d,]+ GWh saves \$[\d.,]+M a year/);
    expect(text.stdout).not.toMatch(/NaN|undefined|-0 /);
  });
  it("refuses flags it cannot honour, naming them (exit 2)", async () => {
    const r = await cli(["optimize-power", flexFile, "--sites", "all", "--representative-weeks", "4"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--representative-weeks: cannot be combined with --sites all/);
    const none = await cli(["optimize-power", flexFile]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--site: name the site to size/);
    const bad = await cli(["optimize-power", flexFile, "--sites", "all", "--flexible-load", "2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--flexible-load: must be a fraction between 0 and 1/);
  });
});

describe("gigaplan optimize-power --samples", () => {
  const file = join(dir, "uncertain.yaml");
  writeFileSync(
    file,
    `program: { name: stochastic test, currencyBaseYear: 2025, horizonStartMonth: 2025-01, horizonEndMonth: 2027-12, capitalPlanUsdByYear: { 2025: 1.0e11 } }
sites:
  - name: Desert
    state: AZ
    gridRegion: WECC-SW
    phases: [{ name: p, itPowerMw: 100, constructionStartMonth: 2025-01, constructionMonths: 6, fleetMix: { GB200: 1.0 } }]
    power: { target: { kind: cfe-247, levelFraction: 0.5 } }
uncertain:
  facility.utilizationFraction: { dist: uniform, min: 0.5, max: 0.9 }
`,
  );
  it("prints the samples' spread, the robust portfolio, VSS and EVPI; JSON and shards on request", async () => {
    const r = await cli(["optimize-power", file, "--site", "Desert", "--samples", "4", "--seed", "3", "--resolution", "24"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Value of the stochastic solution \(VSS\) \$[\d.,]+M a year; expected value of perfect information \(EVPI\) \$[\d.,]+M a year/);
    const j = await cli(["optimize-power", file, "--site", "Desert", "--samples", "4", "--seed", "3", "--resolution", "24", "--format", "json"]);
    const rep = JSON.parse(j.stdout);
    expect(rep.stochastic.vssUsd).toBeGreaterThanOrEqual(-1e-6 * rep.stochastic.robust.expectedCostUsd);
    expect(rep.stochastic.evpiUsd).toBeGreaterThanOrEqual(-1e-6 * rep.stochastic.robust.expectedCostUsd);
    const part = JSON.parse((await cli(["optimize-power", file, "--site", "Desert", "--samples", "4", "--seed", "3", "--resolution", "24", "--shard", "1/2", "--format", "json"])).stdout);
    expect(part.stochastic.perSample).toEqual(rep.stochastic.perSample.slice(2));
  });
  it("refuses what it cannot do, naming the flag", async () => {
    expect((await cli(["optimize-power", file, "--site", "Desert", "--samples", "4", "--representative-weeks", "2"])).stderr).toMatch(/--representative-weeks: cannot be combined with --samples/);
    expect((await cli(["optimize-power", file, "--site", "Desert", "--seed", "4"])).stderr).toMatch(/--seed: applies to --samples/);
    const bad = await cli(["optimize-power", file, "--site", "Desert", "--samples", "4", "--shard", "3/2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--shard: must be k\/n/);
  });
});
