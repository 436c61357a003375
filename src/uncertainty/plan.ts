/**
 * From a scenario with an `uncertain` block to a simulation plan: each declared path checked against the
 * scenario (exists, is a number or a schema field left to its default) and against the schema's allowed range
 * at the distribution's extreme samples, correlations turned into a copula, the target year and the base plan
 * fixed. Every problem becomes a diagnostic with its path; nothing throws.
 */
import { type Diagnostic, error, hasErrors, keyPath, warning } from "../core/diagnostics.ts";
import { referenceData, type ReferenceData } from "../data/index.ts";
import { prepareScenario } from "../pipeline/prepare.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import type { PowerProfiles } from "../power/site/site-power.ts";
import { resolveScenario } from "../scenario/resolve.ts";
import { type Scenario, scenarioSchema } from "../scenario/schema.ts";
import { type Copula, makeCopula } from "./correlation.ts";
import { type Distribution, checkDistribution, makeDistribution } from "./distributions.ts";
import { defaultAt } from "../scenario/defaults.ts";
import { U_MAX, U_MIN } from "./rng.ts";
import { type Segment, formatSegments, lookup, parsePath, setAtPath } from "./paths.ts";
import { isReservedKey, reservedKeyMessage } from "../core/keys.ts";
import { type CorrelationsSpec, type DistributionSpec, RESERVED_KEYS, type UncertainSpec } from "../scenario/uncertain-schema.ts";

export interface PlanInput {
  /** canonical path, e.g. sites[0].phases[1].itPowerMw */
  path: string;
  segments: Segment[];
  spec: DistributionSpec;
  dist: Distribution;
  /** integer field (e.g. constructionMonths): samples are rounded */
  integer: boolean;
  /** the scenario's own value, or the distribution's median when the field is left to its default */
  baseValue: number;
}

export interface SimulationPlan {
  /** the scenario without its `uncertain` block */
  base: Scenario;
  inputs: PlanInput[];
  copula: Copula | null;
  targetYear: number;
  targetYearIndex: number;
  plannedItMwAtTarget: number;
  ref: ReferenceData;
  /** the sites' hourly profiles (api's withPowerProfiles reads them), so each iteration dispatches as `run` does */
  powerProfiles?: PowerProfiles;
}


export function distributionEntries(u: UncertainSpec | undefined): [string, DistributionSpec][] {
  if (!u) return [];
  return Object.entries(u).filter(([k]) => !(RESERVED_KEYS as readonly string[]).includes(k)) as [string, DistributionSpec][];
}

