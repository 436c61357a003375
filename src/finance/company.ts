/**
 * The company view of the program alone: the company's revenue path, its operating cash flow at the scenario's
 * margin (reported in reported years) less the rent of leased halls, program capex, free cash flow and the funding
 * gap, by timeline year. The funding routes
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
  // the rent of leased halls replaces their facility capex: it is paid from the company's operating cash flow in every
  // funding route (as an SPV's rent is in the declared-structures route)
  const leaseRentUsd = sumByYear(s.timeline, pm.facilityLeaseCostUsd);
  for (let i = 0; i < n; i++) {
    out.operatingCashFlowUsd[i] = s.company.operatingCashFlowUsdByYearIndex[i] - leaseRentUsd[i];
    out.freeCashFlowUsd[i] = out.operatingCashFlowUsd[i] - capexUsd[i];
    out.fundingGapUsd[i] = Math.max(0, -out.freeCashFlowUsd[i]);
  }
  return out;
}
