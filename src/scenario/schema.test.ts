import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "./schema.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("scenario JSON Schema", () => {
  it("is committed up to date (regenerate: npx gigaplan schema > scenario.schema.json)", () => {
    const committed: unknown = JSON.parse(readFileSync(join(root, "scenario.schema.json"), "utf8"));
    expect(committed).toEqual(scenarioJsonSchema());
  });
  it("accepts the Meta scenario and rejects a wrong type, as an editor would", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(scenarioJsonSchema() as object);
    const meta: unknown = parse(readFileSync(join(root, "scenarios", "meta-600b.yaml"), "utf8"));
    expect(validate(meta), JSON.stringify(validate.errors)).toBe(true);
    const bad = structuredClone(meta) as { sites: { phases: { itPowerMw: unknown }[] }[] };
    bad.sites[1].phases[0].itPowerMw = "lots";
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === "/sites/1/phases/0/itPowerMw")).toBe(true);
  });
});
