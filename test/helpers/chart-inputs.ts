/**
 * Fixed inputs of the chart snapshots, the HTML report and the `gigaplan report` tests: test/fixtures/charts-program.yaml
 * run through the public API (run, hourly power of its representative site-year, a Monte Carlo and a strategy
 * comparison), computed once per test file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { type CompareReport, type HourlyPower, type RunResult, type SampleTable, type SimulationReport, compare, hourlyPower, representativeSiteYear, run, simulate } from "../../src/index.ts";
import { nodeInputFiles } from "../../src/io/input-files.ts";

export const CHARTS_SCENARIO = join(import.meta.dirname, "..", "fixtures", "charts-program.yaml");

export interface ChartInputs {
  scenarioText: string;
  result: RunResult;
  hourly: HourlyPower;
  simulation: SimulationReport;
  samples: SampleTable;
  comparison: CompareReport;
}

let cached: Promise<ChartInputs> | null = null;

async function compute(): Promise<ChartInputs> {
  const text = readFileSync(CHARTS_SCENARIO, "utf8");
  const doc = { text, name: "charts-program.yaml" };
  const files = nodeInputFiles(CHARTS_SCENARIO);
  const { result, diagnostics } = await run(doc, { files });
  if (!result) throw new Error(`fixture does not run: ${JSON.stringify(diagnostics)}`);
  const at = representativeSiteYear(result);
  if (!at) throw new Error("fixture has no dispatched site-year");
  const hourly = await hourlyPower(doc, { ...at, files });
  const mc = await simulate(doc, { iterations: 200, seed: 7, method: "lhs" });
  const cmp = compare(doc, { paths: 200, seed: 7, method: "lhs", strategies: ["aggressive", "staged", "just-in-time"] });
  if (!hourly.value || !mc.value || !cmp.value) throw new Error("fixture: hourly power, simulation or comparison failed");
  return { scenarioText: text, result, hourly: hourly.value, simulation: mc.value.report, samples: mc.value.table, comparison: cmp.value };
}

/** The fixed inputs, computed on first use. */
export function chartInputs(): Promise<ChartInputs> {
  cached ??= compute();
  return cached;
}

/** A jsdom document to draw with. */
export const testDocument = (): Document => new JSDOM("<!doctype html><html><body></body></html>").window.document;
