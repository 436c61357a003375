/**
 * `gigaplan simulate <scenario>`: Monte Carlo over the scenario's `uncertain` block with a worker pool,
 * progress on stderr, Ctrl-C cancelling cleanly (workers stopped, no output file), optional sharding and
 * raw samples written to Parquet or CSV (temporary file, then rename: never half-written). Before it starts, the
 * run's memory and time are estimated (printed with progress on); beyond 4 GB or an hour it is refused unless
 * `--force`, with the shards that would fit; `--workers` is capped at the machine's cores unless `--force`.
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { type Command, Option } from "commander";
import { BASE_PROCESS_BYTES, type Diagnostic, type RunEstimate, SAMPLING_METHODS, type SamplingMethod, type SimulateOptions, type SimulationRun, error, estimateSimulation, hasErrors, prepareSimulation, renderSimulationReport, runSimulation, withPowerProfiles } from "../index.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { encodeCsv, encodeParquet } from "../io/samples-file.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { outputPathProblem } from "../io/output-path.ts";
import { CancelledError, capWorkers, workerPoolExecutor } from "../io/simulation-pool.ts";
import { writeFileAtomic } from "../io/write-file-atomic.ts";
import { numberFlag, printProblems, shardFlag } from "./flags.ts";
import { EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_OK, type Io } from "./io.ts";
import { type ProgressFlags, addProgressOptions, progressCounter, progressEnabled } from "./progress.ts";
import { estimateText, limitProblem, piecesToFit } from "./run-limits.ts";

interface SimulateCliOptions extends ProgressFlags {
  iterations: string;
  seed: string;
  method: SamplingMethod;
  workers: string;
  shard?: string;
  out?: string;
  format: "table" | "json";
  force?: boolean;
  sobolIndices?: string;
}

/** The options as numbers; a bad flag is one error naming it, and a harmless stand-in keeps the API from repeating it. */
function parseOptions(o: SimulateCliOptions, diagnostics: Diagnostic[]): { options: SimulateOptions; workers: number } {
  const iterations = numberFlag(o.iterations, "--iterations", { integer: true, min: 1 }, diagnostics);
  const seed = numberFlag(o.seed, "--seed", { integer: true, min: 0 }, diagnostics);
  const workers = numberFlag(o.workers, "--workers", { integer: true, min: 1 }, diagnostics);
  const options: SimulateOptions = { iterations: iterations ?? 1, seed: seed ?? 0, method: o.method };
  if (o.sobolIndices !== undefined) {
    const n = numberFlag(o.sobolIndices, "--sobol-indices", { integer: true, min: 16 }, diagnostics);
    if (n !== undefined) options.sobolIndices = n;
  }
  const shard = shardFlag(o.shard, diagnostics);
  if (shard) options.shard = shard;
  if (o.out && !/\.(parquet|csv)$/i.test(o.out)) diagnostics.push(error("--out", "must end in .parquet or .csv"));
  else if (o.out) {
    // checked before the samples are computed, not after
    const problem = outputPathProblem(o.out, "file");
    if (problem) diagnostics.push(error("--out", problem));
  }
  return { options, workers: workers ?? 1 };
}

/** The way to cut a run that is too big: more shards (LHS also keeps a permutation of every iteration per input). */
function shardAdvice(options: SimulateOptions): (e: RunEstimate) => string {
  return (e) => {
    const n = piecesToFit(e, BASE_PROCESS_BYTES) * (options.shard?.count ?? 1);
    const lhs = options.method === "lhs" ? " (with --method lhs every shard still holds a permutation of all iterations per input: sobol or mc need none)" : "";
    return `split it into shards, e.g. --shard 0/${n} … --shard ${n - 1}/${n} with --out part-K.parquet (one process or machine each), and join them with \`gigaplan merge part-*.parquet\`${lhs}`;
  };
}

/** An allocation the machine refused (typed arrays of the sample table, LHS permutations). */
const isOutOfMemory = (e: unknown): boolean => e instanceof RangeError && /allocation failed|invalid typed array length|invalid array length|array buffer/i.test(e.message);

