/**
 * Benchmark: the portfolio-sizing LP of one site-year (El Paso in the Meta scenario, 24/7 CFE ≥ 90 %, every
 * technology free to size) solved by HiGHS (npm `highs`, WebAssembly, behind our LpSolver) and, on the same CPLEX
 * LP file written by our writer, by Debian's native CBC (`cbc FILE.lp solve`; `apt-get install -y coinor-cbc`).
 * Prints both wall times, the ratio (target ≤ 2×), the HiGHS time against the 3 s target, and checks that the two
 * objectives agree to 1e-6 relative. CBC is the anchor measured in the same run.
 *
 *   npm run bench:lp                              # hourly (8760 steps)
 *   npm run bench:lp -- --resolution 3            # 3-hour steps (2920), also 2, 4, 6, 8, 12, 24
 *   npm run bench:lp -- --representative-weeks 8  # 8 representative weeks, hourly (1344 steps)
 *   npm run bench:lp -- --methods                 # also every HiGHS algorithm (simplex, IPM with and without
 *                                                 # crossover, PDLP) on the same LP against the same CBC run
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildSizingLp } from "../src/power/optimize/build.ts";
import { optimizePortfolio } from "../src/power/optimize/optimize.ts";
import { withFixedCapacities } from "../src/power/optimize/site-result.ts";
import { createHighsSolver } from "../src/solver/highs.ts";
import { writeLp } from "../src/solver/lp-writer.ts";
import { SITE, sizingOf, year } from "./el-paso-sizing.ts";

const TARGET_S = 3;
const TARGET_RATIO = 2;
const option = (name: string): number | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const hoursPerStep = option("--resolution") ?? 1;
const weeks = option("--representative-weeks");

const sizing = sizingOf({ hoursPerStep, representativeWeeks: weeks });
const lp = buildSizingLp(sizing.problem).lp;
const dir = mkdtempSync(join(tmpdir(), "gigaplan-lp-"));
const lpFile = join(dir, "sizing.lp");
const solFile = join(dir, "cbc.sol");
writeFileSync(lpFile, writeLp(lp).text);

const solver = await createHighsSolver();
let t0 = performance.now();
const c0 = process.cpuUsage();
const highs = optimizePortfolio(sizing.problem, solver);
const highsS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const highsCpuS = (cpu.user + cpu.system) / 1e6;
const rss = process.memoryUsage().rss / 1e6;

t0 = performance.now();
const out = execFileSync("cbc", [lpFile, "solve", "solu", solFile], { encoding: "utf8", maxBuffer: 1 << 26 });
const cbcS = (performance.now() - t0) / 1000;
const head = readFileSync(solFile, "utf8").split("\n")[0];
const cbcObjective = Number(/objective value\s+(\S+)/i.exec(head)?.[1]);
rmSync(dir, { recursive: true, force: true });

const rel = Math.abs(highs.objectiveUsd - cbcObjective) / Math.abs(cbcObjective);
const p = highs.dispatch?.portfolio;
const shape = weeks === undefined ? `${hoursPerStep} h` : `1 h (${weeks} representative weeks)`;
console.log(`site ${SITE}, year ${year}, ${sizing.problem.series.loadMw.length} steps of ${shape}; LP ${lp.numCols} columns × ${lp.numRows} rows, ${lp.value.length} non-zeros`);
const cbcCpuS = Number(/Total time \(CPU seconds\):\s*(\S+)/.exec(out)?.[1]);
console.log(`HiGHS (${solver.name}): ${highs.status}, ${highsS.toFixed(2)} s (${highsCpuS.toFixed(2)} s CPU), objective ${highs.objectiveUsd.toFixed(2)} USD, process RSS ${rss.toFixed(0)} MB`);
console.log(`CBC (native, same .lp):  ${head.trim()}, ${cbcS.toFixed(2)} s (${cbcCpuS.toFixed(2)} s CPU)`);
console.log(`ratio HiGHS / CBC:       ${(highsS / cbcS).toFixed(2)}x wall, ${(highsCpuS / cbcCpuS).toFixed(2)}x CPU (target ≤ ${TARGET_RATIO}x: ${highsS / cbcS <= TARGET_RATIO ? "met" : "NOT met"})`);
console.log(`objectives agree:        ${rel.toExponential(2)} relative (≤ 1e-6: ${rel <= 1e-6 ? "yes" : "NO"})`);
console.log(`HiGHS ≤ ${TARGET_S} s:              ${highsS <= TARGET_S ? "met" : "NOT met"} (${highsS.toFixed(2)} s)`);
if (p && sizing.problem !== sizing.hourlyProblem) {
  t0 = performance.now();
  const check = optimizePortfolio(withFixedCapacities(sizing.hourlyProblem, p), solver);
  const checkS = (performance.now() - t0) / 1000;
  const total = highsS + checkS;
  console.log(`hourly check (these capacities, dispatch LP on 8760 h): ${check.status}, ${checkS.toFixed(2)} s, objective ${check.objectiveUsd.toFixed(2)} USD; sizing + check ${total.toFixed(2)} s (≤ ${TARGET_S} s with a feasible check: ${total <= TARGET_S && check.status === "optimal" ? "met" : "NOT met"})`);
}
// --methods: every HiGHS algorithm on the same LP, each against the CBC anchor of this run (issue 13 item 5)
if (process.argv.includes("--methods")) {
  const methods = ["auto", "simplex", "ipm", "ipm-no-crossover", "pdlp"] as const;
  console.log(`\nHiGHS algorithms on the same LP (CBC anchor ${cbcS.toFixed(2)} s, objective ${cbcObjective.toFixed(2)}):`);
  for (const method of methods) {
    const t = performance.now();
    const r = optimizePortfolio(sizing.problem, solver, { method });
    const sec = (performance.now() - t) / 1000;
    const diff = Math.abs(r.objectiveUsd - cbcObjective) / Math.abs(cbcObjective);
    console.log(`  ${method.padEnd(17)} ${r.status.padEnd(10)} ${sec.toFixed(2).padStart(7)} s  ${(sec / cbcS).toFixed(2).padStart(5)}x CBC  objective ${r.objectiveUsd.toFixed(2)} (${diff.toExponential(1)} from CBC)`);
  }
}
if (p) console.log(`optimum: PV ${p.pvMw.toFixed(0)} MW, wind ${p.windMw.toFixed(0)} MW, battery ${p.batteryMw.toFixed(0)} MW / ${p.batteryMwh.toFixed(0)} MWh, gas ${p.gasMw.toFixed(0)} MW, firm ${p.firmCleanMw.toFixed(0)} MW; target dual ${highs.targetMarginalCostUsdPerMwh?.toFixed(2)} USD/MWh`);
