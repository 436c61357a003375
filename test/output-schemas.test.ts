/**
 * Issue 15 item 17: every JSON output has a JSON Schema file (schemas/<name>.schema.json, generated from
 * src/api/output-schemas.ts) and real outputs validate against it. UPDATE_GOLDEN=1 rewrites the files.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { OUTPUT_SCHEMAS, type OutputName, outputJsonSchema } from "../src/api/output-schemas.ts";
import { diff, optimizePower, optimizePowerUnderUncertainty, optimizeProgramPower, peers, prepareComparison, run, runComparison, sources, sweep } from "../src/index.ts";
import { nodeInputFiles } from "../src/io/input-files.ts";
import { simulate } from "../src/uncertainty/simulate.ts";
import { tinyScenario } from "./helpers/fixtures.ts";
import { SMALL_UNCERTAIN, uncertainScenario } from "./helpers/uncertain.ts";

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const names = Object.keys(OUTPUT_SCHEMAS) as OutputName[];
const file = (n: OutputName) => root(`schemas/${n}.schema.json`);
const text = (n: OutputName) => `${JSON.stringify(outputJsonSchema(n), null, 2)}\n`;

describe("output JSON Schemas", () => {
  it.each(names)("schemas/%s.schema.json is committed up to date", (n) => {
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file(n), text(n));
    expect(existsSync(file(n)), `missing ${file(n)} (UPDATE_GOLDEN=1 writes it)`).toBe(true);
    expect(readFileSync(file(n), "utf8")).toBe(text(n));
  });

  const meta = { text: readFileSync(root("scenarios/meta-600b.yaml"), "utf8"), name: root("scenarios/meta-600b.yaml") };
  const outputs: Record<OutputName, () => Promise<unknown>> = {
    run: async () => (await run(meta, { files: nodeInputFiles(meta.name) })).result,
    simulate: async () => simulate(uncertainScenario(SMALL_UNCERTAIN), { iterations: 32, seed: 1, method: "lhs" }).value!.report,
    compare: async () => runComparison(prepareComparison(meta, { paths: 64, seed: 1, method: "lhs", strategies: ["aggressive", "staged", "just-in-time"] }).value!, { paths: 64, seed: 1, method: "lhs", strategies: ["aggressive", "staged", "just-in-time"] }),
    "check-claims": async () => JSON.parse(readFileSync(root("test/golden/check-claims.json"), "utf8")),
    peers: async () => JSON.parse(JSON.stringify(peers())),
    sources: async () => (await sources(meta, { files: nodeInputFiles(meta.name) })).value,
    "optimize-program": async () => (await optimizeProgramPower(meta, { hoursPerStep: 24, flexibleLoadFraction: 0.2, files: nodeInputFiles(meta.name) })).report,
    "optimize-stochastic": async () => (await optimizePowerUnderUncertainty(meta, { site: "El Paso", samples: 3, seed: 1, hoursPerStep: 24, files: nodeInputFiles(meta.name) })).report,
    "optimize-power": async () => (await optimizePower(meta, { site: "El Paso", year: 2031, hoursPerStep: 24 })).report,
    sweep: async () => (await sweep({ value: tinyScenario() }, [{ path: "facility.pue", values: [1.1, 1.2] }])).value,
    diff: async () => (await diff({ value: tinyScenario() }, { value: { ...tinyScenario(), facility: { pue: 1.2 } } })).value,
  };
  it.each(names)("a real %s output validates against its schema", async (n) => {
    const value = JSON.parse(JSON.stringify(await outputs[n]()));
    expect(value).not.toBeNull();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(file(n), "utf8")));
    expect(validate(value), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }, 120_000);

  it("the schemas reject a wrong shape (they are not vacuous)", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(file("sweep"), "utf8")));
    expect(validate({ schemaVersion: 2, parameters: [], outputs: [], cases: [] })).toBe(false);
    expect(validate({ schemaVersion: 1, parameters: "x", outputs: [], cases: [] })).toBe(false);
    // check-claims: a verdict outside the list, or readings without their sources, are rejected
    const claims = ajv.compile(JSON.parse(readFileSync(file("check-claims"), "utf8")));
    const report = JSON.parse(readFileSync(root("test/golden/check-claims.json"), "utf8"));
    expect(claims(report)).toBe(true);
    const c18 = report.judgments.find((j: { id: string }) => j.id === "C18");
    expect(c18.parts.some((p: { readings?: unknown[] }) => (p.readings?.length ?? 0) > 1)).toBe(true);
    expect(claims({ ...report, judgments: [{ ...c18, verdict: "mostly-true" }] })).toBe(false);
    const noSource = { ...c18, parts: c18.parts.map((p: { readings?: Record<string, unknown>[] }) => ({ ...p, readings: p.readings?.map(({ source: _s, ...r }) => r) })) };
    expect(claims({ ...report, judgments: [noSource] })).toBe(false);
  });

  it("the peers schema requires both capex definitions per row (a version-1 row with one capex is refused)", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(file("peers"), "utf8")));
    const v2 = JSON.parse(JSON.stringify(peers()));
    expect(validate(v2)).toBe(true);
    const oneDefinition = { ...v2.years[0], exclFinanceLeases: undefined, inclFinanceLeases: undefined, capexUsd: 1, capexToOperatingCashFlowFraction: 0.5 };
    expect(validate({ ...v2, years: [JSON.parse(JSON.stringify(oneDefinition))] })).toBe(false);
    expect(validate({ ...v2, schemaVersion: 1 })).toBe(false);
  });
});
