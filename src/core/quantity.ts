/**
 * Explicit units for claim checking. A quantity carries its value in SI base units (USD, J, s, count, m3), its
 * dimension, and two tags: the `measure` (revenue, netIncome, capex, electricity, ...) and the `scope` (global, US,
 * US-LA, ...). Comparisons report every mismatch (GW vs GWh, revenue vs net income, global vs US) instead of
 * guessing; conversions between units of different dimensions are refused.
 *
 * Time units follow the model's convention: year = 8760 h (no leap day), quarter = year / 4, month = year / 12.
 */

export type BaseDim = "usd" | "j" | "s" | "n" | "m3";
export type Dimension = Readonly<Record<BaseDim, number>>;

const BASE: readonly BaseDim[] = ["usd", "j", "s", "n", "m3"];
const dim = (d: Partial<Record<BaseDim, number>>): Dimension => ({ usd: 0, j: 0, s: 0, n: 0, m3: 0, ...d });

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;
const YEAR_S = 8760 * HOUR_S;
const GALLON_M3 = 0.003785411784;

interface UnitDef {
  dim: Dimension;
  factor: number; // SI base units per unit
}

/** Unit atoms. Composite units are written `a/b` or `a·b` (e.g. `USD bn/year`, `USD/W`, `GWh/month`, `MW·year`). */
const ATOMS: Readonly<Record<string, UnitDef>> = {
  USD: { dim: dim({ usd: 1 }), factor: 1 },
  "USD k": { dim: dim({ usd: 1 }), factor: 1e3 },
  "USD m": { dim: dim({ usd: 1 }), factor: 1e6 },
  "USD bn": { dim: dim({ usd: 1 }), factor: 1e9 },
  "USD tn": { dim: dim({ usd: 1 }), factor: 1e12 },
  J: { dim: dim({ j: 1 }), factor: 1 },
  Wh: { dim: dim({ j: 1 }), factor: HOUR_S },
  kWh: { dim: dim({ j: 1 }), factor: 1e3 * HOUR_S },
  MWh: { dim: dim({ j: 1 }), factor: 1e6 * HOUR_S },
  GWh: { dim: dim({ j: 1 }), factor: 1e9 * HOUR_S },
  TWh: { dim: dim({ j: 1 }), factor: 1e12 * HOUR_S },
  W: { dim: dim({ j: 1, s: -1 }), factor: 1 },
  kW: { dim: dim({ j: 1, s: -1 }), factor: 1e3 },
  MW: { dim: dim({ j: 1, s: -1 }), factor: 1e6 },
  GW: { dim: dim({ j: 1, s: -1 }), factor: 1e9 },
  s: { dim: dim({ s: 1 }), factor: 1 },
  h: { dim: dim({ s: 1 }), factor: HOUR_S },
  day: { dim: dim({ s: 1 }), factor: DAY_S },
  month: { dim: dim({ s: 1 }), factor: YEAR_S / 12 },
  quarter: { dim: dim({ s: 1 }), factor: YEAR_S / 4 },
  year: { dim: dim({ s: 1 }), factor: YEAR_S },
  count: { dim: dim({ n: 1 }), factor: 1 },
  fraction: { dim: dim({}), factor: 1 },
  x: { dim: dim({}), factor: 1 },
  "%": { dim: dim({}), factor: 0.01 },
  m3: { dim: dim({ m3: 1 }), factor: 1 },
  L: { dim: dim({ m3: 1 }), factor: 1e-3 },
  ML: { dim: dim({ m3: 1 }), factor: 1e3 },
  gal: { dim: dim({ m3: 1 }), factor: GALLON_M3 },
  "bn gal": { dim: dim({ m3: 1 }), factor: 1e9 * GALLON_M3 },
};

const DIMENSION_NAMES: readonly [Dimension, string][] = [
  [dim({ usd: 1 }), "money"],
  [dim({ usd: 1, s: -1 }), "money per time"],
  [dim({ j: 1 }), "energy"],
  [dim({ j: 1, s: -1 }), "power"],
  [dim({ s: 1 }), "time"],
  [dim({ n: 1 }), "count"],
  [dim({}), "dimensionless"],
  [dim({ m3: 1 }), "volume"],
  [dim({ m3: 1, s: -1 }), "volume per time"],
  [dim({ usd: 1, j: -1, s: 1 }), "money per power"],
  [dim({ usd: 1, j: -1 }), "money per energy"],
];

export interface ParsedUnit {
  unit: string;
  dim: Dimension;
  factor: number;
}

export class UnitError extends Error {}

function parseProduct(text: string): ParsedUnit | null {
  let d: Record<BaseDim, number> = { ...dim({}) };
  let factor = 1;
  for (const raw of text.split("·")) {
    const atom = ATOMS[raw.trim()];
    if (!atom) return null;
    factor *= atom.factor;
    d = mulDim(d, atom.dim, 1);
  }
  return { unit: text, dim: d, factor };
}

function mulDim(a: Dimension, b: Dimension, sign: 1 | -1): Record<BaseDim, number> {
  const out = { ...dim({}) };
  for (const k of BASE) out[k] = a[k] + sign * b[k];
  return out;
}

/** Parses a unit such as `USD bn/year`; null when an atom is unknown. */
export function parseUnit(unit: string): ParsedUnit | null {
  const parts = unit.split("/");
  if (parts.length > 2 || unit.trim() === "") return null;
  const num = parseProduct(parts[0]);
  if (!num) return null;
  if (parts.length === 1) return { ...num, unit };
  const den = parseProduct(parts[1]);
  if (!den) return null;
  return { unit, dim: mulDim(num.dim, den.dim, -1), factor: num.factor / den.factor };
}

