import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { nodeInputFiles } from "../io/input-files.ts";
import { runPool } from "../io/simulation-pool.ts";
import { evaluate, outputNamesOfPlan, sampledScenario } from "../uncertainty/evaluate.ts";
import { simulateTable } from "../uncertainty/simulate.ts";
import { REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";
import { run } from "./run.ts";
import { decodeParquet, encodeParquet } from "../io/samples-file.ts";
import { mergeSamples, mergeSamplesWithFiles, prepareSimulation, simulate, withPowerProfiles } from "./uncertainty.ts";

const file = join(REPO_ROOT, "scenarios", "meta-600b.yaml");
const files = nodeInputFiles(file);
const text = readFileSync(file, "utf8");

/** The Meta scenario with its uncertain block replaced (the rest as shipped). */
function withUncertain(uncertain: Record<string, unknown>) {
  const doc = parse(text);
  doc.uncertain = { targetYear: doc.uncertain.targetYear, ...uncertain };
  return { text: stringify(doc), name: file };
}

async function preparedMeta(doc: { text: string; name: string } = { text, name: file }, iterations = 8) {
  const planned = prepareSimulation(doc, { iterations, seed: 3, method: "mc" });
  return (await withPowerProfiles(planned.value!, files)).value!;
}

describe("hourly power inside the Monte Carlo (issue 13 item 6)", () => {
  it("the base values' iteration reproduces run: power cost, CFE, CO2 and water of the target year, and the NPV priced by them", async () => {
    const p = await preparedMeta();
    const names = outputNamesOfPlan(p.plan);
    const out = new Float64Array(names.length);
    const base = p.plan.inputs.map((i) => i.baseValue);
    expect(evaluate(p.plan, base, out)).toBe(true);
    const o = (name: string) => out[names.indexOf(name)];
    // run of the scenario with every sampled input at its base value (the delays the scenario leaves at 0 at their medians)
    const r = (await run({ value: sampledScenario(p.plan, base), name: file }, { files })).result!;
    const y = String(p.plan.targetYear);
    const pw = r.summary.power;
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));
    close(o("powerCostUsdTargetYear"), pw.costUsdByYear[y]);
    close(o("powerCostUsdPerMwhTargetYear"), pw.costUsdPerMwhByYear[y]);
    close(o("cfeScoreFractionTargetYear"), pw.cfeScoreFractionByYear[y]);
    close(o("locationBasedTco2TargetYear"), pw.locationBasedTco2ByYear[y]);
    close(o("marketBasedTco2TargetYear"), pw.marketBasedTco2ByYear[y]);
    close(o("waterMegalitersTargetYear"), pw.waterMegalitersByYear[y]);
    close(o("locationBasedTco2Total"), Object.values(pw.locationBasedTco2ByYear).reduce((a, b) => a + b, 0));
    close(o("npvUsd"), r.summary.npvUsd!);
    expect(pw.sites).toEqual(["Hyperion", "Prometheus", "El Paso", "Unallocated US capacity", "Leased US capacity"]);
  }, 60_000);

  it("without the profiles, sites that need PV are not dispatched and the NPV differs from run's", async () => {
    const planned = prepareSimulation({ text, name: file }, { iterations: 8, seed: 3, method: "mc" }).value!;
    const names = outputNamesOfPlan(planned.plan);
    const without = new Float64Array(names.length);
    const withProfiles = new Float64Array(names.length);
    const base = planned.plan.inputs.map((i) => i.baseValue);
    evaluate(planned.plan, base, without);
    evaluate((await preparedMeta()).plan, base, withProfiles);
    const cost = names.indexOf("powerCostUsdTargetYear");
    expect(without[cost]).toBeLessThan(withProfiles[cost]);
    expect(without[names.indexOf("npvUsd")]).not.toBe(withProfiles[names.indexOf("npvUsd")]);
  }, 60_000);

  it("a sampled power input (Prometheus's gas price) moves the power cost and no longer draws the 'changes no output' warning", async () => {
    const doc = withUncertain({ "sites[1].power.prices.gasPriceUsdPerMmbtu": { dist: "uniform", min: 2, max: 8 } });
    const r = await simulate(doc, { iterations: 64, seed: 5, method: "lhs", files });
    expect(r.diagnostics.some((d) => /changes no simulate/.test(d.message))).toBe(false);
    const rep = r.value!.report;
    expect(rep.sensitivity.spearman.powerCostUsdPerMwhTargetYear["sites[1].power.prices.gasPriceUsdPerMmbtu"]).toBeGreaterThan(0.99);
    const cost = rep.outputs.powerCostUsdPerMwhTargetYear.percentiles;
    expect(cost.p95 - cost.p5).toBeGreaterThan(1);
    // the gas price moves cost, not the on-site clean supply: the CFE score stays put
    const cfe = rep.outputs.cfeScoreFractionTargetYear.percentiles;
    expect(cfe.p95).toBeCloseTo(cfe.p5, 12);
  }, 120_000);

  it("shards merged with the scenario and its files give the single run's report in full (tornado with the hourly pass)", async () => {
    const doc = { text, name: file };
    const whole = (await simulate(doc, { iterations: 24, seed: 2, method: "lhs", files })).value!;
    const parts = [];
    for (const index of [0, 1]) {
      const part = (await simulate(doc, { iterations: 24, seed: 2, method: "lhs", shard: { index, count: 2 }, files })).value!;
      parts.push({ name: `part-${index}`, samples: await decodeParquet(encodeParquet(part.table, part.info)) });
    }
    const merged = (await mergeSamplesWithFiles(parts, doc, files)).value!;
    expect(JSON.parse(JSON.stringify(merged.report))).toEqual(JSON.parse(JSON.stringify(whole.report)));
    // without the files, the merged tornado misses the PV sites' dispatch
    const without = mergeSamples(parts, doc).value!;
    expect(without.report.sensitivity.tornado!.baseOutputs.npvUsd).not.toBe(whole.report.sensitivity.tornado!.baseOutputs.npvUsd);
  }, 120_000);

  it("worker threads carry the profiles: 2 workers give the in-thread columns exactly", async () => {
    const p = await preparedMeta(undefined, 24);
    const reference = simulateTable(p.plan, p.options);
    const pooled = await runPool(p.plan, p.options, { workers: 2, blockSize: 5 });
    expect(pooled.outputs.map((c) => Array.from(c))).toEqual(reference.outputs.map((c) => Array.from(c)));
    const cost = pooled.outputNames.indexOf("powerCostUsdTargetYear");
    expect(pooled.outputs[cost].every((v) => v > 0)).toBe(true);
  }, 120_000);
});
