/**
 * Benchmark: the financing stage on the Meta scenario (Hyperion SPV with rent sizing, both funding routes, P&L,
 * revenue required, returns) against the monthly model it runs on, timed in the same process (ratio = stage / model).
 * Run: npx tsx bench/financing.bench.ts
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { financingOutputs } from "../src/finance/structures/outputs.ts";
import { runFinancing } from "../src/finance/structures/run-financing.ts";
import { modelSpv } from "../src/finance/structures/spv-model.ts";
import { runModel } from "../src/buildout/model.ts";
import { programMonthly } from "../src/buildout/program.ts";
import { prepareScenario } from "../src/pipeline/prepare.ts";
import { parseScenarioText } from "../src/scenario/load.ts";
import { fmt, time } from "./stats.ts";

const file = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios", "meta-600b.yaml");
const parsed = parseScenarioText(readFileSync(file, "utf8"), file);
const s = prepareScenario(parsed.value!).value!;
const st = runModel(s);
const pm = programMonthly(st);

const first = JSON.stringify(financingOutputs(st, pm).summary);
const model = time(() => programMonthly(runModel(s)), 50);
const spv = time(() => modelSpv(st, s.financing.spvs[0]), 50);
const stage = time(() => runFinancing(st, pm), 50);
const outputs = time(() => financingOutputs(st, pm), 50);
if (JSON.stringify(financingOutputs(st, pm).summary) !== first) throw new Error("non-deterministic financing result");

console.log(`anchor (model + program series): ${fmt(model)}`);
console.log(`Hyperion SPV (sizing + waterfall): ${fmt(spv)}  ratio ${(spv.medianMs / model.medianMs).toFixed(2)}x`);
console.log(`financing stage:                 ${fmt(stage)}  ratio ${(stage.medianMs / model.medianMs).toFixed(2)}x`);
console.log(`stage + tables + summary:        ${fmt(outputs)}  ratio ${(outputs.medianMs / model.medianMs).toFixed(2)}x`);
