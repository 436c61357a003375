/**
 * Benchmark: a full deterministic run of the Meta scenario (parse, validate, resolve, model, tables, summary),
 * median of 50 after warm-up. Target ≤ 50 ms. Anchor: parsing the same YAML text with the `yaml` library,
 * timed in the same process, so the ratio is comparable across machines.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { runText } from "../src/pipeline/run.ts";
import { fmt, time } from "./stats.ts";

const file = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios", "meta-600b.yaml");
const text = readFileSync(file, "utf8");
const TARGET_MS = 50;

const first = JSON.stringify(runText(text, file).result?.summary);
const run = time(() => runText(text, file), 50);
const anchor = time(() => parse(text), 50);
const again = JSON.stringify(runText(text, file).result?.summary);
if (first !== again) throw new Error("non-deterministic result");

console.log(`meta-600b full run:      ${fmt(run)}`);
console.log(`anchor (yaml.parse):     ${fmt(anchor)}`);
console.log(`ratio run / anchor:      ${(run.medianMs / anchor.medianMs).toFixed(1)}x`);
console.log(`target ≤ ${TARGET_MS} ms:          ${run.medianMs <= TARGET_MS ? "met" : "NOT met"} (${run.medianMs.toFixed(2)} ms)`);
