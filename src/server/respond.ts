/** Error responses in the CLI's diagnostic shape: `{ diagnostics: [{ path, severity, message }] }`. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { Diagnostic } from "../index.ts";

export const problem = (path: string, message: string): Diagnostic => ({ path, severity: "error", message });

export const diagnosticsResponse = (c: Context, status: ContentfulStatusCode, diagnostics: readonly Diagnostic[]): Response => c.json({ diagnostics }, status);

export const badRequest = (c: Context, diagnostics: readonly Diagnostic[]): Response => diagnosticsResponse(c, 400, diagnostics);

export const notFound = (c: Context, path: string, message: string): Response => diagnosticsResponse(c, 404, [problem(path, message)]);

/** A zod issue path as diagnostics write paths: `a.b[0].c`. */
export function issuePath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(s))) out += out ? `.${String(s)}` : String(s);
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out || "(body)";
}

export function zodDiagnostics(e: z.ZodError): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of e.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push(problem(issuePath([...issue.path, key]), "unknown field"));
    } else {
      out.push(problem(issuePath(issue.path), issue.message));
    }
  }
  return out;
}

/** Parses a JSON body; a malformed one is a diagnostic with the line and column. */
export function parseJsonBody(text: string): { value: unknown; diagnostics: Diagnostic[] } {
  try {
    return { value: JSON.parse(text), diagnostics: [] };
  } catch (e) {
    const message = (e as Error).message;
    const m = /position (\d+)/.exec(message);
    let where = "";
    if (m) {
      const before = text.slice(0, Number(m[1])).split("\n");
      where = ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
    }
    return { value: undefined, diagnostics: [problem("(body)", `malformed JSON${where}: ${message}`)] };
  }
}
