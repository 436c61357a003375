/**
 * Benchmark: one wind-farm site-year (8760 h) with the SAM/ssc simple wake model, median of 50 after warm-up.
 * Case: Amarillo WIND Toolkit 2012 (hub 97 m, interpolated between 80 and 100 m), 32 × 1.5 MW in the ssc test
 * layout, so every hour has a different speed, direction and density. Anchor, timed in the same process:
 * Node's native gunzip of the same .srw.gz plus splitting it into lines, so ratios compare across machines.
 * Also printed: SRW parsing, the no-wake variant and how the wake model scales with farm size.
 *
 * Run: npx tsx bench/wind.bench.ts
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parseSrw } from "../src/formats/srw.ts";
import { simulateWindFarm, type WindFarmSpec } from "../src/power/profiles/wind/farm.ts";
import { parseLayoutCsv } from "../src/power/profiles/wind/layout.ts";
import { parsePowerCurveCsv } from "../src/power/profiles/wind/power-curve.ts";
import { fmt, time } from "./stats.ts";

const data = join(dirname(fileURLToPath(import.meta.url)), "..", "data");
const gz = readFileSync(join(data, "weather", "35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw.gz"));
const srwText = gunzipSync(gz).toString("utf8");
const resource = parseSrw(srwText).value!;
const powerCurve = parsePowerCurveCsv(readFileSync(join(data, "wind", "ssc_windpower_test_powercurve_1500kW.csv"), "utf8")).value!;
const layout = parseLayoutCsv(readFileSync(join(data, "wind", "ssc_windpower_test_layout_32turbines.csv"), "utf8")).value!;
const farm: WindFarmSpec = { turbine: { powerCurve, rotorDiameterM: 77, hubHeightM: 97 }, turbineCount: 32, layout };

const first = simulateWindFarm(resource, farm).annualEnergyKwh;
const anchor = time(() => gunzipSync(gz).toString("utf8").split("\n"), 50);
const siteYear = time(() => simulateWindFarm(resource, farm), 50);
const noWake = time(() => simulateWindFarm(resource, { ...farm, wakeModel: "none" }), 50);
const parse = time(() => parseSrw(srwText), 50);
const again = simulateWindFarm(resource, farm).annualEnergyKwh;
if (first !== again) throw new Error("non-deterministic result");

const ratio = (ms: number) => `${(ms / anchor.medianMs).toFixed(1)}x anchor`;
console.log(`anchor (gunzip + split .srw.gz):      ${fmt(anchor)}`);
console.log(`site-year, 32 turbines, simple wakes:  ${fmt(siteYear)}  ${ratio(siteYear.medianMs)}`);
console.log(`site-year, 32 turbines, no wakes:      ${fmt(noWake)}  ${ratio(noWake.medianMs)}`);
console.log(`parse .srw (8760 h, 2 heights):        ${fmt(parse)}  ${ratio(parse.medianMs)}`);
console.log(`annual energy ${(first / 1e6).toFixed(3)} GWh (deterministic across runs)`);

// scaling of the simple wake model with farm size (default square-ish staggered layout), fewer runs
for (const n of [32, 64, 128]) {
  const t = time(() => simulateWindFarm(resource, { ...farm, turbineCount: n, layout: undefined }), 5, 1);
  console.log(`scaling: ${String(n).padStart(3)} turbines, default layout:    ${fmt(t)}  ${ratio(t.medianMs)}  (${(t.medianMs / n).toFixed(2)} ms per turbine)`);
}
