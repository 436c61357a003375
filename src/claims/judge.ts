/**
 * Verdict rules. Every verdict follows from numbers and tolerances (data/claims/rules.json), never from a label:
 *
 * - a stated figure is compared with the sourced or modelled value in one unit; `factor` = max(a/s, s/a), or the
 *   distance to the nearest bound for ranges and "more than"/"up to" claims (0 deviation inside);
 * - factor - 1 <= holds tolerance → holds; <= approximate tolerance → holds-approximately; beyond → off-by-factor;
 * - a claim that equates quantities of different dimensions (GW with GWh) is a unit-error; one that only matches
 *   after swapping the measure (revenue for profit) or the period (a 3-year total for an annual flow) is a
 *   unit-error; one that matches but compares different scopes (global vs US) is a scope-mismatch;
 * - a claim that matches an older figure but not the latest one is outdated (with the newer figure); one that
 *   matches only a figure of another time frame (today's share stated with a 2030 projection) is a scope-mismatch;
 * - where the sources disagree, every source's figure is judged and shown: the part holds (or holds approximately)
 *   only if it does under every source, is contested if it holds under some and fails under others, and otherwise
 *   takes the worst failure;
 * - "raised" is a direction: it holds for any rise and fails for no change or a cut (no tolerance around parity);
 * - a claim whose decisive input is missing from data/ is unverifiable.
 */
import type { Bound } from "../data/claims.ts";
import { type Quantity, div, format, formatNumber, mismatches, restate, to, withTags } from "../core/quantity.ts";
import { type PartResult, type ReadingResult, type SourcedReading, type Verdict, severity } from "./types.ts";

export interface Tolerances {
  holdsRelative: number;
  approxRelative: number;
  maxRangeWidthRelative: number;
}

/** A stated figure: a value ("about"), a range, or a bound. `low` = `high` except for ranges. */
export interface ClaimedValue {
  bound: Bound;
  low: Quantity;
  high: Quantity;
  /** counts: "more than 29" means at least 30 */
  integer?: boolean;
}

export type AlternativeKind = "measure" | "period" | "dimension" | "scope" | "older" | "timeframe";

/** Another reading of the same claim (different measure, period, scope, or an older figure). */
export interface Alternative {
  kind: AlternativeKind;
  label: string;
  actual: Quantity;
  claimed?: ClaimedValue;
}

export interface JudgeOptions {
  alternatives?: readonly Alternative[];
  /** the source states its figure as a floor ("more than") or ceiling ("up to") */
  actualBound?: "exact" | "atLeast" | "atMost";
}

const pct = (f: number): string => `${formatNumber(f * 100, 3)} %`;

export function describeClaimed(c: ClaimedValue): string {
  const u = c.low.unit === "count" ? "" : ` ${c.low.unit}`;
  const v = (q: Quantity): string => formatNumber(to(q, c.low.unit));
  switch (c.bound) {
    case "range":
      return `${v(c.low)}-${v(c.high)}${u}`;
    case "moreThan":
      return `more than ${v(c.low)}${u}`;
    case "atLeast":
      return `at least ${v(c.low)}${u}`;
    case "upTo":
      return `up to ${v(c.high)}${u}`;
    default:
      return `about ${v(c.low)}${u}`;
  }
}

/** How far `actual` is from the stated figure, as a factor >= 1 (1 = inside the range / bound satisfied). */
export function deviationFactor(actual: Quantity, c: ClaimedValue): number {
  const a = actual.si;
  // "more than 29" sites means at least 30; for continuous quantities the strict bound is immaterial.
  const lo = c.bound === "moreThan" && c.integer ? c.low.si + 1 : c.low.si;
  const hi = c.high.si;
  const factor = (x: number, y: number): number => (x === y ? 1 : x > 0 && y > 0 ? Math.max(x / y, y / x) : Number.POSITIVE_INFINITY);
  switch (c.bound) {
    case "about":
      return factor(a, lo);
    case "range":
      return a < lo ? factor(a, lo) : a > hi ? factor(a, hi) : 1;
    case "moreThan":
    case "atLeast":
      return a >= lo ? 1 : factor(a, lo);
    case "upTo":
      return a <= hi ? 1 : factor(a, hi);
  }
}

function fromFactor(label: string, factor: number, tol: Tolerances, what: string): PartResult {
  if (factor - 1 <= tol.holdsRelative) return { label, verdict: "holds", detail: `${what} (within ${pct(tol.holdsRelative)})` };
  if (factor - 1 <= tol.approxRelative) {
    return { label, verdict: "holds-approximately", detail: `${what}: deviation ${pct(factor - 1)}, within the ${pct(tol.approxRelative)} tolerance`, toleranceFraction: tol.approxRelative };
  }
  return { label, verdict: "off-by-factor", detail: `${what}: off by a factor of ${formatNumber(factor, 3)}`, factor };
}

