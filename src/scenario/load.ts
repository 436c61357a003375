/** Parse scenario text (YAML or JSON) and check it against the schema, collecting every problem. */
import { parseDocument, LineCounter } from "yaml";
import type { z } from "zod";
import { type Diagnostic, type Outcome, error, formatPath } from "../core/diagnostics.ts";
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
  return { value: null, diagnostics: [...reserved, ...(parsed.success ? [] : zodIssuesToDiagnostics(parsed.error.issues))] };
}

function parseText(text: string, fileName: string): Outcome<unknown> {
  if (/\.json$/i.test(fileName)) {
    try {
      return { value: JSON.parse(text), diagnostics: [] };
    } catch (e) {
      return { value: undefined, diagnostics: [error("(file)", `malformed JSON${jsonPosition(text, (e as Error).message)}: ${(e as Error).message}`)] };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
