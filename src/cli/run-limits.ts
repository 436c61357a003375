/**
 * Limits on what one command run may take before it starts: the estimate of `simulate` and `compare` (memory and
 * time, src/api/estimate.ts) is printed with progress on, and a run beyond 4 GiB of memory or an hour is refused
 * unless `--force`, with the way to split it. A run that cannot fit in the machine's memory is refused even with
 * `--force`.
 */
import { totalmem } from "node:os";
import { type Diagnostic, type RunEstimate, error } from "../index.ts";

export const MEMORY_LIMIT_BYTES = 4e9;
export const TIME_LIMIT_SECONDS = 3600;

/** Bytes for people: "950 MB", "4.3 GB", "1.2 TB" (decimal units). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e12) return `${(bytes / 1e12).toLocaleString("en-US", { maximumFractionDigits: 1 })} TB`;
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

/** Seconds for people: "0.4 s", "12 s", "7 min", "2.3 h", "41 days". */
export function formatSeconds(s: number): string {
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${(s / 3600).toFixed(1)} h`;
  return `${Math.round(s / 86400).toLocaleString("en-US")} days`;
}

/** "10,000 samples × 15 columns on 2 worker threads: about 240 MB and 4.1 s (estimate)". */
export function estimateText(e: RunEstimate, unit: string, threads: string): string {
  const time = e.seconds === null ? "" : ` and ${formatSeconds(e.seconds)}`;
  return `${e.samples.toLocaleString("en-US")} ${unit} × ${e.columns} columns on ${threads}: about ${formatBytes(e.memoryBytes)} of memory${time} (estimate)`;
}

export interface LimitCheck {
  /** the flag that sets the size (`--iterations`, `--paths`): the error's path */
  flag: string;
  /** how to make the run smaller, as the end of the message */
  advice: (e: RunEstimate) => string;
  force: boolean;
  /** memory of this machine (default os.totalmem()) */
  machineBytes?: number;
}

/** An error when the estimate is beyond the limits (and not forced, or beyond the machine's memory); else null. */
export function limitProblem(e: RunEstimate, c: LimitCheck): Diagnostic | null {
  const machine = c.machineBytes ?? totalmem();
  if (e.memoryBytes > machine) {
    return error(c.flag, `this run needs about ${formatBytes(e.memoryBytes)} of memory and this machine has ${formatBytes(machine)}, so it cannot run even with --force; ${c.advice(e)}`);
  }
  if (c.force) return null;
  const over: string[] = [];
  if (e.memoryBytes > MEMORY_LIMIT_BYTES) over.push(`about ${formatBytes(e.memoryBytes)} of memory (limit ${formatBytes(MEMORY_LIMIT_BYTES)})`);
  if (e.seconds !== null && e.seconds > TIME_LIMIT_SECONDS) over.push(`about ${formatSeconds(e.seconds)} (limit ${formatSeconds(TIME_LIMIT_SECONDS)})`);
  if (over.length === 0) return null;
  return error(c.flag, `this run would take ${over.join(" and ")}; ${c.advice(e)}, or pass --force to run it anyway`);
}

/** How many pieces a run must be cut into so each fits the limits (at least 2). */
export function piecesToFit(e: RunEstimate, baseBytes: number): number {
  const memory = (e.memoryBytes - baseBytes) / Math.max(1, MEMORY_LIMIT_BYTES - baseBytes);
  const time = (e.seconds ?? 0) / TIME_LIMIT_SECONDS;
  return Math.max(2, Math.ceil(Math.max(memory, time)));
}
