/**
 * The public API of gigaplan: the use cases a face needs (CLI, HTTP server, web app, a script), the plain-data
 * types they return, the text renderers, and the building blocks of the power model. Faces import this module,
 * src/visual.ts for charts and the HTML report (they need a DOM document and load Observable Plot), and, on Node,
 * src/io/ for files, worker threads and Parquet; nothing here touches a file system or a clock.
 */

// ---------------------------------------------------------------- use cases
export { run, validate, type RunOptions } from "./api/run.ts";
export { optimizePower, type OptimizePowerOptions, type OptimizePowerOutcome } from "./api/optimize-power.ts";
export { optimizePowerUnderUncertainty, type StochasticPowerOptions, type StochasticPowerOutcome, type StochasticPowerReport } from "./api/optimize-stochastic.ts";
export { optimizeProgramPower, type OptimizeProgramOptions, type OptimizeProgramOutcome, type ProgramPowerReport } from "./api/optimize-program.ts";
export { checkClaims, type CheckClaimsOptions, selectClaims } from "./api/check-claims.ts";
export { SWEEP_MAX_CASES, SWEEP_SCHEMA_VERSION, type SweepCase, type SweepOptions, type SweepReport, type SweepSet, parseSetFlag, sweep } from "./api/sweep.ts";
export { DIFF_SCHEMA_VERSION, type DiffReport, diff } from "./api/diff.ts";
export { KEY_OUTPUTS, type KeyOutput, keyOutputs } from "./api/key-outputs.ts";
export { KEY_OUTPUT_COLUMNS, renderDiffReport, renderSweepReport, sweepTable } from "./api/sweep-render.ts";
export {
  simulate,
  prepareSimulation,
  withPowerProfiles,
  mergeSamplesWithFiles,
  runSimulation,
  mergeSamples,
  compare,
  prepareComparison,
  runComparison,
  type PreparedSimulation,
  inThreadExecutor,
  type SampleExecutor,
  type SimulationRun,
  type SimulateRunOptions,
} from "./api/uncertainty.ts";
export { peers, PEERS_SCHEMA_VERSION, type PeersReport } from "./api/peers.ts";
export { sweepLevels, type SweepPoint } from "./power/optimize/sweep.ts";
export { sources, SOURCES_SCHEMA_VERSION, type SourcesReport } from "./api/sources.ts";
export type { DataProvenance, ReferenceNumber, SiteSources, ScenarioNumber } from "./results/provenance.ts";
export { BASE_PROCESS_BYTES, estimateComparison, estimateSimulation, type RunEstimate, type SimulationEstimateOptions } from "./api/estimate.ts";
export { scenarioJsonSchema, scenarioSchema } from "./scenario/schema.ts";
export type { Scenario, ScenarioInput } from "./scenario/schema.ts";

// ---------------------------------------------------------------- the pipeline's plain data
export type { ScenarioDocument, PreparedScenario } from "./pipeline/prepare.ts";
export { DEFAULT_FILES, type InputFile, type InputFiles, type InputText } from "./pipeline/profiles.ts";
export { RESULT_SCHEMA_VERSION, type RunResult, type RunOutcome } from "./pipeline/run.ts";
export type { Cell, Table } from "./core/table.ts";
export { type Diagnostic, type Outcome, type Severity, error, formatDiagnostic, hasErrors, warning } from "./core/diagnostics.ts";
export { referenceData, peersData, provenance, type ReferenceData } from "./data/index.ts";
export type { ClaimReport, Judgment, Verdict } from "./claims/types.ts";
export type { CompareOptions, CompareReport } from "./strategy/compare.ts";
export { STRATEGY_NAMES, type StrategyName } from "./strategy/strategies.ts";
export type { PeersComparison } from "./peers/compare.ts";
export type { OptimizePowerReport } from "./power/optimize/site-result.ts";
export type { TargetKind } from "./power/optimize/problem.ts";
export { validResolutions } from "./power/optimize/aggregate.ts";
export { SAMPLING_METHODS, type SamplingMethod } from "./uncertainty/sampler.ts";
export type { SampleTable, SimulateOptions, SimulationReport } from "./uncertainty/simulate.ts";
export { SAMPLES_FORMAT, type DecodedSamples, type SamplesInfo } from "./uncertainty/samples.ts";
export type { SimulationPlan } from "./uncertainty/plan.ts";

