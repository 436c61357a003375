/**
 * `gigaplan merge part-*.parquet [--out merged.parquet]`: joins the shards of one simulation. Parts must come
 * from the same run (seed, method, iterations, scenario digest, columns) and together cover every sample index
 * exactly once; the merged file is byte-identical to the file a single unsharded run writes.
 */
import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { type DecodedSamples, mergeSamples, mergeSamplesWithFiles, renderSimulationReport } from "../index.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { decodeParquet, encodeParquet } from "../io/samples-file.ts";
import { outputPathProblem } from "../io/output-path.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { writeFileAtomic } from "../io/write-file-atomic.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, readErrorMessage } from "./io.ts";

interface MergeOptions {
  out?: string;
  format: "table" | "json";
  scenario?: string;
}

export async function mergeCommand(files: string[], o: MergeOptions, io: Io): Promise<number> {
  const parts: { name: string; samples: DecodedSamples }[] = [];
  const problems: string[] = [];
  if (o.out && !/\.parquet$/i.test(o.out)) problems.push(`--out: must end in .parquet (got ${o.out})`);
  else if (o.out) {
    const problem = outputPathProblem(o.out, "file");
    if (problem) problems.push(`--out: ${problem}`);
  }
  for (const file of files) {
    try {
      const bytes = readFileSync(file);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      parts.push({ name: file, samples: await decodeParquet(buffer) });
    } catch (e) {
      problems.push(`cannot read ${file}: ${readErrorMessage(e)}`);
    }
  }
  const scenario = o.scenario !== undefined ? readScenarioFile(o.scenario) : null;
  if (scenario && !scenario.value) problems.push(...scenario.diagnostics.map((d) => d.message));
  // with its scenario, the tornado runs dispatch the hourly power on the scenario's files, as simulate did
  const merged = problems.length === 0 ? (scenario?.value && o.scenario !== undefined ? await mergeSamplesWithFiles(parts, scenario.value, nodeInputFiles(o.scenario)) : mergeSamples(parts)) : null;
  if (merged) problems.push(...merged.diagnostics.map((d) => `${d.path === "--scenario" ? `--scenario ${o.scenario} ` : ""}${d.message}`));
  if (!merged?.value) {
    io.stderr(`merge: ${problems.length || 1} error(s); nothing was written\n`);
    for (const p of problems.length > 0 ? problems : ["no input files"]) io.stderr(`  error: ${p}\n`);
    return EXIT_BAD_INPUT;
  }
  const { table, info, report } = merged.value;
  if (!scenario) io.stderr("note: add --scenario FILE (the simulated scenario) for the base values, tornado and planned MW of a single run's report\n");
  if (o.out) {
    writeFileAtomic(o.out, new Uint8Array(encodeParquet(table, info)));
    io.stderr(`merged ${parts.length} part(s), ${table.count} samples, into ${o.out}\n`);
  }
  io.stdout(o.format === "json" ? `${JSON.stringify(report)}\n` : renderSimulationReport(report));
  return EXIT_OK;
}

export function registerMerge(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("merge")
    .description("merge the Parquet shards of one simulation (same result as a single run) and summarize them")
    .argument("<parts...>", "Parquet files written by `simulate --shard k/n --out …`")
    .option("--out <file>", "write the merged samples to FILE.parquet")
    .option("--scenario <file>", "the scenario the parts were simulated from: the report then matches a single run's in full")
    .addOption(new Option("--format <format>", "report format").choices(["table", "json"]).default("table"))
    .action(async (files: string[], opts: MergeOptions) => setExit(await mergeCommand(files, opts, io)));
}
