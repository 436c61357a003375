/**
 * The station wind of an EnergyPlus weather file as a wind resource: speed and direction at the WMO standard
 * anemometer height of 10 m, dry-bulb temperature and station pressure at the 2 m screen height (EPW data
 * dictionary; WMO-No. 8 "Guide to Instruments and Methods of Observation": 10 m wind, 1.25-2 m temperature).
 * A 10 m station series is far below a turbine's hub: `extrapolateToHubHeight` (power/profiles/wind/derive.ts)
 * scales it with a stated shear exponent and says so in a warning.
 */
import { type Diagnostic, type Outcome, error, info } from "../core/diagnostics.ts";
import { HOURS_PER_LEAP_YEAR, HOURS_PER_YEAR } from "../core/calendar.ts";
import { referenceData } from "../data/index.ts";
import type { WindResource } from "../power/profiles/wind/resource.ts";
import { textLines } from "./solar/text.ts";
import { EPW_FIELDS, type EpwField, firstEpwDataLine, isEpw, readEpwLocation, readEpwNumber, splitEpwRow } from "./epw.ts";

export const EPW_WIND_HEIGHT_M = 10;
export const EPW_SCREEN_HEIGHT_M = 2;
const MAX_ERRORS = 20;

export { isEpw };

/** Parses the wind columns of an EPW file (text already split into lines or not). */
export function parseEpwWind(text: string, file: string): Outcome<WindResource | null> {
  const lines = textLines(text);
  const ds: Diagnostic[] = [];
  const loc = readEpwLocation(lines[0] ?? "", file, ds);
  if (!loc) return { value: null, diagnostics: ds };
  const speed: number[] = [];
  const dir: number[] = [];
  const temp: number[] = [];
  const pres: number[] = [];
  let errors = 0;
  const fail = (line: number, field: string | null, msg: string) => {
    if (++errors <= MAX_ERRORS) ds.push(error(`${file}:${line}${field ? `:${field}` : ""}`, msg));
  };
  const { pascalsPerAtm } = referenceData.windModel.physics;
  const series: ReadonlyArray<[EpwField, number[], number]> = [
    ["windSpeedMps", speed, 1],
    ["windDirectionDeg", dir, 1],
    ["dryBulbC", temp, 1],
    ["pressurePa", pres, 1 / pascalsPerAtm],
  ];
  for (let i = firstEpwDataLine(lines); i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const f = splitEpwRow(lines[i]);
    if ("error" in f) {
      fail(i + 1, null, f.error);
      continue;
    }
    for (const [field, out, scale] of series) {
      const v = readEpwNumber(f, field);
      if (typeof v === "number") {
        if (field === "windSpeedMps" && v < 0) fail(i + 1, EPW_FIELDS[field].name, `negative wind speed ${v} m/s`);
        out.push(v * scale);
      } else {
        fail(i + 1, EPW_FIELDS[field].name, v === "missing" ? `"${EPW_FIELDS[field].name}" is missing (empty or the EPW missing-value marker)` : v.error);
        out.push(Number.NaN);
      }
    }
  }
  if (errors > MAX_ERRORS) ds.push(error(file, `${errors - MAX_ERRORS} more error(s) not listed`));
  if (speed.length !== HOURS_PER_YEAR && speed.length !== HOURS_PER_LEAP_YEAR)
    ds.push(error(file, `expected ${HOURS_PER_YEAR} hourly rows (or ${HOURS_PER_LEAP_YEAR}), found ${speed.length}`));
  if (ds.some((d) => d.severity === "error")) return { value: null, diagnostics: ds };
  ds.push(info(file, `EPW station wind: ${loc.city} ${loc.stateProvince} (WMO ${loc.wmo}, ${loc.dataSource}), speed at ${EPW_WIND_HEIGHT_M} m`));
  const f64 = (a: number[]) => Float64Array.from(a);
  return {
    value: {
      latitudeDeg: loc.latitudeDeg,
      longitudeDeg: loc.longitudeDeg,
      elevationM: loc.elevationM,
      year: null,
      timeZoneHours: loc.timeZoneHours,
      locationId: loc.wmo,
      description: `EPW ${loc.dataSource} ${loc.city} ${loc.stateProvince}`.trim(),
      hours: speed.length,
      heightsM: [EPW_SCREEN_HEIGHT_M, EPW_WIND_HEIGHT_M],
      surfaceStation: true,
      fields: [
        { kind: "temperature", heightM: EPW_SCREEN_HEIGHT_M, values: f64(temp) },
        { kind: "pressure", heightM: EPW_SCREEN_HEIGHT_M, values: f64(pres) },
        { kind: "speed", heightM: EPW_WIND_HEIGHT_M, values: f64(speed) },
        { kind: "direction", heightM: EPW_WIND_HEIGHT_M, values: f64(dir) },
      ],
    },
    diagnostics: ds,
  };
}