const rangeTooWide = (c: ClaimedValue, tol: Tolerances): boolean =>
  c.bound === "range" && (c.high.si - c.low.si) / ((c.high.si + c.low.si) / 2) > tol.maxRangeWidthRelative;

function boundConflict(c: ClaimedValue, actualBound: JudgeOptions["actualBound"]): string | null {
  if (c.bound === "upTo" && actualBound === "atLeast") return "the source gives this figure as a floor ('more than'), the claim as a ceiling ('up to')";
  if ((c.bound === "moreThan" || c.bound === "atLeast") && actualBound === "atMost") return "the source gives this figure as a ceiling, the claim as a floor";
  return null;
}

function alternativeVerdict(kind: AlternativeKind): Verdict {
  if (kind === "scope" || kind === "timeframe") return "scope-mismatch";
  if (kind === "older") return "outdated";
  return "unit-error";
}

/** Judges one stated figure against one actual value (plus alternative readings when the direct one fails). */
export function judgeFigure(label: string, claimed: ClaimedValue, actual: Quantity, tol: Tolerances, opts: JudgeOptions = {}): PartResult {
  const stated = describeClaimed(claimed);
  const dims = mismatches(claimed.low, actual).filter((m) => m.kind === "dimension");
  if (dims.length > 0) return dimensionError(label, stated, actual, claimed, opts);
  const shown = format(restate(actual, claimed.low.unit));
  const base = fromFactor(label, deviationFactor(actual, claimed), tol, `stated ${stated}, actual ${shown}`);
  if (base.verdict !== "off-by-factor") return refineMatch(base, claimed, actual, tol, opts);
  const alt = firstMatchingAlternative(claimed, tol, opts.alternatives ?? []);
  if (!alt) return base;
  const v = alternativeVerdict(alt.kind);
  const detail =
    alt.kind === "timeframe"
      ? `${base.detail}; it matches only ${alt.label}, a figure of another time frame`
      : `${base.detail}; it matches only as ${alt.label} (${format(restate(alt.actual, (alt.claimed ?? claimed).low.unit))})`;
  return v === "outdated"
    ? { label, verdict: v, detail: `stated ${stated} matches the older figure ${format(restate(alt.actual, claimed.low.unit))} (${alt.label}); the latest is ${shown}`, newerFigure: shown }
    : { label, verdict: v, detail };
}

function refineMatch(base: PartResult, claimed: ClaimedValue, actual: Quantity, tol: Tolerances, opts: JudgeOptions): PartResult {
  const tags = mismatches(claimed.low, actual);
  const scope = tags.find((m) => m.kind === "scope");
  const measure = tags.find((m) => m.kind === "measure");
  if (measure) return { label: base.label, verdict: "unit-error", detail: `${base.detail}, but the claim compares ${measure.message}` };
  if (scope) return { label: base.label, verdict: "scope-mismatch", detail: `${base.detail}, but the figures cover different scopes (${scope.message})` };
  const conflict = boundConflict(claimed, opts.actualBound);
  const loose = rangeTooWide(claimed, tol);
  if (base.verdict === "holds" && (conflict || loose)) {
    const why = conflict ?? `the stated range spans a factor of ${formatNumber(claimed.high.si / claimed.low.si, 3)}, wider than ${pct(tol.maxRangeWidthRelative)} of its midpoint`;
    return { label: base.label, verdict: "holds-approximately", detail: `${base.detail}; ${why}`, toleranceFraction: tol.approxRelative };
  }
  return base;
}

function firstMatchingAlternative(claimed: ClaimedValue, tol: Tolerances, alts: readonly Alternative[]): Alternative | undefined {
  return alts.find((a) => {
    const c = a.claimed ?? claimed;
    if (mismatches(c.low, a.actual).some((m) => m.kind === "dimension")) return false;
    return deviationFactor(a.actual, c) - 1 <= tol.approxRelative;
  });
}

function dimensionError(label: string, stated: string, actual: Quantity, claimed: ClaimedValue, opts: JudgeOptions): PartResult {
  const coherent = (opts.alternatives ?? []).filter((a) => a.kind === "dimension");
  const readings = coherent.map((a) => {
    const c = a.claimed ?? claimed;
    const f = deviationFactor(a.actual, c);
    return `${a.label}: ${format(a.actual)} vs ${describeClaimed(c)} (×${formatNumber(f, 3)})`;
  });
  const m = mismatches(claimed.low, actual).find((x) => x.kind === "dimension")!;
  const tail = readings.length > 0 ? `; read coherently: ${readings.join("; ")}` : "";
  return { label, verdict: "unit-error", detail: `the claim equates ${stated} with a quantity of another dimension (${m.message})${tail}` };
}

