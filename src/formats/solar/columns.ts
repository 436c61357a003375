/**
 * Column store shared by the solar weather readers: format readers fill one row at a time, this module checks
 * ranges and the calendar (8760 hourly rows of a non-leap year, Feb 29 dropped as SAM does) and builds a SolarWeather.
 */
import { type Diagnostic, info, warning } from "../../core/diagnostics.ts";
import { referenceData } from "../../data/index.ts";
import type { SolarWeather } from "../../power/profiles/pv/weather.ts";
import { type DiagnosticList, parseNumberField } from "./text.ts";
import { DAYS_IN_MONTH, HOURS_PER_YEAR } from "../../core/calendar.ts";

const LIMITS = referenceData.pvModel.weatherLimits;
const MAX_IRRADIANCE_W_PER_M2 = LIMITS.maxIrradianceWPerM2;
const MIN_TEMPERATURE_C = LIMITS.minTemperatureC;
const MAX_TEMPERATURE_C = LIMITS.maxTemperatureC;
/** Minute written for files without a minute column (SAM: middle of the hour). */
export const MID_HOUR_MINUTE = 30;

export type SolarField =
  | "year" | "month" | "day" | "hour" | "minute"
  | "ghi" | "dni" | "dhi" | "temperature" | "windSpeed" | "albedo" | "pressure";

/** One parsed row, reused between rows (no allocation per row). */
export type SolarRow = Record<SolarField, number>;

export const newRow = (): SolarRow => ({
  year: Number.NaN, month: 0, day: 0, hour: 0, minute: MID_HOUR_MINUTE,
  ghi: 0, dni: 0, dhi: 0, temperature: 0, windSpeed: 0, albedo: Number.NaN, pressure: Number.NaN,
});

export interface FieldColumn {
  field: SolarField;
  /** Index of the column in the split line. */
  index: number;
  /** Column name as written in the file (for messages). */
  name: string;
  required: boolean;
}

/** Reads numeric columns into `row`; a required empty or any non-numeric field is an error. Returns false on error. */
export function readFields(fields: readonly string[], line: number, columns: readonly FieldColumn[], row: SolarRow, diags: DiagnosticList): boolean {
  let ok = true;
  for (const c of columns) {
    const v = parseNumberField(fields[c.index]);
    if (typeof v === "number") row[c.field] = v;
    else if (v === "missing" && !c.required) row[c.field] = Number.NaN;
    else {
      diags.error(line, c.name, v === "missing" ? `"${c.name}" is empty` : `"${c.name}" value "${fields[c.index]?.trim()}" is not a number`);
      ok = false;
    }
  }
  return ok;
}

export interface SiteHeader {
  source: string;
  latitudeDeg: number;
  longitudeDeg: number;
  timeZoneHours: number;
  elevationM: number;
}

export class SolarColumns {
  private n = 0;
  private readonly cap: number;
  readonly line: Int32Array;
  readonly year: Int16Array;
  readonly month: Int8Array;
  readonly day: Int8Array;
  readonly hour: Int8Array;
  readonly minute: Int8Array;
  readonly ghi: Float64Array;
  readonly dni: Float64Array;
  readonly dhi: Float64Array;
  readonly temperature: Float64Array;
  readonly windSpeed: Float64Array;
  readonly albedo: Float64Array;
  readonly pressure: Float64Array;

  constructor(capacity: number, private readonly names: Partial<Record<SolarField, string>>) {
    this.cap = capacity;
    this.line = new Int32Array(capacity);
    this.year = new Int16Array(capacity);
    this.month = new Int8Array(capacity);
    this.day = new Int8Array(capacity);
    this.hour = new Int8Array(capacity);
    this.minute = new Int8Array(capacity);
    this.ghi = new Float64Array(capacity);
    this.dni = new Float64Array(capacity);
    this.dhi = new Float64Array(capacity);
    this.temperature = new Float64Array(capacity);
    this.windSpeed = new Float64Array(capacity);
    this.albedo = new Float64Array(capacity);
    this.pressure = new Float64Array(capacity);
  }

  get count(): number {
    return this.n;
  }

  private name(f: SolarField): string {
    return this.names[f] ?? f;
  }

  /** Checks the ranges of `row` and stores it; returns false (with diagnostics) when a value is out of range. */
  push(lineNo: number, row: SolarRow, diags: DiagnosticList): boolean {
    if (!this.checkTime(lineNo, row, diags) || !this.checkValues(lineNo, row, diags)) return false;
    if (this.n >= this.cap) return false;
    const i = this.n++;
    this.line[i] = lineNo;
    this.year[i] = Number.isFinite(row.year) ? row.year : 0;
    this.month[i] = row.month;
    this.day[i] = row.day;
    this.hour[i] = row.hour;
    this.minute[i] = row.minute;
    this.ghi[i] = row.ghi;
    this.dni[i] = row.dni;
    this.dhi[i] = row.dhi;
    this.temperature[i] = row.temperature;
    this.windSpeed[i] = row.windSpeed;
    this.albedo[i] = row.albedo;
    this.pressure[i] = row.pressure;
    return true;
  }

