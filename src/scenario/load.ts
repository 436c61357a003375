/** Parse scenario text (YAML or JSON) and check it against the schema, collecting every problem. */
import { type Document, LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { z } from "zod";
import { type Diagnostic, type Outcome, error, formatPath, keyPath } from "../core/diagnostics.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";
import { findReservedKeys, reservedKeyMessage } from "../core/keys.ts";

/** Parse and check; `raw` is the parsed object (undefined when the text itself is malformed). */
export function parseScenarioText(text: string, fileName = "scenario"): Outcome<Scenario | null> & { raw: unknown } {
  const raw = parseText(text, fileName);
  if (raw.value === undefined) return { value: null, diagnostics: raw.diagnostics, raw: undefined };
  return { ...checkScenarioObject(raw.value), raw: raw.value };
}

/** Validate an already-parsed object (e.g. from the web app or the API). */
export function checkScenarioObject(obj: unknown): Outcome<Scenario | null> {
  // keys such as __proto__, constructor or toString would look up built-ins (or be dropped silently): refuse them
  const reserved = findReservedKeys(obj).map(([path, key]) => error(path, reservedKeyMessage(key)));
  const parsed = scenarioSchema.safeParse(obj);
  if (parsed.success && reserved.length === 0) return { value: parsed.data, diagnostics: [] };
  // a reserved key is reported once, as reserved (not again as an unknown field or an invalid record key)
  const at = new Set(reserved.map((d) => d.path));
  const schemaProblems = parsed.success ? [] : zodIssuesToDiagnostics(parsed.error.issues).filter((d) => !at.has(d.path));
  return { value: null, diagnostics: [...reserved, ...schemaProblems] };
}

/** Scenarios are small documents; a bigger input is refused before it is parsed (a 50 MB list ran out of memory). */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

function parseText(text: string, fileName: string): Outcome<unknown> {
  if (text.length > MAX_SCENARIO_BYTES) {
    return { value: undefined, diagnostics: [error("(file)", `is ${(text.length / 1048576).toFixed(1)} MB; a scenario may be at most ${MAX_SCENARIO_BYTES / 1048576} MB`)] };
  }
  if (/\.json$/i.test(fileName)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { value: undefined, diagnostics: [error("(file)", `malformed JSON${jsonPosition(text, (e as Error).message)}: ${(e as Error).message}`)] };
    }
    // JSON.parse keeps the last of two equal keys silently; YAML refuses them: treat both alike
    const lines = new LineCounter();
    const dups = duplicateKeys(parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines);
    return dups.length > 0 ? { value: undefined, diagnostics: dups } : { value, diagnostics: [] };
  }
  const lineCounter = new LineCounter();
  // the yaml library's own uniqueKeys check compares every pair of keys (100,000 keys: minutes): ours is linear
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length === 0) {
    const dups = duplicateKeys(doc, lineCounter);
    if (dups.length > 0) return { value: undefined, diagnostics: dups };
  }
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return error("(file)", `malformed YAML at line ${pos.line}, column ${pos.col}: ${firstLine(e.message)}`);
    });
    return { value: undefined, diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // the yaml library stops alias expansion bombs ("billion laughs") by throwing: a bad input, not a crash
    return { value: undefined, diagnostics: [error("(file)", `YAML cannot be expanded: ${firstLine((e as Error).message)}`)] };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { value: undefined, diagnostics: [error("(root)", "the scenario must be a mapping (program, sites, ...)")] };
  }
  return { value, diagnostics: [] };
}

/** Every key that repeats within its mapping, at its path and line (one Set per mapping: linear in the keys). */
function duplicateKeys(doc: Document, lines: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const p = path === "" && /^[A-Za-z_$][\w$]*$/.test(key) ? key : keyPath(path, key);
        if (seen.has(key)) {
          const at = isScalar(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]) : null;
          out.push(error(p, `duplicate key "${key}"${at ? ` at line ${at.line}` : ""}: a key may appear once in a mapping`));
        } else seen.add(key);
        walk(pair.value, p);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
  };
  walk(doc.contents, "");
  return out;
}

/** " at line L, column C" from V8's "at position N" message, when present. */
function jsonPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return "";
  const before = text.slice(0, Number(m[1])).split("\n");
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}

export function zodIssuesToDiagnostics(issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push(error(formatPath([...issue.path, key]), "unknown field (check spelling and units in the name)"));
      }
      continue;
    }
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      out.push(...zodIssuesToDiagnostics(issue.errors.flat()));
      continue;
    }
    out.push(error(formatPath(issue.path), describeIssue(issue)));
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return `must have at least ${String(issue.minimum)} item(s)`;
      return `must be ${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)}`;
    case "too_big":
      return `must be ${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)}`;
    case "invalid_type": {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === "undefined") return `is required (${issue.expected})`;
      const expected = issue.expected === "int" ? "a whole number" : issue.expected === "record" || issue.expected === "object" ? "a mapping" : `a ${issue.expected}`;
      return `must be ${expected}${received && issue.expected !== "int" ? ` (got ${received})` : ""}`;
    }
    default:
      return issue.message;
  }
}
