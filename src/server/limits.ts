/** The server's safety limits (defaults below; `gigaplan serve` flags override some). */
export interface ServerLimits {
  /** request bodies above this are refused with 413 */
  maxBodyBytes: number;
  /** most samples one simulation job may ask for */
  maxIterations: number;
  /** a simulation job still running after this is stopped ("timed-out") */
  simulationTimeLimitSeconds: number;
  /** an optimize-power solve still running after this is stopped (503) */
  optimizeTimeLimitSeconds: number;
  /** simulation and optimize-power jobs running at once; more are refused with 429 */
  maxConcurrentJobs: number;
  /** model runs (POST /api/runs) computing at once; more are refused with 429 (a run holds the CPU for up to seconds) */
  maxConcurrentRuns: number;
  /** finished simulation jobs kept in memory (oldest forgotten first; their reports stay in the run store) */
  retainFinishedJobs: number;
  /** finished jobs whose raw samples are kept for samples.parquet (the newest ones) */
  retainSampleTables: number;
  /** worker threads per simulation job (1: in the server's thread, yielding between blocks of samples) */
  simulationWorkers: number;
  /** most runs one page of GET /api/runs returns */
  maxPageSize: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 1024 * 1024,
  maxIterations: 200_000,
  simulationTimeLimitSeconds: 600,
  optimizeTimeLimitSeconds: 120,
  maxConcurrentJobs: 2,
  maxConcurrentRuns: 4,
  retainFinishedJobs: 50,
  retainSampleTables: 4,
  simulationWorkers: 2,
  maxPageSize: 500,
};
