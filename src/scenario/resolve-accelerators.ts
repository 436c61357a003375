/** Merge the scenario's accelerator overrides over data/accelerators.json. */
import { type Diagnostic, error, keyPath } from "../core/diagnostics.ts";
import type { ReferenceData } from "../data/index.ts";
import { scenarioDefaults } from "./defaults.ts";
import type { Scenario } from "./schema.ts";
import type { ResolvedAccelerator } from "./resolved.ts";

const REQUIRED = ["tdpW", "denseBf16FlopPerS", "unitPriceUsd"] as const;

export function resolveAccelerators(s: Scenario, ref: ReferenceData, ds: Diagnostic[]): Record<string, ResolvedAccelerator> {
  const out: Record<string, ResolvedAccelerator> = {};
  const defaults = scenarioDefaults(ref).accelerators;
  const ids = new Set([...Object.keys(defaults), ...Object.keys(s.accelerators)]);
  for (const id of ids) {
    const base = defaults[id];
    const o = s.accelerators[id] ?? {};
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
