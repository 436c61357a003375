/**
 * Benchmark: one PV site-year (8760 h, 100 MWdc one-axis backtracking tracker, Phoenix NSRDB PSM3 TMY),
 * median of 50 after warm-up. Target ≤ 20 ms. Anchor: a plain Float64Array pass over the same weather arrays
 * (GHI times one Math.cos per hour), timed in the same process, so the ratio is comparable across machines.
 * Also prints the median process CPU time (robust to other load on the machine) and the weather parse time.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseSolarWeather } from "../src/formats/solar/solar.ts";
import { PHOENIX_PSM3_TMY, solarWeatherFixture } from "../test/helpers/solar-fixtures.ts";
import { simulatePv } from "../src/power/profiles/pv/index.ts";
import type { PvSystem } from "../src/power/profiles/pv/index.ts";
import { fmt, time } from "./stats.ts";

const TARGET_MS = 20;
const RUNS = 50;

const located = solarWeatherFixture(PHOENIX_PSM3_TMY);
if (!located) throw new Error(`weather file ${PHOENIX_PSM3_TMY} not found (shared validation dir or data/weather)`);
const bytes = readFileSync(located.path);
const text = located.path.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
const weather = parseSolarWeather(text, PHOENIX_PSM3_TMY).value!;
const system: PvSystem = {
  systemCapacityKw: 100_000, arrayType: 3, tiltDeg: 0, azimuthDeg: 180, lossesPercent: 14.08, dcAcRatio: 1.3, gcr: 0.3,
  inverterEfficiencyPercent: 96, moduleType: 0,
};

/** Anchor: one pass over the hourly arrays with a cosine per hour (no model). */
function anchor(): number {
  const ghi = weather.ghiWPerM2;
  const hour = weather.hour;
  let s = 0;
  for (let i = 0; i < ghi.length; i++) s += ghi[i] * Math.cos((hour[i] - 12) * 0.2618);
  return s;
}

/** Median process CPU time (user + system, ms) of `fn` over `runs` runs: less sensitive than wall time to other
 * processes competing for the cores (this machine is shared). */
function cpuMedianMs(fn: () => unknown, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    samples.push((d.user + d.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const first = simulatePv(weather, system).annualEnergyKwh;
const run = time(() => simulatePv(weather, system), RUNS);
const base = time(anchor, RUNS);
const runCpu = cpuMedianMs(() => simulatePv(weather, system), RUNS);
const parse = time(() => parseSolarWeather(text, PHOENIX_PSM3_TMY), 10);
if (simulatePv(weather, system).annualEnergyKwh !== first) throw new Error("non-deterministic result");

console.log(`weather: ${located.from} copy of ${PHOENIX_PSM3_TMY}; annual energy ${(first / 1e3).toFixed(1)} MWh`);
console.log(`PV site-year (1-axis backtracking): ${fmt(run)}`);
console.log(`PV site-year, process CPU time:    median ${runCpu.toFixed(2)} ms (n=${RUNS})`);
console.log(`anchor (GHI x cos pass, 8760 h):   ${fmt(base)}`);
console.log(`ratio PV / anchor:                 ${(run.medianMs / base.medianMs).toFixed(0)}x`);
console.log(`weather parse (PSM3 csv):          ${fmt(parse)}`);
const verdict = (ms: number): string => `${ms <= TARGET_MS ? "met" : "NOT met"} (${ms.toFixed(2)} ms)`;
console.log(`target ≤ ${TARGET_MS} ms:                     wall ${verdict(run.medianMs)}, CPU ${verdict(runCpu)}`);
