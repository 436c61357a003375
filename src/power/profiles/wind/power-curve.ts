/**
 * Turbine power curves: wind speed (m/s) → electrical output (kW), at standard air density
 * (1 atm, 15 °C, as SAM/ssc assume). CSV with a header such as `wind_speed_m_s,power_kW`, or two bare columns.
 */
import { type Diagnostic, type Outcome, error } from "../../../core/diagnostics.ts";
import { parseNumericCsv } from "./numeric-csv.ts";

export interface PowerCurve {
  /** strictly increasing */
  windSpeedsMps: Float64Array;
  /** output at each speed, ≥ 0 */
  powerKw: Float64Array;
}

const SPEED_NAMES = ["wind_speed_m_s", "wind_speed_mps", "wind_speed", "windspeed", "speed_m_s", "speed", "ws", "wind speed (m/s)"];
const POWER_NAMES = ["power_kw", "power", "kw", "power (kw)", "output_kw"];

/** Problems with a power curve (paths under `path`); empty when usable by the farm model. */
export function checkPowerCurve(curve: PowerCurve, path = "powerCurve"): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const { windSpeedsMps: ws, powerKw: kw } = curve;
  if (ws.length !== kw.length) return [error(path, `${ws.length} wind speeds but ${kw.length} power values`)];
  if (ws.length < 2) return [error(path, "a power curve needs at least 2 points")];
  for (let i = 0; i < ws.length; i++) {
    if (!Number.isFinite(ws[i]) || ws[i] < 0) ds.push(error(`${path}.windSpeedsMps[${i}]`, `must be a finite speed ≥ 0 m/s, got ${ws[i]}`));
    else if (i > 0 && !(ws[i] > ws[i - 1])) ds.push(error(`${path}.windSpeedsMps[${i}]`, `wind speeds must increase: ${ws[i]} after ${ws[i - 1]}`));
    if (!Number.isFinite(kw[i]) || kw[i] < 0) ds.push(error(`${path}.powerKw[${i}]`, `must be a finite power ≥ 0 kW, got ${kw[i]}`));
  }
  if (ds.length > 0) return ds;
  if (kw[0] !== 0) ds.push(error(`${path}.powerKw[0]`, "the first point must produce 0 kW (cut-in is the last zero-power speed before output starts, as in SAM)"));
  if (!kw.some((p) => p > 0)) ds.push(error(`${path}.powerKw`, "the power curve never produces power"));
  return ds;
}

/** Largest output on the curve (the turbine rating). */
export function ratedPowerKw(curve: PowerCurve): number {
  let max = 0;
  for (const p of curve.powerKw) if (p > max) max = p;
  return max;
}

/** Parses and checks a power-curve CSV. Problems carry `file:line:column` (or the curve index) paths. */
export function parsePowerCurveCsv(text: string, fileName = "power-curve.csv"): Outcome<PowerCurve | null> {
  const table = parseNumericCsv(
    text,
    [
      { names: SPEED_NAMES, fallbackIndex: 0, label: "wind speed (m/s)" },
      { names: POWER_NAMES, fallbackIndex: 1, label: "power (kW)" },
    ],
    fileName,
  );
  if (!table.value) return { value: null, diagnostics: table.diagnostics };
  const curve: PowerCurve = { windSpeedsMps: table.value.columns[0], powerKw: table.value.columns[1] };
  const lines = table.value.lineNumbers;
  const ds = checkPowerCurve(curve, fileName).map((d) => {
    const m = /\[(\d+)\]$/.exec(d.path);
    return m ? { ...d, path: `${fileName}:${lines[Number(m[1])]}` } : d;
  });
  return ds.length > 0 ? { value: null, diagnostics: ds } : { value: curve, diagnostics: [] };
}