function mustParse(unit: string): ParsedUnit {
  const p = parseUnit(unit);
  if (!p) throw new UnitError(`unknown unit "${unit}"`);
  return p;
}

export const sameDimension = (a: Dimension, b: Dimension): boolean => BASE.every((k) => a[k] === b[k]);

export function dimensionName(d: Dimension): string {
  const hit = DIMENSION_NAMES.find(([x]) => sameDimension(x, d));
  if (hit) return hit[1];
  return BASE.filter((k) => d[k] !== 0)
    .map((k) => (d[k] === 1 ? k : `${k}^${d[k]}`))
    .join("·");
}

export interface Tags {
  measure?: string;
  scope?: string;
}

export interface Quantity extends Tags {
  /** value in SI base units of `dim` */
  readonly si: number;
  readonly dim: Dimension;
  /** the unit the quantity was stated in (used for display) */
  readonly unit: string;
}

/** A quantity of `value` in `unit`, e.g. `qty(51.24, "USD bn/quarter", { measure: "revenue" })`. */
export function qty(value: number, unit: string, tags: Tags = {}): Quantity {
  const p = mustParse(unit);
  return { si: value * p.factor, dim: p.dim, unit, ...tags };
}

/** The value of `x` expressed in `unit`; throws UnitError when the dimensions differ (a programming error). */
export function to(x: Quantity, unit: string): number {
  const p = mustParse(unit);
  if (!sameDimension(x.dim, p.dim)) throw new UnitError(`cannot express ${describeDim(x)} in ${unit} (${dimensionName(p.dim)})`);
  return x.si / p.factor;
}

/** Same quantity, displayed in another unit of the same dimension. */
export const restate = (x: Quantity, unit: string): Quantity => ({ ...qty(to(x, unit), unit), measure: x.measure, scope: x.scope });

export const describeDim = (x: Quantity): string => `${dimensionName(x.dim)} (${x.unit})`;

export const withTags = (x: Quantity, tags: Tags): Quantity => ({ ...x, ...tags });

function combineTags(a: Tags, b: Tags): Tags {
  return { measure: a.measure === b.measure ? a.measure : undefined, scope: a.scope === b.scope ? a.scope : undefined };
}

export function mul(a: Quantity, b: Quantity, unit: string, tags: Tags = {}): Quantity {
  const d = mulDim(a.dim, b.dim, 1);
  const out = { si: a.si * b.si, dim: d, unit: a.unit, ...combineTags(a, b), ...tags };
  return restate(checkUnit(out, unit), unit);
}

export function div(a: Quantity, b: Quantity, unit: string, tags: Tags = {}): Quantity {
  const d = mulDim(a.dim, b.dim, -1);
  const out = { si: a.si / b.si, dim: d, unit: a.unit, ...combineTags(a, b), ...tags };
  return restate(checkUnit(out, unit), unit);
}

export const scale = (a: Quantity, k: number): Quantity => ({ ...a, si: a.si * k });

/** Sum of quantities of one dimension; tags are kept only where all terms agree. */
export function sum(xs: readonly Quantity[], unit: string): Quantity {
  const p = mustParse(unit);
  let si = 0;
  let tags: Tags = xs[0] ?? {};
  for (const x of xs) {
    if (!sameDimension(x.dim, p.dim)) throw new UnitError(`cannot add ${describeDim(x)} to ${dimensionName(p.dim)}`);
    si += x.si;
    tags = combineTags(tags, x);
  }
  return { si, dim: p.dim, unit, measure: tags.measure, scope: tags.scope };
}

/** a - b in `unit` (same dimension required); tags kept where both agree. */
export function minus(a: Quantity, b: Quantity, unit: string): Quantity {
  return sum([a, scale(b, -1)], unit);
}

function checkUnit(x: Quantity, unit: string): Quantity {
  const p = mustParse(unit);
  if (!sameDimension(x.dim, p.dim)) throw new UnitError(`result is ${dimensionName(x.dim)}, not ${unit} (${dimensionName(p.dim)})`);
  return x;
}

export type MismatchKind = "dimension" | "measure" | "scope";
export interface Mismatch {
  kind: MismatchKind;
  message: string;
}

/** Every reason why `a` and `b` are not the same kind of quantity (empty when they can be compared). */
export function mismatches(a: Quantity, b: Quantity): Mismatch[] {
  const out: Mismatch[] = [];
  if (!sameDimension(a.dim, b.dim)) out.push({ kind: "dimension", message: `${describeDim(a)} vs ${describeDim(b)}` });
  if (a.measure && b.measure && a.measure !== b.measure) out.push({ kind: "measure", message: `${a.measure} vs ${b.measure}` });
  if (a.scope && b.scope && a.scope !== b.scope) out.push({ kind: "scope", message: `${a.scope} vs ${b.scope}` });
  return out;
}

/** a / b as a pure number, or the dimension mismatch that forbids it. */
export function ratio(a: Quantity, b: Quantity): { value: number } | { mismatch: Mismatch } {
  if (!sameDimension(a.dim, b.dim)) return { mismatch: { kind: "dimension", message: `${describeDim(a)} vs ${describeDim(b)}` } };
  return { value: a.si / b.si };
}

/** `12.3 USD bn/year` with a sensible number of digits. */
export function format(x: Quantity, unit: string = x.unit, digits = 4): string {
  const n = formatNumber(to(x, unit), digits);
  return unit === "count" ? n : `${n} ${unit}`;
}

const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** `digits` significant digits, thousands separators, integers above 10^digits. */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  if (Math.abs(v) >= 10 ** digits) return INTEGER.format(Math.round(v));
  return DECIMAL.format(Number(v.toPrecision(digits)));
}
