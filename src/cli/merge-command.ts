/**
 * `gigaplan merge part-*.parquet [--out merged.parquet]`: joins the shards of one simulation. Parts must come
 * from the same run (seed, method, iterations, scenario digest, columns) and together cover every sample index
 * exactly once; the merged file is byte-identical to the file a single unsharded run writes.
 */
import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { renderSimulationReport } from "../text/simulation.ts";
import { type DecodedSamples, type SamplesInfo, decodeParquet, encodeParquet, tableFromDecoded } from "../io/samples-file.ts";
import { type SampleTable, summarizeTable } from "../uncertainty/simulate.ts";
import { type CliIo, writeFileAtomic } from "./simulate-command.ts";

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

interface MergeOptions {
  out?: string;
  format: "table" | "json";
}

const sameRun = (a: SamplesInfo, b: SamplesInfo): boolean =>
  a.iterations === b.iterations && a.seed === b.seed && a.method === b.method && a.scenarioDigest === b.scenarioDigest &&
  a.targetYear === b.targetYear && JSON.stringify(a.inputs) === JSON.stringify(b.inputs) && JSON.stringify(a.outputs) === JSON.stringify(b.outputs);

/** Checks that parts are one run and cover 0 … iterations−1 exactly once; returns problems as messages. */
export function mergeProblems(parts: { file: string; part: DecodedSamples }[]): string[] {
  const problems: string[] = [];
  const first = parts[0].part.info;
  for (const { file, part } of parts.slice(1)) {
    if (!sameRun(first, part.info)) problems.push(`${file}: not from the same run as ${parts[0].file} (seed, method, iterations, scenario or columns differ)`);
  }
  const sorted = [...parts].sort((a, b) => a.part.start - b.part.start);
  let next = 0;
  for (const { file, part } of sorted) {
    if (part.count === 0) continue;
    if (part.start > next) problems.push(`samples ${next}…${part.start - 1} are missing (no part covers them)`);
    if (part.start < next) problems.push(`${file}: samples ${part.start}…${Math.min(next, part.start + part.count) - 1} appear in more than one part`);
    next = Math.max(next, part.start + part.count);
  }
  if (next < first.iterations) problems.push(`samples ${next}…${first.iterations - 1} are missing (no part covers them)`);
  return problems;
}

/** Concatenates parts (already checked) into one table of the whole run. */
export function concatenate(parts: DecodedSamples[]): SampleTable {
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  const info = sorted[0].info;
  const columns = new Map<string, Float64Array>();
  for (const name of [...info.inputs, ...info.outputs]) {
    const col = new Float64Array(info.iterations);
    for (const p of sorted) col.set(p.columns.get(name) as Float64Array, p.start);
    columns.set(name, col);
  }
  return tableFromDecoded(info, 0, info.iterations, (name) => columns.get(name) as Float64Array);
}

export async function mergeCommand(files: string[], o: MergeOptions, io: CliIo): Promise<number> {
  const parts: { file: string; part: DecodedSamples }[] = [];
  const problems: string[] = [];
  if (o.out && !/\.parquet$/i.test(o.out)) problems.push(`--out: must end in .parquet (got ${o.out})`);
  for (const file of files) {
    try {
      const bytes = readFileSync(file);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      parts.push({ file, part: await decodeParquet(buffer) });
    } catch (e) {
      problems.push(`${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  if (problems.length === 0 && parts.length > 0) problems.push(...mergeProblems(parts));
  if (problems.length > 0 || parts.length === 0) {
    io.stderr(`merge: ${problems.length || 1} error(s); nothing was written\n`);
    for (const p of problems.length > 0 ? problems : ["no input files"]) io.stderr(`  error: ${p}\n`);
    return EXIT_BAD_INPUT;
  }
  const table = concatenate(parts.map((p) => p.part));
  const info = parts[0].part.info;
  if (o.out) {
    writeFileAtomic(o.out, new Uint8Array(encodeParquet(table, info)));
    io.stderr(`merged ${parts.length} part(s), ${table.count} samples, into ${o.out}\n`);
  }
  const report = summarizeTable(table, info.targetYear);
  io.stdout(o.format === "json" ? `${JSON.stringify(report)}\n` : renderSimulationReport(report));
  return EXIT_OK;
}

export function registerMerge(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("merge")
    .description("merge the Parquet shards of one simulation (same result as a single run) and summarize them")
    .argument("<parts...>", "Parquet files written by `simulate --shard k/n --out …`")
    .option("--out <file>", "write the merged samples to FILE.parquet")
    .addOption(new Option("--format <format>", "report format").choices(["table", "json"]).default("table"))
    .action(async (files: string[], opts: MergeOptions) => setExit(await mergeCommand(files, opts, io)));
}