// ---------------------------------------------------------------- plain-text reports
export { renderTextReport } from "./text/run-report.ts";
export { renderClaimReport } from "./text/claims.ts";
export { renderSimulationReport } from "./text/simulation.ts";
export { renderCompareReport } from "./text/compare.ts";
export { renderOptimizePowerReport } from "./text/optimize-power.ts";
export { renderProgramPowerReport } from "./text/optimize-program.ts";
export { renderStochasticPowerReport } from "./text/optimize-stochastic.ts";
export { renderPeersText, peersYearsTable } from "./text/peers.ts";
export { renderSourcesText, sourcesTable } from "./text/sources.ts";
export { renderTextTable, type TextTableOptions } from "./core/text-table.ts";

// ---------------------------------------------------------------- file formats (pure parsers: text in, data out)
export { parseSolarWeather } from "./formats/solar/solar.ts";
export type { SolarWeather } from "./power/profiles/pv/weather.ts";
export { parseSrw } from "./formats/srw.ts";
export { parseWindResource } from "./formats/wind-resource.ts";
export { extrapolateToHubHeight } from "./power/profiles/wind/derive.ts";
export { parseEia930Demand, parseEia930FuelMix, type Eia930Demand, type Eia930FuelMix, type TimestampConvention } from "./formats/eia930.ts";

// ---------------------------------------------------------------- power model building blocks
export { simulatePv, checkPvSystem, ARRAY_TYPE_NAMES, MODULE_TYPE_NAMES } from "./power/profiles/pv/index.ts";
export type { PvArrayType, PvModuleType, PvResult, PvSystem } from "./power/profiles/pv/index.ts";
export { simulateWindFarm, runWindFarm } from "./power/profiles/wind/farm.ts";
export type { WakeModelName, WindFarmResult, WindFarmSpec } from "./power/profiles/wind/farm.ts";
export { parseLayoutCsv, type TurbineLayout } from "./power/profiles/wind/layout.ts";
export { parsePowerCurveCsv, type PowerCurve } from "./power/profiles/wind/power-curve.ts";
export type { WindResource } from "./power/profiles/wind/resource.ts";
export { hourlyCarbonIntensity } from "./power/grid/carbon.ts";
export { utcHourEndingToLocalStandard8760 } from "./power/grid/local-time.ts";
export { proxyHourlyIntensityFromShape, proxyHourlyIntensityForRegion } from "./power/grid/proxy.ts";
export { dispatch } from "./power/dispatch/dispatch.ts";
export type { DispatchResult, DispatchSeries } from "./power/dispatch/dispatch.ts";
export type { Portfolio, PowerSeries, TechParams, UnitFixedCosts } from "./power/dispatch/inputs.ts";
export { powerMetrics, type PowerMetrics } from "./power/metrics/metrics.ts";
export { optimizePortfolio, type SizingResult } from "./power/optimize/optimize.ts";
export type { SizingProblem } from "./power/optimize/problem.ts";
export type { PowerProfiles, ProfileProvenance, SiteProfiles } from "./power/site/site-power.ts";
export { LpBuilder } from "./solver/builder.ts";
export { writeLp } from "./solver/lp-writer.ts";
export { createHighsSolver } from "./solver/highs.ts";
export { createIpmSolver } from "./solver/ipm/ipm-solver.ts";
export { createLpSolver, LP_SOLVER_CHOICES, type LpSolverChoice } from "./solver/choose.ts";
export type { LpProblem, LpSolution, LpSolver } from "./solver/lp.ts";

// ---- hourly power of one site-year (the data of the hourly charts; the charts are in src/visual.ts)
export { hourlyPower, hourlyPowerTable, representativeSiteYear, HOURLY_SERIES, type HourlyPower, type HourlyPowerOptions, type HourlySeriesName } from "./api/hourly-power.ts";
