/**
 * Benchmark: rule-based dispatch of one site-year (8760 h; PV + wind + battery + gas + firm + grid with hourly
 * carbon), median of 200 after warm-up. Target ≤ 2 ms. Profiles are real: PV from the PV model on the bundled
 * Phoenix NSRDB PSM3 TMY, wind from the wind model on the bundled Amarillo 2012 SRW, grid carbon from EIA-930
 * ERCOT 2022 (loaded once, outside the timed part). Anchor: one plain Float64Array pass computing the hourly net
 * load (load − PV − wind), timed in the same process. Also prints process CPU time (the machine is shared) and the
 * time of the metrics pass.
 */
import { dispatch, allocateDispatchSeries } from "../src/power/dispatch/dispatch.ts";
import type { Portfolio, TechParams } from "../src/power/dispatch/inputs.ts";
import { maxBalanceErrorMwh } from "../src/power/metrics/energy.ts";
import { powerMetrics } from "../src/power/metrics/metrics.ts";
import { nodeInputFiles } from "../src/io/input-files.ts";
import { loadPowerProfiles } from "../src/pipeline/profiles.ts";
import { allocateSeries } from "../src/power/site/load.ts";
import { scenarioSchema } from "../src/scenario/schema.ts";
import { referenceData } from "../src/data/index.ts";
import { unitFixedCosts } from "../src/scenario/power-unit-costs.ts";
import { fmt, time } from "./stats.ts";

const TARGET_MS = 2;
const RUNS = 200;

const scenario = scenarioSchema.parse({
  program: { name: "bench", currencyBaseYear: 2025, horizonStartMonth: "2025-01", horizonEndMonth: "2025-12", capitalPlanUsdByYear: { "2025": 1e12 } },
  sites: [{ name: "S", state: "TX", gridRegion: "ERCOT", phases: [{ name: "p", itPowerMw: 1000, constructionStartMonth: "2025-01", constructionMonths: 1, fleetMix: { GB200: 1 } }], power: { portfolio: { pvMw: 1 } } }],
});
const prof = (await loadPowerProfiles(scenario, nodeInputFiles("bench.yaml"), { allTechnologies: true })).value.S;
const s = allocateSeries();
s.pvCapacityFactor.set(prof.pvCapacityFactor!);
s.windCapacityFactor.set(prof.windCapacityFactor!);
s.gridCo2KgPerMwh.set(prof.gridCo2KgPerMwh!);
s.gridCleanFraction.set(prof.gridCleanFraction!);
for (let h = 0; h < 8760; h++) {
  s.loadMw[h] = 734 * (1 + 0.05 * Math.sin((h / 24) * 2 * Math.PI));
  s.gridPriceUsdPerMwh[h] = 30 + 40 * Math.max(0, Math.sin(((h % 24) - 12) / 12 * Math.PI));
}
const portfolio: Portfolio = { pvMw: 1200, windMw: 600, batteryMw: 300, batteryMwh: 1200, gasMw: 400, firmCleanMw: 100, gridImportLimitMw: 500, exportLimitMw: 200 };
const op = referenceData.powerCosts.operation;
const tech: TechParams = {
  battery: { roundTripEfficiency: op.batteryRoundTripEfficiency, socMinFraction: 0.1, socMaxFraction: 0.95 },
  gas: { heatRateMmbtuPerMwh: op.gasHeatRateLhvMmbtuPerMwh * op.naturalGasHhvPerLhvRatio, fuelPriceUsdPerMmbtu: 3.52, variableOmUsdPerMwh: op.gasVariableOmUsdPerMwh, co2KgPerMmbtu: op.gasCo2KgPerMmbtu },
  firmClean: { availabilityFraction: op.firmCleanAvailabilityFraction, variableCostUsdPerMwh: 14 },
  carbonPriceUsdPerTco2: 50,
};
const costs = unitFixedCosts(referenceData);
const buffers = allocateDispatchSeries(8760);
const net = new Float64Array(8760);

function anchor(): number {
  for (let h = 0; h < 8760; h++) net[h] = s.loadMw[h] - portfolio.pvMw * s.pvCapacityFactor[h] - portfolio.windMw * s.windCapacityFactor[h];
  return net[8759];
}

function cpuMedianMs(fn: () => unknown, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    samples.push((c.user + c.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const r = dispatch(s, portfolio, tech, buffers);
const water = { itEnergyMwh: 5e6, wueLPerKwh: 0.26, gasWaterConsumptionGalPerMwh: 198 };
const m = powerMetrics(s, r, tech, costs, water);
const run = time(() => dispatch(s, portfolio, tech, buffers), RUNS);
const runAlloc = time(() => dispatch(s, portfolio, tech), RUNS);
const metrics = time(() => powerMetrics(s, r, tech, costs, water), RUNS);
const anc = time(anchor, RUNS);
const cpu = cpuMedianMs(() => dispatch(s, portfolio, tech, buffers), RUNS);

console.log(`dispatch site-year (reused buffers):  ${fmt(run)}`);
console.log(`dispatch site-year (new buffers):     ${fmt(runAlloc)}`);
console.log(`metrics of the site-year:             ${fmt(metrics)}`);
console.log(`anchor (net-load pass):               ${fmt(anc)}`);
console.log(`ratio dispatch / anchor:              ${(run.medianMs / anc.medianMs).toFixed(1)}x`);
console.log(`dispatch CPU time (median):           ${cpu.toFixed(3)} ms`);
console.log(`check: balance error ${maxBalanceErrorMwh(s, r.series).toExponential(1)} MWh, CFE ${(m.scores.cfeScoreFraction * 100).toFixed(1)}%, annual match ${(m.scores.annualMatchFraction * 100).toFixed(1)}%`);
console.log(`target ≤ ${TARGET_MS} ms:                       ${run.medianMs <= TARGET_MS ? "met" : "NOT met"} (${run.medianMs.toFixed(3)} ms)`);