export function buildPlan(s: Scenario, ref: ReferenceData = referenceData, requireInputs = true): { value: SimulationPlan | null; diagnostics: Diagnostic[] } {
  const { uncertain, ...rest } = s;
  const base = rest as Scenario;
  const prepared = prepareScenario(base, ref);
  if (!prepared.value) return { value: null, diagnostics: prepared.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const entries = distributionEntries(uncertain);
  if (requireInputs && entries.length === 0) {
    diagnostics.push(error("uncertain", 'declare at least one distribution, e.g. "economics.revenueUsdPerMwItYear": {dist: triangular, min: 8e6, mode: 12e6, max: 16e6}'));
  }
  const inputs: PlanInput[] = [];
  for (const [key, spec] of entries) {
    const input = checkInput(base, key, spec, ref, diagnostics);
    if (!input) continue;
    if (inputs.some((i) => i.path === input.path)) diagnostics.push(error(keyPath("uncertain", key), `path ${input.path} is declared twice`));
    else {
      inputs.push(input);
      const idle = outsideMonteCarlo(input.path);
      if (idle) diagnostics.push(warning(keyPath("uncertain", key), `${input.path} ${idle}: sampling it changes no simulate or compare output yet (the Monte Carlo has no embodied-carbon output)`));
    }
  }
  const copula = uncertain?.correlations ? buildCopula(uncertain.correlations, inputs, diagnostics) : null;
  const t = prepared.value.timeline;
  const targetYear = uncertain?.targetYear ?? defaultTargetYear(base, t.years);
  const targetYearIndex = t.years.indexOf(targetYear);
  if (targetYearIndex < 0) diagnostics.push(error("uncertain.targetYear", `must be a year of the horizon (${t.years[0]}–${t.years[t.years.length - 1]})`));
  if (hasErrors(diagnostics)) return { value: null, diagnostics };
  const plan: SimulationPlan = {
    base,
    inputs,
    copula,
    targetYear,
    targetYearIndex,
    plannedItMwAtTarget: plannedItMw(prepared.value, targetYearIndex),
    ref,
  };
  return { value: plan, diagnostics };
}

/**
 * Why a path cannot move a Monte Carlo output (null when it can): the embodied-carbon factors feed only `run`'s
 * lifecycle emissions. (The power block moves simulate's power outputs and, through the opex it prices, its NPV.)
 */
export function outsideMonteCarlo(path: string): string | null {
  if (/^embodiedCarbon(\.|\[|$)/.test(path)) return "feeds the lifecycle emissions of `gigaplan run`";
  // read by optimize-power only, or by the profiles, which are read once from the base scenario
  if (/^sites\[\d+\]\.power\.(target|sizing)(\.|\[|$)/.test(path) || /^sites\[\d+\]\.power\.flexibility\.curtailmentCostUsdPerMwh$/.test(path)) return "feeds only `gigaplan optimize-power`";
  if (/^sites\[\d+\]\.power\.(grid|weather|wind)(\.|\[|$)/.test(path)) return "sets how the site's weather and grid files are read, once for the whole simulation";
  return null;
}

/** Last year of the capital plan with money in it, else the horizon's last year. */
function defaultTargetYear(s: Scenario, years: readonly number[]): number {
  const planYears = Object.entries(s.program.capitalPlanUsdByYear).filter(([, v]) => v > 0).map(([y]) => Number(y));
  const last = planYears.length > 0 ? Math.max(...planYears) : years[years.length - 1];
  return Math.min(Math.max(last, years[0]), years[years.length - 1]);
}

/** IT MW the plan requests online by the end of the target year (requested start + construction, interconnection). */
export function plannedItMw(s: ResolvedScenario, targetYearIndex: number): number {
  let lastMonth = -1;
  for (let m = 0; m < s.timeline.months; m++) if (s.timeline.yearIndex[m] <= targetYearIndex) lastMonth = m;
  let mw = 0;
  for (const ph of s.phases) {
    const online = Math.max(ph.requestedStartIndex + ph.constructionMonths, ph.interconnectionIndex);
    if (online <= lastMonth) mw += ph.itPowerMw;
  }
  return mw;
}

function checkInput(base: Scenario, key: string, spec: DistributionSpec, ref: ReferenceData, out: Diagnostic[]): PlanInput | null {
  const where = keyPath("uncertain", key);
  const paramProblems = checkDistribution(spec, where);
  if (paramProblems.length > 0) {
    out.push(...paramProblems);
    return null;
  }
  const segments = parsePath(key);
  if (!segments) {
    out.push(error(where, 'is not a scenario path (write it like sites[0].phases[1].itPowerMw or program.capitalPlanUsdByYear["2027"])'));
    return null;
  }
  const reserved = segments.find((x): x is string => typeof x === "string" && isReservedKey(x));
  if (reserved !== undefined) {
    out.push(error(where, reservedKeyMessage(reserved)));
    return null;
  }
  const path = formatSegments(segments);
  const found = lookup(base, segments);
  if (found.kind === "badIndex") {
    out.push(error(where, `${formatSegments(segments.slice(0, found.depth))} has ${found.length} item(s): index ${String(segments[found.depth])} does not exist`));
    return null;
  }
  if (found.kind === "notContainer") {
    out.push(error(where, `${formatSegments(segments.slice(0, found.depth)) || "(root)"} has no field ${String(segments[found.depth])}`));
    return null;
  }
  if (found.kind === "value" && typeof found.value !== "number") {
    out.push(error(where, `${path} is not a number (it is ${Array.isArray(found.value) ? "a list" : typeof found.value})`));
    return null;
  }
  const dist = makeDistribution(spec);
  const integer = checkRange(base, segments, path, dist, where, ref, out);
  if (integer === null) return null;
  // A path the scenario leaves out takes its data/ default (as in `run`); only paths without one use the median.
  const baseValue = found.kind === "value" ? (found.value as number) : (defaultAt(segments, ref) ?? dist.quantile(0.5));
  return { path, segments, spec, dist, integer, baseValue };
}

/** Values the distribution can take at its extremes; every one must pass the scenario schema and checks. */
function extremes(dist: Distribution): number[] {
  const lo = dist.quantile(U_MIN);
  const hi = dist.quantile(U_MAX);
  return lo === hi ? [lo] : [lo, hi];
}

/** null: invalid (diagnostic added); true: integer field (samples rounded); false: real field. */
function checkRange(base: Scenario, segments: Segment[], path: string, dist: Distribution, where: string, ref: ReferenceData, out: Diagnostic[]): boolean | null {
  const problemAt = (v: number): { message: string; wantsInteger: boolean } | null => {
    const copy = structuredClone(base) as Record<string, unknown>;
    setAtPath(copy, segments, v);
    const parsed = scenarioSchema.safeParse(copy);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue.code === "unrecognized_keys") return { message: `${path} is not a field of the scenario (unknown field ${issue.keys.join(", ")})`, wantsInteger: false };
      return { message: issue.message, wantsInteger: issue.code === "invalid_type" && issue.expected === "int" };
    }
    // Capital-plan sufficiency is not checked per sample: unfundable phases become delays in the build stage.
    const resolved = resolveScenario(parsed.data, ref);
    const err = resolved.diagnostics.find((d) => d.severity === "error");
    return err ? { message: `${err.path}: ${err.message}`, wantsInteger: false } : null;
  };
  const values = extremes(dist);
  const integer = problemAt(values[0] + 0.5)?.wantsInteger === true;
  const tested = integer ? values.map((v) => Math.round(v)) : values;
  const problems = tested.map(problemAt);
  const bad = problems.findIndex((p) => p !== null);
  if (bad < 0) return integer;
  out.push(error(where, `the distribution reaches ${formatNumber(tested[bad])}, which ${path} does not accept: ${problems[bad]?.message}`));
  return null;
}

function formatNumber(v: number): string {
  return Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(4) : String(Number(v.toPrecision(6)));
}

function buildCopula(spec: CorrelationsSpec, inputs: PlanInput[], out: Diagnostic[]): Copula | null {
  const indexOf = (p: string, where: string): number => {
    const segs = parsePath(p);
    const i = segs ? inputs.findIndex((x) => x.path === formatSegments(segs)) : -1;
    if (i < 0) out.push(error(where, `${p} is not one of the uncertain paths`));
    return i;
  };
  let dims: number[];
  let rank: Float64Array;
  let path: string;
  if (Array.isArray(spec)) {
    path = "uncertain.correlations";
    const idx = spec.map((c, k) => c.between.map((p, j) => indexOf(p, `uncertain.correlations[${k}].between[${j}]`)));
    if (idx.some((pair) => pair.some((i) => i < 0))) return null;
    dims = [...new Set(idx.flat())].sort((a, b) => a - b);
    const n = dims.length;
    rank = new Float64Array(n * n);
    for (let i = 0; i < n; i++) rank[i * n + i] = 1;
    const firstPair = new Map<string, number>();
    idx.forEach(([a, b], k) => {
      const i = dims.indexOf(a);
      const j = dims.indexOf(b);
      if (i === j) out.push(error(`uncertain.correlations[${k}].between`, "an input cannot be correlated with itself"));
      // the same pair twice (in either order): the same value is redundant, another value is a conflict
      const key = `${Math.min(i, j)},${Math.max(i, j)}`;
      const earlier = firstPair.get(key);
      if (earlier !== undefined && spec[earlier].rankCorrelation !== spec[k].rankCorrelation) {
        out.push(error(`uncertain.correlations[${k}]`, `correlates the same pair as uncertain.correlations[${earlier}] with another value (${spec[k].rankCorrelation} vs ${spec[earlier].rankCorrelation}): keep one`));
      }
      if (earlier === undefined) firstPair.set(key, k);
      rank[i * n + j] = rank[j * n + i] = spec[k].rankCorrelation;
    });
  } else {
    path = "uncertain.correlations.rankMatrix";
    dims = spec.inputs.map((p, j) => indexOf(p, `uncertain.correlations.inputs[${j}]`));
    const n = dims.length;
    if (spec.rankMatrix.length !== n || spec.rankMatrix.some((row) => row.length !== n)) {
      out.push(error(path, `must be ${n}×${n} (one row and column per input)`));
      return null;
    }
    if (dims.some((i) => i < 0)) return null;
    if (new Set(dims).size !== n) out.push(error("uncertain.correlations.inputs", "lists an input twice"));
    rank = Float64Array.from(spec.rankMatrix.flat());
  }
  if (hasErrors(out)) return null;
  const built = makeCopula(dims, rank, path);
  out.push(...built.diagnostics);
  return built.copula;
}
