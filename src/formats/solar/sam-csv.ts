/**
 * SAM CSV weather files (the layout of SAM's TMY2/TMY3 csv conversions and of NSRDB PSM3 downloads):
 * row 1 holds header names (Source, Latitude, Longitude, Time Zone, Elevation, ...), row 2 their values,
 * row 3 the column names, then one row per hour. Column names are matched case-insensitively with the
 * aliases SAM accepts.
 */
import { HOURS_PER_YEAR } from "../../core/calendar.ts";
import { type Diagnostic, error } from "../../core/diagnostics.ts";
import {
  type FieldColumn, finishSolarWeather, headerDefault, MID_HOUR_MINUTE, newRow,
  readFields, type SiteHeader, type SolarField, SolarColumns,
} from "./columns.ts";
import { DiagnosticList, splitCsvLine } from "./text.ts";
import type { SolarWeather } from "../../power/profiles/pv/weather.ts";

const COLUMN_ALIASES: Record<SolarField, readonly string[]> = {
  year: ["year", "yr"],
  month: ["month", "mo"],
  day: ["day"],
  hour: ["hour", "hr"],
  minute: ["minute", "min"],
  ghi: ["ghi", "gh", "global", "global horizontal", "global horizontal irradiance"],
  dni: ["dni", "dn", "beam", "direct normal", "direct normal irradiance", "direct (beam) normal irradiance"],
  dhi: ["dhi", "df", "diffuse", "diffuse horizontal", "diffuse horizontal irradiance"],
  temperature: ["temperature", "tdry", "dry bulb", "dry bulb temp", "dry bulb temperature", "ambient", "ambient temp", "tamb", "air temperature", "temp_air"],
  windSpeed: ["wind speed", "wspd", "windspeed", "ws", "windvel", "wind_speed"],
  albedo: ["surface albedo", "albedo", "alb"],
  pressure: ["pressure", "pres", "air pressure"],
};
const REQUIRED: readonly SolarField[] = ["month", "day", "hour", "ghi", "dni", "dhi", "temperature", "windSpeed"];
const OPTIONAL: readonly SolarField[] = ["year", "minute", "albedo", "pressure"];

const HEADER_ALIASES = {
  latitudeDeg: ["latitude", "lat"],
  longitudeDeg: ["longitude", "lon", "lng", "long"],
  timeZoneHours: ["time zone", "tz", "timezone", "local time zone"],
  elevationM: ["elevation", "elev", "el"],
} as const;

/** True when line 1 looks like a SAM CSV header (names including Latitude and Longitude). */
export function isSamCsv(lines: readonly string[]): boolean {
  if (lines.length < 3) return false;
  const names = splitCsvLine(lines[0]).map((s) => s.trim().toLowerCase());
  return names.includes("latitude") || names.includes("lat");
}

function headerValue(names: readonly string[], values: readonly string[], aliases: readonly string[]): number | "missing" | "invalid" {
  const idx = names.findIndex((n) => aliases.includes(n));
  if (idx < 0 || values[idx] === undefined || values[idx].trim() === "") return "missing";
  const v = Number(values[idx].trim());
  return Number.isFinite(v) ? v : "invalid";
}

function sourceName(source: string, hasMinute: boolean): string {
  const s = source.trim().toUpperCase();
  if (s === "TMY2") return "TMY2";
  if (s === "TMY3") return "TMY3";
  if (s === "NSRDB" || s.startsWith("NSRDB")) return hasMinute ? "NSRDB PSM3" : "NSRDB";
  return "SAM CSV";
}

