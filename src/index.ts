/** Public API of gigaplan. */
export { run, runText, runResolved, prepareScenario, RESULT_SCHEMA_VERSION } from "./run.ts";
export type { RunResult, RunOutcome } from "./run.ts";
export { parseScenarioText, checkScenarioObject } from "./scenario/load.ts";
export { scenarioSchema, scenarioJsonSchema } from "./scenario/schema.ts";
export type { Scenario, ScenarioInput } from "./scenario/schema.ts";
export type { Diagnostic, Severity } from "./core/diagnostics.ts";
export { referenceData } from "./data/index.ts";
export type { ReferenceData } from "./data/index.ts";
