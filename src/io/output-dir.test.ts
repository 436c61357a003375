/** Issue 15 items 5 and 12: output paths checked before computing; a run's --out written as one set. */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../pipeline/run.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import { outputPathProblem } from "./output-path.ts";
import { outputDirProblem, writeResultDir } from "./write-output.ts";

const result = run(tinyScenario(), undefined, { hourlyPower: false }).result!;
const scratch = () => mkdtempSync(join(tmpdir(), "gigaplan-out-"));

describe("output paths, before anything is computed", () => {
  it("refuse a file where a directory is wanted, paths under a file, /dev, /sys and /proc", () => {
    const d = scratch();
    writeFileSync(join(d, "f"), "x");
    expect(outputDirProblem(join(d, "f"))).toMatch(/exists and is not a directory/);
    expect(outputDirProblem(join(d, "f", "sub"))).toMatch(/is a file, so nothing can be created under it/);
    for (const p of ["/dev/null/x", "/sys/x", "/proc/x"]) expect(outputDirProblem(p), p).toMatch(/special filesystem/);
    expect(outputPathProblem(d, "file")).toMatch(/is a directory/);
    expect(outputDirProblem(join(d, "new", "deeper"))).toBeNull();
  });
  it("refuse a directory holding files gigaplan did not write (so a swap never deletes a user's files)", () => {
    const d = scratch();
    writeFileSync(join(d, "notes.txt"), "mine");
    expect(outputDirProblem(d)).toMatch(/holds files gigaplan did not write \(notes\.txt\)/);
  });
  it.skipIf(process.getuid?.() === 0)("refuse a directory under a read-only directory (skipped as root: chmod does not deny root)", () => {
    const d = scratch();
    const ro = join(d, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    expect(outputDirProblem(join(ro, "out"))).toMatch(/not writable/);
  });
});

describe("--out as one set", () => {
  it("replaces a directory in a mixed state (mkdir out/summary.json) with the complete new set, no temp folders left", () => {
    const d = scratch();
    const out = join(d, "out");
    mkdirSync(join(out, "summary.json"), { recursive: true });
    writeFileSync(join(out, "yearly.csv"), "stale\n");
    const files = writeResultDir(result, out);
    expect(readdirSync(out).sort()).toEqual([...files].sort());
    expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).scenarioName).toBe("tiny");
    expect(readFileSync(join(out, "yearly.csv"), "utf8")).not.toBe("stale\n");
    expect(readdirSync(d)).toEqual(["out"]);
  });
  it("a failing write leaves the complete old set and no temp folders", () => {
    const d = scratch();
    const out = join(d, "out");
    writeResultDir(result, out);
    const before = readFileSync(join(out, "summary.json"), "utf8");
    const broken = { ...result, tables: { ...result.tables, "bad/name": result.tables.yearly } };
    expect(() => writeResultDir(broken, out)).toThrow();
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe(before);
    expect(readdirSync(d)).toEqual(["out"]);
  });
  it("removes stale temp siblings of killed runs", () => {
    const d = scratch();
    const stale = join(d, ".out.gigaplan-tmp-999999-abc123");
    mkdirSync(stale);
    writeResultDir(result, join(d, "out"));
    expect(existsSync(stale)).toBe(false);
  });
});
