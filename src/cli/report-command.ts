/**
 * `gigaplan report <scenario> --out report.html [--simulate N] [--compare N] [--seed S]`: runs the scenario with its
 * weather files, optionally a Monte Carlo and a strategy comparison, dispatches one representative site-year hour
 * by hour, and writes one self-contained HTML file (charts, tables, scenario, sources, provenance). Every input
 * problem is reported before anything runs long; on any error nothing is written (exit 2).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type Command, Option } from "commander";
import {
  type CompareReport,
  type Diagnostic,
  type HourlyPower,
  SAMPLING_METHODS,
  STRATEGY_NAMES,
  type SamplingMethod,
  error,
  hasErrors,
  hourlyPower,
  prepareComparison,
  prepareSimulation,
  representativeSiteYear,
  run,
  runComparison,
  runSimulation,
  withPowerProfiles,
} from "../index.ts";
import type { SimulationChartInput } from "../visual.ts";
import { sharedDocument } from "../io/dom.ts";
import { bundledPath, nodeInputFiles } from "../io/input-files.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { workerPoolExecutor } from "../io/simulation-pool.ts";
import { writeFileAtomic } from "../io/write-file-atomic.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, printDiagnostics, withFlags } from "./io.ts";

interface ReportCliOptions {
  out: string;
  simulate?: string;
  compare?: string;
  seed: string;
  method?: SamplingMethod;
  workers: string;
  site?: string;
  year?: string;
}

interface ParsedOptions {
  iterations?: number;
  paths?: number;
  seed: number;
  workers: number;
  year?: number;
}

function parseOptions(o: ReportCliOptions, ds: Diagnostic[]): ParsedOptions {
  const int = (s: string, flag: string, min = 0): number => {
    const v = Number(s);
    if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(v) || v < min) ds.push(error(flag, `must be an integer ≥ ${min} (got "${s}")`));
    return v;
  };
  if (!/\.html?$/i.test(o.out)) ds.push(error("--out", `must end in .html (got "${o.out}")`));
  if (o.year !== undefined && o.site === undefined) ds.push(error("--year", "needs --site"));
  return {
    iterations: o.simulate === undefined ? undefined : int(o.simulate, "--simulate", 1),
    paths: o.compare === undefined ? undefined : int(o.compare, "--compare", 1),
    seed: int(o.seed, "--seed"),
    workers: int(o.workers, "--workers", 1),
    year: o.year === undefined ? undefined : int(o.year, "--year"),
  };
}

function gigaplanVersion(): string {
  try {
    return String((JSON.parse(readFileSync(bundledPath("package.json"), "utf8")) as { version?: unknown }).version ?? "unknown");
  } catch {
    return "unknown";
  }
}

const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

function commandLine(file: string, o: ReportCliOptions): string {
  const parts = ["gigaplan", "report", file, "--out", o.out];
  if (o.simulate !== undefined) parts.push("--simulate", o.simulate);
  if (o.compare !== undefined) parts.push("--compare", o.compare);
  if (o.simulate !== undefined || o.compare !== undefined) parts.push("--seed", o.seed);
  if (o.method) parts.push("--method", o.method);
  if (o.site !== undefined) parts.push("--site", JSON.stringify(o.site));
  if (o.year !== undefined) parts.push("--year", o.year);
  return parts.join(" ");
}

export async function reportCommand(file: string, o: ReportCliOptions, io: Io): Promise<number> {
  const doc = readScenarioFile(file);
  if (!doc.value) {
    for (const d of doc.diagnostics) io.stderr(`error: ${d.path}: ${d.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const ds: Diagnostic[] = [];
  const p = parseOptions(o, ds);
  const files = nodeInputFiles(file);
  const ran = await run(doc.value, { files });
  ds.push(...ran.diagnostics);
  const simOptions = p.iterations === undefined ? null : { iterations: p.iterations, seed: p.seed, method: o.method ?? "mc" };
  const sim = simOptions ? prepareSimulation(doc.value, simOptions) : null;
  if (sim) ds.push(...withFlags(sim.diagnostics, { "--iterations": "--simulate" }));
  const cmpOptions = p.paths === undefined ? null : { paths: p.paths, seed: p.seed, method: o.method ?? "lhs", strategies: [...STRATEGY_NAMES] };
  const cmp = cmpOptions ? prepareComparison(doc.value, cmpOptions) : null;
  if (cmp) ds.push(...withFlags(cmp.diagnostics, { "--paths": "--compare" }));
  let hourly: HourlyPower | undefined;
  if (ran.result && !hasErrors(ds)) {
    const dispatched = ran.result.summary.power.sites;
    const at = o.site !== undefined && p.year !== undefined ? { site: o.site, year: p.year } : representativeSiteYear(ran.result, o.site ?? dispatched[0]);
    if (at) {
      const h = await hourlyPower(doc.value, { site: at.site, year: at.year, files });
      ds.push(...withFlags(h.diagnostics.filter((d) => d.severity === "error"), { site: "--site", year: "--year" }));
      hourly = h.value ?? undefined;
    } else if (o.site !== undefined) {
      ds.push(error("--site", `"${o.site}" has no hours dispatched in this run (sites with a power block and load: ${dispatched.join(", ") || "none"})`));
    }
  }
  if (!ran.result || hasErrors(ds)) {
    printDiagnostics(file, distinct(ds), io);
    return EXIT_BAD_INPUT;
  }
  printDiagnostics(file, distinct(ds).filter((d) => d.severity === "warning"), io);
  let simulation: SimulationChartInput | undefined;
  if (sim?.value) {
    // every iteration dispatches the sites' hourly power on the files `run` read, as `simulate` does
    const withPower = await withPowerProfiles(sim.value, files);
    ds.push(...withPower.diagnostics.filter((d) => d.severity === "error"));
    if (!withPower.value) {
      for (const d of ds) io.stderr(`${d.severity}: ${d.path}: ${d.message}\n`);
      return EXIT_BAD_INPUT;
    }
    const out = await runSimulation(withPower.value, { executor: workerPoolExecutor(p.workers) });
    simulation = { ...out.report, samples: out.table };
  }
  const comparison: CompareReport | undefined = cmp?.value && cmpOptions ? runComparison(cmp.value, cmpOptions) : undefined;
  const { renderHtmlReport } = await import("../visual.ts"); // loads Observable Plot only for this command
  const html = renderHtmlReport(
    {
      result: ran.result,
      scenarioText: "text" in doc.value ? doc.value.text : JSON.stringify(doc.value.value, null, 2),
      scenarioName: file,
      simulation,
      comparison,
      hourly,
      provenance: {
        gigaplanVersion: gigaplanVersion(),
        scenarioHash: sha256(file),
        scenarioHashAlgorithm: "SHA-256",
        ...(simulation || comparison ? { seed: p.seed } : {}),
        command: commandLine(file, o),
      },
    },
    { document: await sharedDocument() },
  );
  writeFileAtomic(o.out, html);
  io.stdout(`wrote ${o.out} (${Buffer.byteLength(html).toLocaleString("en-US")} bytes)\n`);
  return EXIT_OK;
}

/** Diagnostics without repeats (the run, the Monte Carlo and the comparison each check the same scenario). */
function distinct(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.severity}|${d.path}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function registerReport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("report")
    .description("write one self-contained HTML report: headline figures, charts, tables, scenario, sources, provenance")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .requiredOption("--out <file>", "HTML file to write (written whole or not at all)")
    .option("--simulate <n>", "add a Monte Carlo of N samples over the scenario's `uncertain` block")
    .option("--compare <paths>", "add the build-strategy comparison over N demand paths (needs uncertain.demand)")
    .option("--seed <s>", "seed of the Monte Carlo and the comparison", "1")
    .addOption(new Option("--method <method>", "sampling method (default: mc for --simulate, lhs for --compare, as those commands)").choices([...SAMPLING_METHODS]))
    .option("--workers <k>", "worker threads for --simulate", String(Math.max(1, Math.min(4, availableParallelism()))))
    .option("--site <name>", "site shown hour by hour (default: the first site with a power block)")
    .option("--year <year>", "year shown hour by hour (default: the site's first complete year of operation)")
    .action(async (file: string, opts: ReportCliOptions) => setExit(await reportCommand(file, opts, io)));
}
