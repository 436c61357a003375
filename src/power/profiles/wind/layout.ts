/**
 * Turbine positions in a farm: x east and y north, in metres. Read from a CSV (`turbine,x_m,y_m` or `x,y`) or
 * generated as staggered rows like ssc's 32-turbine test layout (8 per row, 8 rotor diameters apart, every other
 * row shifted by 4 diameters; `data/wind-model.json` → defaultLayout); larger farms get max(8, ⌈√n⌉) per row so
 * they stay roughly square.
 */
import { type Diagnostic, type Outcome, error } from "../../../core/diagnostics.ts";
import { referenceData } from "../../../data/index.ts";
import type { WindModelData } from "../../../data/wind-model.ts";
import { parseNumericCsv } from "./numeric-csv.ts";

export interface TurbineLayout {
  xM: Float64Array;
  yM: Float64Array;
}

/** Staggered rows, spacing in rotor diameters. Reproduces the ssc 32-turbine test layout for n = 32. */
export function defaultLayout(
  turbineCount: number,
  rotorDiameterM: number,
  spec: WindModelData["defaultLayout"] = referenceData.windModel.defaultLayout,
): TurbineLayout {
  const xM = new Float64Array(turbineCount);
  const yM = new Float64Array(turbineCount);
  const dx = spec.turbineSpacingRotorDiameters * rotorDiameterM;
  const dy = spec.rowSpacingRotorDiameters * rotorDiameterM;
  const offset = spec.alternateRowOffsetRotorDiameters * rotorDiameterM;
  const perRow = Math.max(spec.minTurbinesPerRow, Math.ceil(Math.sqrt(turbineCount)));
  for (let i = 0; i < turbineCount; i++) {
    const row = Math.floor(i / perRow);
    const col = i - row * perRow;
    xM[i] = col * dx + (row % 2 === 1 ? offset : 0);
    yM[i] = row * dy;
  }
  return { xM, yM };
}

/** Problems with a layout: finite coordinates and no two turbines at the same position. */
export function checkLayout(layout: TurbineLayout, path = "layout"): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const n = layout.xM.length;
  if (layout.yM.length !== n) return [error(path, `${n} x coordinates but ${layout.yM.length} y coordinates`)];
  if (n === 0) return [error(path, "no turbines")];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(layout.xM[i]) || !Number.isFinite(layout.yM[i])) {
      ds.push(error(`${path}[${i}]`, "coordinates must be finite numbers of metres"));
      continue;
    }
    const key = `${layout.xM[i]},${layout.yM[i]}`;
    const other = seen.get(key);
    if (other !== undefined) ds.push(error(`${path}[${i}]`, `same position as turbine ${other + 1} (${key} m)`));
    else seen.set(key, i);
  }
  return ds;
}

/** Parses a layout CSV (`x_m,y_m` columns by name, or the first two columns when there is no header). */
export function parseLayoutCsv(text: string, fileName = "layout.csv"): Outcome<TurbineLayout | null> {
  const table = parseNumericCsv(
    text,
    [
      { names: ["x_m", "x", "xm", "x (m)", "easting_m"], fallbackIndex: 0, label: "x (m)" },
      { names: ["y_m", "y", "ym", "y (m)", "northing_m"], fallbackIndex: 1, label: "y (m)" },
    ],
    fileName,
  );
  if (!table.value) return { value: null, diagnostics: table.diagnostics };
  const layout: TurbineLayout = { xM: table.value.columns[0], yM: table.value.columns[1] };
  const lines = table.value.lineNumbers;
  const ds = checkLayout(layout, fileName).map((d) => {
    const m = /\[(\d+)\]$/.exec(d.path);
    return m ? { ...d, path: `${fileName}:${lines[Number(m[1])]}` } : d;
  });
  return ds.length > 0 ? { value: null, diagnostics: ds } : { value: layout, diagnostics: [] };
}
