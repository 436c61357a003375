/**
 * Field-by-field comparison of two stored runs: the summary of a run (result.summary without its diagnostics) or
 * of a simulation (iterations, seed, method, target year, output statistics and risk figures), flattened to
 * leaf paths written as diagnostics write them (`capexUsdByYear["2027"]`, `delays[0].delayMonths`).
 */
import type { StoredRun } from "./run-store.ts";

export type Leaf = string | number | boolean | null;

export interface FieldChange {
  path: string;
  /** undefined: the field is absent from that run */
  a: Leaf | undefined;
  b: Leaf | undefined;
  /** b − a when both are numbers */
  change: number | null;
  /** (b − a) / |a| when both are numbers and a ≠ 0 */
  changeFraction: number | null;
}

/** The part of a stored result that `runs diff` compares. */
export function comparableSummary(run: Pick<StoredRun, "kind" | "result">): unknown {
  const r = run.result as Record<string, unknown> | null;
  if (!r || typeof r !== "object") return r;
  if (run.kind === "simulation") {
    const { iterations, seed, method, targetYear, plannedItMwAtTarget, outputs, risk } = r;
    return { iterations, seed, method, targetYear, plannedItMwAtTarget, outputs, risk };
  }
  const { diagnostics: _ignored, ...summary } = (r.summary ?? {}) as Record<string, unknown>;
  return summary;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const child = (base: string, key: string): string => (IDENTIFIER.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`);

/** Leaf values by path (objects and arrays walked; empty ones kept as a leaf so their absence shows). */
export function flatten(value: unknown, base = "", out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(base, "[]");
    value.forEach((v, i) => flatten(v, `${base}[${i}]`, out));
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) out.set(base, "{}");
    for (const [k, v] of entries) flatten(v, child(base, k), out);
  } else if (value !== undefined) {
    out.set(base, value as Leaf);
  }
  return out;
}

/** Every leaf whose value differs between `a` and `b`, in the order of `a` then the fields only `b` has. */
export function diffValues(a: unknown, b: unknown): FieldChange[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const paths = [...fa.keys(), ...[...fb.keys()].filter((k) => !fa.has(k))];
  const out: FieldChange[] = [];
  for (const path of paths) {
    const x = fa.get(path);
    const y = fb.get(path);
    if (Object.is(x, y)) continue;
    const numeric = typeof x === "number" && typeof y === "number";
    out.push({
      path,
      a: x,
      b: y,
      change: numeric ? y - x : null,
      changeFraction: numeric && x !== 0 ? (y - x) / Math.abs(x) : null,
    });
  }
  return out;
}

/** The summary fields that differ between two stored runs. */
export const diffRuns = (a: StoredRun, b: StoredRun): FieldChange[] => diffValues(comparableSummary(a), comparableSummary(b));
