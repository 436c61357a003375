/**
 * Sample tables as files (bytes in, bytes out; the CLI does the file system): Parquet via hyparquet-writer
 * (one INT32 `sample` column, then one DOUBLE column per input path and per output; readable by DuckDB),
 * and CSV. The run's identity (seed, method, iterations, scenario digest, column names) is stored as Parquet
 * key-value metadata; shard boundaries are not, so merged shards are byte-identical to a single run.
 */
import { parquetMetadata, parquetRead } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import type { SamplingMethod } from "../uncertainty/sampler.ts";
import type { SampleTable } from "../uncertainty/simulate.ts";

export const SAMPLES_META_KEY = "gigaplan.samples";
export const SAMPLES_FORMAT = 1;
/** Fixed row-group size: the layout depends only on the rows, never on how they were produced. */
const ROW_GROUP_ROWS = 65536;

export interface SamplesInfo {
  format: number;
  iterations: number;
  seed: number;
  method: SamplingMethod;
  scenarioDigest: string;
  targetYear: number;
  inputs: string[];
  outputs: string[];
}

/** A short digest of any JSON-able value (two FNV-1a 32-bit hashes; for matching runs, not for security). */
export function digest(value: unknown): string {
  const text = JSON.stringify(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

export function tableInfo(table: SampleTable, scenarioDigest: string, targetYear: number): SamplesInfo {
  return {
    format: SAMPLES_FORMAT,
    iterations: table.iterations,
    seed: table.seed,
    method: table.method,
    scenarioDigest,
    targetYear,
    inputs: table.inputNames,
    outputs: table.outputNames,
  };
}

export function encodeParquet(table: SampleTable, info: SamplesInfo): ArrayBuffer {
  const sample = new Int32Array(table.count);
  for (let j = 0; j < table.count; j++) sample[j] = table.start + j;
  const columnData = [
    { name: "sample", data: sample, type: "INT32" as const },
    ...table.inputNames.map((name, k) => ({ name, data: table.inputs[k], type: "DOUBLE" as const })),
    ...table.outputNames.map((name, o) => ({ name, data: table.outputs[o], type: "DOUBLE" as const })),
  ];
  return parquetWriteBuffer({
    columnData,
    rowGroupSize: ROW_GROUP_ROWS,
    kvMetadata: [{ key: SAMPLES_META_KEY, value: JSON.stringify(info) }],
    createdBy: "gigaplan",
  });
}

export interface DecodedSamples {
  info: SamplesInfo;
  start: number;
  count: number;
  /** columns by name, including `sample` */
  columns: Map<string, Float64Array>;
}

/** Reads a Parquet file written by encodeParquet; throws with a message when it is not one. */
export async function decodeParquet(buffer: ArrayBuffer): Promise<DecodedSamples> {
  const metadata = parquetMetadata(buffer);
  const kv = metadata.key_value_metadata?.find((e) => e.key === SAMPLES_META_KEY);
  if (!kv?.value) throw new Error("not a gigaplan samples file (no gigaplan.samples metadata)");
  const info = JSON.parse(kv.value) as SamplesInfo;
  if (info.format !== SAMPLES_FORMAT) throw new Error(`unsupported samples format ${info.format}`);
  const rows = Number(metadata.num_rows);
  const columns = new Map<string, Float64Array>();
  for (const name of ["sample", ...info.inputs, ...info.outputs]) columns.set(name, new Float64Array(rows));
  await parquetRead({
    file: buffer,
    metadata,
    onChunk: (chunk) => {
      const target = columns.get(chunk.columnName);
      if (!target) return;
      const data = chunk.columnData as ArrayLike<number | bigint>;
      for (let i = 0; i < data.length; i++) target[chunk.rowStart + i] = Number(data[i]);
    },
  });
  const sample = columns.get("sample") as Float64Array;
  const start = rows > 0 ? sample[0] : 0;
  for (let j = 0; j < rows; j++) if (sample[j] !== start + j) throw new Error(`sample indices are not contiguous at row ${j}`);
  return { info, start, count: rows, columns };
}

/** Rebuilds a sample table from decoded parts covering consecutive index ranges. */
export function tableFromDecoded(info: SamplesInfo, start: number, count: number, get: (name: string) => Float64Array): SampleTable {
  return {
    iterations: info.iterations,
    seed: info.seed,
    method: info.method,
    start,
    count,
    inputNames: info.inputs,
    outputNames: info.outputs,
    inputs: info.inputs.map(get),
    outputs: info.outputs.map(get),
    failed: info.outputs.length > 0 ? countNaN(get(info.outputs[0])) : 0,
  };
}

function countNaN(a: Float64Array): number {
  let n = 0;
  for (const v of a) if (Number.isNaN(v)) n++;
  return n;
}

/** CSV with a header; numbers in shortest round-trip form (exact), NaN as an empty field. */
export function encodeCsv(table: SampleTable): string {
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [["sample", ...table.inputNames, ...table.outputNames].map(quote).join(",")];
  const cols = [...table.inputs, ...table.outputs];
  for (let j = 0; j < table.count; j++) {
    const cells = [String(table.start + j)];
    for (const c of cols) cells.push(Number.isNaN(c[j]) ? "" : String(c[j]));
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
}
