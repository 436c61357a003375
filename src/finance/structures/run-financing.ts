/**
 * The financing stage: funding structures on the model state, the company view and P&L of both funding routes,
 * revenue required, and program returns. Pure: model state in, plain data out.
 */
import type { Diagnostic } from "../../core/diagnostics.ts";
import type { ModelState } from "../../buildout/model.ts";
import type { ProgramMonthly } from "../../buildout/program.ts";
import { type PnlRoute, pnlRoute } from "../pnl/pnl.ts";
import { type Payback, payback } from "../revenue-required/payback.ts";
import { type RevenueRequiredYearly, type SequoiaCaseResult, revenueRequiredYearly, sequoiaCases } from "../revenue-required/revenue-required.ts";
import { irrFraction, npvUsd } from "../returns.ts";
import { type BondResult, type CompanyRoute, ROUTES, type RouteId, companyRoute } from "./company.ts";
import { bondSchedule } from "./bonds.ts";
import { type SpvResult, modelSpv } from "./spv-model.ts";
import { type SiteProjectFinance, projectFinanceSizing } from "./project-finance.ts";

export interface ProgramReturns extends Payback {
  discountRateFractionPerYear: number;
  npvUsd: number;
  irrFraction: number | null;
}

export interface FinancingState {
  routes: RouteId[];
  spvs: SpvResult[];
  projectFinance: SiteProjectFinance[];
  bonds: BondResult[];
  company: Partial<Record<RouteId, CompanyRoute>>;
  pnl: Partial<Record<RouteId, PnlRoute>>;
  revenueRequired: RevenueRequiredYearly;
  sequoia: SequoiaCaseResult[];
  /** null without an `economics` block (no program revenue assumed) */
  returns: ProgramReturns | null;
  diagnostics: Diagnostic[];
}

export function runFinancing(st: ModelState, pm: ProgramMonthly): FinancingState {
  const s = st.scenario;
  const f = s.financing;
  const n = s.timeline.months;
  const spvs = f.spvs.map((spv) => modelSpv(st, spv));
  const pf = projectFinanceSizing(st);
  const bonds: BondResult[] = f.bonds.map((b) => ({ bond: b, schedule: bondSchedule(b, pm.capexUsd, n) }));
  const routes: RouteId[] = f.hasStructures ? [...ROUTES] : ["allOperatingCashFlow"];
  const company: Partial<Record<RouteId, CompanyRoute>> = {};
  const pnl: Partial<Record<RouteId, PnlRoute>> = {};
  for (const r of routes) {
    company[r] = companyRoute(st, pm, r, spvs, bonds);
    pnl[r] = pnlRoute(st, pm, r, spvs, bonds);
  }
  const econ = s.economics;
  return {
    routes,
    spvs,
    projectFinance: pf.sites,
    bonds,
    company,
    pnl,
    revenueRequired: revenueRequiredYearly(st, pm),
    sequoia: sequoiaCases(f),
    returns:
      econ === null
        ? null
        : {
            discountRateFractionPerYear: econ.discountRateFractionPerYear,
            npvUsd: npvUsd(pm.cashFlowUsd, econ.discountRateFractionPerYear),
            irrFraction: irrFraction(pm.cashFlowUsd),
            ...payback(pm.cashFlowUsd, econ.discountRateFractionPerYear),
          },
    diagnostics: [...spvs.flatMap((r) => r.diagnostics), ...pf.diagnostics],
  };
}
