/**
 * `hourlyPower`: the 8760 hours of one site-year (load, PV, wind, firm clean, battery, gas, grid import, export,
 * curtailment, grid CO2), dispatched by the same pipeline as `run` (prepare, profiles through `files`, the build-out
 * model, the site's dispatch), so its annual sums are the site-year's `powerSitesYearly` row. For the hourly charts
 * and for analysts who want the hours as CSV (`hourlyPowerTable`).
 */
import { runModel } from "../buildout/model.ts";
import { type Diagnostic, type Outcome, hasErrors } from "../core/diagnostics.ts";
import type { Table } from "../core/table.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { type ScenarioDocument, prepareDocument } from "../pipeline/prepare.ts";
import { type InputFiles, loadPowerProfiles } from "../pipeline/profiles.ts";
import type { RunResult } from "../pipeline/run.ts";
import { HOURLY_SERIES, type HourlyPower, siteYearHourly } from "../power/site/hourly.ts";

export { HOURLY_SERIES, type HourlyPower, type HourlySeriesName } from "../power/site/hourly.ts";

export interface HourlyPowerOptions {
  /** site name, as in the scenario; the site needs a `power` block */
  site: string;
  /** calendar year with load at the site */
  year: number;
  /** where the weather and grid files come from; without it, the site must need no PV or wind profile */
  files?: InputFiles;
  ref?: ReferenceData;
}

/** One site-year hour by hour; `value` is null with every problem as a diagnostic (paths "site" and "year" for the options). */
export async function hourlyPower(doc: ScenarioDocument, o: HourlyPowerOptions): Promise<Outcome<HourlyPower | null>> {
  const ref = o.ref ?? referenceData;
  const prepared = prepareDocument(doc, ref);
  if (!prepared.value) return { value: null, diagnostics: prepared.diagnostics };
  const hasSite = prepared.value.scenario.sites.some((s) => s.name === o.site);
  const profiles = o.files && hasSite ? await loadPowerProfiles(prepared.value.scenario, o.files, { ref, sites: [o.site] }) : { value: undefined, diagnostics: [] as Diagnostic[] };
  const diagnostics = [...prepared.diagnostics, ...profiles.diagnostics];
  if (hasErrors(profiles.diagnostics)) return { value: null, diagnostics };
  const out = siteYearHourly(runModel(prepared.value.resolved), profiles.value, o.site, o.year);
  return { value: out.value, diagnostics: [...diagnostics, ...out.diagnostics] };
}

/**
 * The site-year a report shows hour by hour: the first site whose hours `run` dispatched (or `site`), in its first
 * complete year of operation (load in all twelve months), else its first year with load. Null when the site's
 * hours were not dispatched (no power block, no load, or no site dispatched at all).
 */
export function representativeSiteYear(result: RunResult, site: string | undefined = result.summary.power.sites[0]): { site: string; year: number } | null {
  if (site === undefined) return null;
  const power = result.tables.powerSitesYearly;
  const [py, ps] = [power.columns.indexOf("year"), power.columns.indexOf("site")];
  const years = power.rows.filter((r) => r[ps] === site).map((r) => Number(r[py]));
  if (years.length === 0) return null;
  const monthly = result.tables.monthlySites;
  const [mm, ms, mw] = ["month", "site", "facilityPowerMwOnline"].map((c) => monthly.columns.indexOf(c));
  const monthsOnline = new Map<number, number>();
  for (const r of monthly.rows) {
    if (r[ms] !== site || !((r[mw] as number) > 0)) continue;
    const y = Number(String(r[mm]).slice(0, 4));
    monthsOnline.set(y, (monthsOnline.get(y) ?? 0) + 1);
  }
  return { site, year: years.find((y) => monthsOnline.get(y) === 12) ?? years[0] };
}

/** The hours as a table (one row per hour, `hour` counted from 0 at 1 January 00:00), e.g. for a CSV file. */
export function hourlyPowerTable(h: HourlyPower): Table {
  const rows = Array.from({ length: h.hours.loadMw.length }, (_, i) => [i, ...HOURLY_SERIES.map((k) => h.hours[k][i])]);
  return { columns: ["hour", ...HOURLY_SERIES], rows };
}
