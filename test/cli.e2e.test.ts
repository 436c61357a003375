/**
 * End-to-end tests of the `gigaplan` command line.
 *
 * A few cases spawn the real CLI (`node bin/gigaplan.js ...`), the rest call `main(argv, io)` in-process to keep
 * the suite fast. Every bad scenario is written to a fresh temp dir, built from a parsed copy of
 * test/fixtures/small.yaml or of scenarios/meta-600b.yaml with one or more fields broken.
 *
 * Contract under test (from the issue): errors → exit code 2, a readable list on stderr where each line names the
 * field path (`sites[1].phases[0].itPowerMw: must be > 0`), nothing written; warnings are shown but do not stop the run.
 */
import { parse as parseCsvSync } from "csv-parse/sync";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { main } from "../src/cli/main.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const META = join(ROOT, "scenarios", "meta-600b.yaml");
const SMALL = join(ROOT, "test", "fixtures", "small.yaml");
const TABLES = ["phases", "yearly", "sitesYearly", "acceleratorsYearly", "monthlySites", "vintages", "spvYearly", "fundingYearly", "pnlYearly", "revenueRequiredYearly", "powerSitesYearly", "emissionsYearly", "waterYearly"];
const OUT_FILES = [...TABLES.map((t) => `${t}.csv`), "summary.json", "inputs.json", "provenance.json"].sort();

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the real CLI. */
function cli(args: string[]): CliResult {
  const r = spawnSync(process.execPath, ["bin/gigaplan.js", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `main(argv, io)` in-process. Paths given to it must be absolute (the test process's cwd may differ). */
async function inProcess(args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

const tempDirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), "gigaplan-e2e-"));
  tempDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: scenarios are mutated freely to break them
type Obj = any;

const smallScenario = (): Obj => parseYaml(readFileSync(SMALL, "utf8"));

const metaScenario = (): Obj => parseYaml(readFileSync(META, "utf8"));

/** Writes a scenario (object → YAML or JSON by extension; string → as is) into a fresh temp dir. */
function writeScenario(scenario: Obj | string, fileName = "scenario.yaml"): { dir: string; file: string; out: string } {
  const dir = freshDir();
  const file = join(dir, fileName);
  const text =
    typeof scenario === "string" ? scenario : fileName.endsWith(".json") ? JSON.stringify(scenario, null, 2) : stringifyYaml(scenario);
  writeFileSync(file, text);
  return { dir, file, out: join(dir, "out") };
}

/** `--out DIR` must hold no files after a failed run (it may not exist at all). */
function expectNothingWritten(out: string): void {
  if (existsSync(out)) expect(readdirSync(out)).toEqual([]);
}

function expectBadInput(r: CliResult, out: string): void {
  expect(r.code, `stderr:\n${r.stderr}`).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/error\(s\); nothing was written/);
  expectNothingWritten(out);
}

/** Every diagnostic line on stderr has the form `  <severity>: <path>: <message>`. */
function diagnosticLines(stderr: string): { severity: string; path: string; message: string }[] {
  return stderr
    .split("\n")
    .map((l) => /^\s+(error|warning): (\S+): (.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ severity: m[1], path: m[2], message: m[3] }));
}

/** Reads the CLI's CSV back with a maintained RFC 4180 parser. */
function parseCsv(text: string): string[][] {
  return parseCsvSync(text, { relax_column_count: false }) as string[][];
}

function csvColumn(csv: string[][], name: string): string[] {
  const i = csv[0].indexOf(name);
  expect(i, `column ${name} in ${csv[0].join(",")}`).toBeGreaterThanOrEqual(0);
  return csv.slice(1).map((r) => r[i]);
}

const relClose = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1);

// ---------------------------------------------------------------------------------------------------------------
// Happy paths on the real Meta scenario (spawned CLI)
// ---------------------------------------------------------------------------------------------------------------

