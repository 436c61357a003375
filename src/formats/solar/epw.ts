/**
 * Solar weather from an EnergyPlus weather file (see ../epw.ts for the layout). EPW rows are hour-ending
 * (hour 1 = 00:00-01:00 local standard time) hour sums in Wh/m2, like TMY3's 01:00..24:00 rows in W/m2, so an
 * EPW made from a TMY3 file gives the same hours, values and PV result. Pressure is converted from Pa to mbar.
 */
import { HOURS_PER_YEAR } from "../../core/calendar.ts";
import { type Diagnostic } from "../../core/diagnostics.ts";
import { EPW_FIELDS, type EpwField, firstEpwDataLine, readEpwLocation, readEpwNumber, splitEpwRow } from "../epw.ts";
import { finishSolarWeather, MID_HOUR_MINUTE, newRow, type SolarField, SolarColumns } from "./columns.ts";
import { DiagnosticList } from "./text.ts";
import type { SolarWeather } from "../../power/profiles/pv/weather.ts";

const PA_PER_MBAR = 100;

/** EPW field → solar row field, and whether a missing value is an error. */
const READ: ReadonlyArray<{ from: EpwField; to: SolarField; required: boolean; scale?: number }> = [
  { from: "year", to: "year", required: true },
  { from: "month", to: "month", required: true },
  { from: "day", to: "day", required: true },
  { from: "hour", to: "hour", required: true },
  { from: "ghiWhPerM2", to: "ghi", required: true },
  { from: "dniWhPerM2", to: "dni", required: true },
  { from: "dhiWhPerM2", to: "dhi", required: true },
  { from: "dryBulbC", to: "temperature", required: true },
  { from: "windSpeedMps", to: "windSpeed", required: true },
  { from: "pressurePa", to: "pressure", required: false, scale: 1 / PA_PER_MBAR },
  { from: "albedo", to: "albedo", required: false },
];

/** Parses an EPW file into hourly solar weather; the source is "EPW (<header data source>)". */
export function parseEpwSolar(lines: readonly string[], file: string): { value: SolarWeather | null; diagnostics: Diagnostic[] } {
  const pre: Diagnostic[] = [];
  const loc = readEpwLocation(lines[0], file, pre);
  if (!loc) return { value: null, diagnostics: pre };
  const diags = new DiagnosticList(file);
  for (const d of pre) diags.add(d);
  const names = Object.fromEntries(READ.map((r) => [r.to, EPW_FIELDS[r.from].name]));
  const cols = new SolarColumns(HOURS_PER_YEAR + 24, names);
  const row = newRow();
  let rows = 0;
  let withAlbedo = 0;
  for (let i = firstEpwDataLine(lines); i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    if (++rows > HOURS_PER_YEAR + 24) continue;
    const fields = splitEpwRow(lines[i]);
    if ("error" in fields) {
      diags.error(i + 1, null, fields.error);
      continue;
    }
    let ok = true;
    for (const r of READ) {
      const v = readEpwNumber(fields, r.from);
      if (typeof v === "number") row[r.to] = v * (r.scale ?? 1);
      else if (v === "missing" && !r.required) row[r.to] = Number.NaN;
      else {
        diags.error(i + 1, EPW_FIELDS[r.from].name, v === "missing" ? `"${EPW_FIELDS[r.from].name}" is missing (empty or the EPW missing-value marker)` : v.error);
        ok = false;
      }
    }
    if (!ok) continue;
    if (Number.isFinite(row.albedo)) withAlbedo++;
    row.hour -= 1; // hour-ending 1..24 → start of the interval 0..23
    row.minute = MID_HOUR_MINUTE;
    cols.push(i + 1, row, diags);
  }
  if (rows > HOURS_PER_YEAR + 24) {
    diags.error(lines.length, null, `expected ${HOURS_PER_YEAR} hourly rows, found ${rows} (sub-hourly EPW files are not supported)`);
    return { value: null, diagnostics: diags.finish() };
  }
  const source = `EPW${loc.dataSource ? ` (${loc.dataSource})` : ""}`;
  const header = { source, latitudeDeg: loc.latitudeDeg, longitudeDeg: loc.longitudeDeg, timeZoneHours: loc.timeZoneHours, elevationM: loc.elevationM };
  const value = finishSolarWeather(cols, { file, header, hasYear: true, hasMinute: false, hasAlbedo: withAlbedo > 0, hasPressure: true }, diags);
  return { value, diagnostics: diags.finish() };
}
