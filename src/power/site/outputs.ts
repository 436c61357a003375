/** What `run` adds for power: the `powerSitesYearly` table, `summary.power` and diagnostics. */
import type { Diagnostic } from "../../core/diagnostics.ts";
import type { ModelState } from "../../buildout/model.ts";
import type { Table } from "../../core/table.ts";
import { type PowerSummary, powerSitesYearlyTable, powerSummary } from "./report.ts";
import { type PowerProfiles, type SiteYearPower, simulateProgramPower } from "./site-power.ts";

export interface PowerOutputs {
  summary: PowerSummary;
  tables: { powerSitesYearly: Table };
  diagnostics: Diagnostic[];
  /** every dispatched site-year (empty when not simulated) */
  siteYears: SiteYearPower[];
}

/** The power outputs of a run; with `simulate` false no site-year is dispatched (the tables stay, empty). */
export function powerOutputs(st: ModelState, profiles: PowerProfiles | undefined, simulate = true): PowerOutputs {
  const p = simulate ? simulateProgramPower(st, profiles) : { siteYears: [], diagnostics: [] };
  return { summary: powerSummary(p), tables: { powerSitesYearly: powerSitesYearlyTable(p) }, diagnostics: p.diagnostics, siteYears: p.siteYears };
}
