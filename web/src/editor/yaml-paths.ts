/**
 * Where a diagnostic points in the YAML text: its path (`sites[1].phases[0].itPowerMw`,
 * `program.capitalPlanUsdByYear["2026"]`) walked through the parsed document to the node's text range, or the
 * deepest part of the path that exists (a missing field points at its parent). "(file)" diagnostics of malformed
 * YAML carry their line and column in the message.
 */
import { type Node, type Pair, isMap, isScalar, isSeq, parseDocument } from "yaml";

export type PathSegment = string | number;

/** `a.b[2]["c d"]` → ["a", "b", 2, "c d"]; null when the text is not a path (e.g. "(file)", "--seed"). */
export function parsePath(path: string): PathSegment[] | null {
  const out: PathSegment[] = [];
  const re = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = path;
  while (rest.length > 0) {
    const m = re.exec(rest);
    if (!m) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]) as string);
    rest = rest.slice(m[0].length);
  }
  return out.length > 0 ? out : null;
}

export interface TextSpan {
  start: number;
  end: number;
  /** 1-based line of `start` */
  line: number;
  /** false when only a parent of the path exists in the text */
  exact: boolean;
}

const keyText = (p: Pair): string => String(isScalar(p.key) ? p.key.value : p.key);

/** Offset → 1-based line. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** [start, end) of 1-based `line` (without its newline). */
export function lineSpan(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return { start: text.length, end: text.length };
    start = nl + 1;
  }
  const nl = text.indexOf("\n", start);
  return { start, end: nl < 0 ? text.length : nl };
}

/** The text span a diagnostic path names, or null when it names nothing in the text. */
export function spanOfPath(text: string, path: string, message = ""): TextSpan | null {
  const at = /line (\d+), column (\d+)/.exec(message);
  if (path === "(file)" && at) {
    const line = Number(at[1]);
    const { start, end } = lineSpan(text, line);
    return { start, end, line, exact: true };
  }
  const segments = parsePath(path);
  if (!segments) return null;
  const doc = parseDocument(text, { uniqueKeys: false });
  let node: unknown = doc.contents;
  let best: { range: [number, number]; depth: number } | null = null;
  for (let depth = 0; depth < segments.length; depth++) {
    const seg = segments[depth];
    let keyNode: Node | null = null;
    let next: unknown = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === String(seg));
      if (pair) {
        keyNode = isScalar(pair.key) ? pair.key : null;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof seg === "number") {
      next = node.items[seg];
    }
    if (next === undefined) break;
    const range = (next as Node | null)?.range ?? keyNode?.range;
    // a mapping or sequence points at its key (its first line); a scalar at its value
    const useKey = keyNode?.range && (isMap(next) || isSeq(next) || next === null);
    const r = useKey ? keyNode?.range : range;
    if (r) best = { range: [r[0], r[1]], depth: depth + 1 };
    node = next;
  }
  if (!best) return null;
  return { start: best.range[0], end: best.range[1], line: lineOf(text, best.range[0]), exact: best.depth === segments.length };
}
