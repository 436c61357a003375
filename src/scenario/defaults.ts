/**
 * What a scenario's optional fields default to, from data/: the one statement of the defaults chain. The resolver
 * takes every default from here, and `defaultAt` answers "what value does this path take when the scenario leaves
 * it out?" (the base of a Monte Carlo input left to its reference value).
 */
import { type AcceleratorSpec, type ReferenceData, referenceAllInW } from "../data/index.ts";

export interface ScenarioDefaults {
  facility: { pue: number; wueLPerKwh: number; utilizationFraction: number };
  assetLives: { serverLifeYears: number; facilityLifeYears: number; electricalMechanicalLifeYears: number };
  capexPerMw: ReferenceData["capexPerMw"];
  opex: ReferenceData["opex"];
  jobs: ReferenceData["jobs"];
  embodiedCarbon: EmbodiedCarbonFactors;
  /** each reference accelerator with its all-in IT W on the one basis, and the overhead factor used when a scenario changes its TDP */
  accelerators: Record<string, AcceleratorSpec & { allInWPerAccelerator: number; itOverheadFactorPerTdp: number }>;
}

/** Embodied-carbon factors, flat as the scenario states them (scenario `embodiedCarbon`). */
export interface EmbodiedCarbonFactors {
  kgCo2ePerAccelerator: number;
  networkStorageFractionOfServer: number;
  buildingTco2ePerMwIt: number;
  pvKgCo2ePerMwh: number;
  windKgCo2ePerMwh: number;
  firmCleanKgCo2ePerMwh: number;
  gasLifecycleKgCo2ePerMwh: number;
  batteryKgCo2ePerKwh: number;
}

const memo = new WeakMap<ReferenceData, ScenarioDefaults>();

export function scenarioDefaults(ref: ReferenceData): ScenarioDefaults {
  let d = memo.get(ref);
  if (!d) {
    const f = ref.facility;
    d = {
      facility: { pue: f.pue, wueLPerKwh: f.wueLPerKwh, utilizationFraction: f.utilizationFraction },
      assetLives: { serverLifeYears: f.serverLifeYears, facilityLifeYears: f.facilityLifeYears, electricalMechanicalLifeYears: f.electricalMechanicalLifeYears },
      capexPerMw: ref.capexPerMw,
      opex: ref.opex,
      jobs: ref.jobs,
      embodiedCarbon: {
        kgCo2ePerAccelerator: ref.embodiedCarbon.itEquipment.kgCo2ePerAccelerator,
        networkStorageFractionOfServer: ref.embodiedCarbon.itEquipment.networkStorageFractionOfServer,
        buildingTco2ePerMwIt: ref.embodiedCarbon.building.tco2ePerMwIt,
        ...ref.embodiedCarbon.generation,
        batteryKgCo2ePerKwh: ref.embodiedCarbon.battery.kgCo2ePerKwh,
      },
      accelerators: Object.fromEntries(
        Object.entries(ref.accelerators).map(([id, a]) => [id, { ...a, allInWPerAccelerator: referenceAllInW(a, f), itOverheadFactorPerTdp: f.itOverheadFactorPerTdp }]),
      ),
    };
    memo.set(ref, d);
  }
  return d;
}

/** The default of a numeric scenario path (e.g. ["facility", "pue"]); null for paths without one. */
export function defaultAt(segments: readonly (string | number)[], ref: ReferenceData): number | null {
  let cur: unknown = scenarioDefaults(ref);
  for (const seg of segments) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, seg)) return null;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return typeof cur === "number" ? cur : null;
}
