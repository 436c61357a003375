/**
 * Parser for SAM wind resource files (`.srw`); `readSrwFile` in srw-file.ts reads them from disk (gzip too).
 *
 * Layout (NREL SAM / ssc `lib_windfile.cpp`): line 1 `loc_id,city,state,country,year,lat,lon,elev,tz,nrows`;
 * line 2 a description; line 3 the field names (Temperature, Pressure, Speed, Direction, repeated per height, in
 * any order); line 4 the units; line 5 the measurement height of each column in m; then one row per time step.
 * Values are converted to °C, atm, m/s and degrees from the units on line 4. Every problem is reported with its
 * line and column (`file:line:column`); a bad cell is an error, never a silent zero.
 */
import { type Diagnostic, type Outcome, error, hasErrors, info, warning } from "../core/diagnostics.ts";
import { referenceData } from "../data/index.ts";
import type { WindField, WindFieldKind, WindResource } from "../power/profiles/wind/resource.ts";

const HEADER_LINES = 5;
const MIN_LINE1_COLUMNS = 8;
const MAX_CELL_ERRORS = 20;
const KILO = 1000;
const HECTO = 100;

const KIND_BY_NAME: Record<string, WindFieldKind> = {
  temperature: "temperature",
  temp: "temperature",
  pressure: "pressure",
  pres: "pressure",
  speed: "speed",
  velocity: "speed",
  direction: "direction",
  dir: "direction",
};

interface Column {
  index: number;
  kind: WindFieldKind;
  heightM: number;
  label: string;
  /** value in file units → model units */
  scale: number;
  offset: number;
}

