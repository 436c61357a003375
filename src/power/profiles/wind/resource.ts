/**
 * A wind resource (what a SAM `.srw` file holds): hourly temperature, pressure, speed and direction columns,
 * each measured at a height. Helpers pick a series at a height the way ssc's `winddata_provider::read` does:
 * the exact height if present, else linear interpolation between the closest columns on either side, else the
 * nearest column.
 */

export type WindFieldKind = "temperature" | "pressure" | "speed" | "direction";

export interface WindField {
  kind: WindFieldKind;
  heightM: number;
  /** °C for temperature, atm for pressure, m/s for speed, degrees from north for direction */
  values: Float64Array;
}

export interface WindResource {
  /** null when the file header does not give a number (e.g. `lat??`) */
  latitudeDeg: number | null;
  longitudeDeg: number | null;
  elevationM: number | null;
  year: number | null;
  timeZoneHours: number | null;
  locationId: string;
  description: string;
  /** number of data rows (time steps) */
  hours: number;
  /** distinct measurement heights, ascending */
  heightsM: number[];
  fields: WindField[];
  /** true for a surface weather station's 10 m wind (EPW), which may be scaled to hub height with a warning */
  surfaceStation?: boolean;
}

export type HeightMethod = "exact" | "interpolated" | "nearest";

export interface SeriesAtHeight {
  values: Float64Array;
  method: HeightMethod;
  /** the height the values stand for: the requested height when exact or interpolated, else the nearest column's */
  heightM: number;
  sourceHeightsM: number[];
}

export function fieldsOfKind(resource: WindResource, kind: WindFieldKind): WindField[] {
  return resource.fields.filter((f) => f.kind === kind);
}

/** Index in `fields` of the column closest to `heightM` (first one on ties), optionally only on the other side of `exclude`. */
function closestIndex(fields: readonly WindField[], heightM: number, exclude = -1): number {
  let best = -1;
  let bestGapM = Infinity;
  for (let i = 0; i < fields.length; i++) {
    if (i === exclude) continue;
    const h = fields[i].heightM;
    if (exclude >= 0) {
      const other = fields[exclude].heightM;
      if ((h > heightM && other > heightM) || (h < heightM && other < heightM)) continue;
    }
    const gap = Math.abs(h - heightM);
    if (gap < bestGapM) {
      best = i;
      bestGapM = gap;
    }
  }
  return best;
}

/** The column of `kind` nearest to `heightM`, or null when the resource has none. */
export function nearestField(resource: WindResource, kind: WindFieldKind, heightM: number): WindField | null {
  const fields = fieldsOfKind(resource, kind);
  const i = closestIndex(fields, heightM);
  return i < 0 ? null : fields[i];
}

/** Straight line through (x1, y1), (x2, y2) evaluated at x, in the same arithmetic as ssc's util::interpolate. */
export function interpolateLinear(x1: number, y1: number, x2: number, y2: number, x: number): number {
  if (x1 === x2 || y1 === y2) return y1;
  const slope = (y2 - y1) / (x2 - x1);
  return slope * x + (y1 - slope * x1);
}

const FULL_CIRCLE_DEG = 360;
const QUARTER_CIRCLE_DEG = 90;

function wrapDegrees(d: number): number {
  let x = d;
  while (x < 0) x += FULL_CIRCLE_DEG;
  while (x >= FULL_CIRCLE_DEG) x -= FULL_CIRCLE_DEG;
  return x;
}

/** Direction between two heights, interpolated across north when the two directions straddle it (as ssc does). */
export function interpolateDirection(h1: number, d1Raw: number, h2: number, d2Raw: number, heightM: number): number {
  let d1 = wrapDegrees(d1Raw);
  let d2 = wrapDegrees(d2Raw);
  let ht1 = h1;
  let ht2 = h2;
  if (d1 > d2) {
    [d1, d2] = [d2, d1];
    [ht1, ht2] = [ht2, ht1];
  }
  const threeQuarters = FULL_CIRCLE_DEG - QUARTER_CIRCLE_DEG;
  if (d1 < QUARTER_CIRCLE_DEG && d2 > threeQuarters) {
    const d = interpolateLinear(ht1, d1 + QUARTER_CIRCLE_DEG, ht2, d2 - threeQuarters, heightM) - QUARTER_CIRCLE_DEG;
    return d < 0 ? d + FULL_CIRCLE_DEG : d;
  }
  // ssc also requires the angle between them to be <= 180°, which always holds after the swap above.
  return interpolateLinear(ht1, d1, ht2, d2, heightM);
}

/**
 * The series of `kind` at `heightM`: exact column, else interpolated between the closest columns on either side
 * (`interpolate: true`, the ssc default for the farm model), else the nearest column. Null when there is none.
 */
export function seriesAtHeight(resource: WindResource, kind: WindFieldKind, heightM: number, interpolate = true): SeriesAtHeight | null {
  const fields = fieldsOfKind(resource, kind);
  const i = closestIndex(fields, heightM);
  if (i < 0) return null;
  const a = fields[i];
  if (a.heightM === heightM) return { values: a.values, method: "exact", heightM, sourceHeightsM: [a.heightM] };
  const j = interpolate ? closestIndex(fields, heightM, i) : -1;
  const b = j >= 0 ? fields[j] : null;
  const brackets = b !== null && ((a.heightM < heightM && heightM < b.heightM) || (a.heightM > heightM && heightM > b.heightM));
  if (!b || !brackets) return { values: a.values, method: "nearest", heightM: a.heightM, sourceHeightsM: [a.heightM] };
  const n = a.values.length;
  const out = new Float64Array(n);
  if (kind === "direction") {
    for (let t = 0; t < n; t++) out[t] = interpolateDirection(a.heightM, a.values[t], b.heightM, b.values[t], heightM);
  } else {
    for (let t = 0; t < n; t++) out[t] = interpolateLinear(a.heightM, a.values[t], b.heightM, b.values[t], heightM);
  }
  return { values: out, method: "interpolated", heightM, sourceHeightsM: [a.heightM, b.heightM] };
}
