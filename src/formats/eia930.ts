/**
 * Readers for EIA-930 hourly extracts (balancing-authority demand and net generation by fuel), as in
 * data/grid/ and ../shared/validation/grid/. Timestamps are UTC; EIA-930 stamps each hour at its END
 * (`hourEndingUtcMs`). Values are MW averaged over the hour (= MWh in the hour).
 *
 * - demand: a time column (`utc_hour_ending`, …) and one or more MW columns (e.g. `erco_demand_raw_MW`);
 * - fuel mix: a time column and one column per EIA-930 fuel code (WND, SUN, WAT, OIL, NG, COL, NUC, OTH, …),
 *   optionally `avg_CI` (a published generation-weighted carbon intensity, g/kWh = kg/MWh).
 */
import { type Diagnostic, type Outcome, error, warning } from "../core/diagnostics.ts";
import { MS_PER_HOUR, parseHourlyCsv } from "./hourly-csv.ts";

/** EIA-930 energy-source codes (Form EIA-930 instructions; GEO/BAT/PS/SNB/UNK appear from 2023 on). */
export const EIA930_FUEL_CODES = ["COL", "NG", "NUC", "OIL", "WAT", "SUN", "WND", "OTH", "GEO", "BAT", "PS", "SNB", "UNK"] as const;
const AVERAGE_CI_NAMES = ["avg_ci", "average_ci", "ci", "carbon_intensity"];

export type TimestampConvention = "hour-ending" | "hour-beginning";

export interface Eia930Demand {
  hours: number;
  /** end of each hour, epoch ms UTC */
  hourEndingUtcMs: Float64Array;
  /** column name → MW */
  seriesMw: Record<string, Float64Array>;
}

export interface Eia930FuelMix {
  hours: number;
  hourEndingUtcMs: Float64Array;
  /** fuel code → MWh in the hour */
  generationMwhByFuel: Record<string, Float64Array>;
  /** the file's own carbon intensity column, when present (kg/MWh) */
  publishedIntensityKgPerMwh: Float64Array | null;
}

function hourEnding(timestampsUtcMs: Float64Array, convention: TimestampConvention): Float64Array {
  return convention === "hour-ending" ? timestampsUtcMs : timestampsUtcMs.map((t) => t + MS_PER_HOUR);
}

/** Parses an hourly demand CSV. */
export function parseEia930Demand(text: string, fileName = "demand.csv", convention: TimestampConvention = "hour-ending"): Outcome<Eia930Demand | null> {
  const csv = parseHourlyCsv(text, fileName);
  if (!csv.value) return { value: null, diagnostics: csv.diagnostics };
  const { names, columns, timestampsUtcMs } = csv.value;
  const seriesMw = Object.fromEntries(names.map((n, i) => [n, columns[i]]));
  const ds: Diagnostic[] = [];
  names.forEach((n, i) => {
    const neg = columns[i].findIndex((v) => v < 0);
    if (neg >= 0) ds.push(error(`${fileName}:${neg + 2}:${i + 2}`, `${n}: negative demand ${columns[i][neg]} MW`));
  });
  if (ds.length > 0) return { value: null, diagnostics: ds };
  return { value: { hours: timestampsUtcMs.length, hourEndingUtcMs: hourEnding(timestampsUtcMs, convention), seriesMw }, diagnostics: [] };
}

/** Parses an hourly net-generation-by-fuel CSV. Unknown columns are ignored with a warning. */
export function parseEia930FuelMix(text: string, fileName = "fuelmix.csv", convention: TimestampConvention = "hour-ending"): Outcome<Eia930FuelMix | null> {
  const csv = parseHourlyCsv(text, fileName);
  if (!csv.value) return { value: null, diagnostics: csv.diagnostics };
  const { names, columns, timestampsUtcMs } = csv.value;
  const ds: Diagnostic[] = [];
  const generationMwhByFuel: Record<string, Float64Array> = {};
  let publishedIntensityKgPerMwh: Float64Array | null = null;
  names.forEach((name, i) => {
    const code = name.toUpperCase();
    if ((EIA930_FUEL_CODES as readonly string[]).includes(code)) generationMwhByFuel[code] = columns[i];
    else if (AVERAGE_CI_NAMES.includes(name.toLowerCase())) publishedIntensityKgPerMwh = columns[i];
    else ds.push(warning(`${fileName}:1:${i + 2}`, `column "${name}" is not an EIA-930 fuel code (${EIA930_FUEL_CODES.join(", ")}); ignored`));
  });
  if (Object.keys(generationMwhByFuel).length === 0) return { value: null, diagnostics: [...ds, error(`${fileName}:1`, "no fuel columns found")] };
  return {
    value: { hours: timestampsUtcMs.length, hourEndingUtcMs: hourEnding(timestampsUtcMs, convention), generationMwhByFuel, publishedIntensityKgPerMwh },
    diagnostics: ds,
  };
}
