/** `run` and `validate` through the public API, with and without the hourly pass. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run, validate } from "./run.ts";

const file = fileURLToPath(new URL("../../test/fixtures/small.yaml", import.meta.url));
const doc = { text: readFileSync(file, "utf8"), name: file };

describe("run", () => {
  it("hourlyPower: false skips only the hourly dispatch: every other figure is the full run's", async () => {
    const full = await run(doc);
    const quick = await run(doc, { hourlyPower: false });
    expect(full.result && quick.result).toBeTruthy();
    const { power: fullPower, diagnostics: _d1, ...fullRest } = full.result!.summary;
    const { power: quickPower, diagnostics: _d2, ...quickRest } = quick.result!.summary;
    expect(quickRest).toEqual(fullRest);
    expect(quickPower.sites).toEqual([]);
    expect(quick.result!.tables.powerSitesYearly.rows).toEqual([]);
    expect(quick.result!.tables.yearly).toEqual(full.result!.tables.yearly);
  });

  it("reports a broken document with paths, and validate agrees", async () => {
    const bad = { text: doc.text.replace(/itPowerMw: \d+/, "itPowerMw: -5"), name: "bad.yaml" };
    const out = await run(bad);
    expect(out.result).toBeNull();
    expect(out.diagnostics.some((d) => d.severity === "error" && /itPowerMw$/.test(d.path))).toBe(true);
    expect((await validate(bad)).valid).toBe(false);
    expect((await validate(doc)).valid).toBe(true);
  });
});
