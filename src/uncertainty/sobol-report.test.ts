import { describe, expect, it } from "vitest";
import { simulate, optionProblems } from "./simulate.ts";
import { buildPlan } from "./plan.ts";
import { SMALL_UNCERTAIN, uncertainScenario } from "../../test/helpers/uncertain.ts";
import { renderSimulationReport } from "../text/simulation.ts";

const scenario = uncertainScenario(SMALL_UNCERTAIN);

describe("time to power in simulate", () => {
  it("reports each site's chance that its first phase is late, from a sampled power delay", () => {
    const s = uncertainScenario({ "sites[0].phases[0].powerDelayMonths": { dist: "uniform", min: 0, max: 10 } });
    const r = simulate(s, { iterations: 200, seed: 2, method: "lhs" }).value!.report;
    const d = r.firstPhaseDelayBySite;
    expect(Object.keys(d)).toEqual(s.sites.map((x) => x.name));
    const first = d[s.sites[0].name];
    // integer months: 0 only when the draw rounds to 0 (below 0.5 of 10): about 5 %
    expect(first.probabilityLate).toBeGreaterThan(0.9);
    expect(first.probabilityLate).toBeLessThan(1);
    expect(first.p50Months).toBeCloseTo(5, 0);
    expect(d[s.sites[1].name].probabilityLate).toBe(0);
    expect(r.outputs[`firstPhaseDelayMonths:${s.sites[0].name}` as keyof typeof r.outputs].mean).toBeCloseTo(first.meanMonths, 12);
    // the fan of IT MW by year end covers the horizon and agrees with the target-year output
    const years = r.itPowerMwByYear.map((y) => y.year);
    expect(years[0]).toBe(Number(s.program.horizonStartMonth.slice(0, 4)));
    expect(years.at(-1)).toBe(Number(s.program.horizonEndMonth.slice(0, 4)));
    for (const y of r.itPowerMwByYear) expect(y.p5 <= y.p50 && y.p50 <= y.p95).toBe(true);
    const atTarget = r.itPowerMwByYear.find((y) => y.year === r.targetYear)!;
    expect(atTarget.p50).toBe(r.outputs.itPowerMwTargetYear.percentiles.p50);
    expect(atTarget.mean).toBeCloseTo(r.outputs.itPowerMwTargetYear.mean!, 9);
  });
});

describe("simulate --sobol-indices", () => {
  const r = simulate(scenario, { iterations: 32, seed: 3, method: "lhs", sobolIndices: 128 }).value!.report;
  const s = r.sensitivity.sobol!;

  it("reports first-order and total indices with intervals for every output and input", () => {
    const inputs = r.inputs.map((i) => i.path);
    expect(s.baseSamples).toBe(128);
    expect(s.evaluations).toBe(128 * (inputs.length + 2));
    for (const out of Object.values(s.indices)) expect(Object.keys(out)).toEqual(inputs);
    const capex = s.indices.capexUsdTotal;
    for (const ix of Object.values(capex)) {
      expect(ix.total).toBeGreaterThanOrEqual(0);
      expect(ix.totalCi[0]).toBeLessThanOrEqual(ix.totalCi[1]);
      expect(ix.interaction).toBeCloseTo(ix.total - ix.first, 12);
    }
    // the inputs that move capex explain its variance: the first-order shares add up to about one or less
    const sumFirst = Object.values(capex).reduce((a, ix) => a + ix.first, 0);
    expect(sumFirst).toBeGreaterThan(0.5);
    expect(sumFirst).toBeLessThan(1.2);
  });

  it("agrees with the tornado on the input that matters most for NPV", () => {
    const top = Object.entries(s.indices.npvUsd).sort((a, b) => b[1].total - a[1].total)[0][0];
    expect(top).toBe(r.sensitivity.tornado!.bars.npvUsd[0].input);
  });

  it("is deterministic, absent unless asked, refused with a shard or too few samples, and shown in the text report", () => {
    expect(simulate(scenario, { iterations: 32, seed: 3, method: "lhs", sobolIndices: 128 }).value!.report.sensitivity.sobol).toEqual(s);
    expect(simulate(scenario, { iterations: 32, seed: 3, method: "lhs" }).value!.report.sensitivity.sobol).toBeUndefined();
    const plan = buildPlan(scenario).value!;
    expect(optionProblems(plan, { iterations: 32, seed: 1, method: "mc", sobolIndices: 8 }).map((d) => d.path)).toEqual(["--sobol-indices"]);
    expect(optionProblems(plan, { iterations: 32, seed: 1, method: "mc", sobolIndices: 64, shard: { index: 0, count: 2 } }).map((d) => d.message)).toEqual([expect.stringMatching(/without --shard/)]);
    expect(renderSimulationReport(r)).toMatch(/Variance-based sensitivity of npvUsd \(Sobol indices, 128 base samples/);
  });
});
