/**
 * The command line as a new user meets it (issue 15 items 6, 11, 16, 18): numbers in any notation with one
 * sentence per bad flag, sizes bounded before anything is allocated, `--workers` capped at the cores, formats in
 * any case, file errors in words, each warning once, `--version`, and progress on stderr only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import { SMALL_UNCERTAIN, uncertainScenarioInput } from "../../test/helpers/uncertain.ts";
import { main } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "gigaplan-cli-robust-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const uncertainFile = join(dir, "u.yaml");
writeFileSync(uncertainFile, stringify(uncertainScenarioInput({ ...SMALL_UNCERTAIN, demand: { startMonth: "2025-01", endYear: 2029, initialItMw: 300, growthFractionPerYear: { dist: "triangular", min: 0, mode: 0.2, max: 0.5 } } })));
const META = new URL("../../scenarios/meta-600b.yaml", import.meta.url).pathname;

async function cli(args: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTty: tty });
  return { code, stdout, stderr };
}

const RAW = /ENOENT|EISDIR|EACCES|PAR1|RangeError|internal error|\n\s+at /;

describe("number flags", () => {
  it("take JavaScript notation (3e1 = 30) and reject a bad value with one sentence naming the flag", async () => {
    const ok = await cli(["simulate", uncertainFile, "--iterations", "3e1", "--workers", "1", "--format", "json"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).iterations).toBe(30);
    for (const [value, shown] of [["-5", "-5"], ["1.5", "1.5"], ["ten", "ten"]]) {
      const bad = await cli(["simulate", uncertainFile, "--iterations", value]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe(`error: --iterations: must be a positive integer, got ${shown}\n`);
    }
    const paths = await cli(["compare", uncertainFile, "--paths", "-5", "--seed", "-1"]);
    expect(paths.code).toBe(2);
    expect(paths.stderr).toBe("error: --paths: must be a positive integer, got -5\nerror: --seed: must be a non-negative integer, got -1\n");
    expect((await cli(["compare", uncertainFile, "--paths", "2e2", "--format", "json"])).code).toBe(0);
  });

  it("iterations and paths too large to hold are refused before anything is allocated, suggesting shards", async () => {
    for (const n of ["9007199254740991", "4294967296", "1e12"]) {
      const r = await cli(["simulate", uncertainFile, "--iterations", n, "--workers", "1"]);
      expect(r.code, n).toBe(2);
      expect(r.stderr).not.toMatch(RAW);
      expect(r.stderr).toMatch(/^simulate: [\d,]+ samples × 22 columns on 1 worker thread\(s\): about [\d.,]+ (GB|TB) of memory and .* \(estimate\)\n/);
      expect(r.stderr).toMatch(/error: --iterations: this run (would take|needs) about .*--shard 0\/\d+ … --shard \d+\/\d+ .*gigaplan merge part-\*\.parquet/);
      expect(r.stdout).toBe("");
    }
    const paths = await cli(["compare", uncertainFile, "--paths", "1e9"]);
    expect(paths.code).toBe(2);
    expect(paths.stderr).toMatch(/error: --paths: this run (would take|needs) about [\d.,]+ GB of memory.*use fewer paths/);
  });

  it("--workers beyond the cores is capped with a warning (--force keeps the number)", async () => {
    const r = await cli(["simulate", uncertainFile, "--iterations", "20", "--workers", "400", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const cores = availableParallelism();
    expect(r.stderr).toContain(`warning: --workers: 400 is more than the ${cores} cores of this machine; using ${cores} (--force runs 400)`);
    expect(JSON.parse(r.stdout).iterations).toBe(20);
  }, 60_000);
});

describe("formats and file errors", () => {
  it("--format takes any letter case", async () => {
    const peers = await cli(["peers", "--format", "JSON"]);
    expect(peers.code, peers.stderr).toBe(0);
    expect(JSON.parse(peers.stdout).schemaVersion).toBe(2);
    const sim = await cli(["simulate", uncertainFile, "--iterations", "10", "--workers", "1", "--format", "Json", "--method", "LHS"]);
    expect(sim.code, sim.stderr).toBe(0);
    expect(JSON.parse(sim.stdout).method).toBe("lhs");
    const bad = await cli(["peers", "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are table, json, csv.");
  });

  it("unreadable files are described in words, not codes", async () => {
    const garbage = join(dir, "shard.parquet");
    writeFileSync(garbage, "not parquet at all");
    const cases: [string[], string][] = [
      [["run", join(dir, "nope.yaml")], `error: ${join(dir, "nope.yaml")}: cannot read scenario: no such file\n`],
      [["validate", dir], `error: ${dir}: cannot read scenario: it is a directory, not a file\n`],
      [["simulate", join(dir, "nope.yaml")], `${join(dir, "nope.yaml")}: 1 error(s); nothing was written\n  error: ${join(dir, "nope.yaml")}: cannot read scenario: no such file\n`],
      [["merge", garbage, join(dir, "gone.parquet")], `merge: 2 error(s); nothing was written\n  error: cannot read ${garbage}: not a Parquet file\n  error: cannot read ${join(dir, "gone.parquet")}: no such file\n`],
      [["runs", "list", "--db", dir], `error: --db: ${dir}: it is a directory, not a file\n`],
    ];
    for (const [args, stderr] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toBe(stderr);
    }
  });
});

describe("warnings", () => {
  it("each warning of `run` prints once: on stderr, not again in the table report", async () => {
    const file = join(dir, "pue.yaml");
    writeFileSync(file, stringify(tinyScenario({ facility: { pue: 1.02 } } as never)));
    const count = (s: string): number => s.split("PUE 1.02 is below 1.05").length - 1;
    const table = await cli(["run", file]);
    expect(table.code, table.stderr).toBe(0);
    expect(count(table.stderr)).toBe(1);
    expect(count(table.stdout)).toBe(0);
    const json = await cli(["run", file, "--format", "json"]);
    expect(count(json.stderr)).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics.some((d: { message: string }) => d.message.includes("PUE 1.02"))).toBe(true);
  });
});

describe("--version and progress", () => {
  it("--version prints the package's version", async () => {
    const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
    for (const flag of ["--version", "-v"]) expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("progress goes to stderr when it is a terminal or with --progress, never to stdout; --quiet silences it", async () => {
    const piped = await cli(["run", META, "--format", "json"]);
    expect(piped.stderr).not.toMatch(/^run: /m);
    const terminal = await cli(["run", META, "--format", "json"], true);
    expect(terminal.stderr).toMatch(/^run: reading weather and grid files for 5 site\(s\) with a power block…\nrun: running the model \(.*hourly dispatch of 5 site\(s\).*\)…\nrun: done in \d+\.\d s\n/);
    expect(JSON.parse(terminal.stdout).schemaVersion).toBe(1);
    const quiet = await cli(["run", META, "--format", "json", "--quiet"], true);
    expect(quiet.stderr).not.toMatch(/^run: /m);
    const claims = await cli(["check-claims", "--claim", "C12", "--format", "json", "--progress"]);
    expect(claims.stderr).toMatch(/^check-claims: judging the claims against data\/ and the run…\ncheck-claims: done in/m);
    expect(JSON.parse(claims.stdout).judgments).toHaveLength(1);
  }, 60_000);

  it("simulate and compare print their estimate and progress with --progress", async () => {
    const sim = await cli(["simulate", uncertainFile, "--iterations", "40", "--workers", "1", "--format", "json", "--progress"]);
    expect(sim.code, sim.stderr).toBe(0);
    expect(sim.stderr).toMatch(/^simulate: 40 samples × 22 columns on 1 worker thread\(s\): about \d+ MB of memory and [\d.]+ s \(estimate\)\n/);
    expect(sim.stderr).toContain("simulate: 100% (40/40 samples)\n");
    expect(JSON.parse(sim.stdout).iterations).toBe(40);
    const silent = await cli(["simulate", uncertainFile, "--iterations", "40", "--workers", "1", "--progress", "--quiet"]);
    expect(silent.stderr).toBe("");
    const cmp = await cli(["compare", uncertainFile, "--paths", "300", "--format", "json", "--progress"]);
    expect(cmp.stderr).toMatch(/^compare: 300 demand paths × 7 columns on one thread: about \d+ MB of memory and [\d.]+ s \(estimate\)\ncompare: 3 strategies on 300 demand paths…\ncompare: done in/);
    expect(JSON.parse(cmp.stdout).paths).toBe(300);
  }, 60_000);
});
