/** The report of `optimize-power --samples` (api/optimize-stochastic.ts), shared by the text and JSON faces. */
import type { Diagnostic } from "../core/diagnostics.ts";
import type { TargetKind } from "../power/optimize/problem.ts";
import type { Capacities, SampleOptimum } from "../power/optimize/stochastic.ts";

export interface Stats { mean: number; p5: number; p50: number; p95: number }

export interface StochasticPowerReport {
  schemaVersion: number;
  site: string;
  year: number;
  resolutionHours: number;
  target: { kind: TargetKind; levelFraction: number; shortfallPenaltyUsdPerMwh: number };
  seed: number;
  /** the scenario's uncertain inputs drawn in every sample (those that do not reach this site's problem change nothing) */
  inputs: string[];
  stochastic: {
    samples: number;
    sampleRange: { start: number; end: number };
    perSample: ({ sample: number } & SampleOptimum)[];
    perSampleStats: { objectiveUsd: Stats; capacities: Record<keyof Capacities, Stats> } | null;
    /** null with --shard (the two-stage LP needs every sample) */
    robust: { capacities: Capacities | null; expectedCostUsd: number; status: string; lp: { columns: number; rows: number } } | null;
    expectedValue: { capacities: Capacities | null; objectiveUsd: number } | null;
    waitAndSeeUsd: number | null;
    eevUsd: number | null;
    eevInfeasibleSamples: number | null;
    vssUsd: number | null;
    evpiUsd: number | null;
  };
  diagnostics: Diagnostic[];
}
