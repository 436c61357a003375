/**
 * Scenario paths as users write them (`sites[0].phases[1].itPowerMw`, `program.capitalPlanUsdByYear["2027"]`,
 * `accelerators.GB300.unitPriceUsd`): parsing, reading and writing numbers at a path. A path may name a field
 * the scenario leaves to its data/ default (e.g. `facility.pue`); whether such a field exists and which values
 * it accepts is decided by the scenario schema itself (see plan.ts).
 */
import { isReservedKey } from "../core/keys.ts";

export type Segment = string | number;

/** Parses a path into keys and array indices; null when malformed. */
export function parsePath(path: string): Segment[] | null {
  const out: Segment[] = [];
  let i = 0;
  const n = path.length;
  while (i < n) {
    const ch = path[i];
    if (ch === "[") {
      const close = path.indexOf("]", i);
      if (close < 0) return null;
      const inner = path.slice(i + 1, close).trim();
      const quoted = /^"(.*)"$|^'(.*)'$/.exec(inner);
      if (quoted) out.push(quoted[1] ?? quoted[2]);
      else if (/^\d+$/.test(inner)) out.push(Number(inner));
      else return null;
      i = close + 1;
      if (i < n && path[i] !== "." && path[i] !== "[") return null;
    } else if (ch === ".") {
      if (out.length === 0 || i + 1 >= n || path[i + 1] === "." || path[i + 1] === "[") return null;
      i += 1;
    } else {
      let j = i;
      while (j < n && path[j] !== "." && path[j] !== "[") j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out.length > 0 ? out : null;
}

/** Canonical spelling of a path (the one diagnostics use). */
export function formatSegments(segments: readonly Segment[]): string {
  let s = "";
  for (const seg of segments) {
    if (typeof seg === "number") s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) s += s === "" ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** What is at a path: the value, or why the walk stopped. */
export type Lookup =
  | { kind: "value"; value: unknown }
  | { kind: "missing"; depth: number }
  | { kind: "badIndex"; depth: number; length: number }
  | { kind: "notContainer"; depth: number };

export function lookup(root: unknown, segments: readonly Segment[]): Lookup {
  let cur: unknown = root;
  for (let d = 0; d < segments.length; d++) {
    const seg = segments[d];
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) return { kind: "notContainer", depth: d };
      if (seg >= cur.length) return { kind: "badIndex", depth: d, length: cur.length };
      cur = cur[seg];
    } else {
      if (!isRecord(cur)) return { kind: "notContainer", depth: d };
      if (!Object.hasOwn(cur, seg) || cur[seg] === undefined) return { kind: "missing", depth: d };
      cur = cur[seg];
    }
  }
  return { kind: "value", value: cur };
}

/**
 * Writes `value` at the path inside `root` (mutates `root`, which must be the caller's own copy), creating
 * missing objects along the way. Array indices must exist.
 */
export function setAtPath(root: Record<string, unknown>, segments: readonly Segment[], value: number): void {
  // plan.ts rejects these with a diagnostic; a write through one would reach Object.prototype
  const reserved = segments.find((x) => typeof x === "string" && isReservedKey(x));
  if (reserved !== undefined) throw new Error(`setAtPath: reserved key ${String(reserved)}`);
  let cur: unknown = root;
  for (let d = 0; d < segments.length - 1; d++) {
    const seg = segments[d];
    const container = cur as Record<string | number, unknown>;
    if (!Object.hasOwn(container, seg) || container[seg] === undefined || container[seg] === null) container[seg] = {};
    cur = container[seg];
  }
  (cur as Record<string | number, unknown>)[segments[segments.length - 1]] = value;
}
