/**
 * An SPV's development cost by category, on the basis of a reported development cost: the hard construction cost of
 * its facility classes (Cushman & Wakefield's basis), the soft costs and land that basis leaves out, and the interest
 * capitalized during construction (ASC 835-20: interest on the accumulated spending of each phase, at the SPV's
 * coupon, from financial close until the phase is online). Owner-furnished equipment is not added: the model counts
 * it in the IT class (data/capex-per-mw.json itNonAcceleratorFraction is Epoch's all-in total less the facility).
 */
import { FACILITY_CLASSES, type FacilityClass, facilityCostCategoriesUsdPerMw } from "../../buildout/costs.ts";
import type { ModelState } from "../../buildout/model.ts";
import type { ResolvedSpv } from "../../scenario/resolved-financing.ts";

export interface DevelopmentCost {
  hardUsd: number;
  softUsd: number;
  landUsd: number;
  capitalizedInterestUsd: number;
  /** hard + soft + land + capitalized interest */
  totalUsd: number;
}

export function spvDevelopmentCost(st: ModelState, spv: ResolvedSpv): DevelopmentCost {
  const n = st.scenario.timeline.months;
  const classes = spv.assetClasses.filter((c): c is FacilityClass => (FACILITY_CLASSES as readonly string[]).includes(c));
  const out: DevelopmentCost = { hardUsd: 0, softUsd: 0, landUsd: 0, capitalizedInterestUsd: 0, totalUsd: 0 };
  const monthlyRate = spv.couponFractionPerYear / 12;
  for (const pi of spv.phaseIndices) {
    const ps = st.build.phases.find((p) => p.phaseIndex === pi);
    if (!ps || ps.startIndex < 0) continue;
    const series = st.capex.phases[pi];
    for (const cls of classes) {
      const k = facilityCostCategoriesUsdPerMw(st.scenario, cls);
      const perMw = k.hardUsdPerMw + k.softUsdPerMw + k.landUsdPerMw;
      let spentUsd = 0;
      for (let m = 0; m < n; m++) {
        spentUsd += series[cls][m];
        if (m >= spv.closeIndex && m < ps.onlineIndex) out.capitalizedInterestUsd += spentUsd * monthlyRate;
      }
      if (perMw <= 0) continue;
      out.hardUsd += (spentUsd * k.hardUsdPerMw) / perMw;
      out.softUsd += (spentUsd * k.softUsdPerMw) / perMw;
      out.landUsd += (spentUsd * k.landUsdPerMw) / perMw;
    }
  }
  out.totalUsd = out.hardUsd + out.softUsd + out.landUsd + out.capitalizedInterestUsd;
  return out;
}
