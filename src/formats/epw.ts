/**
 * EnergyPlus weather files (EPW), the most widespread typical-year format (TMY3, TMYx, IWEC, CWEC conversions;
 * SAM reads them too). Layout (EnergyPlus "Auxiliary Programs", chapter "Weather Converter Program", section
 * "EnergyPlus Weather File (EPW) Data Dictionary"):
 * - line 1 `LOCATION,City,State,Country,Source,WMO,Latitude,Longitude,TimeZone,Elevation`;
 * - seven more header lines (DESIGN CONDITIONS ... DATA PERIODS); the data start after the `DATA PERIODS` line;
 * - one row per hour: year, month, day, hour 1..24 (the hour *ending* at that time, local standard time), minute,
 *   flags, then 29 numeric fields. Irradiance fields are hourly sums in Wh/m2 (= mean W/m2 over the hour).
 * Missing values carry the dictionary's markers (9999 for irradiance, 99.9 for dry bulb, 999999 for pressure,
 * 999 for wind and albedo). This module reads the header and the rows; `solar/epw.ts` and `wind-epw.ts` build
 * the solar weather and the 10 m station wind from them. Every problem names the line and the field.
 */
import { type Diagnostic, error } from "../core/diagnostics.ts";
import { splitCsvLine } from "./solar/text.ts";

/** Header lines before the data: LOCATION ... DATA PERIODS. */
export const EPW_HEADER_LINES = 8;

/** 0-based field index and the missing-value marker of each EPW field gigaplan reads. */
export const EPW_FIELDS = {
  year: { index: 0, name: "Year", missingAtOrAbove: Number.POSITIVE_INFINITY },
  month: { index: 1, name: "Month", missingAtOrAbove: Number.POSITIVE_INFINITY },
  day: { index: 2, name: "Day", missingAtOrAbove: Number.POSITIVE_INFINITY },
  hour: { index: 3, name: "Hour", missingAtOrAbove: Number.POSITIVE_INFINITY },
  dryBulbC: { index: 6, name: "Dry Bulb Temperature", missingAtOrAbove: 99.9 },
  pressurePa: { index: 9, name: "Atmospheric Station Pressure", missingAtOrAbove: 999999 },
  ghiWhPerM2: { index: 13, name: "Global Horizontal Radiation", missingAtOrAbove: 9999 },
  dniWhPerM2: { index: 14, name: "Direct Normal Radiation", missingAtOrAbove: 9999 },
  dhiWhPerM2: { index: 15, name: "Diffuse Horizontal Radiation", missingAtOrAbove: 9999 },
  windDirectionDeg: { index: 20, name: "Wind Direction", missingAtOrAbove: 999 },
  windSpeedMps: { index: 21, name: "Wind Speed", missingAtOrAbove: 999 },
  albedo: { index: 32, name: "Albedo", missingAtOrAbove: 999 },
} as const;
export type EpwField = keyof typeof EPW_FIELDS;
/** Fields a data row must have (the Albedo field, number 33, is optional in older files). */
const MIN_DATA_FIELDS = 22;

export interface EpwLocation {
  city: string;
  stateProvince: string;
  country: string;
  /** data source named in the header, e.g. "TMY3" */
  dataSource: string;
  wmo: string;
  latitudeDeg: number;
  longitudeDeg: number;
  timeZoneHours: number;
  elevationM: number;
}

/** True when line 1 is an EPW LOCATION line. */
export function isEpw(lines: readonly string[]): boolean {
  return lines.length > 0 && /^LOCATION\s*,/i.test(lines[0]);
}

/** Reads the LOCATION line; errors name `file:1:<field>`. */
export function readEpwLocation(line: string, file: string, out: Diagnostic[]): EpwLocation | null {
  const f = splitCsvLine(line).map((s) => s.trim());
  const names = ["Latitude", "Longitude", "TimeZone", "Elevation"];
  const nums = [6, 7, 8, 9].map((i) => (f[i] === undefined || f[i] === "" ? Number.NaN : Number(f[i])));
  let ok = true;
  nums.forEach((v, k) => {
    if (!Number.isFinite(v)) {
      out.push(error(`${file}:1:${names[k]}`, `LOCATION field ${k + 7} (${names[k]}) is ${f[k + 6] === undefined ? "absent" : `"${f[k + 6]}", not a number`}`));
      ok = false;
    }
  });
  if (!ok) return null;
  const [latitudeDeg, longitudeDeg, timeZoneHours, elevationM] = nums;
  if (latitudeDeg < -90 || latitudeDeg > 90) out.push(error(`${file}:1:Latitude`, `latitude ${latitudeDeg} is outside -90..90`));
  if (longitudeDeg < -180 || longitudeDeg > 180) out.push(error(`${file}:1:Longitude`, `longitude ${longitudeDeg} is outside -180..180`));
  if (timeZoneHours < -15 || timeZoneHours > 15) out.push(error(`${file}:1:TimeZone`, `time zone ${timeZoneHours} is outside -15..15 h`));
  if (out.some((d) => d.severity === "error")) return null;
  return { city: f[1] ?? "", stateProvince: f[2] ?? "", country: f[3] ?? "", dataSource: f[4] ?? "", wmo: f[5] ?? "", latitudeDeg, longitudeDeg, timeZoneHours, elevationM };
}

/** Index of the first data line (0-based): the line after `DATA PERIODS`, else after the 8 standard header lines. */
export function firstEpwDataLine(lines: readonly string[]): number {
  for (let i = 1; i < Math.min(lines.length, EPW_HEADER_LINES + 4); i++) if (/^DATA PERIODS\s*,/i.test(lines[i])) return i + 1;
  return EPW_HEADER_LINES;
}

/** Result of reading one numeric field: a value, "missing" (the dictionary's marker or an empty field), or an error message. */
export function readEpwNumber(fields: readonly string[], field: EpwField): number | "missing" | { error: string } {
  const spec = EPW_FIELDS[field];
  const raw = fields[spec.index];
  if (raw === undefined || raw.trim() === "") return "missing";
  const v = Number(raw.trim());
  if (!Number.isFinite(v)) return { error: `field ${spec.index + 1} (${spec.name}) "${raw.trim()}" is not a number` };
  return v >= spec.missingAtOrAbove ? "missing" : v;
}

/** Splits a data row; a row with too few fields gives an error message instead. */
export function splitEpwRow(line: string): string[] | { error: string } {
  const f = splitCsvLine(line);
  return f.length < MIN_DATA_FIELDS ? { error: `row has ${f.length} fields, an EPW data row has 35 (at least ${MIN_DATA_FIELDS} needed)` } : f;
}
