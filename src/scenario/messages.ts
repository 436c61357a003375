/** Diagnostics shared by the schema-level raw checks and the resolver, so both word a problem the same way. */
import { type Diagnostic, error } from "../core/diagnostics.ts";

export const unknownGridRegion = (path: string, name: string, known: readonly string[]): Diagnostic =>
  error(path, `unknown grid region "${name}" (known: ${known.join(", ")})`);

export const unknownServingUtility = (path: string, name: string, known: readonly string[]): Diagnostic =>
  error(path, `unknown serving utility "${name}" (known: ${known.map((k) => `"${k}"`).join(", ")}; add it to data/grid-regions.json servingUtilities with a sourced annual load)`);

export const unknownAccelerator = (path: string, name: string, known?: readonly string[]): Diagnostic =>
  error(path, `unknown accelerator "${name}"${known ? ` (known: ${known.join(", ")})` : ""}`);

export const outsideHorizon = (path: string, month: string, startMonth: string, endMonth: string): Diagnostic =>
  error(path, `${month} is outside the horizon ${startMonth}..${endMonth}`);