const at = (file: string, line: number, column?: number): string => (column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`);

function unitConversion(kind: WindFieldKind, unitRaw: string): { scale: number; offset: number } | null {
  const u = unitRaw.trim().toLowerCase().replace("°", "");
  const { pascalsPerAtm, celsiusToKelvinOffsetK } = referenceData.windModel.physics;
  switch (kind) {
    case "temperature":
      if (u === "c" || u === "degc" || u === "celsius") return { scale: 1, offset: 0 };
      if (u === "k" || u === "kelvin") return { scale: 1, offset: -celsiusToKelvinOffsetK };
      return null;
    case "pressure":
      if (u === "atm") return { scale: 1, offset: 0 };
      if (u === "pa") return { scale: 1 / pascalsPerAtm, offset: 0 };
      if (u === "kpa") return { scale: KILO / pascalsPerAtm, offset: 0 };
      if (u === "hpa" || u === "mbar" || u === "mb") return { scale: HECTO / pascalsPerAtm, offset: 0 };
      return null;
    case "speed":
      return u === "m/s" || u === "mps" ? { scale: 1, offset: 0 } : null;
    case "direction":
      return u === "degrees" || u === "degree" || u === "deg" ? { scale: 1, offset: 0 } : null;
  }
}

const DEFAULT_UNIT: Record<WindFieldKind, string> = { temperature: "C", pressure: "atm", speed: "m/s", direction: "degrees" };

function numberOrNull(cell: string | undefined): number | null {
  if (cell === undefined || cell.trim() === "") return null;
  const x = Number(cell);
  return Number.isFinite(x) ? x : null;
}

interface Header {
  meta: Omit<WindResource, "hours" | "heightsM" | "fields">;
  declaredRows: number | null;
}

function parseLine1(cells: string[], file: string, ds: Diagnostic[]): Header | null {
  if (cells.length < MIN_LINE1_COLUMNS) {
    ds.push(error(at(file, 1), `expected at least ${MIN_LINE1_COLUMNS} header columns (loc_id,city,state,country,year,lat,lon,elev,...), found ${cells.length}`));
    return null;
  }
  const num = (i: number, what: string): number | null => {
    const x = numberOrNull(cells[i]);
    const cell = cells[i]?.trim() ?? "";
    if (x !== null || cell === "") return x;
    // SAM writes placeholders such as `lat??` or `Not Available` for unknown header values
    const placeholder = cell.includes("??") || /^not available$/i.test(cell);
    ds.push((placeholder ? info : warning)(at(file, 1, i + 1), `${what} "${cell}" is not a number; ${what} unknown`));
    return x;
  };
  const year = num(4, "year");
  const meta = {
    locationId: cells[0].trim(),
    latitudeDeg: num(5, "latitude"),
    longitudeDeg: num(6, "longitude"),
    elevationM: num(7, "elevation"),
    year: year === null ? null : Math.trunc(year),
    timeZoneHours: cells.length > 8 ? num(8, "time zone") : null,
    description: "",
  };
  return { meta, declaredRows: cells.length > 9 ? numberOrNull(cells[9]) : null };
}

function parseColumns(names: string[], units: string[], heights: string[], file: string, ds: Diagnostic[]): Column[] {
  const cols: Column[] = [];
  if (heights.length !== names.length) {
    ds.push(error(at(file, 5), `line 5 has ${heights.length} heights but line 3 has ${names.length} field names`));
    return cols;
  }
  names.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === "") return;
    const kind = KIND_BY_NAME[name];
    if (!kind) {
      ds.push(error(at(file, 3, i + 1), `unknown field "${raw}" (expected Temperature, Pressure, Speed or Direction)`));
      return;
    }
    const heightM = numberOrNull(heights[i]);
    if (heightM === null || heightM <= 0) {
      ds.push(error(at(file, 5, i + 1), `height of ${raw} column: "${heights[i] ?? ""}" is not a positive number of metres`));
      return;
    }
    let unit = units[i] ?? "";
    if (unit.trim() === "") {
      unit = DEFAULT_UNIT[kind];
      ds.push(warning(at(file, 4, i + 1), `no unit for ${raw} at ${heightM} m; assuming ${unit}`));
    }
    const conv = unitConversion(kind, unit);
    if (!conv) {
      ds.push(error(at(file, 4, i + 1), `unit "${unit}" not supported for ${kind} (expected ${DEFAULT_UNIT[kind]})`));
      return;
    }
    cols.push({ index: i, kind, heightM, label: `${raw.trim()} at ${heightM} m`, ...conv });
  });
  for (const kind of ["temperature", "pressure", "speed", "direction"] as const) {
    if (!cols.some((c) => c.kind === kind) && !hasErrors(ds)) ds.push(error(at(file, 3), `no ${kind} column: a wind resource needs temperature, pressure, speed and direction`));
  }
  return cols;
}

interface CellProblems {
  count: number;
  add(d: Diagnostic): void;
}

function checkRange(col: Column, v: number, line: number, file: string, problems: CellProblems): void {
  const r = referenceData.windModel.resource;
  if (col.kind === "speed" && (v < r.minSpeedMps || v > r.maxSpeedMps))
    problems.add(error(at(file, line, col.index + 1), `${col.label}: ${v} m/s is outside ${r.minSpeedMps}..${r.maxSpeedMps} m/s`));
  else if (col.kind === "temperature" && (v < r.minTemperatureC || v > r.maxTemperatureC))
    problems.add(error(at(file, line, col.index + 1), `${col.label}: ${v} °C is outside ${r.minTemperatureC}..${r.maxTemperatureC} °C`));
}

function parseRows(lines: string[], cols: Column[], file: string, ds: Diagnostic[]): Float64Array[] {
  const n = lines.length - HEADER_LINES;
  const data = cols.map(() => new Float64Array(n));
  const need = cols.reduce((m, c) => Math.max(m, c.index + 1), 0);
  const problems: CellProblems = {
    count: 0,
    add(d) {
      this.count++;
      if (this.count <= MAX_CELL_ERRORS) ds.push(d);
    },
  };
  for (let r = 0; r < n; r++) {
    const line = r + HEADER_LINES + 1;
    const cells = lines[r + HEADER_LINES].split(",");
    if (cells.length < need) {
      problems.add(error(at(file, line), `expected ${need} values, found ${cells.length}`));
      continue;
    }
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c];
      const cell = cells[col.index];
      const raw = numberOrNull(cell);
      if (raw === null) {
        problems.add(error(at(file, line, col.index + 1), `${col.label}: "${cell.trim()}" is not a number`));
        continue;
      }
      const v = raw * col.scale + col.offset;
      checkRange(col, v, line, file, problems);
      data[c][r] = v;
    }
  }
  if (problems.count > MAX_CELL_ERRORS) ds.push(error(file, `${problems.count - MAX_CELL_ERRORS} more bad rows or cells not listed`));
  return data;
}

function warnImplausiblePressure(fields: WindField[], file: string, ds: Diagnostic[]): void {
  const { plausiblePressureMinAtm: lo, plausiblePressureMaxAtm: hi } = referenceData.windModel.resource;
  for (const f of fields) {
    if (f.kind !== "pressure") continue;
    let bad = 0;
    let first = -1;
    f.values.forEach((v, i) => {
      if (v < lo || v > hi) {
        bad++;
        if (first < 0) first = i;
      }
    });
    if (bad > 0) ds.push(warning(at(file, first + HEADER_LINES + 1), `pressure at ${f.heightM} m is outside ${lo}..${hi} atm in ${bad} rows (first: ${f.values[first]} atm); check the unit on line 4`));
  }
}

/** Parses the text of a `.srw` file. `fileName` only labels diagnostics. */
export function parseSrw(text: string, fileName = "srw"): Outcome<WindResource | null> {
  const ds: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines.length <= HEADER_LINES) {
    ds.push(error(fileName, `expected ${HEADER_LINES} header lines and at least one data row, found ${lines.length} lines`));
    return { value: null, diagnostics: ds };
  }
  const header = parseLine1(lines[0].split(","), fileName, ds);
  const split = (i: number): string[] => lines[i].split(",");
  const cols = parseColumns(split(2), split(3), split(4), fileName, ds);
  if (!header || hasErrors(ds)) return { value: null, diagnostics: ds };
  const rows = lines.length - HEADER_LINES;
  if (header.declaredRows !== null && header.declaredRows !== rows)
    ds.push(error(at(fileName, 1, 10), `header declares ${header.declaredRows} data rows but the file has ${rows} (truncated or padded file?)`));
  const data = parseRows(lines, cols, fileName, ds);
  if (hasErrors(ds)) return { value: null, diagnostics: ds };
  const fields: WindField[] = cols.map((c, i) => ({ kind: c.kind, heightM: c.heightM, values: data[i] }));
  warnImplausiblePressure(fields, fileName, ds);
  const heightsM = [...new Set(fields.map((f) => f.heightM))].sort((a, b) => a - b);
  const resource: WindResource = { ...header.meta, description: lines[1].replace(/,+\s*$/, "").trim(), hours: rows, heightsM, fields };
  return { value: resource, diagnostics: ds };
}
