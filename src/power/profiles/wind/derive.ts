/**
 * A hub-height wind series derived from a surface station's measurement (an EPW's 10 m wind): the power law
 * v_hub = v_z × (hub / z)^α with a stated shear exponent α. Used only when the resource has no speed within
 * `maxSpeedHeightGapM` of hub height and only for surface-station data (a hub-height resource such as a WIND
 * Toolkit .srw keeps SAM's rule: too far from hub height is an error), and always with a warning: a 10 m airport anemometer under-represents the
 * wind a turbine sees (roughness, stability and the diurnal shear cycle are ignored), so the result is a
 * derived estimate, not hub-height data.
 */
import { type Diagnostic, type Outcome, warning } from "../../../core/diagnostics.ts";
import type { WindModelData } from "../../../data/wind-model.ts";
import { fieldsOfKind, type WindResource } from "./resource.ts";

export interface DerivedWind {
  resource: WindResource;
  /** the exponent applied, or null when the resource already reaches hub height */
  shearExponentApplied: number | null;
  fromHeightM: number | null;
}

/** The resource unchanged when it has a speed near hub height, else with a speed (and direction) column added at hub height. */
export function extrapolateToHubHeight(resource: WindResource, hubHeightM: number, shearExponent: number, model: WindModelData, path = "resource"): Outcome<DerivedWind> {
  const speeds = fieldsOfKind(resource, "speed");
  if (speeds.length === 0 || !resource.surfaceStation) return { value: { resource, shearExponentApplied: null, fromHeightM: null }, diagnostics: [] };
  const top = speeds.reduce((a, b) => (b.heightM > a.heightM ? b : a));
  if (Math.abs(top.heightM - hubHeightM) <= model.resource.maxSpeedHeightGapM || top.heightM > hubHeightM)
    return { value: { resource, shearExponentApplied: null, fromHeightM: null }, diagnostics: [] };
  const factor = Math.pow(hubHeightM / top.heightM, shearExponent);
  const values = top.values.map((v) => v * factor);
  const directions = fieldsOfKind(resource, "direction");
  const dir = directions.length > 0 ? directions.reduce((a, b) => (Math.abs(b.heightM - top.heightM) < Math.abs(a.heightM - top.heightM) ? b : a)) : null;
  const fields = [...resource.fields, { kind: "speed" as const, heightM: hubHeightM, values }];
  if (dir) fields.push({ kind: "direction", heightM: hubHeightM, values: dir.values });
  const heightsM = [...new Set([...resource.heightsM, hubHeightM])].sort((a, b) => a - b);
  const ds: Diagnostic[] = [
    warning(
      path,
      `derived hub-height wind: no speed within ${model.resource.maxSpeedHeightGapM} m of hub height ${hubHeightM} m, so the ${top.heightM} m series is scaled ` +
        `by the power law with shear exponent ${shearExponent} (×${factor.toFixed(3)}); station wind at ${top.heightM} m is a weak guide to hub-height wind, ` +
        "treat wind results as indicative (use a WIND Toolkit .srw file for hub-height data)",
    ),
  ];
  return { value: { resource: { ...resource, heightsM, fields }, shearExponentApplied: shearExponent, fromHeightM: top.heightM }, diagnostics: ds };
}