/**
 * A stated share of a whole ("X is 20 % of Y"): the arithmetic is judged as a figure, then the part and the whole
 * must measure the same thing over the same scope and period, else the share is a scope-mismatch.
 */
export function judgeShareOf(label: string, claimed: ClaimedValue, part: Quantity, whole: Quantity, unit: string, tol: Tolerances, extraMismatches: readonly string[] = []): PartResult {
  const share = withTags(div(part, whole, unit), { measure: undefined, scope: undefined });
  const base = judgeFigure(label, claimed, share, tol);
  const tags = mismatches(part, whole).filter((m) => m.kind !== "dimension").map((m) => `${m.kind} ${m.message}`);
  const all = [...tags, ...extraMismatches];
  if (all.length === 0 || (base.verdict !== "holds" && base.verdict !== "holds-approximately")) return base;
  return { label, verdict: "scope-mismatch", detail: `${base.detail}, but the part and the whole differ: ${all.join("; ")}` };
}

/** "a exceeds b" (a qualitative comparison): holds when a/b >= 1 + holds tolerance; near parity holds approximately. */
export function judgeExceeds(label: string, a: Quantity, b: Quantity, tol: Tolerances, what: string): PartResult {
  const r = a.si / b.si;
  const detail = `${what}: ratio ${formatNumber(r, 3)}`;
  if (r >= 1 + tol.holdsRelative) return { label, verdict: "holds", detail };
  if (r >= 1 - tol.approxRelative) return { label, verdict: "holds-approximately", detail: `${detail}, within ${pct(tol.approxRelative)} of parity`, toleranceFraction: tol.approxRelative };
  return { label, verdict: "off-by-factor", detail: `${detail}: the opposite holds, by a factor of ${formatNumber(1 / r, 3)}`, factor: 1 / r };
}

/** A derived figure compared with an independent benchmark: plausible within the approximate tolerance. */
export function judgeBenchmark(label: string, value: Quantity, benchmark: Quantity, tol: Tolerances, what: string): PartResult {
  const f = value.si > 0 && benchmark.si > 0 ? Math.max(value.si / benchmark.si, benchmark.si / value.si) : Number.POSITIVE_INFINITY;
  const detail = `${what}: ${format(value)} vs benchmark ${format(restate(benchmark, value.unit))}`;
  if (f - 1 <= tol.approxRelative) return { label, verdict: "holds", detail: `${detail} (plausible: within ${pct(tol.approxRelative)} of the benchmark)` };
  return { label, verdict: "off-by-factor", detail: `${detail}: implausible, off by a factor of ${formatNumber(f, 3)}`, factor: f };
}

/** A named place, company or year must match the source exactly. */
export function judgeLabel(label: string, stated: string, sourced: string, opts: { sourceAfterArticle?: boolean } = {}): PartResult {
  if (sourced.toLowerCase().includes(stated.toLowerCase())) return { label, verdict: "holds", detail: `stated "${stated}", source: "${sourced}"` };
  if (opts.sourceAfterArticle) return { label, verdict: "outdated", detail: `stated "${stated}", a later source gives "${sourced}"`, newerFigure: sourced };
  return { label, verdict: "scope-mismatch", detail: `stated "${stated}", but the source gives "${sourced}"` };
}

export const unverifiable = (label: string, reason: string): PartResult => ({ label, verdict: "unverifiable", detail: reason });

/** The verdict of a claim is the worst verdict of its parts (see VERDICTS for the order). */
export function combineParts(parts: readonly PartResult[]): PartResult {
  if (parts.length === 0) return unverifiable("claim", "no part of the claim could be tested");
  const worse = (p: PartResult, w: PartResult): boolean =>
    severity(p.verdict) > severity(w.verdict) || (severity(p.verdict) === severity(w.verdict) && (p.factor ?? 0) > (w.factor ?? 0));
  const worst = parts.reduce((w, p) => (worse(p, w) ? p : w));
  if (parts.length === 1) return worst;
  const same = parts.filter((p) => p.verdict === worst.verdict);
  const others = parts.length - same.length;
  const detail = [worst, ...same.filter((p) => p !== worst)].map((p) => `${p.label}: ${p.detail}`).join("; ");
  return { ...worst, detail: others > 0 ? `${detail} (${others} other part${others > 1 ? "s" : ""} better)` : detail };
}

const passes = (v: Verdict): boolean => v === "holds" || v === "holds-approximately";

