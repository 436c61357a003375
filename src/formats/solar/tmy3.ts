/**
 * NREL TMY3 csv files (Wilcox & Marion 2008, NREL/TP-581-43156): line 1 holds the station
 * (USAF, "name", state, time zone, latitude, longitude, elevation m), line 2 the 68 column names
 * ("Date (MM/DD/YYYY)", "Time (HH:MM)", "GHI (W/m^2)", ...), then 8760 rows with times 01:00..24:00
 * (hour-ending averages, so hour h-1 in our start-of-interval convention).
 */
import { HOURS_PER_YEAR } from "../../core/calendar.ts";
import { type Diagnostic, error } from "../../core/diagnostics.ts";
import { checkSite } from "./sam-csv.ts";
import {
  type FieldColumn, finishSolarWeather, MID_HOUR_MINUTE, newRow, readFields,
  type SiteHeader, type SolarField, SolarColumns, type SolarRow,
} from "./columns.ts";
import { DiagnosticList, splitCsvLine } from "./text.ts";
import type { SolarWeather } from "../../power/profiles/pv/weather.ts";

const DATE_COLUMN = "date (mm/dd/yyyy)";
const TIME_COLUMN = "time (hh:mm)";
const NUMERIC_COLUMNS: ReadonlyArray<{ field: SolarField; name: string; required: boolean }> = [
  { field: "ghi", name: "ghi (w/m^2)", required: true },
  { field: "dni", name: "dni (w/m^2)", required: true },
  { field: "dhi", name: "dhi (w/m^2)", required: true },
  { field: "temperature", name: "dry-bulb (c)", required: true },
  { field: "windSpeed", name: "wspd (m/s)", required: true },
  { field: "pressure", name: "pressure (mbar)", required: false },
  { field: "albedo", name: "alb (unitless)", required: false },
];

/** True when line 2 starts with the TMY3 date column. */
export function isTmy3(lines: readonly string[]): boolean {
  return lines.length >= 2 && splitCsvLine(lines[1])[0]?.trim().toLowerCase() === DATE_COLUMN;
}

function readStation(line: string, file: string, out: Diagnostic[]): SiteHeader | null {
  const f = splitCsvLine(line);
  const nums = [3, 4, 5, 6].map((i) => Number(f[i]?.trim()));
  const labels = ["time zone", "latitude", "longitude", "elevation"];
  let ok = true;
  nums.forEach((v, k) => {
    if (f[k + 3] === undefined || f[k + 3].trim() === "" || !Number.isFinite(v)) {
      out.push(error(`${file}:1:${labels[k]}`, `station line field ${k + 4} (${labels[k]}) is not a number`));
      ok = false;
    }
  });
  if (!ok) return null;
  const header = { source: "TMY3", timeZoneHours: nums[0], latitudeDeg: nums[1], longitudeDeg: nums[2], elevationM: nums[3] };
  return checkSite(header, file, out) ? header : null;
}

function readDateTime(fields: readonly string[], line: number, dateIdx: number, timeIdx: number, row: SolarRow, diags: DiagnosticList): boolean {
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(fields[dateIdx]?.trim() ?? "");
  if (!date) {
    diags.error(line, "Date (MM/DD/YYYY)", `"${fields[dateIdx]?.trim()}" is not a MM/DD/YYYY date`);
    return false;
  }
  const time = /^(\d{1,2}):(\d{2})$/.exec(fields[timeIdx]?.trim() ?? "");
  if (!time || Number(time[1]) < 1 || Number(time[1]) > 24) {
    diags.error(line, "Time (HH:MM)", `"${fields[timeIdx]?.trim()}" is not an hour-ending time 01:00..24:00`);
    return false;
  }
  row.month = Number(date[1]);
  row.day = Number(date[2]);
  row.year = Number(date[3]);
  row.hour = Number(time[1]) - 1;
  row.minute = MID_HOUR_MINUTE;
  return true;
}

/** Parses an NREL TMY3 csv file. */
export function parseTmy3(lines: readonly string[], file: string): { value: SolarWeather | null; diagnostics: Diagnostic[] } {
  const pre: Diagnostic[] = [];
  const header = readStation(lines[0], file, pre);
  const names = splitCsvLine(lines[1]).map((s) => s.trim());
  const lower = names.map((s) => s.toLowerCase());
  const dateIdx = lower.indexOf(DATE_COLUMN);
  const timeIdx = lower.indexOf(TIME_COLUMN);
  if (timeIdx < 0) pre.push(error(`${file}:2:Time (HH:MM)`, `missing column "Time (HH:MM)"`));
  const columns: FieldColumn[] = [];
  for (const c of NUMERIC_COLUMNS) {
    const index = lower.indexOf(c.name);
    if (index >= 0) columns.push({ field: c.field, index, name: names[index], required: c.required });
    else if (c.required) pre.push(error(`${file}:2:${c.name}`, `missing column "${c.name}"`));
  }
  if (!header || pre.some((d) => d.severity === "error")) return { value: null, diagnostics: pre };

  const diags = new DiagnosticList(file);
  for (const d of pre) diags.add(d);
  const fieldNames = Object.fromEntries(columns.map((c) => [c.field, c.name]));
  const cols = new SolarColumns(HOURS_PER_YEAR + 24, { ...fieldNames, month: "Date (MM/DD/YYYY)", day: "Date (MM/DD/YYYY)", hour: "Time (HH:MM)" });
  const row = newRow();
  let rows = 0;
  for (let i = 2; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    if (++rows > HOURS_PER_YEAR + 24) continue;
    const fields = splitCsvLine(lines[i]);
    if (readDateTime(fields, i + 1, dateIdx, timeIdx, row, diags) && readFields(fields, i + 1, columns, row, diags)) cols.push(i + 1, row, diags);
  }
  if (rows > HOURS_PER_YEAR + 24) {
    diags.error(lines.length, null, `expected ${HOURS_PER_YEAR} hourly rows, found ${rows}`);
    return { value: null, diagnostics: diags.finish() };
  }
  const has = (f: SolarField) => columns.some((c) => c.field === f);
  const value = finishSolarWeather(cols, { file, header, hasYear: true, hasMinute: false, hasAlbedo: has("albedo"), hasPressure: has("pressure") }, diags);
  return { value, diagnostics: diags.finish() };
}