function writeSamples(path: string, run: SimulationRun): void {
  if (/\.csv$/i.test(path)) writeFileAtomic(path, encodeCsv(run.table));
  else writeFileAtomic(path, new Uint8Array(encodeParquet(run.table, run.info)));
}

export async function simulateCommand(file: string, o: SimulateCliOptions, io: Io): Promise<number> {
  const flagProblems: Diagnostic[] = [];
  const parsed = parseOptions(o, flagProblems);
  const doc = readScenarioFile(file);
  if (!doc.value) {
    printProblems(file, [...flagProblems, ...doc.diagnostics], io);
    return EXIT_BAD_INPUT;
  }
  const planned = prepareSimulation(doc.value, parsed.options);
  // every iteration dispatches the sites' hourly power on the weather and grid files `run` reads
  const prepared = planned.value && !hasErrors(flagProblems) ? await withPowerProfiles(planned.value, nodeInputFiles(file)) : { value: null, diagnostics: [] };
  const diagnostics = [...flagProblems, ...planned.diagnostics, ...prepared.diagnostics];
  printProblems(file, diagnostics, io);
  if (!prepared.value || hasErrors(diagnostics)) return EXIT_BAD_INPUT;
  const threads = capWorkers(parsed.workers, o.force === true);
  if (threads.capped) io.stderr(`warning: --workers: ${parsed.workers} is more than the ${threads.cores} cores of this machine; using ${threads.cores} (--force runs ${parsed.workers})\n`);
  const showProgress = progressEnabled(o, io);
  const estimate = estimateSimulation(prepared.value, { workers: threads.workers, writesFile: o.out !== undefined, now: () => performance.now() });
  const tooBig = limitProblem(estimate, { flag: "--iterations", force: o.force === true, advice: shardAdvice(parsed.options) });
  if (showProgress || tooBig) io.stderr(`simulate: ${estimateText(estimate, "samples", `${threads.workers} worker thread(s)`)}\n`);
  if (tooBig) {
    printProblems(file, [tooBig], io);
    return EXIT_BAD_INPUT;
  }
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once("SIGINT", onSigint);
  const bar = progressCounter("simulate", "samples", showProgress, io);
  let out: SimulationRun;
  try {
    out = await runSimulation(prepared.value, { executor: workerPoolExecutor(threads.workers), signal: abort.signal, onProgress: bar.update });
  } catch (e) {
    if (e instanceof CancelledError) {
      io.stderr("\ncancelled: workers stopped; nothing was written\n");
      return EXIT_CANCELLED;
    }
    if (isOutOfMemory(e)) {
      io.stderr(`error: --iterations: not enough memory for ${estimate.samples.toLocaleString("en-US")} samples (${(e as Error).message}); ${shardAdvice(parsed.options)(estimate)}; nothing was written\n`);
      return EXIT_BAD_INPUT;
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
  const command = program
    .command("simulate")
    .description("Monte Carlo over the scenario's `uncertain` block: percentiles, risk, sensitivity, raw samples")
    .argument("<scenario>", "scenario file with an `uncertain` block")
    .option("--iterations <n>", "number of samples of the whole run", "10000")
    .option("--seed <s>", "seed of the counter-based RNG (same seed → same samples anywhere)", "1")
    .addOption(new Option("--method <method>", "sampling method").choices([...SAMPLING_METHODS]).default("mc"))
    .option("--workers <k>", "worker threads (at most the machine's cores unless --force)", String(Math.max(1, Math.min(4, availableParallelism()))))
    .option("--shard <k/n>", "compute only shard k of n (k from 0, as a Kubernetes completion index)")
    .option("--out <file>", "write the raw samples (inputs and outputs) to FILE.parquet or FILE.csv")
    .option("--sobol-indices <n>", "also first-order and total Sobol indices from N base samples (N × (inputs + 2) more model runs, in this process)")
    .addOption(new Option("--format <format>", "report format").choices(["table", "json"]).default("table"))
    .option("--force", "run even beyond 4 GB of memory or an hour (estimated), or with more workers than cores")
    .action(async (file: string, opts: SimulateCliOptions) => setExit(await simulateCommand(file, opts, io)));
  addProgressOptions(command);
}