/**
 * Judges a stated figure under every source's reading of the evidence (see SourcedReading), side by side. Holds
 * (or holds approximately) only if it does under every source; contested if it holds under some and fails under
 * others (with the range of the readings); otherwise the worst failure. `articleDate` marks readings the article
 * could not have used.
 */
export function judgeReadings(label: string, claimed: ClaimedValue, readings: readonly SourcedReading[], tol: Tolerances, articleDate: string, opts: Omit<JudgeOptions, "actualBound"> = {}): PartResult {
  const results: ReadingResult[] = readings.map((r) => {
    const c = r.high ? judgeRange(label, claimed, r.actual, r.high, tol) : judgeFigure(label, claimed, r.actual, tol, { ...opts, actualBound: r.bound });
    return {
      label: r.label,
      source: r.source,
      asOf: r.asOf,
      value: r.shown,
      verdict: c.verdict,
      detail: c.detail,
      ...(c.factor !== undefined ? { factor: c.factor } : {}),
      ...(c.toleranceFraction !== undefined ? { toleranceFraction: c.toleranceFraction } : {}),
      afterArticle: r.asOf.slice(0, articleDate.length) > articleDate,
    };
  });
  const parts = results.map(({ verdict, detail, factor, toleranceFraction }): PartResult => ({ label, verdict, detail, ...(factor !== undefined ? { factor } : {}), ...(toleranceFraction !== undefined ? { toleranceFraction } : {}) }));
  const each = results.map((r) => `${r.label} (${r.asOf}${r.afterArticle ? ", after the article" : ""}): ${r.value} → ${r.verdict}${r.factor !== undefined ? ` ×${formatNumber(r.factor, 3)}` : ""}`).join("; ");
  if (results.length === 1) return { ...combineParts(parts), label, readings: results };
  const unit = claimed.low.unit;
  const values = readings.flatMap((r) => [to(r.actual, unit), ...(r.high ? [to(r.high, unit)] : [])]);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const u = unit === "count" ? "" : ` ${unit}`;
  const spread = lo === hi ? `every source gives ${formatNumber(lo)}${u}` : `readings ${formatNumber(lo)}-${formatNumber(hi)}${u}`;
  const held = results.filter((r) => passes(r.verdict));
  if (held.length > 0 && held.length < results.length) {
    return { label, verdict: "contested", detail: `depends on the source (${spread}): ${each}`, readings: results };
  }
  const worst = combineParts(parts);
  const how =
    held.length < results.length ? "fails under every source" : results.every((r) => r.verdict === "holds") ? "holds under every source" : "holds under every source, under some only approximately";
  return { ...worst, label, detail: `${how} (${spread}): ${each}`, readings: results };
}

/** A stated figure against a source that gives a range: holds when the stated figure lies within it. */
function judgeRange(label: string, claimed: ClaimedValue, low: Quantity, high: Quantity, tol: Tolerances): PartResult {
  const unit = claimed.low.unit;
  // the distance between the stated figure (or range) and the source's range, as a factor (1 when they overlap)
  const f = claimed.high.si < low.si ? low.si / claimed.high.si : claimed.low.si > high.si ? claimed.low.si / high.si : 1;
  return fromFactor(label, f, tol, `stated ${describeClaimed(claimed)}, source ${formatNumber(to(low, unit))}-${formatNumber(to(high, unit))} ${unit}`);
}

/**
 * "Raised" (or "cut"): a direction, not a size. Holds for any move in the stated direction; no change or a move the
 * other way fails (off by the ratio, at least 1), with no tolerance around parity.
 */
export function judgeDirection(label: string, newer: Quantity, older: Quantity, direction: "up" | "down", what: string): PartResult {
  const r = newer.si / older.si;
  const detail = `${what}: ratio ${formatNumber(r, 3)}`;
  const moved = direction === "up" ? r > 1 : r < 1;
  if (moved) return { label, verdict: "holds", detail: `${detail} (${direction === "up" ? "raised" : "cut"})` };
  const factor = direction === "up" ? 1 / r : r;
  const how = r === 1 ? "unchanged" : direction === "up" ? "cut, not raised" : "raised, not cut";
  return { label, verdict: "off-by-factor", detail: `${detail}: ${how}`, factor };
}

/** Says which scopes or time frames a part mixes, in its detail and its `mixes` (the verdict is unchanged). */
export function withMixes(part: PartResult, mixes: readonly string[]): PartResult {
  if (mixes.length === 0) return part;
  return { ...part, detail: `${part.detail}; the claim mixes ${mixes.join("; ")}`, mixes: [...(part.mixes ?? []), ...mixes] };
}
