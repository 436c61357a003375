/**
 * The charts of gigaplan, by what they draw from: a run, one site-year hour by hour, a Monte Carlo report, a
 * strategy comparison. Each is a `ChartSpec` (id, title, `data` → the table behind it, `render` → standalone SVG),
 * drawn with Observable Plot on the `document` the caller passes (the browser's own, or jsdom's on Node).
 */
import type { CompareReport } from "../strategy/compare.ts";
import type { HourlyPower } from "../power/site/hourly.ts";
import type { RunResult } from "../pipeline/run.ts";
import { newsvendorCurve, strategyCost, strategyRegret } from "./compare.ts";
import { dispatchWeek, hourlyHeatmap } from "./hourly.ts";
import { acceleratorsByGeneration, capexByCategory, facilityEnergyBySite, mwOnlineBySite, phaseDelays } from "./run/buildout.ts";
import { companyCashFlows, revenueRequired, spvDebtAndRent } from "./run/finance.ts";
import { cfeScore, emissions, powerSupplyBySource } from "./run/power.ts";
import { lifecycleEmissions } from "./run/emissions.ts";
import { type SimulationChartInput, mcFan, mcHistogram, mcPercentiles, tornado } from "./simulation.ts";
import { mcPower } from "./simulation-power.ts";
import { mcItPowerFan } from "./simulation-fan.ts";
import type { ChartSpec } from "./types.ts";

export type { ChartOptions, ChartSpec } from "./types.ts";
export type { SimulationChartInput } from "./simulation.ts";

/** Charts of a run, in reading order: build-out, money, energy. */
export const runCharts: ChartSpec<RunResult>[] = [
  mwOnlineBySite,
  phaseDelays,
  acceleratorsByGeneration,
  capexByCategory,
  companyCashFlows,
  spvDebtAndRent,
  revenueRequired,
  facilityEnergyBySite,
  powerSupplyBySource,
  cfeScore,
  emissions,
  lifecycleEmissions,
];

/** Charts of one site-year hour by hour (`hourlyPower`). */
export const hourlyCharts: ChartSpec<HourlyPower>[] = [hourlyHeatmap, dispatchWeek];

/** Charts of a Monte Carlo report; pass `{ ...report, samples: table }` for a histogram of the samples themselves. */
export const simulationCharts: ChartSpec<SimulationChartInput>[] = [mcFan, mcItPowerFan, mcPercentiles, mcPower, mcHistogram, tornado];

/** Charts of a strategy comparison (`compare`). */
export const compareCharts: ChartSpec<CompareReport>[] = [strategyCost, strategyRegret, newsvendorCurve];

/** Every chart id, for tests and for faces that link to charts. */
export const chartIds = (): string[] => [...runCharts, ...hourlyCharts, ...simulationCharts, ...compareCharts].map((c) => c.id);
