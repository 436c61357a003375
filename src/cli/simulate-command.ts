/**
 * `gigaplan simulate <scenario>`: Monte Carlo over the scenario's `uncertain` block with a worker pool,
 * progress on stderr, Ctrl-C cancelling cleanly (workers stopped, no output file), optional sharding and
 * raw samples written to Parquet or CSV (temporary file, then rename: never half-written).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import cliProgress from "cli-progress";
import { type Command, Option } from "commander";
import { type Diagnostic, error, formatDiagnostic, hasErrors } from "../core/diagnostics.ts";
import { parseScenarioText } from "../scenario/load.ts";
import type { Scenario } from "../scenario/schema.ts";
import { renderSimulationReport } from "../text/simulation.ts";
import { CancelledError, runPool } from "../io/simulation-pool.ts";
import { digest, encodeCsv, encodeParquet, tableInfo } from "../io/samples-file.ts";
import { SAMPLING_METHODS, type SamplingMethod } from "../uncertainty/sampler.ts";
import { type SampleTable, type SimulateOptions, preparePlan, summarize } from "../uncertainty/simulate.ts";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;
const EXIT_CANCELLED = 130;

/** Writes bytes or text to `path` through a temporary sibling file and a rename. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function printDiagnostics(file: string, ds: readonly Diagnostic[], io: CliIo): void {
  const errors = ds.filter((d) => d.severity === "error");
  if (errors.length > 0) io.stderr(`${file}: ${errors.length} error(s); nothing was written\n`);
  for (const d of ds) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
}

/** Reads and validates a scenario file; null (after printing why) when unusable. */
export function loadScenarioFile(file: string, io: CliIo): Scenario | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    io.stderr(`error: ${file}: cannot read scenario (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return null;
  }
  const parsed = parseScenarioText(text, file);
  if (!parsed.value) {
    printDiagnostics(file, parsed.diagnostics, io);
    return null;
  }
  return parsed.value;
}

interface SimulateCliOptions {
  iterations: string;
  seed: string;
  method: SamplingMethod;
  workers: string;
  shard?: string;
  out?: string;
  format: "table" | "json";
  progress: boolean;
}

function parseOptions(o: SimulateCliOptions): { options: SimulateOptions; workers: number; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const int = (s: string, flag: string): number => {
    const v = Number(s);
    if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(v)) diagnostics.push(error(flag, `must be a non-negative integer (got "${s}")`));
    return v;
  };
  const options: SimulateOptions = { iterations: int(o.iterations, "--iterations"), seed: int(o.seed, "--seed"), method: o.method };
  const workers = int(o.workers, "--workers");
  if (workers < 1) diagnostics.push(error("--workers", "must be at least 1"));
  if (o.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(o.shard.trim());
    if (!m) diagnostics.push(error("--shard", `must be written k/n, e.g. 0/8 (got "${o.shard}")`));
    else options.shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  if (o.out && !/\.(parquet|csv)$/i.test(o.out)) diagnostics.push(error("--out", "must end in .parquet or .csv"));
  return { options, workers, diagnostics };
}

/** A progress bar on stderr when it is a terminal (the report itself goes to `io`). */
function progressBar(enabled: boolean): { update: (done: number, total: number) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "simulate [{bar}] {percentage}% | {value}/{total} samples | ETA {eta}s", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function writeSamples(path: string, table: SampleTable, scenario: Scenario, targetYear: number): void {
  if (/\.csv$/i.test(path)) writeFileAtomic(path, encodeCsv(table));
  else writeFileAtomic(path, new Uint8Array(encodeParquet(table, tableInfo(table, digest(scenario), targetYear))));
}

export async function simulateCommand(file: string, o: SimulateCliOptions, io: CliIo): Promise<number> {
  const scenario = loadScenarioFile(file, io);
  if (!scenario) return EXIT_BAD_INPUT;
  const parsed = parseOptions(o);
  const prepared = preparePlan(scenario, parsed.options);
  const diagnostics = [...prepared.diagnostics, ...parsed.diagnostics];
  if (!prepared.value || hasErrors(diagnostics)) {
    printDiagnostics(file, diagnostics, io);
    return EXIT_BAD_INPUT;
  }
  printDiagnostics(file, diagnostics, io);
  const plan = prepared.value;
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once("SIGINT", onSigint);
  const bar = progressBar(o.progress);
  let table: SampleTable;
  try {
    table = await runPool(plan, parsed.options, { workers: parsed.workers, signal: abort.signal, onProgress: bar.update });
  } catch (e) {
    if (e instanceof CancelledError) {
      io.stderr("\ncancelled: workers stopped; nothing was written\n");
      return EXIT_CANCELLED;
    }
    throw e;
  } finally {
    bar.stop();
    process.removeListener("SIGINT", onSigint);
  }
  if (o.out) {
    writeSamples(o.out, table, scenario, plan.targetYear);
    io.stderr(`wrote ${table.count} samples to ${o.out}\n`);
  }
  const report = summarize(plan, table);
  io.stdout(o.format === "json" ? `${JSON.stringify(report)}\n` : renderSimulationReport(report));
  return EXIT_OK;
}

export function registerSimulate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("simulate")
    .description("Monte Carlo over the scenario's `uncertain` block: percentiles, risk, sensitivity, raw samples")
    .argument("<scenario>", "scenario file with an `uncertain` block")
    .option("--iterations <n>", "number of samples of the whole run", "10000")
    .option("--seed <s>", "seed of the counter-based RNG (same seed → same samples anywhere)", "1")
    .addOption(new Option("--method <method>", "sampling method").choices([...SAMPLING_METHODS]).default("mc"))
    .option("--workers <k>", "worker threads", String(Math.max(1, Math.min(4, availableParallelism()))))
    .option("--shard <k/n>", "compute only shard k of n (k from 0, as a Kubernetes completion index)")
    .option("--out <file>", "write the raw samples (inputs and outputs) to FILE.parquet or FILE.csv")
    .addOption(new Option("--format <format>", "report format").choices(["table", "json"]).default("table"))
    .option("--no-progress", "no progress bar on stderr")
    .action(async (file: string, opts: SimulateCliOptions) => setExit(await simulateCommand(file, opts, io)));
}
