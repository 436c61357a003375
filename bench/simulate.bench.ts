/**
 * Benchmark: the full program under uncertainty: 10,000 Monte Carlo iterations of the Meta scenario (its
 * `uncertain` block), 2 worker threads, wall clock including worker start-up, each iteration with the hourly power of
 * every site-year with load (as `gigaplan simulate`, on the weather and grid files `run` reads). Target ≤ 10 s.
 * Anchor: one model evaluation of the same scenario in this thread (median of 50), so the ratio "pool time / (N ×
 * anchor / 2)" says how close the pool comes to perfect 2-way parallelism on this machine. Also printed: the same
 * evaluation with the hourly dispatch instead of the duration curves (what the pass would cost without them).
 * When the CLI is built (`npm run build`), the figure that counts is the user's command end to end: `gigaplan simulate`
 * of the Meta scenario with N iterations on the workers (start-up, weather files, estimate, pool, summary, tornado),
 * timed from this process.
 * Run: npm run bench:simulate [-- iterations workers]
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenarioText } from "../src/scenario/load.ts";
import { evaluate } from "../src/uncertainty/evaluate.ts";
import { runPool } from "../src/io/simulation-pool.ts";
import { OUTPUT_COUNT } from "../src/uncertainty/outputs.ts";
import { preparePlan, summarizeTable } from "../src/uncertainty/simulate.ts";
import { fmt, time } from "./stats.ts";
import { nodeInputFiles } from "../src/io/input-files.ts";
import { loadPowerProfiles } from "../src/pipeline/profiles.ts";
import { simulateProgramPower } from "../src/power/site/site-power.ts";
import { runModel } from "../src/buildout/model.ts";
import { resolveScenario } from "../src/scenario/resolve.ts";
import { sampledScenario } from "../src/uncertainty/evaluate.ts";

const N = Number(process.argv[2] ?? 10_000);
const WORKERS = Number(process.argv[3] ?? 2);
const TARGET_MS = 10_000;
const file = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios", "meta-600b.yaml");
const scenario = parseScenarioText(readFileSync(file, "utf8"), file).value;
if (!scenario) throw new Error("meta-600b.yaml does not parse");
const options = { iterations: N, seed: 1, method: "mc" as const };
const planned = preparePlan(scenario, options).value;
if (!planned) throw new Error("meta-600b.yaml has no valid uncertain block");
const profiles = await loadPowerProfiles(planned.base, nodeInputFiles(file));
const plan = { ...planned, powerProfiles: profiles.value };

const out = new Float64Array(OUTPUT_COUNT);
const base = plan.inputs.map((i) => i.baseValue);
const anchor = time(() => evaluate(plan, base, out), 50, 10);
const monthlyOnly = time(() => runModel(resolveScenario(sampledScenario(plan, base), plan.ref).value!), 50, 10);
const built = runModel(resolveScenario(sampledScenario(plan, base), plan.ref).value!);
const hourly = time(() => simulateProgramPower(built, plan.powerProfiles), 5, 1);
const siteYears = simulateProgramPower(built, plan.powerProfiles).siteYears.length;

const t0 = performance.now();
const table = await runPool(plan, options, { workers: WORKERS });
const ms = performance.now() - t0;
const report = summarizeTable(table, plan.targetYear);

const ideal = (N * anchor.medianMs) / WORKERS;
console.log(`meta-600b: ${plan.inputs.length} uncertain inputs, ${N.toLocaleString("en-US")} iterations, ${WORKERS} workers (monthly model + hourly power of ${siteYears} site-years)`);
console.log(`anchor (one model evaluation, this thread): ${fmt(anchor)}`);
console.log(`  of which the monthly model:               ${fmt(monthlyOnly)}`);
console.log(`  hourly dispatch instead of duration curves: ${fmt(hourly)} for the power pass alone`);
console.log(`simulate (pool, incl. worker start-up):     ${(ms / 1000).toFixed(2)} s = ${((ms / N) * 1000).toFixed(0)} µs per iteration`);
console.log(`ratio pool / (N × anchor / workers):        ${(ms / ideal).toFixed(2)}x`);
console.log(`failed samples: ${table.failed}; mean NPV $${(report.outputs.npvUsd.mean / 1e9).toFixed(1)}B ± ${(report.outputs.npvUsd.standardError / 1e9).toFixed(1)}B`);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(join(root, "dist", "cli.cjs"))) {
  const args = [join(root, "bin", "gigaplan.js"), "simulate", file, "--iterations", String(N), "--seed", "1", "--workers", String(WORKERS), "--format", "json"];
  const t1 = performance.now();
  const json = JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] }));
  const cliMs = performance.now() - t1;
  console.log(`gigaplan simulate (built CLI, end to end):  ${(cliMs / 1000).toFixed(2)} s (mean NPV $${(json.outputs.npvUsd.mean / 1e9).toFixed(1)}B)`);
  console.log(`target ≤ ${TARGET_MS / 1000} s: ${cliMs <= TARGET_MS ? "met" : "NOT met"} (the command a user runs; the pool above uses tsx-compiled workers)`);
} else console.log(`target ≤ ${TARGET_MS / 1000} s: ${ms <= TARGET_MS ? "met" : "NOT met"} (run npm run build to time the built CLI end to end)`);
