/** What the financing stage adds to a run result: `summary.financing`, four tables and diagnostics. */
import type { Diagnostic } from "../../core/diagnostics.ts";
import type { ModelState } from "../../buildout/model.ts";
import type { ProgramMonthly } from "../../buildout/program.ts";
import type { Table } from "../../core/table.ts";
import { runFinancing } from "./run-financing.ts";
import { type FinancingSummary, financingSummary } from "./summary.ts";
import { fundingYearlyTable, pnlYearlyTable, revenueRequiredYearlyTable, spvYearlyTable } from "./tables.ts";

export interface FinancingOutputs {
  summary: FinancingSummary;
  tables: Record<"spvYearly" | "fundingYearly" | "pnlYearly" | "revenueRequiredYearly", Table>;
  diagnostics: Diagnostic[];
}

export function financingOutputs(st: ModelState, pm: ProgramMonthly): FinancingOutputs {
  const s = st.scenario;
  const fs = runFinancing(st, pm);
  return {
    summary: financingSummary(fs, s.timeline, s.financing, s.sites.map((x) => x.name)),
    tables: {
      spvYearly: spvYearlyTable(fs),
      fundingYearly: fundingYearlyTable(fs, s.timeline),
      pnlYearly: pnlYearlyTable(fs, s.timeline),
      revenueRequiredYearly: revenueRequiredYearlyTable(fs, s.timeline, s.financing),
    },
    diagnostics: fs.diagnostics,
  };
}