function readHeader(lines: readonly string[], file: string, hasMinute: boolean, out: Diagnostic[]): SiteHeader | null {
  const names = splitCsvLine(lines[0]).map((s) => s.trim().toLowerCase());
  const values = splitCsvLine(lines[1]);
  const get = (key: keyof typeof HEADER_ALIASES): number | null => {
    const v = headerValue(names, values, HEADER_ALIASES[key]);
    if (typeof v === "number") return v;
    const name = HEADER_ALIASES[key][0];
    if (key === "elevationM" && v === "missing") {
      out.push(headerDefault(file, name, 0));
      return 0;
    }
    out.push(error(`${file}:2:${name}`, v === "missing" ? `header has no "${name}" value` : `header "${name}" is not a number`));
    return null;
  };
  const latitudeDeg = get("latitudeDeg");
  const longitudeDeg = get("longitudeDeg");
  const timeZoneHours = get("timeZoneHours");
  const elevationM = get("elevationM");
  if (latitudeDeg === null || longitudeDeg === null || timeZoneHours === null || elevationM === null) return null;
  const srcIdx = names.indexOf("source");
  const header = { source: sourceName(srcIdx >= 0 ? (values[srcIdx] ?? "") : "", hasMinute), latitudeDeg, longitudeDeg, timeZoneHours, elevationM };
  return checkSite(header, file, out) ? header : null;
}

/** Latitude, longitude and time zone ranges (shared with TMY3). */
export function checkSite(h: SiteHeader, file: string, out: Diagnostic[]): boolean {
  const n = out.length;
  if (h.latitudeDeg < -90 || h.latitudeDeg > 90) out.push(error(`${file}:latitude`, `latitude ${h.latitudeDeg} is outside -90..90`));
  if (h.longitudeDeg < -180 || h.longitudeDeg > 180) out.push(error(`${file}:longitude`, `longitude ${h.longitudeDeg} is outside -180..180`));
  if (h.timeZoneHours < -15 || h.timeZoneHours > 15) out.push(error(`${file}:time zone`, `time zone ${h.timeZoneHours} is outside -15..15 h`));
  return out.length === n;
}

function findColumns(namesLine: string, file: string, out: Diagnostic[]): FieldColumn[] | null {
  const names = splitCsvLine(namesLine).map((s) => s.trim());
  const lower = names.map((s) => s.toLowerCase());
  const columns: FieldColumn[] = [];
  let ok = true;
  for (const field of [...REQUIRED, ...OPTIONAL]) {
    const index = lower.findIndex((n) => COLUMN_ALIASES[field].includes(n));
    if (index >= 0) columns.push({ field, index, name: names[index], required: REQUIRED.includes(field) || field === "year" || field === "minute" });
    else if (REQUIRED.includes(field)) {
      out.push(error(`${file}:3:${COLUMN_ALIASES[field][0]}`, `missing column "${COLUMN_ALIASES[field][0]}" (accepted names: ${COLUMN_ALIASES[field].join(", ")})`));
      ok = false;
    }
  }
  return ok ? columns : null;
}

/** Parses a SAM CSV weather file (TMY2 csv, NSRDB PSM3, ...). */
export function parseSamCsv(lines: readonly string[], file: string): { value: SolarWeather | null; diagnostics: Diagnostic[] } {
  const pre: Diagnostic[] = [];
  const columns = findColumns(lines[2], file, pre);
  const has = (f: SolarField) => columns?.some((c) => c.field === f) ?? false;
  const header = readHeader(lines, file, has("minute"), pre);
  if (!columns || !header) return { value: null, diagnostics: pre };

  const diags = new DiagnosticList(file);
  for (const d of pre) diags.add(d);
  const names = Object.fromEntries(columns.map((c) => [c.field, c.name]));
  const cols = new SolarColumns(HOURS_PER_YEAR + 24, names);
  const row = newRow();
  let rows = 0;
  for (let i = 3; i < lines.length; i++) {
    if (lines[i].trim() === "" || lines[i].replaceAll(",", "").trim() === "") continue;
    rows++;
    if (rows > HOURS_PER_YEAR + 24) continue; // counted, reported below
    row.minute = MID_HOUR_MINUTE;
    if (readFields(splitCsvLine(lines[i]), i + 1, columns, row, diags)) cols.push(i + 1, row, diags);
  }
  if (rows > HOURS_PER_YEAR + 24) {
    diags.error(lines.length, null, `expected ${HOURS_PER_YEAR} hourly rows, found ${rows} (sub-hourly files are not supported)`);
    return { value: null, diagnostics: diags.finish() };
  }
  const value = finishSolarWeather(
    cols,
    { file, header, hasYear: has("year"), hasMinute: has("minute"), hasAlbedo: has("albedo"), hasPressure: has("pressure") },
    diags,
  );
  return { value, diagnostics: diags.finish() };
}
