/** The report of `optimize-power --sites all` (api/optimize-program.ts), shared by the text and JSON faces. */
import type { Diagnostic } from "../core/diagnostics.ts";
import type { TargetKind } from "../power/optimize/problem.ts";
import type { Capacities } from "../power/optimize/problem.ts";

export interface ProgramPowerSite {
  site: string;
  flexibleLoadFraction: number;
  maxShiftUpFraction: number;
  /** load planned at the site and load it serves after moves, MWh */
  loadMwh: number;
  servedLoadMwh: number;
  capacities: Capacities;
  costUsd: number;
  costUsdPerMwhServed: number | null;
  cfeScoreFraction: number;
  locationBasedTco2: number;
  movedInMwh: number;
  movedOutMwh: number;
  /** by hour of the day in UTC (every site's hours are aligned on UTC) */
  netMovedMwhByHourOfDay: number[];
  netMovedMwhByMonth: number[];
  /** the same site sized on its own (no moves between sites) */
  apart: { costUsd: number; costUsdPerMwhServed: number | null; cfeScoreFraction: number; capacities: Capacities };
}

export interface ProgramPowerReport {
  schemaVersion: number;
  year: number;
  resolutionHours: number;
  target: { kind: TargetKind; levelFraction: number | null };
  sites: ProgramPowerSite[];
  program: {
    loadMwh: number;
    objectiveUsd: number;
    objectiveApartUsd: number;
    /** objectiveApartUsd − objectiveUsd: what moving load between sites saves a year (net of the tie-breaking cost per MWh moved) */
    spatialValueUsd: number;
    spatialValueUsdPerMwh: number;
    movedMwh: number;
    lp: { columns: number; rows: number };
  };
  diagnostics: Diagnostic[];
}
