/**
 * Sample tables as stored runs: the identity of a run (seed, method, iterations, scenario digest, columns) that
 * travels with its samples, tables rebuilt from stored columns, and the merge of the shards of one run (checked
 * to be one run covering every sample index once). File encodings (Parquet, CSV) live at the edge (io/).
 */
import type { SamplingMethod } from "./sampler.ts";
import type { SampleTable } from "./simulate.ts";

export const SAMPLES_FORMAT = 1;

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

export interface DecodedSamples {
  info: SamplesInfo;
  start: number;
  count: number;
  /** columns by name, including `sample` */
  columns: Map<string, Float64Array>;
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
    if (part.start + part.count > first.iterations) {
      problems.push(`${file}: holds samples ${part.start}…${part.start + part.count - 1}, beyond the ${first.iterations.toLocaleString("en-US")} iterations its metadata states`);
      continue;
    }
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

