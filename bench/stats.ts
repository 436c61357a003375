/** Timing helpers for benchmarks (bench/ only: tests never assert on time). */
import { performance } from "node:perf_hooks";

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export function time(fn: () => unknown, runs: number, warmup = Math.max(3, Math.floor(runs / 10))): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const medianMs = samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
  return { medianMs, minMs: samples[0], maxMs: samples[samples.length - 1], runs };
}

export const fmt = (t: Timing): string => `median ${t.medianMs.toFixed(2)} ms (min ${t.minMs.toFixed(2)}, max ${t.maxMs.toFixed(2)}, n=${t.runs})`;
