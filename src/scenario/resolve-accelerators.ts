/** Merge the scenario's accelerator overrides over data/accelerators.json. */
import { type Diagnostic, error, keyPath } from "../core/diagnostics.ts";
import type { ReferenceData } from "../data/index.ts";
import { scenarioDefaults } from "./defaults.ts";
import { ownValue } from "../core/keys.ts";
import type { Scenario } from "./schema.ts";
import type { ResolvedAccelerator } from "./resolved.ts";

const REQUIRED = ["tdpW", "denseBf16FlopPerS", "unitPriceUsd"] as const;

export function resolveAccelerators(s: Scenario, ref: ReferenceData, ds: Diagnostic[]): Record<string, ResolvedAccelerator> {
  const out: Record<string, ResolvedAccelerator> = {};
  const defaults = scenarioDefaults(ref).accelerators;
  const ids = new Set([...Object.keys(defaults), ...Object.keys(s.accelerators)]);
  for (const id of ids) {
    const base = ownValue(defaults, id);
    const o = ownValue(s.accelerators, id) ?? {};
    const path = keyPath("accelerators", id);
    if (!base) {
      const missing = REQUIRED.filter((k) => o[k] === undefined);
      if (missing.length > 0) {
        for (const k of missing) ds.push(error(`${path}.${k}`, `is required for an accelerator not in data/accelerators.json`));
        continue;
      }
    }
    const tdpW = o.tdpW ?? base!.tdpW;
    const overhead = o.itOverheadFactorPerTdp ?? base?.itOverheadFactorPerTdp ?? ref.facility.itOverheadFactorPerTdp;
    // An explicit system-level figure wins; a changed TDP without one scales by the overhead factor.
    const allInW =
      o.allInWPerAccelerator ??
      (o.tdpW === undefined && o.itOverheadFactorPerTdp === undefined ? base?.allInWPerAccelerator : undefined) ??
      tdpW * overhead;
    if (allInW < tdpW) ds.push(error(`${path}.allInWPerAccelerator`, `all-in IT power ${allInW} W is below the TDP ${tdpW} W`));
    out[id] = {
      id,
      name: o.name ?? base?.name ?? id,
      vendor: o.vendor ?? base?.vendor ?? "unknown",
      tdpW,
      allInWPerAccelerator: allInW,
      denseBf16FlopPerS: o.denseBf16FlopPerS ?? base!.denseBf16FlopPerS,
      unitPriceUsd: o.unitPriceUsd ?? base!.unitPriceUsd,
      firstYearAvailable: o.firstYearAvailable ?? base?.firstYearAvailable ?? 0,
    };
  }
  return out;
}

/**
 * One accelerator per refresh year after the last announced generation (`roadmap.projectionBasis`, data/accelerators.json):
 * the basis's all-in power and real unit price, its FLOP/s growing so that FLOP/s per dollar doubles every
 * `roadmap.flopPerSPerUsdDoublingYears` (Epoch's ML-GPU price-performance trend). Ids are `Projected-<year>`.
 */
export function withProjectedGenerations(
  accelerators: Record<string, ResolvedAccelerator>,
  roadmap: ReferenceData["acceleratorRoadmap"],
  lastYear: number,
): Record<string, ResolvedAccelerator> {
  const basis = Object.hasOwn(accelerators, roadmap.projectionBasis) ? accelerators[roadmap.projectionBasis] : undefined;
  if (!basis) return accelerators;
  const out = { ...accelerators };
  for (let year = basis.firstYearAvailable + 1; year <= lastYear; year++) {
    const id = `Projected-${year}`;
    if (Object.hasOwn(out, id)) continue;
    out[id] = {
      ...basis,
      id,
      name: `Projected ${year} accelerator (${basis.id} power and price, FLOP/s on the price-performance trend)`,
      vendor: "projected",
      denseBf16FlopPerS: basis.denseBf16FlopPerS * 2 ** ((year - basis.firstYearAvailable) / roadmap.flopPerSPerUsdDoublingYears),
      firstYearAvailable: year,
    };
  }
  return out;
}

/** The fleet-mix key that stands for the newest generation available when a phase comes online. */
export const NEWEST_GENERATION_KEY = "newest";

/**
 * Newest generation available by `year` among `candidates`: latest first year available, then most FLOP/s per all-in
 * W, then most FLOP/s, then the later entry (data/accelerators.json lists generations in release order, so GB300
 * follows GB200). The rule of IT refreshes and of a phase's `fleetMix: { newest }`.
 */
export function newestGenerationOf(accelerators: Record<string, ResolvedAccelerator>, candidates: readonly string[], year: number): string {
  const order = Object.keys(accelerators);
  // the keys compared in turn: first year available, FLOP/s per all-in W, FLOP/s, position in the data
  const cmp = (x: ResolvedAccelerator, y: ResolvedAccelerator): number =>
    Math.sign(x.firstYearAvailable - y.firstYearAvailable) ||
    Math.sign(x.denseBf16FlopPerS / x.allInWPerAccelerator - y.denseBf16FlopPerS / y.allInWPerAccelerator) ||
    Math.sign(x.denseBf16FlopPerS - y.denseBf16FlopPerS) ||
    Math.sign(order.indexOf(x.id) - order.indexOf(y.id));
  let best: string | null = null;
  for (const g of candidates) {
    const a = accelerators[g];
    if (a.firstYearAvailable > year) continue;
    if (best === null || cmp(a, accelerators[best]) > 0) best = g;
  }
  return best ?? candidates[0];
}
