/**
 * The value a scenario path takes when the scenario leaves it out: the reference default from data/ that
 * `resolveScenario` would use. The tornado's base and the "base" column of simulate reports use it, so they
 * agree with `gigaplan run`. Returns null for paths without a reference default.
 */
import type { ReferenceData } from "../data/index.ts";
import type { Segment } from "./paths.ts";

const FACILITY_FIELDS = ["pue", "wueLPerKwh", "utilizationFraction"] as const;
const LIFE_FIELDS = ["serverLifeYears", "facilityLifeYears", "electricalMechanicalLifeYears"] as const;

function numberAt(record: object, key: string): number | null {
  const v = (record as Record<string, unknown>)[key];
  return typeof v === "number" ? v : null;
}

export function referenceDefault(segments: readonly Segment[], ref: ReferenceData): number | null {
  const [head, second, third] = segments.map(String);
  if (segments.length === 2 && head === "facility" && (FACILITY_FIELDS as readonly string[]).includes(second)) return numberAt(ref.facility, second);
  if (segments.length === 2 && head === "assetLives" && (LIFE_FIELDS as readonly string[]).includes(second)) return numberAt(ref.facility, second);
  if (segments.length === 2 && head === "capexPerMw") return numberAt(ref.capexPerMw, second);
  if (segments.length === 2 && head === "opex") return numberAt(ref.opex, second);
  if (segments.length === 2 && head === "jobs") return numberAt(ref.jobs, second);
  if (segments.length === 3 && head === "accelerators" && ref.accelerators[second]) {
    if (third === "itOverheadFactorPerTdp") return ref.facility.itOverheadFactorPerTdp;
    return numberAt(ref.accelerators[second], third);
  }
  return null;
}
