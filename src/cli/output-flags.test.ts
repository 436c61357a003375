/** Issue 15 item 5 at the command line: bad output paths are exit 2 before any computation. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";
import type { Io } from "./io.ts";

const META = new URL("../../scenarios/meta-600b.yaml", import.meta.url).pathname;
async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const io: Io = { stdout: () => undefined, stderr: (s: string) => void (stderr += s) };
  const code = await main(args, io);
  return { code, stderr };
}

describe("output flags", () => {
  it("simulate --out onto a directory fails before sampling (200,000 samples would take minutes)", async () => {
    const dirOut = mkdtempSync(join(tmpdir(), "gigaplan-flags-")) + ".parquet";
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dirOut);
    const r2 = await cli(["simulate", META, "--iterations", "200000", "--out", dirOut, "--quiet"]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/is a directory/);
  });
  it("merge --out under /proc fails with one sentence", async () => {
    const r = await cli(["merge", "nothing.parquet", "--out", "/proc/x.parquet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/special filesystem/);
  });
  it("optimize-power --write-lp into a missing directory fails before the solve and creates nothing", async () => {
    const d = mkdtempSync(join(tmpdir(), "gigaplan-flags-"));
    const lp = join(d, "missing", "model.lp");
    const r = await cli(["optimize-power", META, "--site", "El Paso", "--year", "2029", "--write-lp", lp]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(existsSync(join(d, "missing"))).toBe(false);
  });
});
