/**
 * A result table as a Parquet file (hyparquet-writer; DuckDB, pandas and Arrow read it): one column per table
 * column with the same name, DOUBLE for numbers (INT32 for `year`), STRING for text; a column mixing numbers
 * and text is written as text; empty cells are nulls. The run's identity goes into the key-value metadata.
 */
import { parquetWriteBuffer } from "hyparquet-writer";
import type { Table } from "../index.ts";

export const RUN_TABLE_META_KEY = "gigaplan.run";

type ColumnType = "DOUBLE" | "INT32" | "STRING";

function columnType(name: string, values: readonly (number | string | null)[]): ColumnType {
  const present = values.filter((v) => v !== null);
  const numeric = present.length > 0 && present.every((v) => typeof v === "number");
  if (!numeric) return "STRING";
  if (name === "year" && present.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31)) return "INT32";
  return "DOUBLE";
}

export function tableToParquet(table: Table, metadata: Record<string, unknown> = {}): ArrayBuffer {
  const columnData = table.columns.map((name, j) => {
    const values = table.rows.map((r) => r[j] ?? null);
    const type = columnType(name, values);
    const data = type === "STRING" ? values.map((v) => (v === null ? null : String(v))) : values;
    return { name, data, type };
  });
  return parquetWriteBuffer({
    columnData,
    kvMetadata: [{ key: RUN_TABLE_META_KEY, value: JSON.stringify(metadata) }],
    createdBy: "gigaplan",
  });
}
