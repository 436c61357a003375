/**
 * Benchmark: the portfolio-sizing LP of one site-year (El Paso in the Meta scenario, 24/7 CFE ≥ 90 %, every
 * technology free to size) solved by HiGHS (npm `highs`, WebAssembly, dual simplex, behind our LpSolver), by
 * gigaplan's interior-point method (src/solver/ipm, what `optimize-power --solver auto` uses for this LP) and, on
 * the same CPLEX LP file written by our writer, by Debian's native CBC (`cbc FILE.lp solve`;
 * `apt-get install -y coinor-cbc`). CBC is the anchor measured in the same run: each solver's wall time, its
 * ratio to CBC, the 3 s target, and its objective against CBC's (≤ 1e-6 relative).
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
import { type SizingResult, optimizePortfolio } from "../src/power/optimize/optimize.ts";
import { withFixedCapacities } from "../src/power/optimize/site-result.ts";
import { createHighsSolver } from "../src/solver/highs.ts";
import { createIpmSolver } from "../src/solver/ipm/ipm-solver.ts";
import type { LpSolveOptions, LpSolver } from "../src/solver/lp.ts";
import { writeLp } from "../src/solver/lp-writer.ts";
import { SITE, sizingOf, year } from "./el-paso-sizing.ts";

const TARGET_S = 3;
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

let t0 = performance.now();
const out = execFileSync("cbc", [lpFile, "solve", "solu", solFile], { encoding: "utf8", maxBuffer: 1 << 26 });
const cbcS = (performance.now() - t0) / 1000;
const head = readFileSync(solFile, "utf8").split("\n")[0];
const cbcObjective = Number(/objective value\s+(\S+)/i.exec(head)?.[1]);
const cbcCpuS = Number(/Total time \(CPU seconds\):\s*(\S+)/.exec(out)?.[1]);
rmSync(dir, { recursive: true, force: true });

const shape = weeks === undefined ? `${hoursPerStep} h` : `1 h (${weeks} representative weeks)`;
console.log(`site ${SITE}, year ${year}, ${sizing.problem.series.loadMw.length} steps of ${shape}; LP ${lp.numCols} columns × ${lp.numRows} rows, ${lp.value.length} non-zeros`);
console.log(`CBC (native, same .lp, the anchor): ${head.trim()}, ${cbcS.toFixed(2)} s (${cbcCpuS.toFixed(2)} s CPU)`);

/** Times one solver on the sizing problem (build, solve, read back) against the CBC anchor. */
function measure(label: string, solver: LpSolver, options: LpSolveOptions = {}): { result: SizingResult; seconds: number } {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const result = optimizePortfolio(sizing.problem, solver, options);
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(c0);
  const rel = Math.abs(result.objectiveUsd - cbcObjective) / Math.abs(cbcObjective);
  const detail = /interior point, (\d+) iterations/.exec(result.solverStatus)?.[1];
  console.log(
    `  ${label.padEnd(28)} ${result.status.padEnd(8)} ${seconds.toFixed(2).padStart(6)} s (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU)  ${(seconds / cbcS).toFixed(2).padStart(5)}× CBC  ≤ ${TARGET_S} s: ${seconds <= TARGET_S ? "met    " : "NOT met"}  objective ${result.objectiveUsd.toFixed(2)} (${rel.toExponential(1)} from CBC${rel <= 1e-6 ? "" : ", MORE THAN 1e-6"})${detail ? `, ${detail} iterations` : ""}`,
  );
  return { result, seconds };
}

const highs = await createHighsSolver();
const ipm = createIpmSolver();
console.log(`Solvers on the same LP (build, solve and read back):`);
const h = measure("HiGHS (wasm, dual simplex)", highs);
const g = measure("gigaplan IPM", ipm);
const rss = process.memoryUsage().rss / 1e6;
console.log(`process RSS ${rss.toFixed(0)} MB`);
const p = g.result.dispatch?.portfolio;
if (p && sizing.problem !== sizing.hourlyProblem) {
  t0 = performance.now();
  const check = optimizePortfolio(withFixedCapacities(sizing.hourlyProblem, p), highs);
  const checkS = (performance.now() - t0) / 1000;
  const total = g.seconds + checkS;
  console.log(`hourly check (gigaplan IPM's capacities, HiGHS dispatch LP on 8760 h): ${check.status}, ${checkS.toFixed(2)} s, objective ${check.objectiveUsd.toFixed(2)} USD; sizing + check ${total.toFixed(2)} s`);
}
// --methods: every HiGHS algorithm on the same LP, each against the CBC anchor of this run (issue 13 item 5)
if (process.argv.includes("--methods")) {
  console.log(`HiGHS's algorithms on the same LP:`);
  for (const method of ["auto", "simplex", "ipm", "ipm-no-crossover", "pdlp"] as const) measure(`HiGHS ${method}`, highs, { method });
}
const hp = h.result.dispatch?.portfolio;
if (hp && p) {
  const f = (q: typeof p): string => `PV ${q.pvMw.toFixed(1)} MW, wind ${q.windMw.toFixed(1)} MW, battery ${q.batteryMw.toFixed(1)} MW / ${q.batteryMwh.toFixed(1)} MWh, gas ${q.gasMw.toFixed(1)} MW, firm ${q.firmCleanMw.toFixed(1)} MW`;
  console.log(`optimum (HiGHS):        ${f(hp)}; target dual ${h.result.targetMarginalCostUsdPerMwh?.toFixed(2)} USD/MWh`);
  console.log(`optimum (gigaplan IPM): ${f(p)}; target dual ${g.result.targetMarginalCostUsdPerMwh?.toFixed(2)} USD/MWh`);
}
