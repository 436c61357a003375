/**
 * Sample tables as files (bytes in, bytes out; the CLI does the file system): Parquet via hyparquet-writer
 * (one INT32 `sample` column, then one DOUBLE column per input path and per output; readable by DuckDB),
 * and CSV. The run's identity (seed, method, iterations, scenario digest, column names) is stored as Parquet
 * key-value metadata; shard boundaries are not, so merged shards are byte-identical to a single run.
 */
import { createHash } from "node:crypto";
import { parquetMetadata, parquetRead } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { type DecodedSamples, SAMPLES_FORMAT, type SampleTable, type SamplesInfo } from "../index.ts";

export const SAMPLES_META_KEY = "gigaplan.samples";
/** SHA-256 of the file's data (first sample index, row count, then every column's float64 bytes, in column order) */
export const SAMPLES_CHECKSUM_KEY = "gigaplan.samples.sha256";

function dataChecksum(start: number, count: number, columns: readonly Float64Array[]): string {
  const h = createHash("sha256");
  h.update(Buffer.from(new Float64Array([start, count]).buffer));
  for (const c of columns) h.update(Buffer.from(c.buffer, c.byteOffset, c.length * 8));
  return h.digest("hex");
}
/** Fixed row-group size: the layout depends only on the rows, never on how they were produced. */
const ROW_GROUP_ROWS = 65536;

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
    kvMetadata: [
      { key: SAMPLES_META_KEY, value: JSON.stringify(info) },
      { key: SAMPLES_CHECKSUM_KEY, value: dataChecksum(table.start, table.count, [...table.inputs, ...table.outputs].map((c) => c.subarray(0, table.count))) },
    ],
    createdBy: "gigaplan",
  });
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
  // the data must be what was written: a flipped byte or an edited value changes the checksum
  const stored = metadata.key_value_metadata?.find((e) => e.key === SAMPLES_CHECKSUM_KEY)?.value;
  if (!stored) throw new Error("has no data checksum (written by an older gigaplan): regenerate it with simulate");
  const actual = dataChecksum(start, rows, [...info.inputs, ...info.outputs].map((n) => columns.get(n) as Float64Array));
  if (actual !== stored) throw new Error("its data does not match its checksum: the file was changed or damaged after it was written");
  return { info, start, count: rows, columns };
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
