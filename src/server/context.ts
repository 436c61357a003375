/** What every route of the server shares. */
import type { InputFiles } from "../index.ts";
import type { RunStore } from "../store/index.ts";
import type { SimulationJobs, Slots } from "./jobs.ts";
import type { ServerLimits } from "./limits.ts";

export interface ServerContext {
  store: RunStore;
  limits: ServerLimits;
  /** InputFiles for posted scenarios (bundled files; scenario-named files only under filesDir) */
  files: InputFiles;
  filesDir?: string;
  /** background jobs (simulations, optimize-power) */
  slots: Slots;
  /** model runs in progress (POST /api/runs) */
  runSlots: Slots;
  jobs: SimulationJobs;
  /** a line for the server's log (stderr) */
  log: (line: string) => void;
}
