/** Issue 13 item 2: `optimize-power --sites all`, every site in one LP with load movable between them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { optimizeProgramPower } from "./optimize-program.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";

const file = join(REPO_ROOT, "scenarios", "meta-600b.yaml");
const base = parse(readFileSync(file, "utf8"));
const files = nodeInputFiles(file);
const doc = (edit?: (s: typeof base) => void) => {
  const s = structuredClone(base);
  edit?.(s);
  return { text: stringify(s), name: file };
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("optimizeProgramPower on the Meta scenario (24-hour steps)", async () => {
  const r = (await optimizeProgramPower(doc(), { hoursPerStep: 24, flexibleLoadFraction: 0.2, levelFraction: 0.9, files })).report!;
  it("sizes every site with a power block in the year of the highest total load, on UTC (a site without an offset is assumed on Central time, with a note)", () => {
    expect(r.sites.map((s) => s.site)).toEqual(["Hyperion", "Prometheus", "El Paso", "Unallocated US capacity", "Leased US capacity"]);
    expect(r.year).toBe(2032);
    expect(r.target).toEqual({ kind: "cfe-247", levelFraction: 0.9 });
    expect(r.diagnostics.filter((d) => d.path.endsWith("location.utcOffsetHours")).map((d) => d.path)).toEqual(["sites[4].location.utcOffsetHours", "sites[5].location.utcOffsetHours"]);
  });
  it("conserves the program's load: what moves in moves out, and the sites serve the load they had in all", () => {
    expect(sum(r.sites.map((s) => s.movedInMwh))).toBeCloseTo(sum(r.sites.map((s) => s.movedOutMwh)), 0);
    expect(sum(r.sites.map((s) => s.servedLoadMwh))).toBeCloseTo(sum(r.sites.map((s) => s.loadMwh)), 0);
    for (const s of r.sites) {
      expect(sum(s.netMovedMwhByHourOfDay)).toBeCloseTo(s.movedInMwh - s.movedOutMwh, 0);
      expect(sum(s.netMovedMwhByMonth)).toBeCloseTo(s.movedInMwh - s.movedOutMwh, 0);
      expect(s.movedOutMwh).toBeLessThanOrEqual(0.2 * s.loadMwh + 1e-6);
      expect(s.cfeScoreFraction).toBeGreaterThanOrEqual(0.9 - 1e-6);
    }
  });
  it("moving load never costs more than the sites apart", () => {
    expect(r.program.spatialValueUsd).toBeGreaterThanOrEqual(-1e-6 * r.program.objectiveApartUsd);
    expect(r.program.objectiveApartUsd - r.program.objectiveUsd).toBeCloseTo(r.program.spatialValueUsd, 6);
  });
  it("without flexible load nothing moves and the two optima are equal, with a warning", async () => {
    const none = await optimizeProgramPower(doc(), { hoursPerStep: 24, flexibleLoadFraction: 0, levelFraction: 0.9, files });
    expect(none.report!.program.movedMwh).toBe(0);
    expect(none.report!.program.objectiveUsd).toBeCloseTo(none.report!.program.objectiveApartUsd, 3);
    expect(none.diagnostics.some((d) => d.severity === "warning" && d.path === "flexibleLoadFraction")).toBe(true);
  });
  it("a site on other weather (Prometheus on the Amarillo 2012 file) costs more on its own, trades load, and moving it is worth money", async () => {
    const other = (await optimizeProgramPower(doc((s) => (s.sites[1].power.weather = { solarFile: "../data/weather/35.2018863_-101.945027_psmv3_60_2012.csv.gz" })), { hoursPerStep: 24, flexibleLoadFraction: 0.2, levelFraction: 0.9, files })).report!;
    const prometheus = other.sites.find((s) => s.site === "Prometheus")!;
    expect(prometheus.apart.costUsdPerMwhServed!).toBeGreaterThan(r.sites.find((s) => s.site === "Prometheus")!.apart.costUsdPerMwhServed!);
    expect(prometheus.movedOutMwh + prometheus.movedInMwh).toBeGreaterThan(0);
    expect(other.program.spatialValueUsd).toBeGreaterThan(0);
  });
});

describe("optimizeProgramPower: bad options", () => {
  it("name the option, and need two sites with power and load", async () => {
    const bad = await optimizeProgramPower(doc(), { hoursPerStep: 7, files });
    expect(bad.report).toBeNull();
    expect(bad.diagnostics.find((d) => d.severity === "error")?.path).toBe("hoursPerStep");
    const early = await optimizeProgramPower(doc(), { year: 2024, hoursPerStep: 24, files });
    expect(early.diagnostics.find((d) => d.severity === "error")).toMatchObject({ path: "sites" });
  });
});
