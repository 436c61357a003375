import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_FILES } from "../index.ts";
import { bundledDataFile, serverInputFiles } from "./input-files.ts";

const dir = mkdtempSync(join(tmpdir(), "gigaplan-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inside = join(dir, "files");
mkdirSync(join(inside, "sub"), { recursive: true });
writeFileSync(join(inside, "sub", "w.csv"), "hello");
writeFileSync(join(dir, "secret.txt"), "secret");
symlinkSync(join(dir, "secret.txt"), join(inside, "link.txt"));

describe("server InputFiles", () => {
  it("reads bundled files, named by their package path", async () => {
    const r = await serverInputFiles().read({ origin: "bundled", path: DEFAULT_FILES.powerCurve });
    expect(r.value?.name).toBe(DEFAULT_FILES.powerCurve);
    expect(r.value?.text).toMatch(/^wind_speed/);
  });

  it("refuses files named by a scenario when no files directory is configured", async () => {
    const r = await serverInputFiles().read({ origin: "scenario", path: "/etc/passwd" });
    expect(r.value).toBeNull();
    expect(r.diagnostics).toEqual([{ path: "/etc/passwd", severity: "error", message: expect.stringContaining("reads no files named by a scenario") }]);
  });

  it("reads scenario-named files only from inside the files directory", async () => {
    const files = serverInputFiles({ filesDir: inside });
    expect((await files.read({ origin: "scenario", path: "sub/w.csv" })).value).toEqual({ text: "hello", name: "sub/w.csv" });
    for (const path of ["../secret.txt", "sub/../../secret.txt", join(dir, "secret.txt"), "link.txt"]) {
      const r = await files.read({ origin: "scenario", path });
      expect(r.value, path).toBeNull();
      expect(r.diagnostics[0].path).toBe(path); // named as the scenario names it, never by the server's path
      expect(r.diagnostics[0].message).not.toContain(dir);
    }
    const missing = await files.read({ origin: "scenario", path: "nope.csv" });
    expect(missing.diagnostics[0]).toMatchObject({ path: "nope.csv", message: expect.stringContaining("cannot read") });
  });

  it("refuses a bundled path outside the data folders", async () => {
    expect((await serverInputFiles().read({ origin: "bundled", path: "package.json" })).value).toBeNull();
    expect((await serverInputFiles().read({ origin: "bundled", path: "data/weather/../../package.json" })).value).toBeNull();
  });

  it("maps /data URL segments to bundled weather, grid and wind files only", () => {
    expect(bundledDataFile(["wind", "ssc_windpower_test_powercurve_1500kW.csv"])).toMatch(/data\/wind\/ssc_windpower_test_powercurve_1500kW\.csv$/);
    expect(bundledDataFile(["claims", "claims.json"])).toBeNull();
    expect(bundledDataFile(["weather"])).toBeNull();
    expect(bundledDataFile(["weather", "nope.csv"])).toBeNull();
  });
});
