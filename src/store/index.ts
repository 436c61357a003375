/** The run store (SQLite): stored runs and simulations, their comparison and reproduction. */
export { RunStore, StoreMissingError, defaultStorePath, type NewRun, type OpenStoreOptions, type RunKind, type RunMeta, type ScenarioFormat, type StoredRun } from "./run-store.ts";
export { LATEST_VERSION, MIGRATIONS, StoreVersionError, migrate, schemaVersion, type Migration } from "./migrations.ts";
export { dataVintage, gigaplanVersion, sha256Hex } from "./identity.ts";
export { type FieldChange, comparableSummary, diffRuns, diffValues, flatten } from "./diff.ts";
export { type Reproduction, type SimulationOptionsRecord, reproduceRun, scenarioDocument } from "./reproduce.ts";
