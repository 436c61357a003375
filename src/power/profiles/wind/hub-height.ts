/**
 * Wind conditions at hub height from a multi-height resource, as ssc's time-series wind model does:
 * each quantity is taken at hub height if measured there, interpolated between the closest heights on either
 * side, or else from the nearest height; a speed measured more than `shearHeightToleranceM` from hub height is
 * scaled by the power law (hub / measured)^shear. Feb 29 of a leap-year file (8784 rows) is skipped like ssc.
 */
import { type Diagnostic, type Outcome, error, hasErrors, info, warning } from "../../../core/diagnostics.ts";
import type { WindModelData } from "../../../data/wind-model.ts";
import { type HeightMethod, type WindFieldKind, type WindResource, seriesAtHeight } from "./resource.ts";
import { airDensityKgPerM3 } from "./turbine.ts";
import { HOURS_PER_LEAP_YEAR, HOURS_PER_YEAR } from "../../../core/calendar.ts";

/** first hour of Feb 29 in a leap year: (31 + 28) days × 24 */
const LEAP_DAY_FIRST_HOUR = 1416;
const HOURS_PER_DAY = 24;

export interface HubHeightWind {
  hours: number;
  speedMps: Float64Array;
  directionDeg: Float64Array;
  temperatureC: Float64Array;
  pressureAtm: Float64Array;
  airDensityKgPerM3: Float64Array;
  speedMethod: HeightMethod;
  speedSourceHeightsM: number[];
  /** exponent applied to the speed, or null when the speed is measured/interpolated at hub height */
  shearExponentApplied: number | null;
}

/** Copy of `values` without Feb 29 when the series has a leap day. */
function dropLeapDay(values: Float64Array): Float64Array {
  if (values.length !== HOURS_PER_LEAP_YEAR) return values;
  const out = new Float64Array(HOURS_PER_YEAR);
  out.set(values.subarray(0, LEAP_DAY_FIRST_HOUR), 0);
  out.set(values.subarray(LEAP_DAY_FIRST_HOUR + HOURS_PER_DAY), LEAP_DAY_FIRST_HOUR);
  return out;
}

function checkRows(resource: WindResource, path: string, ds: Diagnostic[]): boolean {
  if (resource.hours === HOURS_PER_YEAR) return true;
  if (resource.hours === HOURS_PER_LEAP_YEAR) {
    ds.push(info(path, "the resource has 8784 hourly rows (leap year): Feb 29 is skipped, as in SAM"));
    return true;
  }
  ds.push(error(path, `expected ${HOURS_PER_YEAR} hourly rows (or ${HOURS_PER_LEAP_YEAR} with Feb 29), found ${resource.hours}; sub-hourly and multi-year files are not supported`));
  return false;
}

/** Hub-height speed, direction, temperature, pressure and air density for one year (8760 h). */
export function hubHeightWind(resource: WindResource, hubHeightM: number, shearExponent: number, model: WindModelData, path = "resource"): Outcome<HubHeightWind | null> {
  const ds: Diagnostic[] = [];
  if (!checkRows(resource, path, ds)) return { value: null, diagnostics: ds };
  const pick = (kind: WindFieldKind) => {
    const s = seriesAtHeight(resource, kind, hubHeightM, true);
    if (!s) ds.push(error(path, `the resource has no ${kind} column`));
    return s;
  };
  const speed = pick("speed");
  const direction = pick("direction");
  const temperature = pick("temperature");
  const pressure = pick("pressure");
  if (!speed || !direction || !temperature || !pressure) return { value: null, diagnostics: ds };
  for (const [kind, s] of [["speed", speed], ["direction", direction], ["temperature", temperature], ["pressure", pressure]] as const) {
    const bad = s.values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) ds.push(error(`${path}.${kind}[${bad}]`, `not a finite number (${s.values[bad]})`));
  }
  if (pressure.values.some((p) => p <= 0)) ds.push(error(`${path}.pressure`, "must be > 0 atm"));
  if (hasErrors(ds)) return { value: null, diagnostics: ds };
  const r = model.resource;
  const gapM = Math.abs(speed.heightM - hubHeightM);
  if (gapM > r.maxSpeedHeightGapM) {
    ds.push(error(path, `the closest wind speed height (${speed.heightM} m) is more than ${r.maxSpeedHeightGapM} m from hub height ${hubHeightM} m`));
    return { value: null, diagnostics: ds };
  }
  if (Math.abs(direction.heightM - speed.heightM) > r.maxDirectionHeightGapM)
    ds.push(warning(path, `wind direction is taken at ${direction.heightM} m but speed at ${speed.heightM} m (SAM stops here; gigaplan uses them)`));
  const speedMps = Float64Array.from(dropLeapDay(speed.values));
  let shearExponentApplied: number | null = null;
  if (gapM > r.shearHeightToleranceM) {
    const factor = Math.pow(hubHeightM / speed.heightM, shearExponent);
    for (let t = 0; t < speedMps.length; t++) speedMps[t] *= factor;
    shearExponentApplied = shearExponent;
    ds.push(info(path, `wind speed measured at ${speed.heightM} m scaled to hub height ${hubHeightM} m with shear exponent ${shearExponent} (×${factor.toFixed(4)})`));
  }
  const temperatureC = dropLeapDay(temperature.values);
  const pressureAtm = dropLeapDay(pressure.values);
  const density = new Float64Array(HOURS_PER_YEAR);
  for (let t = 0; t < HOURS_PER_YEAR; t++) density[t] = airDensityKgPerM3(pressureAtm[t], temperatureC[t], model.physics);
  return {
    value: {
      hours: HOURS_PER_YEAR,
      speedMps,
      directionDeg: dropLeapDay(direction.values),
      temperatureC,
      pressureAtm,
      airDensityKgPerM3: density,
      speedMethod: speed.method,
      speedSourceHeightsM: speed.sourceHeightsM,
      shearExponentApplied,
    },
    diagnostics: ds,
  };
}