describe("run scenarios/meta-600b.yaml", () => {
  let json: CliResult;
  let table: CliResult;
  let outDir: string;

  beforeAll(() => {
    json = cli(["run", "scenarios/meta-600b.yaml", "--format", "json"]);
    outDir = join(freshDir(), "results");
    table = cli(["run", "scenarios/meta-600b.yaml", "--format", "table", "--out", outDir]);
  });

  it("validate exits 0", () => {
    const r = cli(["validate", "scenarios/meta-600b.yaml"]);
    expect(r.code, `stderr:\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain("valid");
    expect(diagnosticLines(r.stderr).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("--format json prints one JSON document with the summary contract", () => {
    expect(json.code, `stderr:\n${json.stderr}`).toBe(0);
    const doc = JSON.parse(json.stdout); // throws unless stdout is exactly one JSON document
    expect(json.stdout.trim().split("\n")).toHaveLength(1);
    expect(Array.isArray(doc.diagnostics)).toBe(true);
    const s = doc.summary;
    expect(s.capexUsdTotal).toBeGreaterThan(0);
    expect(Number.isFinite(s.capexUsdTotal)).toBe(true);

    const years = Object.keys(s.itPowerMwByYear);
    expect(years[0]).toBe("2024");
    expect(years[years.length - 1]).toBe("2045");
    expect(years).toHaveLength(2045 - 2024 + 1);
    for (const key of ["itPowerMwByYear", "acceleratorsByYear", "facilityEnergyMwhByYear"]) {
      expect(Object.keys(s[key]), key).toEqual(years);
      for (const [y, v] of Object.entries(s[key] as Record<string, number>)) {
        expect(y).toMatch(/^\d{4}$/);
        expect(typeof v).toBe("number");
        expect(v, `${key}.${y}`).toBeGreaterThanOrEqual(0);
      }
    }
    // By the end of the horizon every phase is online: IT MW equals the sum of the phases' itPowerMw.
    const scenario = metaScenario();
    const phaseMw = scenario.sites.flatMap((site: Obj) => site.phases.map((p: Obj) => p.itPowerMw as number)).reduce((a: number, b: number) => a + b, 0);
    expect(s.itPowerMwByYear["2045"]).toBeCloseTo(phaseMw, 6);
    expect(s.acceleratorsByYear["2045"]).toBeGreaterThan(0);
    // Facility energy includes cooling and losses, so it is never below IT energy.
    for (const y of years) expect(s.facilityEnergyMwhByYear[y]).toBeGreaterThanOrEqual(s.itEnergyMwhByYear[y] * (1 - 1e-12));
    expect(s.facilityEnergyMwhByYear["2045"]).toBeGreaterThan(0);

    expect(s.jobs.constructionPeak).toBeGreaterThan(0);
    expect(s.jobs.permanent).toBeGreaterThan(0);
  });

  it("--out DIR writes one CSV per table plus summary.json, inputs.json and provenance.json and nothing else", () => {
    expect(table.code, `stderr:\n${table.stderr}`).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(OUT_FILES); // no leftover .gigaplan-tmp-* dirs
    const yearly = parseCsv(readFileSync(join(outDir, "yearly.csv"), "utf8"));
    expect(yearly[0][0]).toBe("year");
    for (const t of TABLES) {
      const csv = parseCsv(readFileSync(join(outDir, `${t}.csv`), "utf8"));
      expect(csv.length, t).toBeGreaterThan(1);
      for (const r of csv) expect(r.length, `${t} row width`).toBe(csv[0].length);
    }
  });

  it("CSV capex sums to summary.capexUsdTotal (summary.json and --format json agree)", () => {
    const summary = JSON.parse(readFileSync(join(outDir, "summary.json"), "utf8"));
    const fromJson = JSON.parse(json.stdout).summary;
    expect(summary.capexUsdTotal).toBe(fromJson.capexUsdTotal);
    const total = summary.capexUsdTotal as number;
    const sum = (file: string, col: string): number =>
      csvColumn(parseCsv(readFileSync(join(outDir, file), "utf8")), col).reduce((a, v) => a + Number(v), 0);
    // the site tables hold the campuses' capex; capex no modelled campus explains (program.unmodelledCapex) is at no site
    const campuses = total - (summary.capexUsdByCategory.unmodelled as number);
    for (const [file, col, expected] of [
      ["yearly.csv", "capexUsd", total],
      ["sitesYearly.csv", "capexUsd", campuses],
      ["monthlySites.csv", "capexUsd", campuses],
    ] as const) {
      const s = sum(file, col);
      expect(relClose(s, expected), `${file} ${col}: ${s} vs ${expected}`).toBe(true);
    }
    // yearly.csv and the summary agree year by year too.
    const yearly = parseCsv(readFileSync(join(outDir, "yearly.csv"), "utf8"));
    const years = csvColumn(yearly, "year");
    const itMw = csvColumn(yearly, "itPowerMwOnline").map(Number);
    years.forEach((y, i) => expect(relClose(itMw[i], summary.itPowerMwByYear[y]), `itPowerMwOnline ${y}`).toBe(true));
  });

  it("--format table prints a readable report naming every site", () => {
    expect(table.code).toBe(0);
    for (const site of ["Hyperion", "Prometheus", "El Paso", "Unallocated US capacity"]) expect(table.stdout).toContain(site);
    expect(table.stdout).toContain("Meta US AI infrastructure");
    expect(table.stdout).not.toMatch(/NaN|undefined|\[object/);
    expect(table.stderr).toContain(`wrote ${OUT_FILES.length} files to ${outDir}`);
  });
});

describe("schema", () => {
  it("prints a JSON Schema with properties.sites (spawned)", () => {
    const r = cli(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.sites).toBeDefined();
    expect(schema.properties.sites.type).toBe("array");
    expect(schema.properties.program).toBeDefined();
    expect(schema.required).toEqual(expect.arrayContaining(["program", "sites"]));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Happy paths on the small fixture (in-process)
// ---------------------------------------------------------------------------------------------------------------

describe("small valid scenario", () => {
  it("fixture is valid and warning-free", async () => {
    const r = await inProcess(["validate", SMALL]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${SMALL}: valid\n`);
  });

  it("a parsed and re-serialized copy of the Meta scenario (base of derived bad inputs) is valid", async () => {
    const { file } = writeScenario(metaScenario());
    const r = await inProcess(["validate", file]);
    expect(r.code, r.stderr).toBe(0);
  });

  it("a .json scenario runs like its YAML twin", async () => {
    const { file } = writeScenario(smallScenario(), "small.json");
    const fromJson = await inProcess(["run", file, "--format", "json"]);
    const fromYaml = await inProcess(["run", SMALL, "--format", "json"]);
    expect(fromJson.code, fromJson.stderr).toBe(0);
    expect(JSON.parse(fromJson.stdout).summary).toEqual(JSON.parse(fromYaml.stdout).summary);
  });

  it("--format csv --table yearly prints the same CSV as --out writes", async () => {
    const { out } = writeScenario(smallScenario());
    const r = await inProcess(["run", SMALL, "--format", "csv", "--table", "yearly", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(out, "yearly.csv"), "utf8"));
    expect(r.stdout.split("\n")[0].startsWith("year,")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Bad inputs: exit 2, path on stderr, nothing written
// ---------------------------------------------------------------------------------------------------------------

interface BadCase {
  name: string;
  base: "small" | "meta";
  mutate: (s: Obj) => void;
  /** Substrings expected on stderr, each normally `path: message` of one diagnostic line. */
  expect: string[];
  /** The complete set of error paths expected (collect-all; no spurious extras). */
  paths: string[];
}

const badCases: BadCase[] = [
  {
    name: "wrong type (string for a number)",
    base: "small",
    mutate: (s) => {
      s.sites[1].phases[0].itPowerMw = "thirty";
    },
    expect: ["error: sites[1].phases[0].itPowerMw: ", "must be a number (got string)"],
    paths: ["sites[1].phases[0].itPowerMw"],
  },
  {
    name: "negative power",
    base: "small",
    mutate: (s) => {
      s.sites[1].phases[0].itPowerMw = -30;
    },
    expect: ["sites[1].phases[0].itPowerMw: must be > 0"],
    paths: ["sites[1].phases[0].itPowerMw"],
  },
  {
    name: "zero power",
    base: "meta",
    mutate: (s) => {
      s.sites[1].phases[0].itPowerMw = 0;
    },
    expect: ["sites[1].phases[0].itPowerMw: must be > 0"],
    paths: ["sites[1].phases[0].itPowerMw"],
  },
  {
    name: "non-integer construction months",
    base: "small",
    mutate: (s) => {
      s.sites[0].phases[0].constructionMonths = 18.5;
    },
    expect: ["error: sites[0].phases[0].constructionMonths: "],
    paths: ["sites[0].phases[0].constructionMonths"],
  },
  {
    name: "fleet share above 1",
    base: "small",
    mutate: (s) => {
      s.sites[0].phases[0].fleetMix = { GB200: 1.5 };
    },
    expect: ["sites[0].phases[0].fleetMix.GB200: must be <= 1"],
    paths: ["sites[0].phases[0].fleetMix.GB200"],
  },
  {
    name: "utilization above 1",
    base: "small",
    mutate: (s) => {
      s.facility = { utilizationFraction: 1.2 };
    },
    expect: ["facility.utilizationFraction: must be <= 1"],
    paths: ["facility.utilizationFraction"],
  },
  {
    name: "negative capital",
    base: "small",
    mutate: (s) => {
      s.program.capitalPlanUsdByYear["2026"] = -1e9;
    },
    // Record keys that are not plain names are quoted the same way everywhere: capitalPlanUsdByYear["2026"].
    expect: ['program.capitalPlanUsdByYear["2026"]: must be >= 0'],
    paths: ['program.capitalPlanUsdByYear["2026"]'],
  },
  {
    name: "infinite power (.inf)",
    base: "small",
    mutate: (s) => {
      s.sites[0].phases[0].itPowerMw = Number.POSITIVE_INFINITY;
    },
    expect: ["error: sites[0].phases[0].itPowerMw: "],
    paths: ["sites[0].phases[0].itPowerMw"],
  },
  {
    name: "month not written YYYY-MM",
    base: "small",
    mutate: (s) => {
      s.sites[0].phases[0].constructionStartMonth = "2025-13";
    },
    expect: ["sites[0].phases[0].constructionStartMonth: must be a month written YYYY-MM"],
    paths: ["sites[0].phases[0].constructionStartMonth"],
  },
  {
    name: "missing required field",
    base: "small",
    mutate: (s) => {
      delete s.sites[1].gridRegion;
    },
    expect: ["sites[1].gridRegion: is required"],
    paths: ["sites[1].gridRegion"],
  },
  {
    name: "unknown field (typo in a phase)",
    base: "small",
    mutate: (s) => {
      s.sites[1].phases[1].constructionMonth = 24;
    },
    expect: ["sites[1].phases[1].constructionMonth: unknown field"],
    paths: ["sites[1].phases[1].constructionMonth"],
  },
  {
    name: "unknown field (misspelt unit replaces the real field)",
    base: "meta",
    mutate: (s) => {
      const ph = s.sites[1].phases[0];
      ph.itPowerMW = ph.itPowerMw;
      delete ph.itPowerMw;
    },
    expect: ["sites[1].phases[0].itPowerMW: unknown field", "sites[1].phases[0].itPowerMw: is required"],
    paths: ["sites[1].phases[0].itPowerMW", "sites[1].phases[0].itPowerMw"],
  },
  {
    name: "unknown top-level section",
    base: "small",
    mutate: (s) => {
      s.facilty = { pue: 1.1 };
    },
    expect: ["facilty: unknown field"],
    paths: ["facilty"],
  },
  {
    name: "unknown accelerator in fleetMix",
    base: "meta",
    mutate: (s) => {
      s.sites[0].phases[1].fleetMix = { GB300: 0.8, TPUv9: 0.2 };
    },
    expect: ['sites[0].phases[1].fleetMix.TPUv9: unknown accelerator "TPUv9"'],
    paths: ["sites[0].phases[1].fleetMix.TPUv9"],
  },
  {
    name: "unknown accelerator in supply caps",
    base: "small",
    mutate: (s) => {
      s.acceleratorSupplyUnitsByYear = { Blackwell9000: { 2026: 1000 } };
    },
    expect: ['acceleratorSupplyUnitsByYear.Blackwell9000: unknown accelerator "Blackwell9000"'],
    paths: ["acceleratorSupplyUnitsByYear.Blackwell9000"],
  },
  {
    name: "unknown refresh generation",
    base: "small",
    mutate: (s) => {
      s.assetLives = { refreshGeneration: "Rubin9" };
    },
    expect: ['assetLives.refreshGeneration: unknown accelerator "Rubin9"'],
    paths: ["assetLives.refreshGeneration"],
  },
  {
    name: "fleetMix shares not summing to 1",
    base: "small",
    mutate: (s) => {
      s.sites[1].phases[0].fleetMix = { GB300: 0.5, MI355X: 0.25 };
    },
    expect: ["sites[1].phases[0].fleetMix: shares must sum to 1 (they sum to 0.75)"],
    paths: ["sites[1].phases[0].fleetMix"],
  },
  {
    name: "fleetMix with no positive share",
    base: "small",
    mutate: (s) => {
      s.sites[0].phases[0].fleetMix = { GB200: 0 };
    },
    expect: ["sites[0].phases[0].fleetMix: must name at least one accelerator generation"],
    paths: ["sites[0].phases[0].fleetMix"],
  },
  {
    name: "unknown grid region",
    base: "small",
    mutate: (s) => {
      s.sites[1].gridRegion = "ERCOTT";
    },
    expect: ['sites[1].gridRegion: unknown grid region "ERCOTT"'],
    paths: ["sites[1].gridRegion"],
  },
  {
    name: "construction start after the horizon",
    base: "meta",
    mutate: (s) => {
      s.sites[2].phases[0].constructionStartMonth = "2050-01";
    },
    expect: ["sites[2].phases[0].constructionStartMonth: 2050-01 is outside the horizon 2024-01..2045-12"],
    paths: ["sites[2].phases[0].constructionStartMonth"],
  },
  {
    name: "construction start before the horizon",
    base: "small",
    mutate: (s) => {
      s.sites[1].phases[1].constructionStartMonth = "2024-06";
    },
    expect: ["sites[1].phases[1].constructionStartMonth: 2024-06 is outside the horizon 2025-01..2032-12"],
    paths: ["sites[1].phases[1].constructionStartMonth"],
  },
  {
    name: "interconnection outside the horizon",
    base: "small",
    mutate: (s) => {
      s.sites[1].phases[0].interconnectionMonth = "2040-01";
    },
    expect: ["sites[1].phases[0].interconnectionMonth: 2040-01 is outside the horizon"],
    paths: ["sites[1].phases[0].interconnectionMonth"],
  },
  {
    name: "horizon ends before it starts",
    base: "small",
    mutate: (s) => {
      s.program.horizonEndMonth = "2024-12";
    },
    expect: ["program.horizonEndMonth: must not be before horizonStartMonth"],
    paths: ["program.horizonEndMonth"],
  },
  {
    name: "duplicate site name",
    base: "small",
    mutate: (s) => {
      s.sites[1].name = s.sites[0].name;
    },
    expect: ['sites[1].name: duplicate site name "Alpha Campus"'],
    paths: ["sites[1].name"],
  },
  {
    name: "capital plan cannot pay for the phases (Meta with 2027-2032 removed)",
    base: "meta",
    mutate: (s) => {
      for (const y of ["2027", "2028", "2029", "2030", "2031", "2032"]) delete s.program.capitalPlanUsdByYear[y];
    },
    expect: ["program.capitalPlanUsdByYear: capital plan totals $"],
    paths: ["program.capitalPlanUsdByYear"],
  },
  {
    name: "capital plan cannot pay for the phases (small, plan of $0.1B)",
    base: "small",
    mutate: (s) => {
      s.program.capitalPlanUsdByYear = { 2025: 0.1e9 };
    },
    expect: ["program.capitalPlanUsdByYear: capital plan totals $0.1B but the phases need $"],
    paths: ["program.capitalPlanUsdByYear"],
  },
];

describe("bad scenarios: exit 2, field path on stderr, nothing written", () => {
  for (const c of badCases) {
    it(c.name, async () => {
      const s = c.base === "meta" ? metaScenario() : smallScenario();
      c.mutate(s);
      const { file, out } = writeScenario(s);
      const r = await inProcess(["run", file, "--out", out]);
      expectBadInput(r, out);
      for (const e of c.expect) expect(r.stderr).toContain(e);
      const errors = diagnosticLines(r.stderr).filter((d) => d.severity === "error");
      expect(errors.map((d) => d.path).sort()).toEqual([...c.paths].sort());
      expect(r.stderr).toContain(`${file}: ${c.paths.length} error(s); nothing was written`);
      // validate reports the same errors and exits 2 too.
      const v = await inProcess(["validate", file]);
      expect(v.code).toBe(2);
      expect(diagnosticLines(v.stderr).filter((d) => d.severity === "error")).toEqual(errors);
    });
  }

  it("negative itPowerMw via the spawned CLI: exit 2, issue's example line, --out dir untouched", () => {
    const s = metaScenario();
    s.sites[1].phases[0].itPowerMw = -926;
    const { file, out } = writeScenario(s);
    const r = cli(["run", file, "--out", out, "--format", "json"]);
    expectBadInput(r, out);
    expect(r.stderr.split("\n")).toContain("  error: sites[1].phases[0].itPowerMw: must be > 0");
  });

  it("capital plan that cannot pay via the spawned CLI: exit 2, nothing written", () => {
    const s = smallScenario();
    s.program.capitalPlanUsdByYear = { 2025: 1e9 };
    const { file, out } = writeScenario(s);
    const r = cli(["run", file, "--out", out]);
    expectBadInput(r, out);
    expect(r.stderr).toMatch(/error: program\.capitalPlanUsdByYear: capital plan totals \$1\.0B but the phases need \$\d+\.\dB/);
  });

  it("an --out dir that already exists stays empty", async () => {
    const s = smallScenario();
    s.sites[0].gridRegion = "Atlantis";
    const { file, dir } = writeScenario(s);
    const r = await inProcess(["run", file, "--out", dir]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(["scenario.yaml"]);
  });

  it("collect-all: several schema errors are all reported", async () => {
    const s = smallScenario();
    s.program.currencyBaseYear = "2025";
    s.sites[0].phases[0].itPowerMw = -1;
    s.sites[1].phases[0].constructionMonths = 0;
    s.sites[1].phases[1].fleetMix = { GB300: 2 };
    s.sites[1].phases[1].pueTypo = 1.1;
    s.program.horizonStartMonth = "Jan 2025";
    const { file, out } = writeScenario(s);
    const r = await inProcess(["run", file, "--out", out]);
    expectBadInput(r, out);
    const paths = diagnosticLines(r.stderr).map((d) => d.path);
    expect(paths.sort()).toEqual(
      [
        "program.currencyBaseYear",
        "program.horizonStartMonth",
        "sites[0].phases[0].itPowerMw",
        "sites[1].phases[0].constructionMonths",
        "sites[1].phases[1].fleetMix.GB300",
        "sites[1].phases[1].pueTypo",
      ].sort(),
    );
    expect(r.stderr).toContain("6 error(s)");
  });

  it("collect-all: several cross-reference errors are all reported (spawned)", () => {
    const s = metaScenario();
    s.sites[0].gridRegion = "ERCOT-NORTH";
    s.sites[1].phases[0].fleetMix = { GB200: 0.7, H100: 0.2, XPU: 0.1 };
    s.sites[2].phases[0].constructionStartMonth = "2046-01";
    s.sites[4].phases[0].fleetMix = { GB300: 0.5, MI355X: 0.2 };
    s.sites[4].phases[1].interconnectionMonth = "2023-12";
    const { file, out } = writeScenario(s);
    const r = cli(["run", file, "--out", out]);
    expectBadInput(r, out);
    const paths = diagnosticLines(r.stderr).map((d) => d.path);
    expect(paths.sort()).toEqual(
      [
        "sites[0].gridRegion",
        "sites[1].phases[0].fleetMix.XPU",
        "sites[2].phases[0].constructionStartMonth",
        "sites[4].phases[0].fleetMix",
        "sites[4].phases[1].interconnectionMonth",
      ].sort(),
    );
    expect(r.stderr).toContain("5 error(s)");
  });
});

describe("unreadable or unparsable input", () => {
  it("malformed YAML → exit 2 with line and column (spawned)", () => {
    const { file, out } = writeScenario("program:\n  name: [unclosed\n  currencyBaseYear: 2025\nsites: []\n");
    const r = cli(["run", file, "--out", out]);
    expectBadInput(r, out);
    expect(r.stderr).toMatch(/error: \(file\): malformed YAML at line \d+, column \d+: \S/);
  });

  it("duplicate YAML keys → exit 2", async () => {
    const text = readFileSync(SMALL, "utf8").replace("  currencyBaseYear: 2025\n", "  currencyBaseYear: 2025\n  currencyBaseYear: 2026\n");
    const { file, out } = writeScenario(text);
    const r = await inProcess(["run", file, "--out", out]);
    expectBadInput(r, out);
    expect(r.stderr).toMatch(/program\.currencyBaseYear: duplicate key "currencyBaseYear" at line \d+/);
  });

  it("a YAML document that is not a mapping → exit 2", async () => {
    const { file, out } = writeScenario("- just\n- a list\n");
    const r = await inProcess(["run", file, "--out", out]);
    expectBadInput(r, out);
    expect(r.stderr).toContain("error: (root): the scenario must be a mapping");
  });

  it("empty file → exit 2", async () => {
    const { file, out } = writeScenario("");
    const r = await inProcess(["run", file, "--out", out]);
    expectBadInput(r, out);
    expect(r.stderr).toContain("(root)");
  });

  it("malformed JSON scenario (.json) → exit 2", async () => {
    const good = JSON.stringify(smallScenario(), null, 2);
    const { file, out } = writeScenario(`${good.slice(0, -2)},\n}`, "scenario.json");
    const r = await inProcess(["run", file, "--out", out]);
    expectBadInput(r, out);
    expect(r.stderr).toContain("error: (file): malformed JSON");
  });

  it("wrong type in a .json scenario → exit 2 with path", async () => {
    const s = smallScenario();
    s.sites[1].phases = {};
    const { file, out } = writeScenario(s, "scenario.json");
    const r = await inProcess(["run", file, "--out", out]);
    expectBadInput(r, out);
    expect(r.stderr).toContain("error: sites[1].phases: ");
  });

  it("missing file → exit 2 (spawned)", () => {
    const dir = freshDir();
    const file = join(dir, "does-not-exist.yaml");
    const out = join(dir, "out");
    const r = cli(["run", file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`error: ${file}: cannot read scenario: no such file`);
    expectNothingWritten(out);
    const v = cli(["validate", file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain("cannot read scenario");
  });

  it("unknown --format → exit 2 naming the allowed choices (spawned), nothing written", () => {
    const out = join(freshDir(), "out");
    const r = cli(["run", "scenarios/meta-600b.yaml", "--format", "xml", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--format");
    expect(r.stderr).toContain("xml");
    expect(r.stderr).toMatch(/table, json, csv/);
    expectNothingWritten(out);
  });

  it("unknown command and missing argument → exit 2", async () => {
    expect((await inProcess(["frobnicate"])).code).toBe(2);
    const r = await inProcess(["run"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });

  // KNOWN BUG (reported): runCommand writes --out before it checks --table, so a bad --table exits 2 but leaves
  // seven files behind, breaking "errors → nothing written". Remove `.fails` once src/cli/main.ts checks first.
  it("unknown --table with --out → exit 2 and nothing written", async () => {
    const out = join(freshDir(), "out");
    const r = await inProcess(["run", SMALL, "--format", "csv", "--table", "nope", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown table "nope"');
    expectNothingWritten(out);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Warnings: shown, but the run goes on
// ---------------------------------------------------------------------------------------------------------------

describe("warnings do not stop the run", () => {
  it("facility PUE 1.02 → exit 0, warning naming pue on stderr, outputs written (spawned)", () => {
    const s = smallScenario();
    s.facility = { pue: 1.02 };
    const { file, out } = writeScenario(s);
    const r = cli(["run", file, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const warnings = diagnosticLines(r.stderr).filter((d) => d.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((d) => d.path === "facility.pue")).toBe(true);
    expect(r.stderr).toContain("warning: facility.pue: PUE 1.02 is below 1.05");
    expect(r.stderr).not.toMatch(/error/);
    expect(r.stdout).toContain("Alpha Campus");
    expect(readdirSync(out).sort()).toEqual(OUT_FILES);
  });

  it("phase PUE 1.02 → exit 0 and the warning names the phase's pue", async () => {
    const s = smallScenario();
    s.sites[1].phases[0].pue = 1.02;
    const { file } = writeScenario(s);
    const r = await inProcess(["run", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: sites[1].phases[0].pue: PUE 1.02 is below 1.05");
    const v = await inProcess(["validate", file]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain("warning: sites[1].phases[0].pue:");
    expect(v.stdout).toContain("valid");
  });

  it("PUE 1.02 with --format json → exit 0, warning in diagnostics, stdout still one JSON document", async () => {
    const s = smallScenario();
    s.facility = { pue: 1.02 };
    const { file } = writeScenario(s);
    const r = await inProcess(["run", file, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: "facility.pue", severity: "warning" })]));
  });

  it("capital plan year outside the horizon is a warning, not an error", async () => {
    const s = smallScenario();
    s.program.capitalPlanUsdByYear["2040"] = 1e9;
    const { file } = writeScenario(s);
    const r = await inProcess(["run", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: program.capitalPlanUsdByYear["2040"]: year is outside the horizon');
  });
});

describe("gigaplan sources", () => {
  it("prints the site data, the inputs that matter and every number; json and csv carry the same rows", () => {
    const t = cli(["sources", "scenarios/meta-600b.yaml"]);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^Hyperion\s+pv\s+NSRDB PSM3: data\/weather\/phoenix.*33\.45, -111\.98\s+1,901\s+typical year\s+PROXY$/m);
    expect(t.stdout).toContain("Inputs that matter most for npvUsd");
    expect(t.stdout).toMatch(/^facility\.json\s+pue\s+1\.08\s+sourced/m);
    expect(t.stderr).toContain("proxy weather");
    const j = cli(["sources", "scenarios/meta-600b.yaml", "--format", "json"]);
    const doc = JSON.parse(j.stdout);
    expect(doc.schemaVersion).toBe(1);
    const c = cli(["sources", "scenarios/meta-600b.yaml", "--format", "csv"]);
    const lines = c.stdout.trim().split("\n");
    expect(lines[0]).toBe("kind,file,path,value,unit,status,source,url,date,note");
    expect(lines.length - 1).toBe(doc.reference.length + doc.scenario.length);
  });

  it("a bad scenario is exit 2 with the field path; a missing file names it", () => {
    const s = smallScenario();
    s.sites[0].location = { latitudeDeg: 95, longitudeDeg: 0 };
    const { file } = writeScenario(s);
    const r = cli(["sources", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("sites[0].location.latitudeDeg");
    const gone = cli(["sources", "nope.yaml"]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain("nope.yaml");
  });
});
