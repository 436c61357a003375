/** The pipeline: prepared scenario (+ hourly profiles) → build-out model → financing → power → result tables and summary. Pure. */
import { type Diagnostic, type Outcome, info, keyPath } from "../core/diagnostics.ts";
import { sumByYear } from "../core/series.ts";
import { referenceData, type ReferenceData } from "../data/index.ts";
import { type ModelState, runModel } from "../buildout/model.ts";
import { withEnergyPrices } from "../buildout/opex.ts";
import type { SiteYearPower } from "../power/site/site-power.ts";
import { financingOutputs } from "../finance/structures/outputs.ts";
import type { FinancingSummary } from "../finance/structures/summary.ts";
import { powerOutputs } from "../power/site/outputs.ts";
import type { PowerSummary } from "../power/site/report.ts";
import type { PowerProfiles } from "../power/site/site-power.ts";
import { type ProgramMonthly, programMonthly } from "../buildout/program.ts";
import { type EffectiveInputs, effectiveInputs } from "../results/inputs.ts";
import { type Summary, buildSummary } from "../results/summary.ts";
import { type EmissionsSummary, emissionsSummary, emissionsYearlyTable } from "../results/emissions.ts";
import { type WaterSummary, waterSummary, waterYearlyTable } from "../results/water.ts";
import {
  type Table,
  acceleratorsYearlyTable,
  monthlySitesTable,
  phasesTable,
  sitesYearlyTable,
  vintagesTable,
  yearlyTable,
} from "../results/tables.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import { type PreparedScenario, prepareDocument } from "./prepare.ts";
import type { DataProvenance } from "../results/provenance.ts";

export const RESULT_SCHEMA_VERSION = 1;

export type { DataProvenance };

export interface RunResult {
  schemaVersion: number;
  /** the inputs the run used, after the schema's and data/'s defaults */
  inputs: EffectiveInputs;
  summary: Summary & { financing: FinancingSummary; power: PowerSummary; emissions: EmissionsSummary; water: WaterSummary };
  tables: Record<string, Table>;
  diagnostics: Diagnostic[];
  /** where every number and file of the run came from (results/provenance.ts; set by the API's run) */
  provenance?: DataProvenance;
}

export interface RunOutcome {
  result: RunResult | null;
  diagnostics: Diagnostic[];
}

/** Inputs read at the edge (files): hourly PV/wind/grid-carbon profiles by site name. */
export interface RunInputs {
  powerProfiles?: PowerProfiles;
  /** false: skip the hourly dispatch of the sites' `power` blocks (no powerSitesYearly rows, an empty summary.power) */
  hourlyPower?: boolean;
}

/**
 * The model state with each dispatched site-year's energy priced at the hourly power model's cost per MWh of load
 * (all-in: fixed costs of the portfolio, fuel, grid purchases, less exports), instead of the flat scenario price; an
 * info diagnostic per site states the range used. Site-years not dispatched keep the flat price.
 */
export function withPowerEnergyCost(st: ModelState, siteYears: readonly SiteYearPower[]): { state: ModelState; diagnostics: Diagnostic[] } {
  const s = st.scenario;
  const bySite = powerPricesBySite(st, siteYears);
  if (bySite.size === 0) return { state: st, diagnostics: [] };
  const opex = pricedOpex(st, bySite);
  const diagnostics = [...bySite].map(([si, prices]): Diagnostic => {
    const v = [...prices.values()];
    const years = [...prices.keys()];
    const range = (a: number, b: number) => (Math.round(a) === Math.round(b) ? `$${Math.round(a)}` : `$${Math.round(a)}-${Math.round(b)}`);
    return {
      path: `sites[${si}].power`,
      severity: "info",
      message: `opex energy priced from the hourly power model: ${range(Math.min(...v), Math.max(...v))}/MWh of load (${Math.min(...years)}-${Math.max(...years)}, base-year USD) instead of the flat $${s.opex.energyPriceUsdPerMwh}/MWh`,
    };
  });
  return { state: { ...st, opex }, diagnostics };
}

/** The model's opex with each site-year in `pricesBySite` (site index → year → USD/MWh of load) priced at its power cost. */
function pricedOpex(st: ModelState, pricesBySite: Map<number, Map<number, number>>): ModelState["opex"] {
  return withEnergyPrices(st.scenario, st.energy, st.opex, (si, year) => pricesBySite.get(si)?.get(year));
}

/** `withPowerEnergyCost` without its diagnostics, for the Monte Carlo's iterations. */
export function pricedByPower(st: ModelState, siteYears: readonly SiteYearPower[]): ModelState {
  const bySite = powerPricesBySite(st, siteYears);
  return bySite.size === 0 ? st : { ...st, opex: pricedOpex(st, bySite) };
}

