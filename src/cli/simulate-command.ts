/**
 * `gigaplan simulate <scenario>`: Monte Carlo over the scenario's `uncertain` block with a worker pool,
 * progress on stderr, Ctrl-C cancelling cleanly (workers stopped, no output file), optional sharding and
 * raw samples written to Parquet or CSV (temporary file, then rename: never half-written).
 */
import { availableParallelism } from "node:os";
import cliProgress from "cli-progress";
import { type Command, Option } from "commander";
import { type Diagnostic, SAMPLING_METHODS, type SamplingMethod, type SimulateOptions, type SimulationRun, error, hasErrors, prepareSimulation, renderSimulationReport, runSimulation } from "../index.ts";
import { encodeCsv, encodeParquet } from "../io/samples-file.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { CancelledError, workerPoolExecutor } from "../io/simulation-pool.ts";
import { writeFileAtomic } from "../io/write-file-atomic.ts";
import { EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_OK, type Io, printDiagnostics } from "./io.ts";

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

function writeSamples(path: string, run: SimulationRun): void {
  if (/\.csv$/i.test(path)) writeFileAtomic(path, encodeCsv(run.table));
  else writeFileAtomic(path, new Uint8Array(encodeParquet(run.table, run.info)));
}

export async function simulateCommand(file: string, o: SimulateCliOptions, io: Io): Promise<number> {
  const doc = readScenarioFile(file);
  if (!doc.value) {
    io.stderr(`error: ${file}: ${doc.diagnostics[0].message}\n`);
    return EXIT_BAD_INPUT;
  }
  const parsed = parseOptions(o);
  const prepared = prepareSimulation(doc.value, parsed.options);
  const diagnostics = [...prepared.diagnostics, ...parsed.diagnostics];
  printDiagnostics(file, diagnostics, io);
  if (!prepared.value || hasErrors(diagnostics)) return EXIT_BAD_INPUT;
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once("SIGINT", onSigint);
  const bar = progressBar(o.progress);
  let out: SimulationRun;
  try {
    out = await runSimulation(prepared.value, { executor: workerPoolExecutor(parsed.workers), signal: abort.signal, onProgress: bar.update });
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
    writeSamples(o.out, out);
    io.stderr(`wrote ${out.table.count} samples to ${o.out}\n`);
  }
  io.stdout(o.format === "json" ? `${JSON.stringify(out.report)}\n` : renderSimulationReport(out.report));
  return EXIT_OK;
}

export function registerSimulate(program: Command, io: Io, setExit: (code: number) => void): void {
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
