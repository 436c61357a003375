/**
 * The company view of the program alone: the company's revenue path, its operating cash flow at the scenario's
 * margin, program capex, free cash flow and the funding gap, by timeline year. The funding routes
 * (structures/company.ts) start from it.
 */
import type { ModelState } from "../buildout/model.ts";
import type { ProgramMonthly } from "../buildout/program.ts";
import { sumByYear } from "../core/series.ts";

export interface CompanyYearly {
  revenueUsd: Float64Array;
  operatingCashFlowUsd: Float64Array;
  capexUsd: Float64Array;
  freeCashFlowUsd: Float64Array;
  fundingGapUsd: Float64Array;
}

export function companyYearly(st: ModelState, pm: ProgramMonthly): CompanyYearly {
  const s = st.scenario;
  const capexUsd = sumByYear(s.timeline, pm.capexUsd);
  const n = s.timeline.years.length;
  const out: CompanyYearly = {
    revenueUsd: s.company.revenueUsdByYearIndex.slice(),
    operatingCashFlowUsd: new Float64Array(n),
    capexUsd,
    freeCashFlowUsd: new Float64Array(n),
    fundingGapUsd: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    out.operatingCashFlowUsd[i] = s.company.operatingCashFlowUsdByYearIndex[i];
    out.freeCashFlowUsd[i] = out.operatingCashFlowUsd[i] - capexUsd[i];
    out.fundingGapUsd[i] = Math.max(0, -out.freeCashFlowUsd[i]);
  }
  return out;
}