/** Each dispatched site-year's power cost per MWh of load: site index → year → USD/MWh (finite prices only). */
function powerPricesBySite(st: ModelState, siteYears: readonly SiteYearPower[]): Map<number, Map<number, number>> {
  const index = new Map(st.scenario.sites.map((x, i) => [x.name, i]));
  const bySite = new Map<number, Map<number, number>>();
  for (const sy of siteYears) {
    const price = sy.metrics.cost.costUsdPerMwhLoad;
    const si = index.get(sy.site);
    if (price === null || !Number.isFinite(price) || si === undefined) continue;
    if (!bySite.has(si)) bySite.set(si, new Map());
    bySite.get(si)!.set(sy.year, price);
  }
  return bySite;
}

/**
 * The capital plan limits first builds, not IT refreshes: say so for each plan year whose program capex exceeds the
 * plan by more than 1 % and whose refreshes explain the excess, naming the refreshes of that year.
 */
function capexAbovePlan(st: ModelState, pm: ProgramMonthly): Diagnostic[] {
  const s = st.scenario;
  const t = s.timeline;
  const capex = sumByYear(t, pm.capexUsd);
  const refresh = sumByYear(t, pm.itRefreshCapexUsd);
  const b = (usd: number): string => `$${(usd / 1e9).toFixed(1)}B`;
  const out: Diagnostic[] = [];
  t.years.forEach((year, i) => {
    const plan = s.capitalPlanUsdByYearIndex[i];
    // only when the refreshes explain the excess (an SPV's capex, off the plan, can explain it too)
    if (plan > 0 && capex[i] > plan * 1.01 && refresh[i] > 0 && capex[i] - refresh[i] <= plan * 1.01) {
      out.push(info(keyPath("program.capitalPlanUsdByYear", String(year)), `capex in ${year} is ${b(capex[i])}, above the plan's ${b(plan)}: the plan limits first builds, and the ${b(refresh[i])} of IT refreshes that year (servers replaced at the end of their life) are not held to it`));
    }
  });
  return out;
}

export function runResolved(s: ResolvedScenario, diagnostics: Diagnostic[] = [], inputs: RunInputs = {}): RunResult {
  const built = runModel(s);
  const pw = powerOutputs(built, inputs.powerProfiles, inputs.hourlyPower !== false);
  const priced = withPowerEnergyCost(built, pw.siteYears);
  const st = priced.state;
  const pm = programMonthly(st);
  const delays = st.build.phases
    .filter((p) => p.delayMonths > 0 || p.startIndex < 0 || p.onlineIndex >= s.timeline.months)
    .map((p): Diagnostic => {
      const ph = s.phases[p.phaseIndex];
      let message: string;
      if (p.startIndex < 0) message = `${ph.label} cannot be funded by the capital plan inside the horizon: not built`;
      else if (p.onlineIndex >= s.timeline.months) message = `${ph.label} does not come online before the horizon ends (${p.reasons.join(", ")})`;
      else message = `${ph.label} online ${p.delayMonths} month(s) later than requested (${p.reasons.join(", ")})`;
      return { path: ph.path, severity: "warning", message };
    });
  const fin = financingOutputs(st, pm);
  const all = [...diagnostics, ...delays, ...capexAbovePlan(st, pm), ...fin.diagnostics, ...pw.diagnostics, ...priced.diagnostics];
  const emissions = emissionsSummary(st, pm, pw.siteYears);
  const water = waterSummary(st, pm, pw.siteYears);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    inputs: effectiveInputs(st),
    summary: { ...buildSummary(st, pm, all), financing: fin.summary, power: pw.summary, emissions, water },
    tables: {
      phases: phasesTable(st),
      yearly: yearlyTable(st, pm),
      sitesYearly: sitesYearlyTable(st),
      acceleratorsYearly: acceleratorsYearlyTable(st),
      monthlySites: monthlySitesTable(st),
      vintages: vintagesTable(st),
      ...fin.tables,
      ...pw.tables,
      emissionsYearly: emissionsYearlyTable(emissions),
      waterYearly: waterYearlyTable(water),
    },
    diagnostics: all,
  };
}

/** Parses (text) or checks (object), resolves and runs a scenario without hourly input files. */
export function run(scenario: unknown, ref: ReferenceData = referenceData, inputs: RunInputs = {}): RunOutcome {
  return runPrepared(prepareDocument({ value: scenario }, ref), inputs);
}

export function runText(text: string, fileName: string, ref: ReferenceData = referenceData, inputs: RunInputs = {}): RunOutcome {
  return runPrepared(prepareDocument({ text, name: fileName }, ref), inputs);
}

/** Runs a prepared scenario; the outcome of a scenario that did not prepare carries its diagnostics. */
export function runPrepared(prepared: Outcome<PreparedScenario | null>, inputs: RunInputs = {}): RunOutcome {
  if (!prepared.value) return { result: null, diagnostics: prepared.diagnostics };
  const result = runResolved(prepared.value.resolved, prepared.diagnostics, inputs);
  return { result, diagnostics: result.diagnostics };
}