  private checkTime(lineNo: number, r: SolarRow, diags: DiagnosticList): boolean {
    const bad = (f: SolarField, range: string): false => {
      diags.error(lineNo, this.name(f), `"${this.name(f)}" value ${r[f]} is outside ${range}`);
      return false;
    };
    if (!Number.isInteger(r.month) || r.month < 1 || r.month > 12) return bad("month", "1..12");
    const leapDay = r.month === 2 && r.day === 29;
    if (!Number.isInteger(r.day) || r.day < 1 || (r.day > DAYS_IN_MONTH[r.month - 1] && !leapDay)) return bad("day", `1..${DAYS_IN_MONTH[r.month - 1]}`);
    if (!Number.isInteger(r.hour) || r.hour < 0 || r.hour > 23) return bad("hour", "0..23");
    if (!Number.isInteger(r.minute) || r.minute < 0 || r.minute > 59) return bad("minute", "0..59");
    return true;
  }

  private checkValues(lineNo: number, r: SolarRow, diags: DiagnosticList): boolean {
    let ok = true;
    for (const f of ["ghi", "dni", "dhi"] as const) {
      if (r[f] < 0) {
        diags.error(lineNo, this.name(f), `negative irradiance: "${this.name(f)}" = ${r[f]} W/m2`);
        ok = false;
      } else if (r[f] > MAX_IRRADIANCE_W_PER_M2) {
        diags.error(lineNo, this.name(f), `"${this.name(f)}" = ${r[f]} W/m2 is above ${MAX_IRRADIANCE_W_PER_M2} W/m2`);
        ok = false;
      }
    }
    if (r.windSpeed < 0) {
      diags.error(lineNo, this.name("windSpeed"), `negative wind speed: ${r.windSpeed} m/s`);
      ok = false;
    }
    if (r.temperature < MIN_TEMPERATURE_C || r.temperature > MAX_TEMPERATURE_C) {
      diags.error(lineNo, this.name("temperature"), `temperature ${r.temperature} C is outside ${MIN_TEMPERATURE_C}..${MAX_TEMPERATURE_C} C`);
      ok = false;
    }
    return ok;
  }
}

export interface FinishOptions {
  file: string;
  header: SiteHeader;
  hasYear: boolean;
  hasMinute: boolean;
  hasAlbedo: boolean;
  hasPressure: boolean;
}

/** Drops Feb 29, checks there is exactly one hourly non-leap year in calendar order, and builds the SolarWeather. */
export function finishSolarWeather(cols: SolarColumns, opts: FinishOptions, diags: DiagnosticList): SolarWeather | null {
  const keep: number[] = [];
  for (let i = 0; i < cols.count; i++) if (!(cols.month[i] === 2 && cols.day[i] === 29)) keep.push(i);
  const dropped = cols.count - keep.length;
  if (dropped > 0) diags.add(info(opts.file, `dropped ${dropped} rows of February 29 (the model uses 8760-hour years)`));
  if (diags.errorCount > 0) return null;
  if (keep.length !== HOURS_PER_YEAR) {
    diags.error(cols.line[keep[keep.length - 1] ?? 0] ?? 0, null, `expected ${HOURS_PER_YEAR} hourly rows (one year without Feb 29), found ${keep.length}`);
    return null;
  }
  if (!checkCalendar(cols, keep, diags)) return null;
  return build(cols, keep, opts);
}

function checkCalendar(cols: SolarColumns, keep: readonly number[], diags: DiagnosticList): boolean {
  let k = 0;
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= DAYS_IN_MONTH[m - 1]; d++)
      for (let h = 0; h < 24; h++, k++) {
        const i = keep[k];
        if (cols.month[i] !== m || cols.day[i] !== d || cols.hour[i] !== h) {
          diags.error(cols.line[i], null, `row is month ${cols.month[i]} day ${cols.day[i]} hour ${cols.hour[i]}, expected month ${m} day ${d} hour ${h}: rows must be the hours of one year in order`);
          return false;
        }
      }
  return true;
}

function pick<T extends Int8Array | Int16Array | Float64Array>(src: T, keep: readonly number[], make: (n: number) => T): T {
  const out = make(keep.length);
  for (let k = 0; k < keep.length; k++) out[k] = src[keep[k]];
  return out;
}

function build(cols: SolarColumns, keep: readonly number[], opts: FinishOptions): SolarWeather {
  const i8 = (n: number) => new Int8Array(n);
  const f64 = (n: number) => new Float64Array(n);
  const yearByRow = opts.hasYear ? pick(cols.year, keep, (n) => new Int16Array(n)) : undefined;
  const sameYear = yearByRow !== undefined && yearByRow.every((y) => y === yearByRow[0]);
  return {
    ...opts.header,
    year: sameYear ? yearByRow[0] : null,
    hours: keep.length,
    month: pick(cols.month, keep, i8),
    day: pick(cols.day, keep, i8),
    hour: pick(cols.hour, keep, i8),
    minute: pick(cols.minute, keep, i8),
    ghiWPerM2: pick(cols.ghi, keep, f64),
    dniWPerM2: pick(cols.dni, keep, f64),
    dhiWPerM2: pick(cols.dhi, keep, f64),
    temperatureC: pick(cols.temperature, keep, f64),
    windSpeedMPerS: pick(cols.windSpeed, keep, f64),
    albedoFraction: opts.hasAlbedo ? pick(cols.albedo, keep, f64) : null,
    pressureMbar: opts.hasPressure ? pick(cols.pressure, keep, f64) : null,
    ...(yearByRow ? { yearByRow } : {}),
    intervalAveraged: !opts.hasMinute,
  };
}

/** A warning for a header field that is absent and replaced by a default. */
export const headerDefault = (file: string, name: string, value: number): Diagnostic =>
  warning(file, `header has no "${name}"; using ${value}`);
