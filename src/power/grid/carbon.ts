/**
 * Hourly grid carbon intensity from generation by fuel:
 *   intensity_h (kg CO2/MWh) = Σ_f generation_f,h × factor_f / Σ_f generation_f,h
 * with operational (direct combustion) factors per EIA-930 fuel code from data/emission-factors.json by default.
 */
import { type Diagnostic, type Outcome, error, warning } from "../../core/diagnostics.ts";
import { referenceData } from "../../data/index.ts";
import type { EmissionFactorsData } from "../../data/emission-factors.ts";

/** kg CO2 per MWh by fuel code. */
export type EmissionFactorsKgPerMwh = Record<string, number>;

export interface HourlyCarbon {
  /** kg CO2 per MWh generated, per hour */
  intensityKgPerMwh: Float64Array;
  emissionsKg: Float64Array;
  generationMwh: Float64Array;
  /** Σ emissions / Σ generation over the series (generation-weighted mean) */
  meanIntensityKgPerMwh: number;
  totalEmissionsKg: number;
  totalGenerationMwh: number;
}

/** Operational factors from the reference data, by fuel code. */
export function operationalEmissionFactors(data: EmissionFactorsData = referenceData.emissionFactors): EmissionFactorsKgPerMwh {
  return Object.fromEntries(Object.entries(data.fuels).map(([code, f]) => [code, f.co2KgPerMwh]));
}

function checkInputs(generationMwhByFuel: Record<string, Float64Array>, factors: EmissionFactorsKgPerMwh, ds: Diagnostic[]): number {
  const lengths = new Set(Object.values(generationMwhByFuel).map((v) => v.length));
  if (lengths.size !== 1) {
    ds.push(error("generationMwhByFuel", lengths.size === 0 ? "no fuels given" : "fuel series have different lengths"));
    return 0;
  }
  for (const [fuel, series] of Object.entries(generationMwhByFuel)) {
    const used = series.some((v) => v !== 0);
    if (factors[fuel] === undefined && used) ds.push(error(`generationMwhByFuel.${fuel}`, `no emission factor for fuel "${fuel}"`));
    const neg = series.findIndex((v) => v < 0);
    if (neg >= 0) ds.push(warning(`generationMwhByFuel.${fuel}[${neg}]`, `negative net generation (${series[neg]} MWh) counted as is`));
  }
  return [...lengths][0];
}

/** Hourly intensity, emissions and generation; an hour without positive total generation is an error. */
export function hourlyCarbonIntensity(
  generationMwhByFuel: Record<string, Float64Array>,
  factors: EmissionFactorsKgPerMwh = operationalEmissionFactors(),
): Outcome<HourlyCarbon | null> {
  const ds: Diagnostic[] = [];
  const n = checkInputs(generationMwhByFuel, factors, ds);
  if (ds.some((d) => d.severity === "error")) return { value: null, diagnostics: ds };
  const emissionsKg = new Float64Array(n);
  const generationMwh = new Float64Array(n);
  for (const [fuel, series] of Object.entries(generationMwhByFuel)) {
    const f = factors[fuel] ?? 0; // only unused fuels lack a factor (checked above)
    for (let h = 0; h < n; h++) {
      emissionsKg[h] += series[h] * f;
      generationMwh[h] += series[h];
    }
  }
  const intensityKgPerMwh = new Float64Array(n);
  let totalEmissionsKg = 0;
  let totalGenerationMwh = 0;
  for (let h = 0; h < n; h++) {
    if (!(generationMwh[h] > 0)) {
      ds.push(error(`hour[${h}]`, `total generation is ${generationMwh[h]} MWh: intensity undefined`));
      break;
    }
    intensityKgPerMwh[h] = emissionsKg[h] / generationMwh[h];
    totalEmissionsKg += emissionsKg[h];
    totalGenerationMwh += generationMwh[h];
  }
  if (ds.some((d) => d.severity === "error")) return { value: null, diagnostics: ds };
  return {
    value: { intensityKgPerMwh, emissionsKg, generationMwh, meanIntensityKgPerMwh: totalEmissionsKg / totalGenerationMwh, totalEmissionsKg, totalGenerationMwh },
    diagnostics: ds,
  };
}
