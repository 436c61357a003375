/** What `run` adds for power: the `powerSitesYearly` table, `summary.power` and diagnostics. */
import type { Diagnostic } from "../../core/diagnostics.ts";
import type { ModelState } from "../../buildout/model.ts";
import type { Table } from "../../core/table.ts";
import { type PowerSummary, powerSitesYearlyTable, powerSummary } from "./report.ts";
import { type PowerProfiles, simulateProgramPower } from "./site-power.ts";

export interface PowerOutputs {
  summary: PowerSummary;
  tables: { powerSitesYearly: Table };
  diagnostics: Diagnostic[];
}

export function powerOutputs(st: ModelState, profiles: PowerProfiles | undefined): PowerOutputs {
  const p = simulateProgramPower(st, profiles);
  return { summary: powerSummary(p), tables: { powerSitesYearly: powerSitesYearlyTable(p) }, diagnostics: p.diagnostics };
}
