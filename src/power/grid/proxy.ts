/**
 * PROXY hourly carbon intensity for a region without its own hourly data: the hourly SHAPE of a region that
 * has it (ERCOT from EIA-930) scaled so that its generation-weighted annual mean equals the target region's
 * annual intensity (eGRID, `data/grid-regions.json` → co2KgPerMwh). This keeps the target's annual level but
 * borrows another grid's daily and seasonal pattern: treat hour-by-hour results built on it as indicative.
 */
import { type Diagnostic, type Outcome, error, info } from "../../core/diagnostics.ts";
import { type GridRegion, referenceData } from "../../data/index.ts";

export interface ProxyIntensity {
  /** kg CO2/MWh per hour: shape × scaleFactor */
  intensityKgPerMwh: Float64Array;
  scaleFactor: number;
  /** weighted mean of the input shape */
  shapeMeanKgPerMwh: number;
  targetMeanKgPerMwh: number;
}

/** Mean of `values`, weighted by `weights` (e.g. hourly generation) or unweighted. */
export function weightedMean(values: Float64Array, weights?: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let h = 0; h < values.length; h++) {
    const w = weights ? weights[h] : 1;
    num += values[h] * w;
    den += w;
  }
  return num / den;
}

/**
 * Scales `shapeKgPerMwh` so its mean (weighted by `weights`, normally the source region's hourly generation,
 * so that the mean is emissions / generation like eGRID's) equals `targetMeanKgPerMwh`.
 */
export function proxyHourlyIntensityFromShape(shapeKgPerMwh: Float64Array, targetMeanKgPerMwh: number, weights?: Float64Array): Outcome<ProxyIntensity | null> {
  const ds: Diagnostic[] = [];
  if (!(Number.isFinite(targetMeanKgPerMwh) && targetMeanKgPerMwh >= 0)) ds.push(error("targetMeanKgPerMwh", "must be a finite number ≥ 0"));
  if (weights && weights.length !== shapeKgPerMwh.length) ds.push(error("weights", `has ${weights.length} values, shape has ${shapeKgPerMwh.length}`));
  if (shapeKgPerMwh.some((v) => !(Number.isFinite(v) && v >= 0))) ds.push(error("shapeKgPerMwh", "must hold finite values ≥ 0"));
  if (weights?.some((w) => !(Number.isFinite(w) && w >= 0))) ds.push(error("weights", "must hold finite values ≥ 0"));
  if (ds.length > 0) return { value: null, diagnostics: ds };
  const shapeMeanKgPerMwh = weightedMean(shapeKgPerMwh, weights);
  if (!(shapeMeanKgPerMwh > 0)) return { value: null, diagnostics: [error("shapeKgPerMwh", "the shape's mean is 0: nothing to scale")] };
  const scaleFactor = targetMeanKgPerMwh / shapeMeanKgPerMwh;
  const intensityKgPerMwh = shapeKgPerMwh.map((v) => v * scaleFactor);
  return { value: { intensityKgPerMwh, scaleFactor, shapeMeanKgPerMwh, targetMeanKgPerMwh }, diagnostics: [] };
}

/** The proxy for a region of `data/grid-regions.json` (e.g. "PJM", "MISO"), with an info diagnostic saying so. */
export function proxyHourlyIntensityForRegion(
  shapeKgPerMwh: Float64Array,
  regionId: string,
  weights?: Float64Array,
  regions: Record<string, GridRegion> = referenceData.gridRegions,
): Outcome<ProxyIntensity | null> {
  const region = regions[regionId];
  if (!region) return { value: null, diagnostics: [error("regionId", `unknown grid region "${regionId}" (known: ${Object.keys(regions).join(", ")})`)] };
  const out = proxyHourlyIntensityFromShape(shapeKgPerMwh, region.co2KgPerMwh, weights);
  if (!out.value) return out;
  const note = `proxy: hourly shape scaled ×${out.value.scaleFactor.toFixed(3)} to ${region.name} annual mean ${region.co2KgPerMwh} kg/MWh (${region.year}); not measured hourly data for this region`;
  return { value: out.value, diagnostics: [...out.diagnostics, info("regionId", note)] };
}
