/**
 * Background jobs: a fixed number of slots shared by simulations and optimize-power solves (a request that
 * finds none free gets 429), and the simulation jobs themselves: progress for server-sent events, cancel, a
 * time cap, the finished report (also written to the run store) and, for the newest jobs, the raw samples.
 */
import { randomUUID } from "node:crypto";
import type { Diagnostic, PreparedSimulation, SampleExecutor, SamplesInfo, SampleTable, SimulationReport } from "../index.ts";
import { runSimulation } from "../index.ts";
import { CancelledError } from "../io/simulation-pool.ts";
import type { JobStatus } from "./schemas.ts";

export class Slots {
  private used = 0;
  constructor(readonly size: number) {}
  get inUse(): number {
    return this.used;
  }
  tryAcquire(): boolean {
    if (this.used >= this.size) return false;
    this.used++;
    return true;
  }
  release(): void {
    this.used = Math.max(0, this.used - 1);
  }
}

export type JobEvent = { type: "progress"; done: number; total: number } | { type: "end"; status: JobStatus };

export interface SimulationJob {
  id: string;
  status: JobStatus;
  done: number;
  total: number;
  created: string;
  finished: string | null;
  runId: number | null;
  report: SimulationReport | null;
  samples: { table: SampleTable; info: SamplesInfo } | null;
  diagnostics: Diagnostic[];
  listeners: Set<(e: JobEvent) => void>;
  abort: AbortController;
}

export interface JobHooks {
  /** logs an unexpected failure (the client sees a generic message) */
  logError: (e: unknown, job: SimulationJob) => void;
  now: () => string;
}

const PROGRESS_INTERVAL_MS = 100;

export class SimulationJobs {
  private readonly jobs = new Map<string, SimulationJob>();

  constructor(
    private readonly slots: Slots,
    private readonly o: { retainFinished: number; retainSampleTables: number; timeLimitSeconds: number; executor: SampleExecutor },
    private readonly hooks: JobHooks,
  ) {}

  get(id: string): SimulationJob | undefined {
    return this.jobs.get(id);
  }

  /** Starts a job in a slot the caller acquired; the slot is released when the job stops. */
  start(prepared: PreparedSimulation, diagnostics: Diagnostic[], persist: (report: SimulationReport) => number): SimulationJob {
    const total = prepared.options.iterations;
    const job: SimulationJob = {
      id: randomUUID(),
      status: "running",
      done: 0,
      total,
      created: this.hooks.now(),
      finished: null,
      runId: null,
      report: null,
      samples: null,
      diagnostics,
      listeners: new Set(),
      abort: new AbortController(),
    };
    this.jobs.set(job.id, job);
    void this.run(job, prepared, persist);
    return job;
  }

  private emit(job: SimulationJob, e: JobEvent): void {
    for (const l of job.listeners) l(e);
  }

  private finish(job: SimulationJob, status: JobStatus): void {
    if (job.status !== "running") return;
    job.status = status;
    job.finished = this.hooks.now();
    this.emit(job, { type: "end", status });
    job.listeners.clear();
    this.evict();
  }

  private async run(job: SimulationJob, prepared: PreparedSimulation, persist: (report: SimulationReport) => number): Promise<void> {
    const timer = setTimeout(() => {
      if (job.status === "running") {
        job.diagnostics = [...job.diagnostics, { path: "iterations", severity: "error", message: `stopped: the job ran longer than the server's time limit of ${this.o.timeLimitSeconds} s` }];
        job.abort.abort();
        this.finish(job, "timed-out");
      }
    }, this.o.timeLimitSeconds * 1000);
    let lastEmitMs = 0;
    const onProgress = (done: number, total: number): void => {
      job.done = done;
      job.total = total;
      const t = Date.now();
      if (t - lastEmitMs >= PROGRESS_INTERVAL_MS || done === total) {
        lastEmitMs = t;
        this.emit(job, { type: "progress", done, total });
      }
    };
    try {
      const out = await runSimulation(prepared, { executor: this.o.executor, signal: job.abort.signal, onProgress });
      if (job.status !== "running") return; // cancelled or timed out while finishing
      job.report = out.report;
      job.samples = { table: out.table, info: out.info };
      job.runId = persist(out.report);
      this.finish(job, "done");
    } catch (e) {
      if (job.status !== "running") return;
      if (e instanceof CancelledError) return this.finish(job, "cancelled");
      this.hooks.logError(e, job);
      job.diagnostics = [...job.diagnostics, { path: "(server)", severity: "error", message: "internal error while simulating" }];
      this.finish(job, "failed");
    } finally {
      clearTimeout(timer);
      this.slots.release();
    }
  }

  /** Cancels a running job (its slot frees when the executor stops); a finished job is forgotten. */
  cancel(id: string): SimulationJob | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.status === "running") {
      job.abort.abort();
      this.finish(job, "cancelled");
    } else {
      this.jobs.delete(id);
    }
    return job;
  }

  /** Stops every running job (server shutdown). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status === "running") this.cancel(job.id);
  }

  /** Forgets the oldest finished jobs beyond the limit; drops the samples of all but the newest few. */
  private evict(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== "running").sort((a, b) => (a.finished ?? "").localeCompare(b.finished ?? ""));
    while (finished.length > this.o.retainFinished) this.jobs.delete((finished.shift() as SimulationJob).id);
    for (const j of finished.slice(0, Math.max(0, finished.length - this.o.retainSampleTables))) j.samples = null;
  }
}
